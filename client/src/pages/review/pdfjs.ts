/**
 * pdf.js, loaded on demand: its own chunk (the login and the other pages do not pay for it) and its worker,
 * a file of the build (same origin: the CSP's default 'self' allows it). The review's preload (preload.ts)
 * calls this at start-up or from the queue, so the module and the worker are ready when the piece arrives.
 */
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

export type Pdfjs = typeof import('pdfjs-dist');

let loading: Promise<Pdfjs> | null = null;

export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= import('pdfjs-dist').then((pdfjs) => {
    // One worker for the page's life, started now (it parses while the document is fetched) and shared by
    // every document the agent opens from piece to piece.
    pdfjs.GlobalWorkerOptions.workerPort ??= new Worker(workerUrl, { type: 'module', name: 'pdf.js' });
    return pdfjs;
  });
  // A failed load (a new deployment removed the chunk, the link dropped) is tried again next time.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
