import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { overlaps } from '../common/pdf-text';
import { pdfPages } from '../test-support/pdf-text';
import { renderLetters, streamLetters, type LetterData } from './letter-pdf';

const LONG_BODY = Array.from(
  { length: 40 },
  (_, i) =>
    `Paragraphe ${i + 1} : la pièce justificative « facture de l’éditeur » doit montrer le nom du logiciel, sa version et la mention « DMP compatible » ; à défaut l’indicateur ne pourra être rémunéré (${i} €).`,
).join('\n\n');

function letter(i: number, body = 'Madame, Monsieur,\n\nVotre déclaration n’est pas transmise.'): LetterData {
  return {
    sender: ['Assurance Maladie', "CPAM de la Côte-d'Or"],
    recipient: [`Éloïse Lefèvre-${i}`, `${i} rue de la Liberté`, '21000 DIJON'],
    date: '2 décembre 2026',
    reference: `Réf. ${i}`,
    subject: `Relance n° ${i} : déclarez vos indicateurs sans tarder — Forfait d’aide à la modernisation et l’informatisation du cabinet professionnel 2024`,
    body,
    signature: ['Le service des relations avec les professionnels de santé', "CPAM de la Côte-d'Or"],
  };
}

describe('letters PDF', () => {
  it('renders a wave of 50: every recipient printed with accents and « », no box overlapping another', async () => {
    const letters = Array.from({ length: 50 }, (_, i) => letter(i, i === 7 ? LONG_BODY : undefined));
    const { bytes, boxes, firstPages } = await renderLetters(letters);
    const pages = await pdfPages(bytes);
    expect(firstPages).toHaveLength(50);
    expect(pages.length).toBeGreaterThan(50); // the long letter runs over several pages
    for (let i = 0; i < 50; i++) {
      const page = pages[firstPages[i]!]!;
      expect(page).toContain(`Éloïse Lefèvre-${i}`);
      expect(page).toContain('Le 2 décembre 2026');
      expect(page).toContain("CPAM de la Côte-d'Or");
    }
    const long = pages.slice(firstPages[7]!, firstPages[8]!).join('\n');
    expect(long).toContain('« DMP compatible »');
    expect(long).toContain('Paragraphe 40');
    for (let a = 0; a < boxes.length; a++) {
      for (let b = a + 1; b < boxes.length; b++) {
        if (overlaps(boxes[a]!, boxes[b]!))
          throw new Error(`${boxes[a]!.what} overlaps ${boxes[b]!.what} on page ${boxes[a]!.page}`);
      }
      expect(boxes[a]!.x + boxes[a]!.width).toBeLessThanOrEqual(595.28 - 56 + 0.01);
      expect(boxes[a]!.y).toBeGreaterThanOrEqual(56 - 0.01);
    }
  });

  it('embeds its fonts', async () => {
    const { bytes } = await renderLetters([letter(1)]);
    const doc = await PDFDocument.load(bytes);
    const dicts = doc.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter((object): object is PDFDict => object instanceof PDFDict);
    const descriptors = dicts.filter((d) => d.get(PDFName.of('Type')) === PDFName.of('FontDescriptor'));
    expect(descriptors.length).toBeGreaterThanOrEqual(2); // regular and bold
    expect(descriptors.every((d) => d.has(PDFName.of('FontFile2')))).toBe(true);
  });

  it('streams a wave in parts into one valid PDF: every letter on its own pages, in order, fonts embedded', async () => {
    const letters = Array.from({ length: 50 }, (_, i) => letter(i, i === 7 ? LONG_BODY : undefined));
    async function* pages() {
      for (let i = 0; i < letters.length; i += 12) yield letters.slice(i, i + 12); // parts cross the reads
    }
    const written: Uint8Array[] = [];
    const result = await streamLetters(pages(), async (bytes) => void written.push(bytes), {
      title: 'Relance 7 — « courriers »',
      lettersPerPart: 7,
    });
    const bytes = Buffer.concat(written);
    expect(written.length).toBeGreaterThan(8); // written part by part, not once at the end
    expect(result).toMatchObject({ letters: 50, bytes: bytes.length });
    // Readers seek through the cross-reference table: every entry points at its object's first byte.
    const latin = bytes.toString('latin1');
    const xrefAt = Number(/startxref\n(\d+)\n%%EOF$/.exec(latin)![1]);
    const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(latin.slice(xrefAt))!.map(Number) as [number, number, number];
    expect(first).toBe(0);
    const entries = latin
      .slice(xrefAt)
      .split('\n')
      .slice(2, 2 + count);
    let inUse = 0;
    entries.forEach((entry, n) => {
      expect(entry).toHaveLength(19); // 20 bytes with the newline
      if (entry.endsWith(' n ')) {
        inUse++;
        expect(latin.slice(Number(entry.slice(0, 10)), Number(entry.slice(0, 10)) + 12)).toMatch(
          new RegExp(`^${n} 0 obj\n`),
        );
      }
    });
    expect(inUse).toBe((latin.match(/\d+ 0 obj\n/g) ?? []).length);
    const doc = await PDFDocument.load(bytes, { throwOnInvalidObject: true });
    expect(doc.getPageCount()).toBe(result.pages);
    expect(doc.getTitle()).toBe('Relance 7 — « courriers »');
    const reference = await renderLetters(letters); // the same layout, in one document
    const firstPages = reference.firstPages;
    expect(result.pages).toBe((await PDFDocument.load(reference.bytes)).getPageCount());
    const text = await pdfPages(bytes);
    for (let i = 0; i < 50; i++) {
      expect(text[firstPages[i]!]).toContain(`Éloïse Lefèvre-${i}\n`);
      expect(text[firstPages[i]!]).toContain('Le 2 décembre 2026');
    }
    expect(text.slice(firstPages[7]!, firstPages[8]!).join('\n')).toContain('Paragraphe 40');
    const descriptors = doc.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('FontDescriptor'));
    expect(descriptors).toHaveLength(2 * 8); // regular and bold, subset per part of 7
    expect(descriptors.every((d) => d.has(PDFName.of('FontFile2')))).toBe(true);
  });

  it('streams an empty wave as one blank page, and stops when the consumer fails', async () => {
    const written: Uint8Array[] = [];
    const empty = await streamLetters((async function* () {})(), async (b) => void written.push(b), { title: 'vide' });
    expect(empty).toMatchObject({ letters: 0, pages: 1 });
    expect((await PDFDocument.load(Buffer.concat(written))).getPageCount()).toBe(1);
    let parts = 0;
    const endless = (async function* () {
      for (;;) yield [letter(parts++)];
    })();
    let writes = 0;
    await expect(
      streamLetters(
        endless,
        async () => {
          if (++writes === 3) throw new Error('client parti');
        },
        { title: 'x', lettersPerPart: 2 },
      ),
    ).rejects.toThrow('client parti');
    expect(parts).toBeLessThan(10);
  });
});
