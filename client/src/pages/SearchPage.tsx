import { useQuery } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../gql';
import type { DeclarationStatus, Profession } from '../gql/graphql';
import { PROFESSION_LABELS } from '../format';
import { Empty, ErrorAlert, Loading, SelectField } from '../ui';

const SEARCH = graphql(`
  query SearchProfessionals($filter: ProfessionalFilter, $first: Int, $after: String) {
    professionals(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        lastName
        firstName
        profession
        specialty
        amNumber
        rpps
        adeli
        commune
        caisseCode
      }
    }
  }
`);

const CAMPAIGN_CHOICES = graphql(`
  query SearchCampaigns {
    campaigns {
      id
      referenceYear
      scheme
      label
    }
  }
`);

const DECLARATION_STATUSES: [DeclarationStatus, string][] = [
  ['NOT_STARTED', 'Non commencée'],
  ['STARTED', 'Commencée'],
  ['TRANSMITTED', 'Transmise'],
];

const IDENTIFIER = /^(\d{9}|\d{11}|2[AB]\d{7})$/i;

export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const [text, setText] = useState(params.get('q') ?? '');
  const q = params.get('q') ?? '';
  const profession = (params.get('profession') as Profession | null) || null;
  const toProcess = params.get('aTraiter') === '1';
  const declarationStatus = (params.get('declaration') as DeclarationStatus | null) || null;
  const after = params.get('apres');
  const campaigns = useQuery(CAMPAIGN_CHOICES);
  const campaign =
    campaigns.data?.campaigns.find((c) => c.id === params.get('campagne')) ?? campaigns.data?.campaigns[0];
  const byCampaign = (toProcess || declarationStatus) && campaign;
  const filter = {
    query: q || null,
    profession,
    ...(byCampaign
      ? {
          campaignYear: campaign.referenceYear,
          scheme: campaign.scheme,
          hasJustificatifToProcess: toProcess || null,
          declarationStatus,
        }
      : {}),
  };
  const nothingAsked = !q && !profession && !byCampaign;
  const { data, loading, error } = useQuery(SEARCH, { variables: { filter, first: 25, after }, skip: nothingAsked });

  useEffect(() => {
    const nodes = data?.professionals.nodes;
    if (nodes?.length === 1 && IDENTIFIER.test(q.replace(/\s/g, ''))) navigate(`/professionnels/${nodes[0]!.id}`);
  }, [data, q, navigate]);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    next.delete('apres');
    if (changes.apres) next.set('apres', changes.apres);
    setParams(next);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update({ q: text.trim() || null });
  };

  return (
    <>
      <h1>Rechercher un professionnel</h1>
      <form onSubmit={submit} role="search" className="fr-mb-3w">
        <div className="fr-search-bar fr-search-bar--lg" id="recherche">
          <label className="fr-label" htmlFor="q">
            Nom, N° AM, RPPS ou ADELI
          </label>
          <input
            className="fr-input"
            id="q"
            name="q"
            type="search"
            placeholder="Nom, N° AM, RPPS ou ADELI"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button className="fr-btn" type="submit">
            Rechercher
          </button>
        </div>
        <div className="fr-grid-row fr-grid-row--gutters fr-mt-1w">
          <div className="fr-col-12 fr-col-md-4">
            <SelectField
              id="profession"
              label="Profession"
              value={profession ?? ''}
              options={Object.entries(PROFESSION_LABELS)}
              allLabel="Toutes"
              onChange={(v) => update({ profession: v })}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <SelectField
              id="campagne"
              label="Campagne"
              value={campaign?.id ?? ''}
              options={campaigns.data?.campaigns.map((c) => [c.id, c.label] as const) ?? []}
              onChange={(v) => update({ campagne: v })}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <SelectField
              id="declaration"
              label="Déclaration pour cette campagne"
              value={declarationStatus ?? ''}
              options={DECLARATION_STATUSES}
              allLabel="Toutes"
              onChange={(v) => update({ declaration: v })}
            />
          </div>
          <div className="fr-col-12">
            <div className="fr-checkbox-group">
              <input
                type="checkbox"
                id="aTraiter"
                checked={toProcess}
                onChange={(e) => update({ aTraiter: e.target.checked ? '1' : null })}
              />
              <label className="fr-label" htmlFor="aTraiter">
                Avec un justificatif à traiter pour cette campagne
              </label>
            </div>
          </div>
        </div>
      </form>
      {error && <ErrorAlert error={error} />}
      {loading && !data && <Loading />}
      {nothingAsked && <Empty>Saisissez un nom ou un identifiant, ou choisissez un filtre.</Empty>}
      {data && data.professionals.totalCount === 0 && <Empty>Aucun professionnel ne correspond à la recherche.</Empty>}
      {data && data.professionals.totalCount > 0 && (
        <div className="fr-table fr-table--no-caption">
          <table>
            <caption>Résultats ({data.professionals.totalCount})</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Profession</th>
                <th scope="col">N° AM</th>
                <th scope="col">RPPS</th>
                <th scope="col">Commune</th>
                <th scope="col">Caisse</th>
              </tr>
            </thead>
            <tbody>
              {data.professionals.nodes.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/professionnels/${p.id}`}>
                      {p.lastName.toUpperCase()} {p.firstName}
                    </Link>
                  </td>
                  <td>
                    {PROFESSION_LABELS[p.profession]}
                    {p.specialty ? ` (${p.specialty})` : ''}
                  </td>
                  <td>{p.amNumber}</td>
                  <td>{p.rpps ?? '—'}</td>
                  <td>{p.commune}</td>
                  <td>{p.caisseCode}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mcbo-reason">{data.professionals.totalCount} résultat(s)</p>
          {after && (
            <button className="fr-btn fr-btn--secondary fr-mr-2w" onClick={() => update({ apres: null })}>
              Première page
            </button>
          )}
          {data.professionals.pageInfo.hasNextPage && (
            <button
              className="fr-btn fr-btn--secondary"
              onClick={() => update({ apres: data.professionals.pageInfo.endCursor })}
            >
              Page suivante
            </button>
          )}
        </div>
      )}
    </>
  );
}
