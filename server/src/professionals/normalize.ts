/** Letters that Unicode does not decompose into a base letter and an accent. */
const LIGATURES: Record<string, string> = {
  Œ: 'OE',
  œ: 'oe',
  Æ: 'AE',
  æ: 'ae',
  ß: 'ss',
  Ø: 'O',
  ø: 'o',
  Ł: 'L',
  ł: 'l',
};

/**
 * Upper-case, accents and punctuation removed, single spaces: the key of name and commune search
 * ('Lefèvre Éloïse' → 'LEFEVRE ELOISE', 'Œuvrard' → 'OEUVRARD', "Côte-d'Or" → 'COTE D OR').
 */
export function searchKey(text: string): string {
  return text
    .replace(/[ŒœÆæßØøŁł]/g, (c) => LIGATURES[c]!)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}
