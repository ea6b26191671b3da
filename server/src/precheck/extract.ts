/**
 * Reads a piece: the PDF's own text layer when it has one (pdfjs-dist), OCR otherwise and for images
 * (tesseract.js with the French data of @tesseract.js-data/fra; PDF pages rasterised with @napi-rs/canvas).
 * Nothing is downloaded: the data, the WebAssembly core and the standard fonts come from node_modules.
 *
 * pdfjs-dist is ESM only: it is loaded with Node's require(esm) (Node ≥ 20.19), so this module runs in a
 * plain Node process — the extraction child (extract-child.ts), never inside Jest's module system.
 */
import path from 'node:path';
import { MIN_TEXT_LAYER_CHARS } from './findings';
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

let ocrWorker: Promise<any> | null = null;
function worker(): Promise<any> {
  ocrWorker ??= (async () => {
    const Tesseract = require('tesseract.js');
    return Tesseract.createWorker('fra', 1, {
      langPath: path.join(moduleDir('@tesseract.js-data/fra'), '4.0.0_best_int'),
      corePath: moduleDir('tesseract.js-core'),
      gzip: true,
      cacheMethod: 'none',
    });
  })();
  return ocrWorker;
}

export async function closeExtractor(): Promise<void> {
  if (ocrWorker) await (await ocrWorker).terminate();
  ocrWorker = null;
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
        const png = await renderPage(await pdf.getPage(p));
        const read = await ocrImage(png.bytes, png.width, png.height, p);
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
  const { loadImage } = require('@napi-rs/canvas');
  const image = await loadImage(Buffer.from(bytes));
  const read = await ocrImage(Buffer.from(bytes), image.width, image.height, 1);
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

async function renderPage(page: any): Promise<{ bytes: Buffer; width: number; height: number }> {
  const { createCanvas } = require('@napi-rs/canvas');
  const viewport = page.getViewport({ scale: OCR_SCALE });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvasContext: context, viewport, canvas }).promise;
  return { bytes: canvas.toBuffer('image/png'), width: canvas.width, height: canvas.height };
}

async function ocrImage(
  bytes: Buffer,
  width: number,
  height: number,
  pageNumber: number,
): Promise<{ words: Word[]; confidence: number }> {
  const result = await (await worker()).recognize(bytes, { rotateAuto: true }, { blocks: true, text: false });
  const words: Word[] = [];
  let line = 0;
  let weighted = 0;
  let letters = 0;
  for (const block of result.data.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const l of paragraph.lines) {
        for (const w of l.words) {
          const t = String(w.text).trim();
          if (!t) continue;
          const { x0, y0, x1, y1 } = w.bbox;
          words.push({
            t,
            p: pageNumber,
            l: line,
            b: { x: x0 / width, y: y0 / height, w: (x1 - x0) / width, h: (y1 - y0) / height },
            c: Math.round(w.confidence),
          });
          weighted += w.confidence * t.length;
          letters += t.length;
        }
        line += 1;
      }
    }
  }
  return { words, confidence: letters ? weighted / letters : 0 };
}
/* eslint-enable @typescript-eslint/no-explicit-any, @typescript-eslint/no-require-imports */
