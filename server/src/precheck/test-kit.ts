/** Words laid out as a text layer would give them (one line per string), for tables of findings. */
import type { PrecheckExpectation, Word } from './precheck.types';

export function wordsOf(lines: string[], options: { page?: number; confidence?: number } = {}): Word[] {
  const words: Word[] = [];
  lines.forEach((line, l) => {
    let x = 0.08;
    for (const t of line.split(/\s+/).filter(Boolean)) {
      const w = t.length * 0.012;
      words.push({
        t,
        p: options.page ?? 1,
        l,
        b: { x, y: 0.1 + l * 0.03, w, h: 0.015 },
        c: options.confidence ?? 100,
      });
      x += w + 0.006;
    }
  });
  return words;
}

export const CAMILLE: PrecheckExpectation = {
  checklist: [
    { code: 'DOCUMENT_TYPE', label: 'Facture…', required: true },
    { code: 'PUBLISHER_IDENTIFIED', label: 'Éditeur', required: true },
    { code: 'SOFTWARE_NAME', label: 'Logiciel', required: true },
    { code: 'SOFTWARE_VERSION', label: 'Version', required: true },
    { code: 'ACQUISITION_DATE', label: 'Date', required: true },
    { code: 'NOMINATIVE', label: 'Nominatif', required: true },
    { code: 'DMP_COMPATIBLE_MENTION', label: 'DMP', required: true },
    { code: 'CONNECTOR_OR_PACK_STATED', label: 'Connecteur', required: false },
    { code: 'LAP_CERTIFIED', label: 'LAP', required: false },
  ],
  holder: { firstName: 'Camille', lastName: 'Martin' },
  declared: { publisher: 'Éditions Santé Numérique', software: 'Dentalia', version: '4.2' },
  catalogue: {
    publishers: [
      { name: 'Éditions Santé Numérique', aliases: ['ESN Santé'] },
      { name: 'Logiciels du Cabinet', aliases: [] },
      { name: 'Odontia Systèmes', aliases: ['Groupe Odontia'] },
      { name: 'Praxis Informatique Santé', aliases: ['Praxis IS'] },
    ],
    software: [
      { name: 'Dentalia', aliases: ['DentaWin'] },
      { name: 'Paramédia', aliases: [] },
      { name: 'CabinetPlus', aliases: [] },
      { name: 'DentiCloud', aliases: [] },
      { name: 'Praxis Consultation', aliases: ['PraxiConsult'] },
      { name: 'Médiplan', aliases: [] },
    ],
  },
  referenceYear: 2024,
};
