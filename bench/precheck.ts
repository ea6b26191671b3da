/**
 * `npm run bench -- precheck [--pieces 320] [--seed 2024]`: generates the labelled corpus
 * (bench/precheck-corpus.ts), reads every piece as the server does (text layer, else OCR), computes the
 * findings, and prints per item the precision and recall of FOUND and of CONTRADICTED (digital PDFs and
 * scans apart) and the seconds per page, with PASS/FAIL against the targets. Writes
 * bench/precheck-results.json. It asserts nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { closeExtractor, extractDocument } from '../server/src/precheck/extract';
import { precheckFindings } from '../server/src/precheck/findings';
import { Prng } from '../server/src/seed/prng';
import { generateCorpus, piecePdf, type CorpusPiece } from './precheck-corpus';

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any -- pdfjs-dist is ESM only (require(esm)) */
const pdfjs: any = require('pdfjs-dist/legacy/build/pdf.mjs');
/* eslint-enable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */

const TARGETS = {
  foundPrecision: 0.99,
  contradictedPrecision: 0.95,
  recallDigital: 0.85,
  recallScan: 0.7,
  ocrSeconds: 5,
};

/** The scanned look of a piece: the PDF rendered, then rotated, noised, down-sampled or photographed. */
export async function scanOf(piece: CorpusPiece, pdf: Buffer): Promise<{ bytes: Buffer; contentType: string }> {
  const prng = new Prng(5000 + piece.n);
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
  const page = await doc.getPage(1);
  const dpiScale = piece.variant === 'LOW_RES' ? 1.4 : 2.2;
  const viewport = page.getViewport({ scale: dpiScale });
  const flat = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const fctx = flat.getContext('2d');
  fctx.fillStyle = '#fff';
  fctx.fillRect(0, 0, flat.width, flat.height);
  await page.render({ canvasContext: fctx, viewport, canvas: flat }).promise;
  await doc.destroy();

  const out = createCanvas(flat.width, flat.height);
  const ctx = out.getContext('2d');
  ctx.fillStyle = piece.variant === 'PHOTO' ? '#d9d4c7' : '#fbfbf8';
  ctx.fillRect(0, 0, out.width, out.height);
  const angle =
    piece.variant === 'ROTATED'
      ? prng.pick([-1, 1]) * (1 + prng.next() * 2)
      : piece.variant === 'PHOTO'
        ? prng.pick([-1, 1]) * (0.5 + prng.next() * 2)
        : prng.next() - 0.5;
  ctx.save();
  ctx.translate(out.width / 2, out.height / 2);
  ctx.rotate((angle * Math.PI) / 180);
  if (piece.variant === 'PHOTO') ctx.scale(0.94, 0.94);
  if (piece.variant === 'PHOTO') ctx.filter = 'blur(0.8px)';
  ctx.drawImage(flat, -flat.width / 2, -flat.height / 2);
  ctx.restore();
  ctx.filter = 'none';
  if (piece.variant === 'PHOTO') {
    // Uneven lighting: a shadow across the page.
    const shade = ctx.createLinearGradient(0, 0, out.width, out.height);
    shade.addColorStop(0, 'rgba(0,0,0,0)');
    shade.addColorStop(1, 'rgba(40,30,10,0.28)');
    ctx.fillStyle = shade;
    ctx.fillRect(0, 0, out.width, out.height);
  }
  if (piece.variant === 'NOISY' || piece.variant === 'PHOTO' || piece.variant === 'SCAN') {
    const image = ctx.getImageData(0, 0, out.width, out.height);
    const amount = piece.variant === 'NOISY' ? 60 : 25;
    const speck = piece.variant === 'NOISY' ? 0.01 : 0.002;
    for (let i = 0; i < image.data.length; i += 4) {
      const n = (prng.next() - 0.5) * amount;
      const dark = prng.next() < speck ? -140 : 0;
      for (let c = 0; c < 3; c += 1) image.data[i + c] = Math.max(0, Math.min(255, image.data[i + c]! + n + dark));
    }
    ctx.putImageData(image, 0, 0);
  }
  if (piece.variant === 'IMAGE_PDF') {
    // A scanner that wraps its image in a PDF: no text layer.
    const png = out.toBuffer('image/png');
    const wrapped = await PDFDocument.create();
    const embedded = await wrapped.embedPng(png);
    const p = wrapped.addPage([595.28, 841.89]);
    p.drawImage(embedded, { x: 0, y: 0, width: 595.28, height: 841.89 });
    return { bytes: Buffer.from(await wrapped.save()), contentType: 'application/pdf' };
  }
  return piece.variant === 'PHOTO'
    ? { bytes: out.toBuffer('image/jpeg', 78), contentType: 'image/jpeg' }
    : { bytes: out.toBuffer('image/png'), contentType: 'image/png' };
}

