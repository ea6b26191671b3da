/**
 * Letters in the Assurance Maladie layout: sender block (top left), recipient block in the envelope
 * window (right), date, « Objet », body, signature. Several letters make one PDF for a wave, each letter
 * starting on a new page. Pure: data in, bytes and drawn boxes out.
 *
 * `renderLetters` builds one document in memory (one letter, tests); `streamLetters` writes a wave of any
 * size as it is drawn, with flat memory (see its comment).
 */
import { PDFDocument, PDFHeader, PDFHexString } from 'pdf-lib';
import { A4, FlowWriter, GREY, MARINE, embedFonts, type Box } from '../common/pdf-text';

export interface LetterData {
  sender: string[];
  recipient: string[];
  date: string; // French, « 2 décembre 2026 »
  reference: string; // N° AM and message id
  subject: string;
  body: string;
  signature: string[];
}

export interface RenderedLetters {
  bytes: Uint8Array;
  boxes: Box[];
  /** First page of each letter, in order. */
  firstPages: number[];
}

const WINDOW_X = 320; // left edge of a DL window envelope's address window

/** Draws one letter from a new page on; returns the index of its first page. */
function drawLetter(writer: FlowWriter, letter: LetterData): number {
  writer.newPage();
  const first = writer.pageIndex;
  const top = writer.y;
  // Sender block, left column.
  writer.text(letter.sender[0] ?? 'Assurance Maladie', {
    size: 14,
    bold: true,
    color: MARINE,
    width: 220,
    what: 'sender',
  });
  writer.text(letter.sender.slice(1).join('\n'), { size: 10, width: 220, after: 6, what: 'sender' });
  writer.text(letter.reference, { size: 8, color: GREY, width: 220, what: 'reference' });
  const leftBottom = writer.y;
  // Recipient block, in the envelope window.
  writer.y = top - 90;
  writer.text(letter.recipient.join('\n'), {
    size: 11,
    x: WINDOW_X,
    width: A4.width - 56 - WINDOW_X,
    what: 'recipient',
  });
  writer.y = Math.min(writer.y, leftBottom) - 24;
  writer.text(`Le ${letter.date}`, {
    size: 10,
    x: WINDOW_X,
    width: A4.width - 56 - WINDOW_X,
    after: 18,
    what: 'date',
  });
  writer.text(`Objet : ${letter.subject}`, { size: 10.5, bold: true, after: 12, what: 'subject' });
  writer.text(letter.body, { size: 10.5, after: 18, what: 'body' });
  writer.text(letter.signature.join('\n'), {
    size: 10.5,
    x: WINDOW_X,
    width: A4.width - 56 - WINDOW_X,
    what: 'signature',
  });
  return first;
}

export async function renderLetters(letters: LetterData[], title = 'Courrier'): Promise<RenderedLetters> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setAuthor('Assurance Maladie');
  doc.setCreator('mcbo');
  const fonts = await embedFonts(doc);
  const writer = new FlowWriter(doc, fonts, 56);
  const firstPages = letters.map((letter) => drawLetter(writer, letter));
  if (letters.length === 0) writer.newPage();
  return { bytes: await doc.save(), boxes: writer.boxes, firstPages };
}

// -------------------------------------------------------------------------------------------------
// Streaming a wave

/** Object numbers of the streamed file's own objects; every part numbers its objects after them. */
const PAGES_REF = 1; // what PDFDocument.create() registers first: its page tree…
const CATALOG_REF = 2; // …then its catalog
const INFO_REF = 3;

export interface StreamLettersOptions {
  title: string;
  /** Letters drawn into one in-memory part before it is written out. */
  lettersPerPart?: number;
  now?: Date;
}

export interface StreamedLetters {
  letters: number;
  pages: number;
  bytes: number;
}

