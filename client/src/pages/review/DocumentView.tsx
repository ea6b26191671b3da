import { useEffect, useState } from 'react';
import { Loading, Notice } from '../../ui';
import type { EvidenceFocus } from '../precheck/usePrecheck';

/** The document, fetched with the session cookie and shown from a blob (the server's CSP sandboxes direct views). */
export function DocumentView({
  url,
  title,
  focus = null,
}: {
  url: string;
  title: string;
  /** The pre-check's evidence the agent asked to see. */
  focus?: EvidenceFocus | null;
}) {
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
  // The pre-check's evidence: a PDF opens at its page, an image gets the box drawn over it.
  if (state.type === 'application/pdf')
    return (
      <iframe
        key={focus?.page ?? 0}
        className="mcbo-document"
        src={focus ? `${state.src}#page=${focus.page}` : state.src}
        title={title}
      />
    );
  if (state.type === 'image/png' || state.type === 'image/jpeg')
    return (
      <div className="mcbo-document-frame">
        <img className="mcbo-document-img" src={state.src} alt={title} />
        {focus && (
          <span
            className={`mcbo-evidence-box${focus.contradicted ? ' mcbo-evidence-box--contradicted' : ''}`}
            data-testid="evidence-box"
            style={{
              left: `${focus.box.x * 100}%`,
              top: `${focus.box.y * 100}%`,
              width: `${focus.box.w * 100}%`,
              height: `${focus.box.h * 100}%`,
            }}
          />
        )}
      </div>
    );
  return <Notice severity="warning">Ce type de document ne peut pas être affiché dans la console.</Notice>;
}
