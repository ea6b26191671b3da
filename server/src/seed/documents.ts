/**
 * Small real documents for the demo: PDF invoices and publisher attestations (pdf-lib), and PNG "scans"
 * written by hand (signature, IHDR, IDAT, IEND with their CRCs) with a 5×7 bitmap font, so that an agent
 * can read them in the console. A shared set serves the population; the showcase professionals get
 * documents in their own name.
 */
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { RejectionReason } from '../common/enums';
import { Prng } from './prng';

export interface DemoDocument {
  id: string; // sha256 of the bytes: the storage key
  bytes: Buffer;
  contentType: 'application/pdf' | 'image/png';
  originalName: string;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function document(bytes: Buffer, contentType: DemoDocument['contentType'], originalName: string): DemoDocument {
  return { id: sha256(bytes), bytes, contentType, originalName };
}

/** A one-page A4 PDF: a title and lines of text. Deterministic bytes (fixed dates in the metadata). */
export async function textPdf(title: string, lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const fixed = new Date('2025-01-05T09:00:00Z');
  doc.setTitle(title);
  doc.setProducer('mcbo — données de démonstration');
  doc.setCreator('mcbo');
  doc.setCreationDate(fixed);
  doc.setModificationDate(fixed);
  const page = doc.addPage([595.28, 841.89]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  page.drawText(title, { x: 50, y: 780, size: 18, font: bold, color: rgb(0, 0, 0.57) });
  lines.forEach((line, index) => page.drawText(line, { x: 50, y: 740 - index * 20, size: 11, font }));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

// ---------------------------------------------------------------------------------------------------
// PNG

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** Encodes an 8-bit greyscale image (row-major, one byte per pixel) as a PNG. */
export function greyscalePng(width: number, height: number, pixels: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // colour type: greyscale
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (width + 1)] = 0; // filter: none
    raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** 5×7 glyphs, one string of 7 rows of 5 bits each. */
const GLYPHS: Record<string, string> = {
  A: '01110 10001 10001 11111 10001 10001 10001',
  B: '11110 10001 10001 11110 10001 10001 11110',
  C: '01110 10001 10000 10000 10000 10001 01110',
  D: '11110 10001 10001 10001 10001 10001 11110',
  E: '11111 10000 10000 11110 10000 10000 11111',
  F: '11111 10000 10000 11110 10000 10000 10000',
  G: '01110 10001 10000 10111 10001 10001 01111',
  H: '10001 10001 10001 11111 10001 10001 10001',
  I: '01110 00100 00100 00100 00100 00100 01110',
  J: '00111 00010 00010 00010 00010 10010 01100',
  K: '10001 10010 10100 11000 10100 10010 10001',
  L: '10000 10000 10000 10000 10000 10000 11111',
  M: '10001 11011 10101 10101 10001 10001 10001',
  N: '10001 10001 11001 10101 10011 10001 10001',
  O: '01110 10001 10001 10001 10001 10001 01110',
  P: '11110 10001 10001 11110 10000 10000 10000',
  Q: '01110 10001 10001 10001 10101 10010 01101',
  R: '11110 10001 10001 11110 10100 10010 10001',
  S: '01111 10000 10000 01110 00001 00001 11110',
  T: '11111 00100 00100 00100 00100 00100 00100',
  U: '10001 10001 10001 10001 10001 10001 01110',
  V: '10001 10001 10001 10001 10001 01010 00100',
  W: '10001 10001 10001 10101 10101 10101 01010',
  X: '10001 10001 01010 00100 01010 10001 10001',
  Y: '10001 10001 01010 00100 00100 00100 00100',
  Z: '11111 00001 00010 00100 01000 10000 11111',
  '0': '01110 10001 10011 10101 11001 10001 01110',
  '1': '00100 01100 00100 00100 00100 00100 01110',
  '2': '01110 10001 00001 00010 00100 01000 11111',
  '3': '11111 00010 00100 00010 00001 10001 01110',
  '4': '00010 00110 01010 10010 11111 00010 00010',
  '5': '11111 10000 11110 00001 00001 10001 01110',
  '6': '00110 01000 10000 11110 10001 10001 01110',
  '7': '11111 00001 00010 00100 01000 01000 01000',
  '8': '01110 10001 10001 01110 10001 10001 01110',
  '9': '01110 10001 10001 01111 00001 00010 01100',
  '.': '00000 00000 00000 00000 00000 01100 01100',
  ',': '00000 00000 00000 00000 01100 00100 01000',
  '/': '00001 00001 00010 00100 01000 10000 10000',
  '-': '00000 00000 00000 11111 00000 00000 00000',
  ':': '00000 01100 01100 00000 01100 01100 00000',
  "'": '00100 00100 01000 00000 00000 00000 00000',
  '&': '01100 10010 10100 01000 10101 10010 01101',
  '(': '00010 00100 01000 01000 01000 00100 00010',
  ')': '01000 00100 00010 00010 00010 00100 01000',
  '«': '00000 00101 01010 10100 01010 00101 00000',
  '°': '01100 10010 01100 00000 00000 00000 00000',
  '»': '00000 10100 01010 00101 01010 10100 00000',
};

/** Upper case without accents, the way the 5×7 font can draw it. */
function printable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .replace(/Œ/g, 'OE')
    .replace(/œ/g, 'oe')
    .toUpperCase();
}

interface ScanOptions {
  /** Rows of the ruled table: [designation, amount]. */
  table?: [string, string][];
  /** Box-blur radius in pixels: 0 for a clean scan, 3 or more for an illegible one. */
  blur?: number;
  seed?: number;
}

/** A scanned A4-like page (480×640): a title, lines, a ruled table and a stamp. */
export function scanPng(lines: string[], options: ScanOptions = {}): Buffer {
  const width = 480;
  const height = 640;
  const scale = 2;
  const prng = new Prng(options.seed ?? 1);
  const ink = new Float32Array(width * height); // 0 = paper, 1 = ink
  const dot = (x: number, y: number, amount = 1) => {
    if (x >= 0 && y >= 0 && x < width && y < height) ink[y * width + x] = Math.max(ink[y * width + x]!, amount);
  };
  const text = (line: string, x0: number, y0: number, s: number) => {
    let x = x0;
    for (const char of printable(line)) {
      const glyph = GLYPHS[char];
      if (glyph) {
        glyph.split(' ').forEach((row, gy) => {
          for (let gx = 0; gx < 5; gx += 1) {
            if (row[gx] !== '1') continue;
            for (let dy = 0; dy < s; dy += 1) for (let dx = 0; dx < s; dx += 1) dot(x + gx * s + dx, y0 + gy * s + dy);
          }
        });
      }
      x += 6 * s;
    }
  };
  const [title = '', ...body] = lines;
  text(title, 28, 30, scale + 1);
  body.forEach((line, index) => text(line, 28, 72 + index * 22, scale));
  // Ruled table under the text, and an oval stamp.
  const tableTop = 84 + body.length * 22;
  const rows = options.table ?? [];
  const bottom = tableTop + 24 * Math.max(4, rows.length + 1);
  for (let y = tableTop; y <= bottom; y += 24) for (let x = 28; x < width - 28; x += 1) dot(x, y, 0.6);
  for (const x of [28, 330, width - 29]) for (let y = tableTop; y <= bottom; y += 1) dot(x, y, 0.6);
  [['Designation', 'Montant'] as [string, string], ...rows].forEach(([label, amount], index) => {
    text(label, 36, tableTop + 6 + index * 24, scale);
    text(amount, 338, tableTop + 6 + index * 24, scale);
  });
  const cx = width - 110;
  const cy = height - 110;
  for (let a = 0; a < 720; a += 1) {
    const t = (a * Math.PI) / 360;
    dot(Math.round(cx + 62 * Math.cos(t)), Math.round(cy + 40 * Math.sin(t)), 0.7);
    dot(Math.round(cx + 58 * Math.cos(t)), Math.round(cy + 36 * Math.sin(t)), 0.7);
  }
  text('CACHET', cx - 34, cy - 7, 2);

  const blurred = options.blur ? boxBlur(ink, width, height, options.blur) : ink;
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i += 1) {
    // Paper with sparse specks and the shadow of the scanner's edge.
    const paper = 244 - (prng.next() < 0.04 ? 14 : 0) - (i % width < 6 ? 30 : 0);
    const value = paper - blurred[i]! * (options.blur ? 120 : 205);
    pixels[i] = Math.max(0, Math.min(255, Math.round(value)));
  }
  return greyscalePng(width, height, pixels);
}

function boxBlur(source: Float32Array, width: number, height: number, radius: number): Float32Array {
  const pass = (input: Float32Array, horizontal: boolean) => {
    const output = new Float32Array(input.length);
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        let sum = 0;
        let count = 0;
        for (let d = -radius; d <= radius; d += 1) {
          const xx = horizontal ? x + d : x;
          const yy = horizontal ? y : y + d;
          if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue;
          sum += input[yy * width + xx]!;
          count += 1;
        }
        output[y * width + x] = sum / count;
      }
    }
    return output;
  };
  return pass(pass(source, true), false);
}

