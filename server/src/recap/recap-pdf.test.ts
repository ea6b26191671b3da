import { A4, overlaps, type Box } from '../common/pdf-text';
import { pdfPages } from '../test-support/pdf-text';
import { layoutRecapPdf, type RecapData } from './recap-pdf';

const LONG_LABEL =
  'Disposer d’un logiciel métier avec un logiciel d’aide à la prescription (LAP) certifié par la Haute Autorité de Santé, compatible DMP, et d’une messagerie sécurisée de santé';

function recap(indicators = 3): RecapData {
  return {
    title: 'MA CONVENTION - MA DÉCLARATION 2024',
    campaignLabel: 'Forfait d’aide à la modernisation et l’informatisation du cabinet professionnel (FAMI) 2024',
    identity: ['Éloïse Lefèvre', 'Chirurgien-dentiste', 'N° AM 211000123', "CPAM de la Côte-d'Or"],
    indicators: Array.from({ length: indicators }, (_, i) => ({
      label: i === 0 ? LONG_LABEL : `Indicateur n° ${i + 1} : « version du logiciel » ${'très '.repeat(i)}détaillée`,
      value: i === 1 ? 'Oui — attesté sur l’honneur par le professionnel le 12/03/2025, pièce en attente' : 'Oui',
      atteinte: 'Atteint',
      reason: 'pièce justificative validée par la CPAM le 12/03/2025 ; le cas échéant, contrôle a posteriori',
      mention: i === 0 ? 'pièce justificative validée par la CPAM' : null,
    })),
    remuneration: [
      { label: LONG_LABEL, amount: '1 234 567,89 € (dont régularisation −12,34 €)', reason: 'Volet 1 : socle atteint' },
      { label: 'Bonus de coordination', amount: '100,00 €', reason: 'versé' },
    ],
    total: '1 234 667,89 €',
    amountsNote: 'Atteintes et montants figés au calcul de la campagne le 02/12/2026.',
    payments: [{ label: 'Paiement du 30 avril 2025 — forfait et bonus « coordination »', amount: '1 234 667,89 €' }],
    generatedOn: '2 décembre 2026',
  };
}

function firstOverlap(boxes: Box[]): string | null {
  for (let a = 0; a < boxes.length; a++)
    for (let b = a + 1; b < boxes.length; b++)
      if (overlaps(boxes[a]!, boxes[b]!))
        return `${boxes[a]!.what} overlaps ${boxes[b]!.what} on page ${boxes[a]!.page}`;
  return null;
}

describe('recap PDF', () => {
  it('wraps long labels and values in their own columns: no text box overlaps another, none leaves the page', async () => {
    const { boxes } = await layoutRecapPdf(recap());
    expect(firstOverlap(boxes)).toBeNull();
    for (const box of boxes) {
      expect(box.x).toBeGreaterThanOrEqual(50 - 0.01);
      expect(box.x + box.width).toBeLessThanOrEqual(A4.width - 50 + 0.01);
      expect(box.y).toBeGreaterThanOrEqual(50 - 0.01);
    }
    // The long label wraps (several lines) beside a one-line value.
    const label = boxes.find((b) => b.what.startsWith('libellé : 1  Disposer'))!;
    const value = boxes.find(
      (b) => b.page === label.page && b.what === 'valeur : Oui' && b.y + b.height === label.y + label.height,
    );
    expect(label.height).toBeGreaterThan(2 * 13);
    expect(value).toBeDefined();
  });

  it('prints accents, « », € and the long texts whole, over as many pages as needed', async () => {
    const { bytes, boxes } = await layoutRecapPdf(recap(40));
    const pages = await pdfPages(bytes);
    expect(pages.length).toBeGreaterThan(1);
    expect(firstOverlap(boxes)).toBeNull();
    const text = pages.join('\n');
    expect(text).toContain('MA DÉCLARATION 2024');
    expect(text).toContain('Éloïse Lefèvre');
    expect(text).toContain('« pièce justificative validée par la CPAM »');
    expect(text).toContain('1 234 567,89 €');
    expect(text).toContain('Indicateur n° 40');
    expect(text).toContain('messagerie sécurisée de santé');
  });
});
