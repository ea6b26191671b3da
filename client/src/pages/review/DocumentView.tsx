import { useEffect, useState } from 'react';
import { Loading, Notice } from '../../ui';

/** The document, fetched with the session cookie and shown from a blob (the server's CSP sandboxes direct views). */
export function DocumentView({ url, title }: { url: string; title: string }) {
  const [state, setState] = useState<{ src: string; type: string } | { error: string } | null>(null);
  useEffect(() => {
    let objectUrl: string | null = null;
    let cancelled = false;
    fetch(url, { credentials: 'same-origin' })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        const blob = await response.blob();
        if (cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setState({ src: objectUrl, type: blob.type });
      })
      .catch(() => !cancelled && setState({ error: 'Le document ne peut pas être affiché. Rechargez la page.' }));
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url]);
  if (!state) return <Loading what="Chargement du document…" />;
  if ('error' in state) return <Notice severity="error">{state.error}</Notice>;
  if (state.type === 'application/pdf') return <iframe className="mcbo-document" src={state.src} title={title} />;
  if (state.type === 'image/png' || state.type === 'image/jpeg')
    return <img className="mcbo-document-img" src={state.src} alt={title} />;
  return <Notice severity="warning">Ce type de document ne peut pas être affiché dans la console.</Notice>;
}
