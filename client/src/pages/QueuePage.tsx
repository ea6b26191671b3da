import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../gql';
import type { JustificatifQueueView } from '../gql/graphql';
import { CHANNEL_LABELS, JUSTIFICATIF_STATUS, PROFESSION_LABELS, frenchDate } from '../format';
import { Badge, Empty, ErrorAlert, Loading, Pager, Tabs, usePageTitle } from '../ui';

export const QUEUE = graphql(`
  query Queue($filter: JustificatifQueueFilter, $first: Int, $after: String) {
    justificatifQueue(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        status
        ageDays
        receivedAt
        decidedAt
        channel
        professional {
          id
          lastName
          firstName
          profession
        }
        indicator {
          code
          label
        }
        campaign {
          label
        }
        assignedTo {
          id
          displayName
        }
        decidedBy {
          displayName
        }
        precheck {
          status
          contradictions
        }
      }
    }
  }
`);

export const QUEUE_VIEWS: { id: JustificatifQueueView; label: string; empty: string }[] = [
  { id: 'TO_PROCESS', label: 'À traiter', empty: 'Aucun justificatif en attente de prise en charge.' },
  { id: 'MINE', label: 'Mes dossiers', empty: 'Vous n’avez aucun justificatif en cours.' },
  { id: 'PROCESSED', label: 'Traités', empty: 'Aucun justificatif traité.' },
];

export function queueView(value: string | null): JustificatifQueueView {
  return QUEUE_VIEWS.find((v) => v.id === value)?.id ?? 'TO_PROCESS';
}

export function QueuePage() {
  const [params, setParams] = useSearchParams();
  const view = queueView(params.get('vue'));
  const current = QUEUE_VIEWS.find((v) => v.id === view)!;
  usePageTitle(`Justificatifs – ${current.label}`);
  const after = params.get('apres');
  const contradiction = params.get('contradiction') === '1';
  const { data, loading, error, refetch } = useQuery(QUEUE, {
    variables: { filter: { view, oldestFirst: true, contradictionDetected: contradiction || null }, first: 25, after },
    fetchPolicy: 'network-only',
  });
  const queue = data?.justificatifQueue;
  const processed = view === 'PROCESSED';
  return (
    <>
      <h1>Justificatifs</h1>
      <Tabs
        label="Files de justificatifs"
        idPrefix="file"
        tabs={QUEUE_VIEWS}
        selected={view}
        onSelect={(id) => setParams({ vue: id })}
      >
        <div className="fr-toggle fr-mb-2w">
          <input
            type="checkbox"
            className="fr-toggle__input"
            id="filtre-contradiction"
            aria-describedby="filtre-contradiction-hint"
            checked={contradiction}
            onChange={(e) => setParams(e.target.checked ? { vue: view, contradiction: '1' } : { vue: view })}
          />
          <label className="fr-toggle__label" htmlFor="filtre-contradiction">
            Contradiction détectée
          </label>
          <p className="fr-hint-text" id="filtre-contradiction-hint">
            Seulement les pièces où le pré-contrôle a lu un autre nom, un autre éditeur ou logiciel, une date hors de
            l’année…
          </p>
        </div>
        {error && <ErrorAlert error={error} onRetry={() => void refetch()} />}
        {loading && !data && <Loading />}
        {queue && queue.totalCount === 0 && <Empty>{current.empty}</Empty>}
        {queue && queue.totalCount > 0 && (
          <div className="fr-table fr-table--bordered">
            <table tabIndex={0}>
              <caption>
                {current.label} : {queue.totalCount} justificatif{queue.totalCount > 1 ? 's' : ''}, les plus anciens
                d’abord
              </caption>
              <thead>
                <tr>
                  <th scope="col">Reçu le</th>
                  <th scope="col">Âge</th>
                  <th scope="col">Professionnel</th>
                  <th scope="col">Indicateur</th>
                  <th scope="col">Statut</th>
                  <th scope="col">{processed ? 'Décidé par' : 'Pris par'}</th>
                </tr>
              </thead>
              <tbody>
                {queue.nodes.map((j) => (
                  <tr key={j.id}>
                    <td>
                      {frenchDate(j.receivedAt)}
                      <p className="mcbo-reason">{CHANNEL_LABELS[j.channel]}</p>
                    </td>
                    <td>
                      {j.ageDays} j<span className="fr-sr-only"> (jours depuis la réception)</span>
                    </td>
                    <td>
                      {j.professional.lastName.toUpperCase()} {j.professional.firstName}
                      <p className="mcbo-reason">{PROFESSION_LABELS[j.professional.profession]}</p>
                    </td>
                    <td>
                      <Link to={`/justificatifs/${j.id}?vue=${view}`} className="mcbo-row-link">
                        {j.indicator.label}
                        <span className="fr-sr-only">
                          {' '}
                          – {j.professional.lastName.toUpperCase()} {j.professional.firstName}
                        </span>
                      </Link>
                      <p className="mcbo-reason">{j.campaign.label}</p>
                    </td>
                    <td>
                      <Badge severity={JUSTIFICATIF_STATUS[j.status]!.severity}>
                        {JUSTIFICATIF_STATUS[j.status]!.label}
                      </Badge>
                      {j.status === 'RECEIVED' && j.precheck && j.precheck.contradictions > 0 && (
                        <p className="fr-mt-1v">
                          <Badge severity="error">Contradiction détectée</Badge>
                        </p>
                      )}
                    </td>
                    <td>
                      {processed
                        ? `${j.decidedBy?.displayName ?? '—'}${j.decidedAt ? `, le ${frenchDate(j.decidedAt)}` : ''}`
                        : (j.assignedTo?.displayName ?? '—')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager
              onFirstPage={
                after ? () => setParams({ vue: view, ...(contradiction ? { contradiction: '1' } : {}) }) : null
              }
              onNextPage={
                queue.pageInfo.hasNextPage
                  ? () =>
                      setParams({
                        vue: view,
                        apres: queue.pageInfo.endCursor ?? '',
                        ...(contradiction ? { contradiction: '1' } : {}),
                      })
                  : null
              }
            />
          </div>
        )}
      </Tabs>
    </>
  );
}
