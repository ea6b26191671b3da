import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { dateTime } from '../../format';
import { dmpLabel, messagingLabel } from '../../software-labels';

const CATALOGUE_ENTRY = graphql(`
  query ReviewSoftwareStatus($id: ID!) {
    software(id: $id) {
      id
      name
      version
      dmpCompatible
      dmpCompatibleSince
      lapCertified
      messagingType
      revision
      updatedAt
      publisher {
        name
      }
    }
  }
`);

/** Beside a declared software: what the catalogue says of it now, before the conseiller decides. */
export function SoftwareStatus({ softwareId }: { softwareId: string }) {
  const { data, loading } = useQuery(CATALOGUE_ENTRY, { variables: { id: softwareId } });
  if (loading && !data) return null;
  const s = data?.software;
  if (!s) return <p className="fr-text--sm mcbo-reason">Logiciel absent du catalogue.</p>;
  return (
    <div className="fr-callout fr-py-2w fr-mb-2w" data-testid="software-status">
      <p className="fr-callout__text fr-text--sm">
        Catalogue : {s.publisher.name} {s.name} {s.version}
      </p>
      <ul className="fr-text--sm fr-mb-0">
        <li>{dmpLabel(s)}</li>
        <li>{s.lapCertified ? 'LAP certifié HAS' : 'LAP non certifié'}</li>
        <li>Messagerie sécurisée : {messagingLabel(s.messagingType)}</li>
      </ul>
      {s.updatedAt && (
        <p className="fr-text--xs fr-mb-0">
          Révision {s.revision} du {dateTime(s.updatedAt)}
        </p>
      )}
    </div>
  );
}
