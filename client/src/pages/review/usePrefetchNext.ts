import { useApolloClient } from '@apollo/client/react';
import { useEffect } from 'react';
import type { Scheme } from '../../gql/graphql';
import { documentBlob } from './documentCache';
import { DECLARED, JUSTIFICATIF } from './queries';
import type { NextPiece } from './useQueueNavigation';

/**
 * Once the piece on screen is ready and its document has arrived (the next one does not compete with it),
 * the next one is fetched ahead (the piece, its declared value and its document, in parallel) so that it
 * shows at once after a decision; the review re-reads it from the server as it opens (cache-and-network),
 * so a piece changed in the meantime is shown as it now is.
 */
export function usePrefetchNext(ready: boolean, next: NextPiece | null, currentDocument?: string | null) {
  const client = useApolloClient();
  const nextId = next?.id;
  useEffect(() => {
    if (!ready || !next) return;
    const { id, professionalId, referenceYear, scheme } = next;
    let cancelled = false;
    const shown = currentDocument ? documentBlob(currentDocument).catch(() => undefined) : Promise.resolve();
    void shown.then(() => {
      if (cancelled) return;
      void client
        .query({ query: JUSTIFICATIF, variables: { id }, fetchPolicy: 'network-only' })
        .then(({ data }) => {
          const url = data?.justificatif.fileUrl;
          if (url) return documentBlob(url);
        })
        .catch(() => undefined);
      void client
        .query({
          query: DECLARED,
          variables: { id: professionalId, year: referenceYear, scheme: scheme as Scheme },
          fetchPolicy: 'network-only',
        })
        .catch(() => undefined);
    });
    return () => {
      cancelled = true;
    };
    // Once per next piece.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, nextId, client]);
}
