import { useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../gql';
import type { DeclarationStatus, Profession } from '../gql/graphql';
import { PROFESSION_LABELS } from '../format';
import { Empty, ErrorAlert, Loading, Pager, SelectField, usePageTitle } from '../ui';

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

/** An exact identifier: N° AM or ADELI (9 characters, Corsica's 2A/2B included) or RPPS (11 digits). */
const IDENTIFIER = /^(\d{9}|\d{11}|2[AB]\d{7})$/i;

export function SearchPage() {
  usePageTitle('Rechercher un professionnel');
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const [text, setText] = useState(params.get('q') ?? '');
  const q = params.get('q') ?? '';
  const commune = params.get('commune') ?? '';
  const [communeText, setCommuneText] = useState(commune);
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
    commune: commune || null,
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
  const nothingAsked = !q && !commune && !profession && !byCampaign;
  const { data, loading, error, refetch } = useQuery(SEARCH, {
    variables: { filter, first: 25, after },
    skip: nothingAsked,
  });

  // Enter on an exact identifier with exactly one match opens the file. Only right after a submit:
  // coming back to these results (browser back) must show them, not reopen the file.
  // The box follows the address (browser back and forward).
  useEffect(() => setText(q), [q]);
  useEffect(() => setCommuneText(commune), [commune]);

  const openSingle = useRef<string | null>(null);
  useEffect(() => {
    const nodes = data?.professionals.nodes;
    if (!nodes || openSingle.current === null || openSingle.current !== q) return;
    openSingle.current = null;
    if (nodes.length === 1 && data.professionals.totalCount === 1) navigate(`/professionnels/${nodes[0]!.id}`);
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
    const value = text.trim().replace(/\s+/g, ' ');
    const compact = value.replace(/\s/g, '');
    const query = IDENTIFIER.test(compact) ? compact.toUpperCase() : value;
    openSingle.current = IDENTIFIER.test(compact) ? query : null;
    update({ q: query || null, commune: communeText.trim() || null });
  };

  return (
    <>
      <h1>Rechercher un professionnel</h1>
      <form onSubmit={submit} role="search" className="fr-mb-3w">
        <label className="fr-label fr-mb-1w" htmlFor="q">
          Nom, N° AM, RPPS ou ADELI
          <span className="fr-hint-text">
            Nom et prénom dans l’ordre que vous voulez, en entier ou en partie (« eloise lef »), ou identifiant exact ;
            Entrée sur un identifiant ouvre le dossier.
          </span>
        </label>
        <div className="fr-search-bar fr-search-bar--lg" id="recherche">
          <input
            className="fr-input"
            id="q"
            name="q"
            type="search"
            placeholder="Nom, N° AM, RPPS ou ADELI"
            value={text}
            // The DAM's first gesture after login is to type a name.
            autoFocus={!q}
            onChange={(e) => setText(e.target.value)}
          />
          <button className="fr-btn" type="submit" title="Rechercher">
            Rechercher
          </button>
        </div>
        <div className="fr-grid-row fr-grid-row--gutters fr-mt-1w">
          <div className="fr-col-12 fr-col-md-6 fr-col-lg-3">
            <div className="fr-input-group">
              <label className="fr-label" htmlFor="commune">
                Commune d’exercice
                <span className="fr-hint-text">Nom exact, accents facultatifs ; Entrée pour chercher</span>
              </label>
              <input
                className="fr-input"
                id="commune"
                name="commune"
                type="text"
                autoComplete="off"
                value={communeText}
                onChange={(e) => setCommuneText(e.target.value)}
              />
            </div>
          </div>
          <div className="fr-col-12 fr-col-md-6 fr-col-lg-3">
            <SelectField
              id="profession"
              label="Profession"
              value={profession ?? ''}
              options={Object.entries(PROFESSION_LABELS)}
              allLabel="Toutes"
              onChange={(v) => update({ profession: v })}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6 fr-col-lg-3">
            <SelectField
              id="campagne"
              label="Campagne (pour les deux filtres suivants)"
              value={campaign?.id ?? ''}
              options={campaigns.data?.campaigns.map((c) => [c.id, c.label] as const) ?? []}
              onChange={(v) => update({ campagne: v })}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6 fr-col-lg-3">
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
      {error && <ErrorAlert error={error} onRetry={() => void refetch()} />}
      {loading && !data && <Loading />}
      {nothingAsked && <Empty>Saisissez un nom ou un identifiant, ou choisissez un filtre.</Empty>}
      {data && data.professionals.totalCount === 0 && <Empty>Aucun professionnel ne correspond à la recherche.</Empty>}
      {data && data.professionals.totalCount > 0 && (
        <div className="fr-table">
          <table tabIndex={0}>
            <caption>
              {data.professionals.totalCount} professionnel{data.professionals.totalCount > 1 ? 's' : ''} trouvé
              {data.professionals.totalCount > 1 ? 's' : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Profession</th>
                <th scope="col">N° AM</th>
                <th scope="col">RPPS</th>
                <th scope="col">ADELI</th>
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
                  <td>{p.adeli ?? '—'}</td>
                  <td>{p.commune}</td>
                  <td>{p.caisseCode}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            onFirstPage={after ? () => update({ apres: null }) : null}
            onNextPage={
              data.professionals.pageInfo.hasNextPage
                ? () => update({ apres: data.professionals.pageInfo.endCursor })
                : null
            }
          />
        </div>
      )}
    </>
  );
}
