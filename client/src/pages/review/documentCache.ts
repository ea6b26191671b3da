/**
 * The pieces' documents, fetched once with the session cookie: the one on screen and the next one,
 * fetched ahead so that it shows at once after a decision. A few entries only (they are small scans).
 */
const MAX_ENTRIES = 4;
const blobs = new Map<string, Promise<Blob>>();

export function documentBlob(url: string): Promise<Blob> {
  const known = blobs.get(url);
  if (known) return known;
  const loading = fetch(url, { credentials: 'same-origin' }).then(async (response) => {
    if (!response.ok) throw new Error(String(response.status));
    return response.blob();
  });
  // A failure is not kept: the next view tries again.
  loading.catch(() => blobs.delete(url));
  blobs.set(url, loading);
  while (blobs.size > MAX_ENTRIES) blobs.delete(blobs.keys().next().value!);
  return loading;
}
