import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { graphql } from '../../gql';
import type { RejectionReason } from '../../gql/graphql';
import { ErrorAlert } from '../../ui';

const PREVIEW = graphql(`
  query PreviewRejectionNotice($id: ID!, $reasons: [RejectionReason!]!, $comment: String) {
    previewRejectionNotice(justificatifId: $id, reasons: $reasons, comment: $comment) {
      kind
      channel
      recipient
      subject
      body
    }
  }
`);

/** The comment as typed, once the conseiller pauses: one preview request per pause, not per key. */
function useSettled<T>(value: T, delayMs = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/** The notice the professional will receive if the conseiller confirms the rejection, rendered by the server. */
export function NoticePreview({
  justificatifId,
  reasons,
  comment,
}: {
  justificatifId: string;
  reasons: RejectionReason[];
  comment: string;
}) {
  const settledComment = useSettled(comment);
  const { data, error, loading } = useQuery(PREVIEW, {
    variables: { id: justificatifId, reasons, comment: settledComment.trim() || null },
    skip: reasons.length === 0,
  });
  const notice = data?.previewRejectionNotice;
  return (
    <section className="mcbo-panel fr-mt-3w" aria-labelledby="notice-preview-title" data-testid="notice-preview">
      <h3 id="notice-preview-title" className="fr-h6">
        Message que recevra le professionnel
      </h3>
      {reasons.length === 0 ? (
        <p className="fr-mb-0">Choisissez un motif pour voir le message.</p>
      ) : error ? (
        <ErrorAlert error={error} />
      ) : !notice ? (
        <p className="fr-mb-0">
          {loading ? 'Préparation de l’aperçu…' : 'Cette campagne n’envoie pas de notification.'}
        </p>
      ) : (
        <>
          <p className="fr-text--sm fr-mb-1w">
            {notice.channel === 'EMAIL'
              ? `Par courriel à ${notice.recipient}`
              : notice.channel === 'LETTER'
                ? `Par courrier : ${notice.recipient}`
                : 'Adresse inconnue : le message sera en échec, à traiter par téléphone.'}
          </p>
          <p className="fr-mb-1w">
            <strong>Objet : {notice.subject}</strong>
          </p>
          <div className="mcbo-message-body" tabIndex={0} aria-label="Texte du message">
            {notice.body}
          </div>
        </>
      )}
    </section>
  );
}
