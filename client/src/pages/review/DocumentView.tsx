import { useEffect, useState } from 'react';
import { Loading, Notice } from '../../ui';
import type { EvidenceFocus } from '../precheck/usePrecheck';
import { documentBlob } from './documentCache';

/** The zoom levels offered: page width first, then larger views of the scan. */
const ZOOMS = [
  { id: 'width', label: 'Pleine largeur' },
  { id: '150', label: '150 %' },
  { id: '200', label: '200 %' },
] as const;
type Zoom = (typeof ZOOMS)[number]['id'];

/**
 * The document, fetched with the session cookie and shown from a blob (the server's CSP sandboxes direct
 * views). A PDF opens at page width without the viewer's toolbar and thumbnails (no tab stops inside it);
 * an image fits the pane and zooms. `skipTo` is where « Aller à la vérification » leads, in one step.
 */
export function DocumentView({
  url,
  title,
  skipTo,
  onSkip,
  focus = null,
}: {
  url: string;
  title: string;
  skipTo: string;
  onSkip: () => void;
  /** The pre-check's evidence the agent asked to see: a PDF opens at its page, an image gets the box drawn over it. */
  focus?: EvidenceFocus | null;
}) {
  const [state, setState] = useState<{ src: string; type: string } | { error: string } | null>(null);
  const [zoom, setZoom] = useState<Zoom>('width');
  useEffect(() => {
    let objectUrl: string | null = null;
    let cancelled = false;
    documentBlob(url)
      .then((blob) => {
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
  const pdf = state.type === 'application/pdf';
  const image = state.type === 'image/png' || state.type === 'image/jpeg';
  if (!pdf && !image)
    return <Notice severity="warning">Ce type de document ne peut pas être affiché dans la console.</Notice>;
  return (
    <div className="mcbo-viewer">
      <div className="mcbo-viewer__tools">
        <a
          className="fr-link fr-link--sm mcbo-skip-to-check"
          href={`#${skipTo}`}
          onClick={(event) => {
            event.preventDefault();
            onSkip();
          }}
        >
          Aller à la vérification <kbd>c</kbd>
        </a>
        <div className="mcbo-viewer__zoom" role="group" aria-label="Zoom du document">
          {ZOOMS.map((z) => (
            <button
              key={z.id}
              type="button"
              className="fr-btn fr-btn--tertiary fr-btn--sm"
              aria-pressed={zoom === z.id}
              onClick={() => setZoom(z.id)}
            >
              {z.label}
            </button>
          ))}
        </div>
      </div>
      {pdf ? (
        <iframe
          key={`${zoom}-${focus?.page ?? 0}`}
          className="mcbo-document"
          src={`${state.src}#${focus ? `page=${focus.page}&` : ''}toolbar=0&navpanes=0&${zoom === 'width' ? 'view=FitH' : `zoom=${zoom}`}`}
          title={title}
        />
      ) : (
        <div
          className={`mcbo-document-frame mcbo-document-frame--${zoom}`}
          tabIndex={0}
          role="region"
          aria-label={`${title} (défilement au clavier)`}
        >
          <span
            className="mcbo-document-canvas"
            style={zoom === 'width' ? undefined : { width: `${zoom}%`, maxWidth: 'none' }}
          >
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
          </span>
        </div>
      )}
    </div>
  );
}
