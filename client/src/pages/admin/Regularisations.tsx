import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { dateTime, euros } from '../../format';
import type { Scheme } from '../../gql/graphql';
import { ErrorAlert, Loading, Pager } from '../../ui';
import { REGULARISATIONS } from './queries';

/** The régularisations made after the campaign was computed (reversals, contrôles), page by page. */
export function Regularisations({ year, scheme }: { year: number; scheme: Scheme }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const { data, loading, error } = useQuery(REGULARISATIONS, {
    variables: { year, scheme, after },
    fetchPolicy: 'cache-and-network',
  });
  if (loading && !data) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  const page = data?.regularisations;
  if (!page || page.totalCount === 0) return <p>Aucune régularisation depuis le calcul.</p>;
  return (
    <>
      <div className="fr-table fr-table--sm" data-testid="regularisations">
        <table tabIndex={0}>
          <caption>Régularisations ({page.totalCount})</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Caisse</th>
              <th scope="col">Professionnel</th>
              <th scope="col">Dû avant</th>
              <th scope="col">Nouveau dû</th>
              <th scope="col">Régularisation</th>
              <th scope="col">Motif</th>
            </tr>
          </thead>
          <tbody>
            {page.nodes.map((r) => (
              <tr key={r.id}>
                <td>{dateTime(r.createdAt)}</td>
                <td>{r.caisseCode}</td>
                <td>{r.professionalName ?? '—'}</td>
                <td>{euros(r.previousDueCents)}</td>
                <td>{euros(r.newDueCents)}</td>
                <td>
                  {r.amountCents > 0 ? '+' : ''}
                  {euros(r.amountCents)}
                </td>
                <td>
                  {r.source === 'CONTROL' ? 'Contrôle : ' : 'Recours : '}
                  {r.reason}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        onFirstPage={cursors.length > 1 ? () => setCursors([null]) : null}
        onNextPage={page.pageInfo.hasNextPage ? () => setCursors((c) => [...c, page.pageInfo.endCursor ?? null]) : null}
      />
    </>
  );
}