const ascii = (text: string) => Buffer.from(text, 'latin1');
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function pdfDate(d: Date): string {
  return `D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

/**
 * One PDF of every letter, written as it is drawn: memory stays flat whatever the wave's size.
 *
 * pdf-lib holds a whole document until `save()`, so the letters are drawn in parts of
 * `lettersPerPart` (one pdf-lib document each, fonts embedded and subset per part), and each part's
 * objects are written to `write` as soon as the part is drawn — its page tree and catalog excepted:
 * a part's page tree and catalog are objects 1 and 2 (what `PDFDocument.create()` registers first),
 * its other objects are numbered after the previous part's (`largestObjectNumber`), so every page's
 * `/Parent 1 0 R` already names the file's own page tree, written at the end with the catalog, the
 * document information, the cross-reference table and the trailer. What is kept until the end is one
 * offset per object and one number per page (a few bytes a letter), and pdf-lib's pool of object
 * references (one small object per object number, shared by later downloads).
 *
 * `write` resolves when the consumer can take more (backpressure); a rejection stops the drawing.
 */
export async function streamLetters(
  parts: AsyncIterable<LetterData[]>,
  write: (bytes: Uint8Array) => Promise<void>,
  options: StreamLettersOptions,
): Promise<StreamedLetters> {
  const perPart = options.lettersPerPart ?? 50;
  const offsets: number[] = [];
  const pageRefs: number[] = [];
  let offset = 0;
  let next = INFO_REF + 1;
  let letters = 0;
  const emit = async (bytes: Uint8Array) => {
    offset += bytes.length;
    await write(bytes);
  };
  const header = PDFHeader.forVersion(1, 7);
  const headerBytes = new Uint8Array(header.sizeInBytes() + 2);
  header.copyBytesInto(headerBytes, 0);
  headerBytes.set([0x0a, 0x0a], headerBytes.length - 2);
  await emit(headerBytes);

  const writePart = async (batch: LetterData[]) => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.context.largestObjectNumber = next - 1;
    const writer = new FlowWriter(doc, await embedFonts(doc), 56);
    for (const [i, letter] of batch.entries()) {
      drawLetter(writer, letter);
      if (i % 10 === 9) await yieldToEventLoop(); // other requests get their turn
    }
    if (batch.length === 0) writer.newPage();
    await doc.flush();
    for (const page of doc.getPages()) pageRefs.push(page.ref.objectNumber);
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
      const n = ref.objectNumber;
      if (n === PAGES_REF || n === CATALOG_REF) continue;
      const head = ascii(`${n} 0 obj\n`);
      const body = new Uint8Array(object.sizeInBytes());
      object.copyBytesInto(body, 0);
      offsets[n] = offset + size;
      for (const c of [head, body, ascii('\nendobj\n\n')]) {
        chunks.push(c);
        size += c.length;
      }
    }
    next = doc.context.largestObjectNumber + 1;
    await emit(Buffer.concat(chunks, size));
  };

  let batch: LetterData[] = [];
  for await (const part of parts) {
    for (const letter of part) {
      batch.push(letter);
      letters++;
      if (batch.length >= perPart) {
        await writePart(batch);
        batch = [];
      }
    }
  }
  if (batch.length > 0 || letters === 0) await writePart(batch);

  // The file's own objects: page tree, catalog, information.
  const now = options.now ?? new Date();
  const own: [number, string][] = [
    [
      PAGES_REF,
      `<<\n/Type /Pages\n/Kids [${pageRefs.map((n) => `${n} 0 R`).join(' ')}]\n/Count ${pageRefs.length}\n>>`,
    ],
    [CATALOG_REF, `<<\n/Type /Catalog\n/Pages ${PAGES_REF} 0 R\n>>`],
    [
      INFO_REF,
      `<<\n/Title ${PDFHexString.fromText(options.title).toString()}\n/Author ${PDFHexString.fromText('Assurance Maladie').toString()}\n` +
        `/Creator (mcbo)\n/Producer (pdf-lib \\(https://github.com/Hopding/pdf-lib\\))\n/CreationDate (${pdfDate(now)})\n/ModDate (${pdfDate(now)})\n>>`,
    ],
  ];
  for (const [n, text] of own) {
    const bytes = ascii(`${n} 0 obj\n${text}\nendobj\n\n`);
    offsets[n] = offset;
    await emit(bytes);
  }

  // Cross-reference table (20 bytes an entry; a number never used is a free entry), in slices.
  const xrefOffset = offset;
  const count = next;
  await emit(ascii(`xref\n0 ${count}\n0000000000 65535 f \n`));
  for (let from = 1; from < count; from += 4096) {
    let lines = '';
    for (let n = from; n < Math.min(count, from + 4096); n++) {
      const at = offsets[n];
      lines += at === undefined ? '0000000000 65535 f \n' : `${String(at).padStart(10, '0')} 00000 n \n`;
    }
    await emit(ascii(lines));
  }
  await emit(
    ascii(
      `trailer\n<<\n/Size ${count}\n/Root ${CATALOG_REF} 0 R\n/Info ${INFO_REF} 0 R\n>>\n\nstartxref\n${xrefOffset}\n%%EOF`,
    ),
  );
  return { letters, pages: pageRefs.length, bytes: offset };
}