// ---------------------------------------------------------------------------------------------------
// The demo's documents

export interface SoftwareOnDocument {
  publisherName: string;
  softwareName: string;
  version: string;
}

export interface PieceDocuments {
  /** A compliant invoice or attestation for the software. */
  valid: DemoDocument;
  /** What the professional sent first when it was rejected, by the first rejection reason. */
  flawed: (reason: RejectionReason) => DemoDocument;
}

export interface DemoDocumentLibrary {
  all: DemoDocument[];
  /** Shared documents for the population: compliant ones, and one per kind of flaw. */
  shared: PieceDocuments & { compliant: DemoDocument[] };
}

export async function invoice(
  holder: string,
  software: SoftwareOnDocument,
  number: string,
  acquiredOn = '14/03/2024',
): Promise<Buffer> {
  return textPdf(`FACTURE N° ${number}`, [
    `${software.publisherName} — éditeur de logiciels de santé`,
    `Client : ${holder}`,
    `Logiciel : ${software.softwareName} version ${software.version}`,
    'Mention : « DMP compatible »',
    `Date d'acquisition : ${acquiredOn}`,
    'Montant TTC : 1 200,00 EUR',
  ]);
}

export async function attestation(holder: string, software: SoftwareOnDocument): Promise<Buffer> {
  return textPdf("ATTESTATION DE L'ÉDITEUR", [
    `${software.publisherName} atteste que ${holder}`,
    `dispose du logiciel ${software.softwareName}, version commerciale ${software.version},`,
    'référencé « DMP compatible » depuis le 02/01/2023.',
    "Date d'édition de l'attestation : 05/01/2025",
    'Cachet de la société et signature',
  ]);
}