interface Counts {
  foundTp: number;
  foundFp: number;
  foundFn: number;
  contraTp: number;
  contraFp: number;
  contraFn: number;
}
const zero = (): Counts => ({ foundTp: 0, foundFp: 0, foundFn: 0, contraTp: 0, contraFp: 0, contraFn: 0 });
const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
const fmt = (x: number | null) => (x === null ? '  —  ' : x.toFixed(3));

export async function runPrecheckBench(argv: string[]) {
  const option = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i === -1 ? fallback : (argv[i + 1] ?? fallback);
  };
  const size = Number(option('pieces', '320'));
  const corpus = generateCorpus(size, Number(option('seed', '2024')));
  console.log(
    `[bench precheck] ${corpus.length} pieces: ${corpus.filter((p) => p.variant === 'DIGITAL').length} digital PDFs, ${corpus.filter((p) => p.variant !== 'DIGITAL').length} scans; ${corpus.filter((p) => p.flaw).length} non-compliant`,
  );
  const byItem = new Map<string, { digital: Counts; scan: Counts }>();
  const seconds = { TEXT: [] as number[], OCR: [] as number[] };
  const errors: string[] = [];
  const unreadable = { digital: 0, scan: 0 };
  const started = Date.now();
  // Digital PDFs first (milliseconds each), then the scans (seconds each): a run stopped early still
  // measures every digital piece, and the partial results (every 20 pieces) say how many were read.
  const order = [...corpus.filter((p) => p.variant === 'DIGITAL'), ...corpus.filter((p) => p.variant !== 'DIGITAL')];
  let done = 0;
  for (const piece of order) {
    if (process.env.PRECHECK_BENCH_VERBOSE) console.log(`  #${piece.n} ${piece.kind} ${piece.variant}`);
    const pdf = await piecePdf(piece);
    const input =
      piece.variant === 'DIGITAL' ? { bytes: pdf, contentType: 'application/pdf' } : await scanOf(piece, pdf);
    const t0 = performance.now();
    let extraction;
    try {
      extraction = await extractDocument(input.bytes, input.contentType);
    } catch (error) {
      errors.push(`piece ${piece.n}: ${(error as Error).message}`);
      continue;
    }
    seconds[extraction.source].push((performance.now() - t0) / 1000 / extraction.pageCount);
    const outcome = precheckFindings(extraction, piece.expectation);
    const kind = piece.variant === 'DIGITAL' ? 'digital' : 'scan';
    if (outcome.status === 'UNREADABLE') unreadable[kind] += 1;
    for (const finding of outcome.findings) {
      const truth = piece.truth[finding.item]!;
      const entry = byItem.get(finding.item) ?? { digital: zero(), scan: zero() };
      byItem.set(finding.item, entry);
      const c = entry[kind];
      if (finding.status === 'FOUND') c[truth === 'PRESENT' ? 'foundTp' : 'foundFp'] += 1;
      else if (truth === 'PRESENT') c.foundFn++;
      if (finding.status === 'CONTRADICTED') c[truth === 'CONTRADICTED' ? 'contraTp' : 'contraFp'] += 1;
      else if (truth === 'CONTRADICTED') c.contraFn++;
      if (
        process.env.PRECHECK_BENCH_VERBOSE &&
        ((finding.status === 'FOUND') !== (truth === 'PRESENT') ||
          (finding.status === 'CONTRADICTED') !== (truth === 'CONTRADICTED'))
      ) {
        console.log(
          `  #${piece.n} ${piece.variant} ${finding.item}: ${finding.status} vs ${truth} — ${finding.snippet ?? ''} ${finding.reason ?? ''}`,
        );
      }
    }
    done += 1;
    if (done % 20 === 0) report(false, done);
    if (done % 20 === 0)
      console.log(`[bench precheck] ${done}/${corpus.length} read (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  await closeExtractor();
  report(true, corpus.length);

  function report(final: boolean, read: number) {
    const log = final ? console.log : () => {};
    const add = (a: Counts, b: Counts): Counts => ({
      foundTp: a.foundTp + b.foundTp,
      foundFp: a.foundFp + b.foundFp,
      foundFn: a.foundFn + b.foundFn,
      contraTp: a.contraTp + b.contraTp,
      contraFp: a.contraFp + b.contraFp,
      contraFn: a.contraFn + b.contraFn,
    });
    const rows = [...byItem].map(([item, { digital, scan }]) => {
      const all = add(digital, scan);
      return {
        item,
        foundPrecision: ratio(all.foundTp, all.foundTp + all.foundFp),
        foundRecallDigital: ratio(digital.foundTp, digital.foundTp + digital.foundFn),
        foundRecallScan: ratio(scan.foundTp, scan.foundTp + scan.foundFn),
        contradictedPrecision: ratio(all.contraTp, all.contraTp + all.contraFp),
        contradictedRecall: ratio(all.contraTp, all.contraTp + all.contraFn),
        counts: { digital, scan },
      };
    });
    const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
    const p95 = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]! : null);
    log('');
    log('item                      FOUND prec  recall dig  recall scan  CONTR prec  CONTR recall');
    for (const r of rows)
      log(
        `${r.item.padEnd(26)}${fmt(r.foundPrecision).padStart(10)}${fmt(r.foundRecallDigital).padStart(12)}${fmt(r.foundRecallScan).padStart(13)}${fmt(r.contradictedPrecision).padStart(12)}${fmt(r.contradictedRecall).padStart(14)}`,
      );
    log(
      `\ntext layer: ${fmt(mean(seconds.TEXT))} s/page (p95 ${fmt(p95(seconds.TEXT))}), ${seconds.TEXT.length} pieces`,
    );
    log(`OCR:        ${fmt(mean(seconds.OCR))} s/page (p95 ${fmt(p95(seconds.OCR))}), ${seconds.OCR.length} pieces`);
    log(
      `declared illegible: ${unreadable.digital} digital, ${unreadable.scan} scans; extraction errors: ${errors.length}`,
    );

    const targets = [
      ...rows.map((r) => ({
        name: `FOUND precision ≥ ${TARGETS.foundPrecision} — ${r.item}`,
        value: r.foundPrecision,
        pass: r.foundPrecision === null || r.foundPrecision >= TARGETS.foundPrecision,
      })),
      ...rows.map((r) => ({
        name: `CONTRADICTED precision ≥ ${TARGETS.contradictedPrecision} — ${r.item}`,
        value: r.contradictedPrecision,
        pass: r.contradictedPrecision === null || r.contradictedPrecision >= TARGETS.contradictedPrecision,
      })),
      ...rows.map((r) => ({
        name: `FOUND recall digital ≥ ${TARGETS.recallDigital} — ${r.item}`,
        value: r.foundRecallDigital,
        pass: r.foundRecallDigital === null || r.foundRecallDigital >= TARGETS.recallDigital,
      })),
      ...rows.map((r) => ({
        name: `FOUND recall scans ≥ ${TARGETS.recallScan} — ${r.item}`,
        value: r.foundRecallScan,
        pass: r.foundRecallScan === null || r.foundRecallScan >= TARGETS.recallScan,
      })),
      {
        name: `OCR ≤ ${TARGETS.ocrSeconds} s/page (mean)`,
        value: mean(seconds.OCR),
        pass: (mean(seconds.OCR) ?? 0) <= TARGETS.ocrSeconds,
      },
    ];
    log('');
    for (const t of targets) log(`${t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${fmt(t.value)}`);
    const file = path.join(__dirname, 'precheck-results.json');
    fs.writeFileSync(
      file,
      `${JSON.stringify({ date: new Date().toISOString(), pieces: corpus.length, read, final, seconds: { text: mean(seconds.TEXT), ocr: mean(seconds.OCR), ocrP95: p95(seconds.OCR) }, unreadable, errors, rows, targets }, null, 2)}\n`,
    );
    log(`\nresults: bench/precheck-results.json`);
  }
}
