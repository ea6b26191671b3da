import { useQuery } from '@apollo/client/react';
import { dateTime, integer } from '../../format';
import type { ReferentielChangeKind } from '../../gql/graphql';
import { ErrorAlert, Loading } from '../../ui';
import { REFERENTIEL_CHANGES } from './queries';

/** The history of a référentiel entry: revision, author, date, what changed and how many declarations. */
export function ChangeHistory({
  kind,
  targetId,
  title,
}: {
  kind: ReferentielChangeKind;
  targetId: string;
  title: string;
}) {
  const { data, loading, error } = useQuery(REFERENTIEL_CHANGES, {
    variables: { kind, targetId },
    fetchPolicy: 'cache-and-network',
  });
  if (loading && !data) return <Loading what="Chargement de l’historique…" />;
  if (error) return <ErrorAlert error={error} />;
  const changes = data?.referentielChanges ?? [];
  if (changes.length === 0) return <p className="fr-text--sm">Aucune modification enregistrée.</p>;
  return (
    <div className="fr-table fr-table--sm" data-testid="referentiel-history">
      <table tabIndex={0}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Révision</th>
            <th scope="col">Date</th>
            <th scope="col">Auteur</th>
            <th scope="col">Modification</th>
            <th scope="col">Déclarations réévaluées</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.id}>
              <td>{c.revision}</td>
              <td>{dateTime(c.at)}</td>
              <td>{c.author ?? '—'}</td>
              <td>{c.summary}</td>
              <td>{integer(c.reevaluated)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