/**
 * The documents of a piece sent by a named professional: an invoice dated in the campaign's reference
 * year, and the same without the « DMP compatible » mention.
 */
export async function personalDocuments(holder: string, software: SoftwareOnDocument, year: number, serial: number) {
  const number = `${year}-${String(serial).padStart(4, '0')}`;
  const acquiredOn = `14/03/${year}`;
  const valid = document(
    await invoice(holder, software, number, acquiredOn),
    'application/pdf',
    `facture-${slug(software)}.pdf`,
  );
  const flawed = document(
    await textPdf(`FACTURE N° ${number}`, [
      `${software.publisherName}`,
      `Client : ${holder}`,
      `Logiciel : ${software.softwareName} version ${software.version}`,
      `Date d'acquisition : ${acquiredOn}`,
      'Montant TTC : 1 200,00 EUR',
    ]),
    'application/pdf',
    `facture-${slug(software)}-sans-mention.pdf`,
  );
  return { valid, flawed };
}

const slug = (s: SoftwareOnDocument) =>
  printable(s.softwareName)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');

export async function demoDocuments(): Promise<DemoDocumentLibrary> {
  const generic = { publisherName: 'Éditions Santé Numérique', softwareName: 'Dentalia', version: '4.2' };
  const medecin = { publisherName: 'Logiciels du Cabinet', softwareName: 'CabinetPlus', version: '7.1' };
  const invoicePdf = document(
    await invoice('Dr Camille Martin, chirurgien-dentiste', generic, '2024-0142'),
    'application/pdf',
    'facture-logiciel.pdf',
  );
  const attestationPdf = document(
    await attestation('le Dr Julien Roux, médecin généraliste', medecin),
    'application/pdf',
    'attestation-editeur.pdf',
  );
  const scanLines = [
    'Facture N° 2024-0317',
    'Editions Sante Numerique',
    '12 rue des Ecoles, 21000 Dijon',
    'Client : Mme Lea Moreau, infirmiere',
    'Logiciel : Paramedia version 3.0',
    '« DMP compatible »',
    "Date d'acquisition : 02/02/2024",
    'Montant TTC : 540,00 EUR',
  ];
  const table: [string, string][] = [
    ['Licence Paramedia 3.0', '450,00'],
    ['Maintenance 1 an', '90,00'],
  ];
  const scan = document(scanPng(scanLines, { seed: 3, table }), 'image/png', 'scan-facture.png');
  const illegible = document(scanPng(scanLines, { seed: 4, table, blur: 4 }), 'image/png', 'photo-facture-floue.png');
  const withoutMention = document(
    await textPdf('FACTURE N° 2024-0588', [
      'Éditions Santé Numérique',
      'Client : Dr Camille Martin',
      'Logiciel : Dentalia version 4.2',
      'Montant TTC : 1 200,00 EUR',
    ]),
    'application/pdf',
    'facture-sans-mention-dmp.pdf',
  );
  const quote = document(
    await textPdf('DEVIS', [
      'Logiciels du Cabinet',
      'Logiciel : CabinetPlus, offre cabinet de groupe',
      'Devis valable 30 jours — non nominatif, sans date de commande',
    ]),
    'application/pdf',
    'devis-logiciel.pdf',
  );
  const unrelated = document(
    await textPdf('BON DE COMMANDE', [
      'Fournitures de bureau : ramettes de papier, classeurs',
      'Sans rapport avec un logiciel métier',
    ]),
    'application/pdf',
    'bon-de-commande.pdf',
  );
  const otherPublisher = document(
    await invoice(
      'Dr Camille Martin',
      { publisherName: 'Odontia Systèmes', softwareName: 'DentiCloud', version: '2.1' },
      'OD-7781',
    ),
    'application/pdf',
    'facture-autre-editeur.pdf',
  );
  const flawed = (reason: RejectionReason): DemoDocument => {
    switch (reason) {
      case 'ILLEGIBLE':
        return illegible;
      case 'UNRELATED_TO_INDICATOR':
        return unrelated;
      case 'NOT_NOMINATIVE':
      case 'ACQUISITION_DATE_MISSING':
        return quote;
      case 'PUBLISHER_DIFFERS_FROM_DECLARATION':
        return otherPublisher;
      default:
        return withoutMention;
    }
  };
  return {
    all: [invoicePdf, attestationPdf, scan, illegible, withoutMention, quote, unrelated, otherPublisher],
    shared: { valid: invoicePdf, compliant: [invoicePdf, attestationPdf, scan], flawed },
  };
}
