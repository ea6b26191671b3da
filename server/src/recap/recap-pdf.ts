/**
 * The professional's recap (seed 001: « récapitulatif de saisie et de rémunération »): indicators,
 * their value and atteinte, the rémunération lines and the payments. Pure: data in, PDF bytes out.
 *
 * Drawn on the letters' PDF stack (`common/pdf-text.ts`): Liberation Sans embedded (accents, « », €
 * print as typed), every text wrapped in its box, and a label and its value side by side in two columns
 * that never meet — a long indicator label wraps in its column instead of running under the value.
 */
import { PDFDocument } from 'pdf-lib';
import { A4, FlowWriter, GREY, MARINE, embedFonts, wrap, type Box, type TextOptions } from '../common/pdf-text';

export interface RecapData {
  title: string; // MA CONVENTION - MA DÉCLARATION 2024
  campaignLabel: string;
  identity: string[]; // name, profession, N° AM, address lines, caisse
  indicators: { label: string; value: string; atteinte: string; reason: string; mention: string | null }[];
  remuneration: { label: string; amount: string; reason: string }[];
  total: string;
  /** Under the rémunération heading: where the atteintes and amounts come from (a computed campaign's snapshot). */
  amountsNote: string | null;
  payments: { label: string; amount: string }[];
  generatedOn: string; // French date
}

const MARGIN = 50;
/** The value column (amounts, declared values): a third of the width, right-aligned text. */
const VALUE_WIDTH = 170;
const COLUMN_GAP = 16;
const INDENT = 14;

class RecapWriter {
  constructor(readonly flow: FlowWriter) {}

  text(raw: string, options: TextOptions = {}) {
    this.flow.text(raw, options);
  }

  heading(raw: string) {
    this.flow.text(raw, { size: 13, bold: true, color: MARINE, after: 2, what: raw });
  }

  /** A label and its value on the same line; each wraps in its own column. */
  row(label: string, value: string, options: { bold?: boolean } = {}) {
    const size = 10;
    const font = options.bold ? this.flow.fonts.bold : this.flow.fonts.regular;
    const labelWidth = this.flow.contentWidth - VALUE_WIDTH - COLUMN_GAP;
    const valueX = A4.width - MARGIN - VALUE_WIDTH;
    const leading = size * 1.3;
    const valueLines = wrap(value, font, size, VALUE_WIDTH);
    const height = Math.max(wrap(label, font, size, labelWidth).length, valueLines.length) * leading;
    if (this.flow.y - height < this.flow.margin) this.flow.newPage();
    const top = this.flow.y;
    this.flow.text(label, { size, bold: options.bold, width: labelWidth, what: `libellé : ${label.slice(0, 24)}` });
    const afterLabel = this.flow.y;
    this.flow.y = top;
    // Right-aligned: each line of the value ends at the column's right edge.
    const right = A4.width - MARGIN;
    valueLines.forEach((line, index) => {
      const width = font.widthOfTextAtSize(line, size);
      this.flow.page.drawText(line, { x: right - width, y: top - index * leading - size, size, font });
    });
    this.flow.boxes.push({
      page: this.flow.pageIndex,
      x: valueX,
      y: top - valueLines.length * leading,
      width: VALUE_WIDTH,
      height: valueLines.length * leading,
      what: `valeur : ${value.slice(0, 24)}`,
    });
    this.flow.y = Math.min(afterLabel, top - valueLines.length * leading);
  }

  gap(height = 8) {
    this.flow.y -= height;
  }

  rule() {
    if (this.flow.y - 6 < this.flow.margin) this.flow.newPage();
    this.flow.page.drawLine({
      start: { x: MARGIN, y: this.flow.y - 2 },
      end: { x: A4.width - MARGIN, y: this.flow.y - 2 },
      thickness: 0.5,
      color: GREY,
    });
    this.flow.y -= 6;
  }
}

/** The PDF and the box of every text it drew (tests prove that no two boxes overlap). */
export async function layoutRecapPdf(data: RecapData): Promise<{ bytes: Uint8Array; boxes: Box[] }> {
  const doc = await PDFDocument.create();
  doc.setTitle(`${data.title} — ${data.campaignLabel}`);
  doc.setCreator('Ma Convention — back office CPAM');
  doc.setLanguage('fr-FR');
  const fonts = await embedFonts(doc);
  const header = `${data.title} — édité le ${data.generatedOn}`;
  const flow = new FlowWriter(doc, fonts, MARGIN, (f) => {
    // The running header sits in the top margin, above the flow.
    f.page.drawText(header, { x: MARGIN, y: A4.height - 30, size: 8, font: fonts.regular, color: GREY });
  });
  flow.newPage();
  const w = new RecapWriter(flow);

  w.text(data.title, { size: 16, bold: true, color: MARINE, after: 2 });
  w.text(data.campaignLabel, { size: 11, bold: true });
  w.gap();
  for (const line of data.identity) w.text(line);
  w.gap();
  w.rule();
  w.heading('Indicateurs');
  data.indicators.forEach((indicator, index) => {
    w.gap(4);
    w.row(`${index + 1}  ${indicator.label}`, indicator.value, { bold: true });
    w.text(`${indicator.atteinte} — ${indicator.reason}`, { x: MARGIN + INDENT, size: 9, color: GREY });
    if (indicator.mention) w.text(`« ${indicator.mention} »`, { x: MARGIN + INDENT, size: 9, color: MARINE });
  });
  w.gap();
  w.rule();
  w.heading('Rémunération');
  if (data.amountsNote) w.text(data.amountsNote, { size: 9, color: GREY, after: 2 });
  for (const line of data.remuneration) {
    w.row(line.label, line.amount);
    w.text(line.reason, { x: MARGIN + INDENT, size: 9, color: GREY });
  }
  w.row('Total', data.total, { bold: true });
  if (data.payments.length > 0) {
    w.gap();
    w.heading('Paiements');
    for (const payment of data.payments) w.row(payment.label, payment.amount);
  }
  w.gap();
  w.text('NI : Valeur Non Atteinte', { size: 8, color: GREY });
  return { bytes: await doc.save(), boxes: flow.boxes };
}

export async function renderRecapPdf(data: RecapData): Promise<Uint8Array> {
  return (await layoutRecapPdf(data)).bytes;
}
