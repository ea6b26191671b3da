/**
 * The professional's recap (seed 001: « récapitulatif de saisie et de rémunération »): indicators,
 * their value and atteinte, the rémunération lines and the payments. Pure: data in, PDF bytes out.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

export interface RecapData {
  title: string; // MA CONVENTION - MA DÉCLARATION 2024
  campaignLabel: string;
  identity: string[]; // name, profession, N° AM, address lines, caisse
  indicators: { label: string; value: string; atteinte: string; reason: string; mention: string | null }[];
  remuneration: { label: string; amount: string; reason: string }[];
  total: string;
  payments: { label: string; amount: string }[];
  generatedOn: string; // French date
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
const BLUE = rgb(0, 0, 0.57); // Marianne blue, as on Assurance Maladie documents
const GREY = rgb(0.35, 0.35, 0.35);

/** Standard PDF fonts speak WinAnsi: map what it lacks to the nearest readable text. */
export function toWinAnsi(text: string): string {
  return text
    .replace(/[\u202f\u2009\u00a0]/g, ' ')
    .replace(/≥/g, '>=')
    .replace(/≤/g, '<=')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/…/g, '...')
    .replace(/×/g, 'x')
    .replace(/[^\x20-\x7e\u00a0-\u00ff€—–«»Œœ]/g, '?');
}

class Writer {
  private page: PDFPage;
  private y = A4.height - MARGIN;

  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly header: string,
  ) {
    this.page = this.newPage();
  }

  private newPage(): PDFPage {
    const page = this.doc.addPage([A4.width, A4.height]);
    page.drawText(toWinAnsi(this.header), { x: MARGIN, y: A4.height - 30, size: 8, font: this.regular, color: GREY });
    this.y = A4.height - MARGIN;
    this.page = page;
    return page;
  }

  private ensure(height: number) {
    if (this.y - height < MARGIN + 20) this.newPage();
  }

  /** Wraps text to the page width; returns the number of lines written. */
  text(raw: string, options: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb>; indent?: number } = {}) {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.regular;
    const width = A4.width - 2 * MARGIN - (options.indent ?? 0);
    const words = toWinAnsi(raw).split(/\s+/);
    const lines: string[] = [];
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    if (line) lines.push(line);
    for (const l of lines) {
      this.ensure(size + 4);
      this.page.drawText(l, {
        x: MARGIN + (options.indent ?? 0),
        y: this.y - size,
        size,
        font,
        color: options.color ?? rgb(0, 0, 0),
      });
      this.y -= size + 4;
    }
  }

  row(left: string, right: string, options: { bold?: boolean } = {}) {
    const size = 10;
    const font = options.bold ? this.bold : this.regular;
    this.ensure(size + 4);
    const r = toWinAnsi(right);
    this.page.drawText(toWinAnsi(left).slice(0, 90), { x: MARGIN, y: this.y - size, size, font });
    this.page.drawText(r, { x: A4.width - MARGIN - font.widthOfTextAtSize(r, size), y: this.y - size, size, font });
    this.y -= size + 4;
  }

  gap(height = 8) {
    this.y -= height;
  }

  rule() {
    this.ensure(6);
    this.page.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: A4.width - MARGIN, y: this.y },
      thickness: 0.5,
      color: GREY,
    });
    this.y -= 6;
  }
}

export async function renderRecapPdf(data: RecapData): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(toWinAnsi(`${data.title} — ${data.campaignLabel}`));
  doc.setCreator('Ma Convention — back office CPAM');
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const w = new Writer(doc, regular, bold, `${data.title} — édité le ${data.generatedOn}`);

  w.text(data.title, { size: 16, bold: true, color: BLUE });
  w.text(data.campaignLabel, { size: 11, bold: true });
  w.gap();
  for (const line of data.identity) w.text(line);
  w.gap();
  w.rule();
  w.text('Indicateurs', { size: 13, bold: true, color: BLUE });
  data.indicators.forEach((indicator, index) => {
    w.gap(4);
    w.row(`${index + 1}  ${indicator.label}`, indicator.value, { bold: true });
    w.text(`${indicator.atteinte} — ${indicator.reason}`, { indent: 14, size: 9, color: GREY });
    if (indicator.mention) w.text(`« ${indicator.mention} »`, { indent: 14, size: 9, color: BLUE });
  });
  w.gap();
  w.rule();
  w.text('Rémunération', { size: 13, bold: true, color: BLUE });
  for (const line of data.remuneration) {
    w.row(line.label, line.amount);
    w.text(line.reason, { indent: 14, size: 9, color: GREY });
  }
  w.row('Total', data.total, { bold: true });
  if (data.payments.length > 0) {
    w.gap();
    w.text('Paiements', { size: 13, bold: true, color: BLUE });
    for (const payment of data.payments) w.row(payment.label, payment.amount);
  }
  w.gap();
  w.text('NI : Valeur Non Atteinte', { size: 8, color: GREY });
  return doc.save();
}
