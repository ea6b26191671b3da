import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { dateTime } from '../../format';
import { graphql } from '../../gql';
import { Empty, ErrorAlert, Notice } from '../../ui';

const NOTES = graphql(`
  query InternalNotes($professionalId: ID, $justificatifId: ID) {
    internalNotes(professionalId: $professionalId, justificatifId: $justificatifId) {
      id
      at
      body
      justificatifId
      agent {
        displayName
      }
    }
  }
`);

const ADD_NOTE = graphql(`
  mutation AddInternalNote($input: AddInternalNoteInput!) {
    addInternalNote(input: $input) {
      __typename
      ... on InternalNoteAdded {
        note {
          id
        }
      }
      ... on InternalNoteRefused {
        message
        field
      }
    }
  }
`);

/**
 * Private notes (annotations internes) on a piece or on a professional's file: read by the caisse's
 * agents only, never by the professional. The file's list also shows its pieces' notes.
 */
export function InternalNotes({
  professionalId,
  justificatifId,
  headingLevel = 2,
}: {
  professionalId?: string;
  justificatifId?: string;
  headingLevel?: 2 | 3;
}) {
  const target = justificatifId ? { justificatifId } : { professionalId };
  const idPrefix = justificatifId ? `note-j${justificatifId}` : `note-p${professionalId}`;
  const { data, error, refetch } = useQuery(NOTES, { variables: target, fetchPolicy: 'cache-and-network' });
  const [add, adding] = useMutation(ADD_NOTE);
  const [body, setBody] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const submit = async () => {
    setSaved(false);
    const result = await add({ variables: { input: { ...target, body } } }).catch(() => null);
    const answer = result?.data?.addInternalNote;
    if (!answer) return setRefusal('L’annotation n’a pas été enregistrée. Réessayez.');
    if (answer.__typename === 'InternalNoteRefused') return setRefusal(answer.message);
    setRefusal(null);
    setBody('');
    setSaved(true);
    await refetch();
  };
  const notes = data?.internalNotes ?? [];
  return (
    <section aria-labelledby={`${idPrefix}-title`} className="mcbo-notes fr-mt-4w">
      <Heading id={`${idPrefix}-title`} className={headingLevel === 2 ? 'fr-h3' : 'fr-h5'}>
        Annotations internes
      </Heading>
      <p className="mcbo-reason">Visibles des seuls agents de la caisse, jamais du professionnel.</p>
      {error && <ErrorAlert error={error} onRetry={() => void refetch()} />}
      {notes.length === 0 ? (
        <Empty>Aucune annotation.</Empty>
      ) : (
        <ul className="mcbo-notes__list">
          {notes.map((n) => (
            <li key={n.id}>
              <p className="mcbo-reason fr-mb-0">
                {dateTime(n.at)} · {n.agent?.displayName ?? '—'}
                {!justificatifId && n.justificatifId ? ` · justificatif n° ${n.justificatifId}` : ''}
              </p>
              <p className="fr-mb-1w mcbo-notes__body">{n.body}</p>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className={`fr-input-group${refusal ? ' fr-input-group--error' : ''}`}>
          <label className="fr-label" htmlFor={`${idPrefix}-body`}>
            Nouvelle annotation
            <span className="fr-hint-text">2 000 caractères au plus.</span>
          </label>
          <textarea
            className={`fr-input${refusal ? ' fr-input--error' : ''}`}
            id={`${idPrefix}-body`}
            rows={2}
            maxLength={2000}
            value={body}
            aria-describedby={refusal ? `${idPrefix}-error` : undefined}
            onChange={(e) => setBody(e.target.value)}
          />
          {refusal && (
            <p className="fr-error-text" id={`${idPrefix}-error`}>
              {refusal}
            </p>
          )}
        </div>
        <button type="submit" className="fr-btn fr-btn--secondary fr-btn--sm" disabled={adding.loading}>
          Ajouter l’annotation
        </button>
      </form>
      {saved && <Notice severity="success">Annotation enregistrée.</Notice>}
    </section>
  );
}
