/**
 * Small real documents for the demo: PDF invoices and publisher attestations (pdf-lib), and a PNG
 * "scan" (written by hand: signature, IHDR, IDAT, IEND with their CRCs).
 */
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

export interface DemoDocument {
  id: string; // sha256
  bytes: Buffer;
  contentType: 'application/pdf' | 'image/png';
  originalName: string;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export async function invoicePdf(lines: { title: string; body: string[] }): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle(lines.title);
  const page = doc.addPage([595.28, 841.89]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  page.drawText(lines.title, { x: 50, y: 780, size: 18, font: bold, color: rgb(0, 0, 0.57) });
  lines.body.forEach((line, index) => page.drawText(line, { x: 50, y: 740 - index * 20, size: 11, font }));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
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

/** A greyscale "scanned page" with ruled lines, valid PNG. */
export function scanPng(width = 240, height = 320): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (width + 1)] = 0; // no filter
    for (let x = 0; x < width; x += 1) {
      const ruled = y > 40 && y % 18 === 0 && x > 20 && x < width - 20;
      const title = y > 14 && y < 28 && x > 20 && x < 150;
      raw[y * (width + 1) + 1 + x] = ruled ? 120 : title ? 40 : 245 - ((x + y) % 7);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The demo's documents: a few distinct ones, reused across justificatifs. */
export async function demoDocuments(): Promise<DemoDocument[]> {
  const invoice = await invoicePdf({
    title: 'FACTURE N° 2024-0142',
    body: [
      'Éditions Santé Numérique — 12 rue des Écoles, 21000 Dijon',
      'Logiciel : Dentalia version 4.2 — mention « DMP compatible »',
      "Date d'acquisition : 14/03/2024",
      'Client : Dr Éloïse Lefèvre, chirurgien-dentiste',
      'Montant TTC : 1 200,00 EUR',
    ],
  });
  const attestation = await invoicePdf({
    title: "ATTESTATION DE L'ÉDITEUR",
    body: [
      'Logiciels du Cabinet atteste que le praticien désigné ci-dessous',
      'dispose du logiciel CabinetPlus, version commerciale 7.1,',
      'DMP compatible depuis le 02/01/2023, LAP certifié HAS.',
      "Date d'édition de l'attestation : 05/01/2025",
      'Cachet de la société et signature',
    ],
  });
  const unrelated = await invoicePdf({
    title: 'BON DE COMMANDE',
    body: ['Fournitures de bureau : ramettes de papier, classeurs', 'Sans rapport avec un logiciel métier'],
  });
  const scan = scanPng();
  return [
    { bytes: invoice, contentType: 'application/pdf' as const, originalName: 'facture-logiciel.pdf' },
    { bytes: attestation, contentType: 'application/pdf' as const, originalName: 'attestation-editeur.pdf' },
    { bytes: unrelated, contentType: 'application/pdf' as const, originalName: 'bon-de-commande.pdf' },
    { bytes: scan, contentType: 'image/png' as const, originalName: 'scan-facture.png' },
  ].map((d) => ({ ...d, id: sha256(d.bytes) }));
}
