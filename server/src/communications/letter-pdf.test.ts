import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { overlaps } from '../common/pdf-text';
import { pdfPages } from '../test-support/pdf-text';
import { renderLetters, type LetterData } from './letter-pdf';

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
});
