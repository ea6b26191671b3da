import { useEffect, useState } from 'react';
import { Loading, Notice } from '../../ui';
import type { EvidenceFocus } from '../precheck/usePrecheck';
import { documentBlob } from './documentCache';
import { EvidenceBox } from './EvidenceBox';
import { type DocumentViewProps, PdfView } from './PdfView';
import { ZOOMS, type Zoom } from './pdfScale';

/**
 * The document, fetched with the session cookie (the server's CSP sandboxes direct views). A PDF is drawn
 * in the page by pdf.js at the pane's width (PdfView); an image fits the pane. Both zoom and scroll with
 * the keyboard; `skipTo` is where « Aller à la vérification » leads, in one step.
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
  /** The pre-check's evidence the agent asked to see: its page is scrolled to, with the box drawn over it. */
  focus?: EvidenceFocus | null;
}) {
  const [state, setState] = useState<{ blob: Blob } | { error: string } | null>(null);
  const [zoom, setZoom] = useState<Zoom>('width');
  useEffect(() => {
    let cancelled = false;
    documentBlob(url)
      .then((blob) => !cancelled && setState({ blob }))
      .catch(() => !cancelled && setState({ error: 'Le document ne peut pas être affiché. Rechargez la page.' }));
    return () => {
      cancelled = true;
    };
  }, [url]);
  if (!state) return <Loading what="Chargement du document…" />;
  if ('error' in state) return <Notice severity="error">{state.error}</Notice>;
  const { type } = state.blob;
  const pdf = type === 'application/pdf';
  const image = type === 'image/png' || type === 'image/jpeg';
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
        <PdfView blob={state.blob} title={title} zoom={zoom} focus={focus} />
      ) : (
        <ImageView blob={state.blob} title={title} zoom={zoom} focus={focus} />
      )}
    </div>
  );
}

/** A scan (PNG, JPEG) at the pane's width, or wider with the zoom; the evidence box over it. */
function ImageView({ blob, title, zoom, focus }: DocumentViewProps) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(blob);
    setSrc(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [blob]);
  if (!src) return null;
  return (
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
        <img className="mcbo-document-img" src={src} alt={title} />
        {focus && <EvidenceBox focus={focus} />}
      </span>
    </div>
  );
}
