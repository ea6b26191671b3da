/**
 * A review page opened cold (a bookmark, a reload, a colleague's link): its chunk, its piece and the
 * piece's document are requested at start-up, beside the session check (`Me`), instead of one after the
 * other once the session is known and the chunk has run. The page then renders the piece from the cache
 * and shows the document from documentCache without asking for either again.
 *
 * Before the session is known the answers may be refusals (no session, another role): they are dropped
 * (the page asks again and says why) and never send the agent to the login screen (`sessionless`).
 */
import type { ApolloClient } from '@apollo/client';
import { useEffect, useState } from 'react';
import { documentBlob } from './documentCache';
import { loadPdfjs } from './pdfjs';
import { JUSTIFICATIF } from './queries';
import { NAVIGATION, navigationVariables } from './useQueueNavigation';

const REVIEW_PATH = /^\/justificatifs\/(\d+)$/;

type ReviewFetchPolicy = 'cache-first' | 'cache-and-network';

/** Ids whose piece was read at start-up and not yet shown: the page takes it from the cache as it is. */
const freshIds = new Set<string>();

type ReviewModule = typeof import('../ReviewPage');
let reviewModule: ReviewModule | null = null;
let reviewLoading: Promise<ReviewModule> | null = null;

function loadReviewModule(): Promise<ReviewModule> {
  reviewLoading ??= import('../ReviewPage').then((module) => (reviewModule = module));
  reviewLoading.catch(() => {
    reviewLoading = null;
  });
  return reviewLoading;
}

/**
 * The review's chunk (the route's React.lazy, `loadReviewPage`; Vite preloads its own imports beside it),
 * and pdf.js with its worker (its own chunk, loaded on demand): started beside the piece, not after it.
 */
export function prefetchReviewChunk(): void {
  void loadReviewModule().catch(() => undefined);
  void loadPdfjs().catch(() => undefined);
}

/**
 * The route's component for React.lazy. Once the chunk is here (prefetched) it is given at once, through a
 * thenable that answers synchronously: a promise, even resolved, would show the Suspense fallback first, and
 * React 19 then holds the page back until 300 ms after that fallback appeared (its fallback throttling).
 */
export function loadReviewPage(): Promise<{ default: ReviewModule['ReviewPage'] }> {
  const loaded = reviewModule;
  if (!loaded) return loadReviewModule().then((module) => ({ default: module.ReviewPage }));
  const now = {
    then: (resolve: (value: { default: ReviewModule['ReviewPage'] }) => void) =>
      resolve({ default: loaded.ReviewPage }),
  };
  return now as unknown as Promise<{ default: ReviewModule['ReviewPage'] }>;
}

export function preloadReview(client: ApolloClient, location: { pathname: string; search: string }): void {
  const id = REVIEW_PATH.exec(location.pathname)?.[1];
  if (!id) return;
  void loadReviewModule().catch(() => undefined);
  const sessionless = { sessionless: true };
  // pdf.js is read (some 400 kB of script to run) once the document is asked for, not before: it would hold
  // the main thread while the piece's answer waits to send that request.
  const pdfjsNext = () => void loadPdfjs().catch(() => undefined);
  client
    .query({ query: JUSTIFICATIF, variables: { id }, fetchPolicy: 'network-only', context: sessionless })
    .then(({ data }) => {
      const url = data?.justificatif?.fileUrl;
      if (!data?.justificatif) return pdfjsNext();
      freshIds.add(id);
      // The document first, then the j / k list (read cache-first by the page), so that neither delays it.
      const documentDone = url ? documentBlob(url).catch(() => undefined) : Promise.resolve();
      pdfjsNext();
      void documentDone.then(() =>
        client
          .query({
            query: NAVIGATION,
            variables: navigationVariables(
              new URLSearchParams(location.search).get('vue') === 'PROCESSED' ? 'PROCESSED' : 'TO_PROCESS',
            ),
            context: sessionless,
          })
          .catch(() => undefined),
      );
    })
    .catch(pdfjsNext);
}

/**
 * The review's fetch policy for a piece: from the cache when it was read at start-up (that once: a later
 * visit reads it again), else shown from the cache when fetched ahead and read again from the server.
 */
export function useReviewFetchPolicy(id: string): ReviewFetchPolicy {
  const [policy] = useState<ReviewFetchPolicy>(() => (freshIds.has(id) ? 'cache-first' : 'cache-and-network'));
  useEffect(() => {
    freshIds.delete(id);
  }, [id]);
  return policy;
}
