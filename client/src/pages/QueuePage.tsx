import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../gql';
import type { JustificatifQueueView } from '../gql/graphql';
import { JUSTIFICATIF_STATUS, PROFESSION_LABELS, frenchDate } from '../format';
import { Badge, Empty, ErrorAlert, Loading } from '../ui';

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
          displayName
        }
      }
    }
  }
`);

const VIEWS: [JustificatifQueueView, string][] = [
  ['TO_PROCESS', 'À traiter'],
  ['MINE', 'Mes dossiers'],
  ['PROCESSED', 'Traités'],
];

export function QueuePage() {
  const [params, setParams] = useSearchParams();
  const view = (params.get('vue') as JustificatifQueueView | null) ?? 'TO_PROCESS';
  const after = params.get('apres');
  const { data, loading, error } = useQuery(QUEUE, {
    variables: { filter: { view }, first: 25, after },
    fetchPolicy: 'network-only',
  });
  return (
    <>
      <h1>Justificatifs</h1>
      <div className="fr-tabs">
        <ul className="fr-tabs__list" role="tablist" aria-label="Files de justificatifs">
          {VIEWS.map(([value, label]) => (
            <li key={value} role="presentation">
              <button
                className="fr-tabs__tab"
                role="tab"
                aria-selected={view === value}
                aria-controls="queue-panel"
                onClick={() => setParams({ vue: value })}
              >
                {label}
              </button>
            </li>
          ))}
        </ul>
        <div className="fr-tabs__panel fr-tabs__panel--selected" role="tabpanel" id="queue-panel">
          {error && <ErrorAlert error={error} />}
          {loading && !data && <Loading />}
          {data && data.justificatifQueue.totalCount === 0 && <Empty>Aucun justificatif dans cette file.</Empty>}
          {data && data.justificatifQueue.totalCount > 0 && (
            <div className="fr-table">
              <table>
                <caption>{data.justificatifQueue.totalCount} justificatif(s), les plus anciens d’abord</caption>
                <thead>
                  <tr>
                    <th scope="col">Reçu le</th>
                    <th scope="col">Âge</th>
                    <th scope="col">Professionnel</th>
                    <th scope="col">Indicateur</th>
                    <th scope="col">Statut</th>
                    <th scope="col">Pris par</th>
                  </tr>
                </thead>
                <tbody>
                  {data.justificatifQueue.nodes.map((j) => (
                    <tr key={j.id}>
                      <td>
                        <Link to={`/justificatifs/${j.id}?vue=${view}`}>{frenchDate(j.receivedAt)}</Link>
                      </td>
                      <td>{j.ageDays} j</td>
                      <td>
                        {j.professional.lastName.toUpperCase()} {j.professional.firstName}
                        <p className="mcbo-reason">{PROFESSION_LABELS[j.professional.profession]}</p>
                      </td>
                      <td>
                        {j.indicator.label}
                        <p className="mcbo-reason">{j.campaign.label}</p>
                      </td>
                      <td>
                        <Badge severity={JUSTIFICATIF_STATUS[j.status]!.severity}>
                          {JUSTIFICATIF_STATUS[j.status]!.label}
                        </Badge>
                      </td>
                      <td>{j.assignedTo?.displayName ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {data.justificatifQueue.pageInfo.hasNextPage && (
                <button
                  className="fr-btn fr-btn--secondary"
                  onClick={() => setParams({ vue: view, apres: data.justificatifQueue.pageInfo.endCursor ?? '' })}
                >
                  Page suivante
                </button>
              )}
            </div>
          )}
        </div>
      </div>
    </>
  );
}
