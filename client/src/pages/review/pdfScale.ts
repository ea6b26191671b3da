/**
 * The PDF viewer's sizes (PdfView): how large a page is drawn for the pane and the zoom, and how many
 * device pixels its canvas holds. Pure, so that they are unit-tested beside (pdfScale.test.ts).
 */

/** The zoom levels offered: page width first, then larger views (of the page width, as for images). */
export const ZOOMS = [
  { id: 'width', label: 'Pleine largeur' },
  { id: '150', label: '150 %' },
  { id: '200', label: '200 %' },
] as const;
export type Zoom = (typeof ZOOMS)[number]['id'];

/** A canvas larger than this (in device pixels) is drawn at a lower resolution: memory, not sharpness. */
export const MAX_CANVAS_PIXELS = 16_777_216; // 4096 × 4096

/**
 * The page's CSS scale (CSS pixels per PDF point): the page's width fills the pane's, times the zoom.
 * Before the pane is measured (width 0) the page is drawn at its natural size (1 pt = 1 px).
 */
export function pageScale(pageWidth: number, paneWidth: number, zoom: Zoom): number {
  if (!(pageWidth > 0) || !(paneWidth > 0)) return 1;
  const factor = zoom === 'width' ? 1 : Number(zoom) / 100;
  return (paneWidth / pageWidth) * factor;
}

/**
 * The canvas for a page drawn `cssWidth` × `cssHeight` CSS pixels: its backing size in device pixels
 * (sharp on high-density screens), capped at `maxPixels`, and the ratio it was drawn at.
 */
export function canvasSize(
  cssWidth: number,
  cssHeight: number,
  devicePixelRatio: number,
  maxPixels = MAX_CANVAS_PIXELS,
): { width: number; height: number; ratio: number } {
  let ratio = devicePixelRatio > 0 ? devicePixelRatio : 1;
  const pixels = cssWidth * cssHeight * ratio * ratio;
  if (pixels > maxPixels) ratio *= Math.sqrt(maxPixels / pixels);
  return {
    width: Math.max(1, Math.floor(cssWidth * ratio)),
    height: Math.max(1, Math.floor(cssHeight * ratio)),
    ratio,
  };
}
