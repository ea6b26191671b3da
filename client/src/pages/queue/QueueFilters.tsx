import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { Profession } from '../../gql/graphql';
import { PROFESSION_LABELS } from '../../format';
import { SelectField } from '../../ui';

const QUEUE_CAMPAIGNS = graphql(`
  query QueueCampaigns {
    campaigns {
      id
      referenceYear
      scheme
      label
      professions
      indicators {
        code
        label
      }
    }
  }
`);

/** The dashboard's age buckets (server/src/progress/age-buckets.ts). */
export const AGE_RANGES = [
  { id: '0-7', label: '0 à 7 jours', min: null, max: 7 },
  { id: '8-15', label: '8 à 15 jours', min: 8, max: 15 },
  { id: '16-30', label: '16 à 30 jours', min: 16, max: 30 },
  { id: '31-', label: 'Plus de 30 jours', min: 31, max: null },
] as const;

export interface Holder {
  id: string;
  displayName: string;
}

/** Filters and order of the queue; each change rewrites the URL (and goes back to page 1). */
export function QueueFilters({
  params,
  update,
  holders,
  oldestFirst,
}: {
  oldestFirst: boolean;
  params: URLSearchParams;
  update: (changes: Record<string, string | null>) => void;
  holders: Holder[];
}) {
  const { data } = useQuery(QUEUE_CAMPAIGNS);
  const campaigns = data?.campaigns ?? [];
  const campaignKey = params.get('annee') ? `${params.get('annee')}:${params.get('regime') ?? ''}` : '';
  const campaign = campaigns.find((c) => `${c.referenceYear}:${c.scheme}` === campaignKey);
  const professions = [...new Set((campaign ? [campaign] : campaigns).flatMap((c) => c.professions))] as Profession[];
  const ageMin = params.get('ageMin');
  const ageMax = params.get('ageMax');
  const age = AGE_RANGES.find((r) => String(r.min ?? '') === (ageMin ?? '') && String(r.max ?? '') === (ageMax ?? ''));
  const holderValue = params.get('detenteur') ?? (params.get('prises') ? `prises:${params.get('prises')}` : '');
  return (
    <div className="fr-grid-row fr-grid-row--gutters fr-mb-1w" role="group" aria-label="Filtres de la file">
      <div className="fr-col-12 fr-col-md-4 fr-col-lg-3">
        <SelectField
          id="filtre-campagne"
          label="Campagne"
          value={campaign ? campaignKey : ''}
          allLabel="Toutes les campagnes"
          options={campaigns.map((c) => [`${c.referenceYear}:${c.scheme}`, c.label] as const)}
          onChange={(v) => {
            const [year, scheme] = (v ?? '').split(':');
            update({ annee: year || null, regime: scheme || null, indicateur: null });
          }}
        />
      </div>
      <div className="fr-col-12 fr-col-md-4 fr-col-lg-3">
        <SelectField
          id="filtre-indicateur"
          label="Indicateur"
          value={campaign ? (params.get('indicateur') ?? '') : ''}
          allLabel={campaign ? 'Tous les indicateurs' : 'Choisissez d’abord une campagne'}
          options={(campaign?.indicators ?? []).map((i) => [i.code, i.label] as const)}
          onChange={(v) => update({ indicateur: v })}
        />
      </div>
      <div className="fr-col-12 fr-col-md-4 fr-col-lg-2">
        <SelectField
          id="filtre-profession"
          label="Profession"
          value={params.get('profession') ?? ''}
          allLabel="Toutes"
          options={professions.map((p) => [p, PROFESSION_LABELS[p]] as const)}
          onChange={(v) => update({ profession: v })}
        />
      </div>
      <div className="fr-col-12 fr-col-md-4 fr-col-lg-2">
        <SelectField
          id="filtre-age"
          label="Ancienneté"
          value={age?.id ?? ''}
          allLabel="Toutes"
          options={AGE_RANGES.map((r) => [r.id, r.label] as const)}
          onChange={(v) => {
            const range = AGE_RANGES.find((r) => r.id === v);
            update({
              ageMin: range?.min === null || !range ? null : String(range.min),
              ageMax: range?.max === null || !range ? null : String(range.max),
            });
          }}
        />
      </div>
      <div className="fr-col-12 fr-col-md-4 fr-col-lg-2">
        <SelectField
          id="filtre-detenteur"
          label="Pris par"
          value={holderValue}
          allLabel="Tous"
          options={[
            ['prises:non', 'Personne (libres)'] as const,
            ['prises:oui', 'Un conseiller (pris)'] as const,
            ...holders.map((h) => [h.id, h.displayName] as const),
          ]}
          onChange={(v) =>
            update(v?.startsWith('prises:') ? { prises: v.slice(7), detenteur: null } : { detenteur: v, prises: null })
          }
        />
      </div>
      <div className="fr-col-12 fr-col-md-4 fr-col-lg-3">
        <SelectField
          id="filtre-tri"
          label="Ordre"
          value={oldestFirst ? 'anciens' : 'recents'}
          options={[
            ['anciens', 'Les plus anciens d’abord'],
            ['recents', 'Les plus récents d’abord'],
          ]}
          onChange={(v) => update({ tri: v })}
        />
      </div>
    </div>
  );
}
