/**
 * A PDF drawn in the page with pdf.js (pdfjs.ts): one canvas per page at the pane's width times the zoom,
 * sharp at the screen's pixel ratio, drawn again when the pane is resized, with pdf.js's text layer over it
 * (the text can be selected and is read by screen readers). Chromium's own viewer took two seconds to load
 * itself and put its toolbar's tab stops between the document and the checklist; this has none.
 */
import type { PDFDocumentLoadingTask, PDFPageProxy, TextLayer } from 'pdfjs-dist';
import { type CSSProperties, useEffect, useMemo, useRef, useState } from 'react';
import { Loading, Notice } from '../../ui';
import type { EvidenceFocus } from '../precheck/usePrecheck';
import { EvidenceBox } from './EvidenceBox';
import { loadPdfjs } from './pdfjs';
import { type Zoom, canvasSize, pageScale } from './pdfScale';

/** What a view of the document (a PDF here, a scan in DocumentView) is given. */
export interface DocumentViewProps {
  blob: Blob;
  title: string;
  zoom: Zoom;
  focus: EvidenceFocus | null;
}

export function PdfView({ blob, title, zoom, focus }: DocumentViewProps) {
  // A callback ref: the pane is another element after an unreadable PDF, and its width is followed anew.
  const [pane, setPane] = useState<HTMLDivElement | null>(null);
  const [pages, setPages] = useState<PDFPageProxy[] | null>(null);
  const [failed, setFailed] = useState(false);
  const width = usePaneWidth(pane);

  useEffect(() => {
    let cancelled = false;
    let task: PDFDocumentLoadingTask | null = null;
    setPages(null);
    setFailed(false);
    Promise.all([loadPdfjs(), blob.arrayBuffer()])
      .then(([pdfjs, data]) => {
        if (cancelled) return;
        task = pdfjs.getDocument({ data: new Uint8Array(data), isEvalSupported: false });
        return task.promise.then((pdf) => {
          if (pdf.numPages < 1) throw new Error('a PDF without pages');
          return Promise.all(Array.from({ length: pdf.numPages }, (_, i) => pdf.getPage(i + 1)));
        });
      })
      .then((all) => {
        if (all && !cancelled) setPages(all);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      void (task as PDFDocumentLoadingTask | null)?.destroy();
    };
  }, [blob]);

  if (failed)
    return (
      <Notice severity="error">
        Ce PDF ne peut pas être lu : le fichier est peut-être endommagé. Demandez au professionnel de le déposer à
        nouveau.
      </Notice>
    );
  return (
    <div
      ref={setPane}
      className="mcbo-document-frame mcbo-pdf"
      tabIndex={0}
      role="region"
      aria-label={`${title} (défilement au clavier)`}
      aria-busy={!pages}
    >
      {!pages ? (
        <Loading what="Affichage du document…" />
      ) : (
        width > 0 &&
        pages.map((page, i) => (
          <PdfPage
            key={i}
            page={page}
            number={i + 1}
            count={pages.length}
            scale={pageScale(page.getViewport({ scale: 1 }).width, width, zoom)}
            focus={focus?.page === i + 1 ? focus : null}
          />
        ))
      )}
    </div>
  );
}

/** The pane's content width, followed as it changes (the window, the layout's columns). */
function usePaneWidth(element: HTMLDivElement | null): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!element) return;
    setWidth(Math.floor(element.clientWidth));
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return width;
}

function PdfPage({
  page,
  number,
  count,
  scale,
  focus,
}: {
  page: PDFPageProxy;
  number: number;
  count: number;
  scale: number;
  focus: EvidenceFocus | null;
}) {
  const holder = useRef<HTMLDivElement>(null);
  const [painted, setPainted] = useState(false);
  const viewport = useMemo(() => page.getViewport({ scale }), [page, scale]);

  // Drawn on a fresh canvas that replaces the shown one when it is complete: no blank page while resizing.
  useEffect(() => {
    const host = holder.current;
    if (!host) return;
    const size = canvasSize(viewport.width, viewport.height, window.devicePixelRatio);
    const canvas = document.createElement('canvas');
    canvas.className = 'mcbo-pdf-canvas';
    canvas.width = size.width;
    canvas.height = size.height;
    const render = page.render({
      canvas,
      viewport,
      transform: size.ratio === 1 ? undefined : [size.ratio, 0, 0, size.ratio, 0, 0],
    });
    let text: TextLayer | null = null;
    render.promise
      .then(async () => {
        const old = host.querySelector('canvas');
        if (old) old.replaceWith(canvas);
        else host.prepend(canvas);
        setPainted(true);
        // Then the text, over the drawing: selectable, and what a screen reader reads of the page.
        const { TextLayer } = await loadPdfjs();
        const layer = document.createElement('div');
        layer.className = 'textLayer';
        text = new TextLayer({ textContentSource: page.streamTextContent(), container: layer, viewport });
        await text.render();
        const shown = host.querySelector('.textLayer');
        if (shown) shown.replaceWith(layer);
        else canvas.after(layer);
      })
      .catch(() => undefined); // cancelled by a newer drawing
    return () => {
      render.cancel();
      text?.cancel();
    };
  }, [page, viewport]);

  // The pre-check's evidence on this page: scrolled into the pane's view once the page is drawn.
  useEffect(() => {
    const host = holder.current;
    const frame = host?.parentElement; // the pane, positioned: the page's offsetTop is within it
    if (!focus || !painted || !host || !frame) return;
    const top = host.offsetTop + focus.box.y * host.offsetHeight - frame.clientHeight / 3;
    frame.scrollTo({ top: Math.max(0, top) });
  }, [focus, painted]);

  return (
    <div
      ref={holder}
      className="mcbo-pdf-page"
      role="group"
      aria-label={count > 1 ? `Page ${number} sur ${count}` : 'Page 1'}
      data-painted={painted || undefined}
      style={
        {
          width: `${viewport.width}px`,
          height: `${viewport.height}px`,
          '--total-scale-factor': scale,
        } as CSSProperties
      }
    >
      {focus && <EvidenceBox focus={focus} />}
    </div>
  );
}
