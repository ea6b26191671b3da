/**
 * Letters in the Assurance Maladie layout: sender block (top left), recipient block in the envelope
 * window (right), date, « Objet », body, signature. Several letters make one PDF for a wave, each letter
 * starting on a new page. Pure: data in, bytes and drawn boxes out.
 */
import { PDFDocument } from 'pdf-lib';
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

export async function renderLetters(letters: LetterData[], title = 'Courrier'): Promise<RenderedLetters> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setAuthor('Assurance Maladie');
  doc.setCreator('mcbo');
  const fonts = await embedFonts(doc);
  const firstPages: number[] = [];
  const writer = new FlowWriter(doc, fonts, 56);
  for (const letter of letters) {
    writer.newPage();
    firstPages.push(writer.pageIndex);
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
  }
  if (letters.length === 0) writer.newPage();
  return { bytes: await doc.save(), boxes: writer.boxes, firstPages };
}
