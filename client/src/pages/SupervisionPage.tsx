import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import type { Profession } from '../gql/graphql';
import { PROFESSION_LABELS } from '../format';
import { can, useAgent } from '../session';
import { Empty, ErrorAlert, Loading, SelectField, usePageTitle } from '../ui';
import { CaisseFilter } from './supervision/CaisseFilter';
import { Dashboard } from './supervision/Dashboard';
import { FullExports } from './supervision/FullExports';
import { CAMPAIGNS, PROGRESS } from './supervision/queries';
import { Workload } from './supervision/Workload';

/**
 * The supervision dashboard: a campaign, a profession and (national agents) a caisse, kept in the URL;
 * the pieces are in supervision/ (figures, workload, exports).
 */
export function SupervisionPage() {
  usePageTitle('Supervision de campagne');
  const agent = useAgent();
  const [params, setParams] = useSearchParams();
  const campaigns = useQuery(CAMPAIGNS);
  const list = campaigns.data?.campaigns ?? [];
  const campaign =
    list.find((c) => c.id === params.get('campagne')) ??
    list.find((c) => c.status === 'OPEN') ??
    list.find((c) => c.status === 'CLOSED') ??
    list[0];
  const caisseCode = agent.nationalScope ? params.get('caisse') || null : null;
  const profession = (campaign?.professions.find((p) => p === params.get('profession')) ?? null) as Profession | null;
  const progress = useQuery(PROGRESS, {
    variables: {
      year: campaign?.referenceYear ?? 0,
      scheme: campaign?.scheme ?? null,
      caisseCode,
      profession,
    },
    skip: !campaign,
  });
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  if (campaigns.loading && !campaigns.data) return <Loading />;
  if (campaigns.error) return <ErrorAlert error={campaigns.error} onRetry={() => void campaigns.refetch()} />;
  const p = progress.data?.campaignProgress;
  const slug = campaign
    ? [
        campaign.scheme.toLowerCase(),
        campaign.referenceYear,
        caisseCode ?? (agent.nationalScope ? 'national' : agent.caisseCode),
        profession?.toLowerCase(),
      ]
        .filter(Boolean)
        .join('-')
    : '';
  return (
    <>
      <h1>Supervision de campagne</h1>
      <p className="mcbo-reason">
        Périmètre :{' '}
        {agent.nationalScope ? (caisseCode ? `caisse ${caisseCode}` : 'France entière') : `caisse ${agent.caisseCode}`}
        {profession ? ` · ${PROFESSION_LABELS[profession]}` : ''}
      </p>
      <div className="fr-grid-row fr-grid-row--gutters fr-mb-2w">
        <div className="fr-col-12 fr-col-md-5">
          <SelectField
            id="campagne"
            label="Campagne"
            value={campaign?.id ?? ''}
            options={list.map((c) => [c.id, c.label] as const)}
            onChange={(v) => update({ campagne: v, profession: null })}
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <SelectField
            id="profession"
            label="Profession"
            value={profession ?? ''}
            options={(campaign?.professions ?? []).map((c) => [c, PROFESSION_LABELS[c] ?? c] as const)}
            allLabel="Toutes les professions de la campagne"
            onChange={(v) => update({ profession: v })}
          />
        </div>
        {agent.nationalScope && (
          <div className="fr-col-12 fr-col-md-3">
            <CaisseFilter key={caisseCode ?? ''} value={caisseCode} onApply={(code) => update({ caisse: code })} />
          </div>
        )}
      </div>
      {!campaign && <Empty>Aucune campagne.</Empty>}
      {progress.error && <ErrorAlert error={progress.error} onRetry={() => void progress.refetch()} />}
      {progress.loading && !p && <Loading what="Calcul de l’avancement…" />}
      {p && p.professionalsConcerned === 0 && <Empty>Aucun professionnel concerné sur ce périmètre.</Empty>}
      {p && campaign && (
        <Dashboard
          p={p}
          slug={slug}
          drill={{ campaignYear: campaign.referenceYear, scheme: campaign.scheme, caisseCode, profession }}
        />
      )}
      {p && campaign && (
        <Workload
          campaignYear={campaign.referenceYear}
          caisseCode={caisseCode}
          drill={{ campaignYear: campaign.referenceYear, scheme: campaign.scheme, caisseCode, profession }}
        />
      )}
      {p && campaign && can(agent, 'EXPORT') && (
        <FullExports
          query={{ campaignYear: String(campaign.referenceYear), scheme: campaign.scheme, caisseCode, profession }}
        />
      )}
    </>
  );
}
