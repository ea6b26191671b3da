/**
 * Reads a piece: the PDF's own text layer when it has one (pdfjs-dist), OCR otherwise and for images
 * (tesseract.js with the French data of @tesseract.js-data/fra; PDF pages rasterised with @napi-rs/canvas).
 * Nothing is downloaded: the data, the WebAssembly core and the standard fonts come from node_modules.
 *
 * pdfjs-dist is ESM only: it is loaded with Node's require(esm) (Node ≥ 20.19), so this module runs in a
 * plain Node process — the extraction child (extract-child.ts), never inside Jest's module system.
 */
import os from 'node:os';
import path from 'node:path';
import { MIN_TEXT_LAYER_CHARS } from './findings';
import { bands, cleanPage, inkCrop, pgm, type Band } from './image';
import type { Extraction, Word } from './precheck.types';

/** Pages read at most per piece (a justificatif is one or two pages; a 200-page upload is not read whole). */
export const MAX_PAGES = 6;
/** Rasterisation scale for OCR (72 dpi × 2.5 ≈ 180 dpi). */
const OCR_SCALE = 2.5;

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-require-imports -- ESM-only modules loaded through require(esm), typed at the boundary */
type Pdfjs = any;
let pdfjs: Pdfjs | null = null;
function loadPdfjs(): Pdfjs {
  pdfjs ??= require('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}
const moduleDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/**
 * OCR workers: one per core, two at most. A page is cut into as many bands, read side by side: the time
 * a page takes is its share of the work on each core, whatever else the machine runs.
 */
export const OCR_WORKERS = Math.max(1, Math.min(2, os.availableParallelism()));

let ocrWorkers: Promise<any[]> | null = null;
function workers(): Promise<any[]> {
  ocrWorkers ??= (async () => {
    const Tesseract = require('tesseract.js');
    const langPath = path.join(moduleDir('@tesseract.js-data/fra'), '4.0.0_best_int');
    return Promise.all(
      Array.from({ length: OCR_WORKERS }, () =>
        Tesseract.createWorker('fra', 1, {
          langPath,
          corePath: moduleDir('tesseract.js-core'),
          gzip: true,
          cacheMethod: 'none',
        }),
      ),
    );
  })();
  return ocrWorkers;
}

export async function closeExtractor(): Promise<void> {
  if (ocrWorkers) await Promise.all((await ocrWorkers).map((w) => w.terminate()));
  ocrWorkers = null;
}

export async function extractDocument(bytes: Uint8Array, contentType: string): Promise<Extraction> {
  const started = performance.now();
  if (contentType === 'application/pdf') {
    const pdf = await loadPdfjs().getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      standardFontDataUrl: path.join(moduleDir('pdfjs-dist'), 'standard_fonts') + path.sep,
      verbosity: 0,
    }).promise;
    try {
      const pageCount = Math.min(pdf.numPages, MAX_PAGES);
      const words: Word[] = [];
      for (let p = 1; p <= pageCount; p += 1) words.push(...(await textLayerWords(await pdf.getPage(p), p)));
      const letters = words.reduce((n, w) => n + w.t.length, 0);
      if (letters >= MIN_TEXT_LAYER_CHARS) {
        return { source: 'TEXT', pageCount, words, confidence: null, secondsPerPage: elapsed(started, pageCount) };
      }
      const ocr: Word[] = [];
      const confidences: number[] = [];
      for (let p = 1; p <= pageCount; p += 1) {
        const canvas = await renderPage(await pdf.getPage(p));
        const read = await ocrPage(canvas, p);
        ocr.push(...read.words);
        confidences.push(read.confidence);
      }
      return {
        source: 'OCR',
        pageCount,
        words: ocr,
        confidence: mean(confidences),
        secondsPerPage: elapsed(started, pageCount),
      };
    } finally {
      await pdf.destroy();
    }
  }
  const { createCanvas, loadImage } = require('@napi-rs/canvas');
  const image = await loadImage(Buffer.from(bytes));
  const canvas = createCanvas(image.width, image.height);
  canvas.getContext('2d').drawImage(image, 0, 0);
  const read = await ocrPage(canvas, 1);
  return { source: 'OCR', pageCount: 1, ...read, secondsPerPage: elapsed(started, 1) };
}

const elapsed = (started: number, pages: number) => (performance.now() - started) / 1000 / Math.max(1, pages);
const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

