import { RowError } from '../fields';
import { SKIP } from '../handler';
import {
  COL,
  departementOfPostalCode,
  parseActivity,
  professionOf,
  siteRank,
  streetLine,
  type ActivityLine,
} from './annuaire-sante.parse';

const line = (over: Record<string, string> = {}) => ({
  [COL.idType]: '8',
  [COL.id]: '10100000001',
  [COL.lastName]: 'MARTIN',
  [COL.firstName]: 'Jean',
  [COL.profession]: '10',
  [COL.specialtyCode]: 'SM54',
  [COL.specialty]: 'Médecine générale',
  [COL.mode]: 'L',
  [COL.streetNumber]: '3',
  [COL.streetTypeLabel]: 'Place',
  [COL.street]: 'Carnot',
  [COL.postalCode]: '21200',
  [COL.commune]: 'Beaune',
  ...over,
});

const reasonOf = (over: Record<string, string>) => {
  try {
    parseActivity(line(over));
  } catch (error) {
    if (error instanceof RowError) return [error.column, error.message];
  }
  return null;
};

describe('annuaire-sante lines', () => {
  it.each([
    ['pharmacien', { [COL.profession]: '21' }],
    ['opticien', { [COL.profession]: '28' }],
    ['audioprothésiste', { [COL.profession]: '26' }],
    ['salarié', { [COL.mode]: 'S' }],
    ['bénévole', { [COL.mode]: 'B' }],
  ])('skips a line outside the feed (%s), even malformed', (_, over) => {
    expect(parseActivity(line({ ...over, [COL.id]: 'x' }))).toBe(SKIP);
  });

  it.each([
    [{ [COL.id]: '1010000000' }, COL.id, 'RPPS mal formé : « 1010000000 » (11 chiffres attendus).'],
    [{ [COL.idType]: '0', [COL.id]: '21123456' }, COL.id, 'ADELI mal formé : « 21123456 » (9 caractères attendus).'],
    [{ [COL.idType]: '3' }, COL.idType, "Type d'identifiant inconnu : « 3 » (8 pour le RPPS, 0 pour l'ADELI)."],
    [{ [COL.lastName]: '' }, COL.lastName, "Valeur obligatoire manquante (colonne Nom d'exercice)."],
    [{ [COL.postalCode]: '2100' }, COL.postalCode, 'Code postal mal formé : « 2100 » (5 chiffres attendus).'],
    [
      { [COL.postalCode]: '', [COL.commune]: '', [COL.cedex]: 'DIJON CEDEX' },
      COL.cedex,
      'Bureau cedex illisible : « DIJON CEDEX » (« code postal puis ville » attendu).',
    ],
    [{ [COL.phone]: '03-80-AB' }, COL.phone, 'Téléphone invalide : « 03-80-AB ».'],
    [{ [COL.email]: 'jean.martin@' }, COL.email, 'Adresse e-mail invalide : « jean.martin@ ».'],
  ])('rejects %j: %s — %s', (over, column, reason) => {
    expect(reasonOf(over)).toEqual([column, reason]);
  });

  it('reads « Bureau cedex » when the commune is empty, and the département from the postal code', () => {
    const parsed = parseActivity(
      line({ [COL.postalCode]: '', [COL.commune]: '', [COL.cedex]: '21033 DIJON CEDEX' }),
    ) as ActivityLine;
    expect(parsed.address).toEqual({ addressLine: '3 Place Carnot', postalCode: '21033', commune: 'DIJON CEDEX' });
    expect(parsed.departement).toBe('21');
    expect(parsed.nationalId).toBe('810100000001');
  });

  it.each([
    [{ [COL.streetNumber]: '12B' }, '12B Rue X'],
    [{ [COL.streetNumber]: '12', [COL.repetition]: 'B' }, '12B Rue X'],
    [{ [COL.streetNumber]: '5', [COL.repetition]: 'bis' }, '5 bis Rue X'],
    [{ [COL.streetNumber]: '', [COL.recipient]: 'Cabinet', [COL.distribution]: 'BP 12' }, 'Cabinet, Rue X, BP 12'],
  ])('street line of %j is « %s »', (over, expected) => {
    expect(streetLine({ [COL.streetTypeLabel]: 'Rue', [COL.street]: 'X', ...over })).toBe(expected);
  });

  it.each([
    ['10', 'SM54', 'MEDECIN_GENERALISTE'],
    ['10', 'SM26', 'MEDECIN_GENERALISTE'],
    ['10', 'SM01', 'MEDECIN_SPECIALISTE'],
    ['10', null, null],
    ['40', 'SCD01', 'CHIRURGIEN_DENTISTE'],
    ['50', null, 'SAGE_FEMME'],
    ['60', null, 'INFIRMIER'],
    ['69', null, 'INFIRMIER'],
    ['70', null, 'MASSEUR_KINESITHERAPEUTE'],
    ['80', null, 'PEDICURE_PODOLOGUE'],
    ['91', null, 'ORTHOPHONISTE'],
    ['92', null, 'ORTHOPTISTE'],
    ['21', null, null],
  ])('code profession %s with savoir-faire %s is %s', (code, specialty, expected) => {
    expect(professionOf(code, specialty)).toBe(expected);
  });

  it.each([
    ['21000', '21'],
    ['75011', '75'],
    ['20000', '2A'],
    ['20200', '2B'],
    ['97400', '974'],
  ])('postal code %s is in département %s', (postalCode, departement) => {
    expect(departementOfPostalCode(postalCode)).toBe(departement);
  });

  it('ranks sites: département of the caisse, then an address, then the one held, then file order', () => {
    const site = (departement: string | null, postalCode: string | null) =>
      ({
        departement,
        address: postalCode ? { addressLine: '1 rue A', postalCode, commune: 'C' } : null,
      }) as ActivityLine;
    const held = { addressLine: '1 rue A', postalCode: '21200', commune: 'C' };
    const rank = (l: ActivityLine, n: number) => siteRank(l, n, '21', held);
    expect(rank(site('21', null), 9)).toBeLessThan(rank(site('75', '75011'), 2));
    expect(rank(site('21', '21000'), 9)).toBeLessThan(rank(site('21', null), 2));
    expect(rank(site('21', '21200'), 9)).toBeLessThan(rank(site('21', '21000'), 2));
    expect(rank(site('21', '21000'), 2)).toBeLessThan(rank(site('21', '21000'), 3));
  });
});