/** Text items split into words; each word's box is its share of the item's width. */
async function textLayerWords(page: any, pageNumber: number): Promise<Word[]> {
  const viewport = page.getViewport({ scale: 1 });
  const [width, height] = [viewport.width as number, viewport.height as number];
  const content = await page.getTextContent();
  const lines = new Map<number, number>();
  const words: Word[] = [];
  for (const item of content.items as { str?: string; transform: number[]; width: number; height: number }[]) {
    if (!item.str || !item.str.trim()) continue;
    const [, , , d, e, f] = item.transform as [number, number, number, number, number, number];
    const size = item.height || Math.abs(d) || 10;
    const baseline = Math.round(f);
    if (!lines.has(baseline)) lines.set(baseline, lines.size);
    const perChar = item.width / Math.max(1, item.str.length);
    let offset = 0;
    for (const part of item.str.split(/(\s+)/)) {
      if (part.trim()) {
        words.push({
          t: part,
          p: pageNumber,
          l: lines.get(baseline)!,
          b: {
            x: (e + offset * perChar) / width,
            y: (height - f - size * 0.8) / height,
            w: (part.length * perChar) / width,
            h: size / height,
          },
          c: 100,
        });
      }
      offset += part.length;
    }
  }
  return words;
}

async function renderPage(page: any): Promise<any> {
  const { createCanvas } = require('@napi-rs/canvas');
  const viewport = page.getViewport({ scale: OCR_SCALE });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvasContext: context, viewport, canvas }).promise;
  return canvas;
}

/**
 * One page image read by OCR: cleaned (image.ts), cropped to its ink, cut into one band per worker, the
 * bands read side by side; each word's box back on the whole page, as fractions of it.
 */
async function ocrPage(canvas: any, pageNumber: number): Promise<{ words: Word[]; confidence: number }> {
  const { width, height } = canvas as { width: number; height: number };
  const clean = cleanPage(canvas.getContext('2d').getImageData(0, 0, width, height).data, width, height);
  const crop = inkCrop(clean);
  if (!crop) return { words: [], confidence: 0 };
  const pool = await workers();
  const parts = bands(clean, crop, pool.length);
  const results = await Promise.all(
    parts.map((band, k) =>
      pool[k]!.recognize(pgm(clean, band.crop), { rotateAuto: true }, { blocks: true, text: false }),
    ),
  );
  const words: Word[] = [];
  let line = 0;
  let weighted = 0;
  let letters = 0;
  results.forEach((result, k) => {
    const band = parts[k]!;
    for (const block of result.data.blocks ?? []) {
      for (const paragraph of block.paragraphs) {
        for (const l of paragraph.lines) {
          let kept = 0;
          for (const w of l.words) {
            const t = String(w.text).trim();
            if (!t) continue;
            const box = pageBox(w.bbox, band, result.data.rotateRadians ?? 0);
            const centre = box.y + box.h / 2;
            if (centre < band.keepFrom || centre >= band.keepTo) continue;
            words.push({
              t,
              p: pageNumber,
              l: line,
              b: { x: box.x / width, y: box.y / height, w: box.w / width, h: box.h / height },
              c: Math.round(w.confidence),
            });
            weighted += w.confidence * t.length;
            letters += t.length;
            kept += 1;
          }
          if (kept) line += 1;
        }
      }
    }
  });
  return { words, confidence: letters ? weighted / letters : 0 };
}

/**
 * A word's box read in a band (straightened by `angle` about the band's centre when Tesseract rotated
 * it), in page pixels: its centre turned back, its size kept.
 */
function pageBox(
  bbox: { x0: number; y0: number; x1: number; y1: number },
  band: Band,
  angle: number,
): { x: number; y: number; w: number; h: number } {
  const [w, h] = [bbox.x1 - bbox.x0, bbox.y1 - bbox.y0];
  const [cx, cy] = [band.crop.width / 2, band.crop.height / 2];
  const [dx, dy] = [bbox.x0 + w / 2 - cx, bbox.y0 + h / 2 - cy];
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const x = cx + dx * cos + dy * sin;
  const y = cy - dx * sin + dy * cos;
  return { x: band.crop.x + x - w / 2, y: band.crop.y + y - h / 2, w, h };
}
/* eslint-enable @typescript-eslint/no-explicit-any, @typescript-eslint/no-require-imports */
