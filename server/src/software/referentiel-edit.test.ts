import {
  changeSummary,
  changedSpecialties,
  checkSoftwareInput,
  normaliseSpecialties,
  reevaluationSummary,
  type SoftwareInput,
} from './referentiel-edit';

const base: SoftwareInput = {
  publisherName: 'Éditions Santé',
  name: 'Dentalia',
  version: '4.2',
  dmpCompatible: true,
  dmpCompatibleSince: null,
  lapCertified: false,
  messagingType: null,
};

describe('catalogue entry input', () => {
  it.each<[string, Partial<SoftwareInput>, string | null]>([
    ['valid', {}, null],
    ['blank publisher', { publisherName: '  ' }, "Le nom de l'éditeur est obligatoire."],
    ['long publisher', { publisherName: 'x'.repeat(121) }, "Nom de l'éditeur trop long (120 caractères au plus)."],
    ['blank name', { name: '' }, 'Le nom du logiciel est obligatoire.'],
    ['long name', { name: 'x'.repeat(121) }, 'Nom du logiciel trop long (120 caractères au plus).'],
    ['blank version', { version: ' ' }, 'La version est obligatoire.'],
    ['long version', { version: '1'.repeat(41) }, 'Version trop longue (40 caractères au plus).'],
    [
      'DMP date without DMP',
      { dmpCompatible: false, dmpCompatibleSince: '2024-01-01' },
      'Une date de compatibilité DMP demande un logiciel compatible DMP.',
    ],
  ])('%s', (_label, change, message) => {
    const result = checkSoftwareInput({ ...base, ...change });
    if (message === null) expect(result).toEqual({ value: base });
    else expect(result).toEqual({ refusal: { code: 'INVALID_INPUT', message } });
  });

  it('collapses spaces in names', () => {
    expect(checkSoftwareInput({ ...base, name: '  Dentalia   Pro ' })).toEqual({
      value: { ...base, name: 'Dentalia Pro' },
    });
  });
});

describe('exemption list', () => {
  it('trims, deduplicates and sorts', () => {
    expect(normaliseSpecialties([' pédiatrie', 'cardiologie', 'pédiatrie'])).toEqual({
      value: ['cardiologie', 'pédiatrie'],
    });
  });
  it.each<[string[], string[]]>([
    [
      ['sm04', ' SM04 ', 'SCD01'],
      ['SCD01', 'SM04'],
    ],
    [
      ['Sm54', 'Médecine générale'],
      ['Médecine générale', 'SM54'],
    ],
    [['SM 04'], ['SM 04']],
  ])('keeps specialty codes in capitals (as the Annuaire Santé spells them): %j → %j', (list, value) => {
    expect(normaliseSpecialties(list)).toEqual({ value });
  });
  it.each([
    [['cardiologie', ' '], 'Spécialité n° 2 vide.'],
    [['x'.repeat(65)], 'Spécialité « xxxxxxxxxxxxxxxxxxxx… » trop longue (64 caractères au plus).'],
  ])('refuses %j', (list, message) => {
    expect(normaliseSpecialties(list)).toEqual({ refusal: { code: 'INVALID_INPUT', message } });
  });
  it('re-evaluates the specialties added or removed only', () => {
    expect(changedSpecialties(['a', 'b'], ['b', 'c'])).toEqual(['a', 'c']);
    expect(changedSpecialties(['a'], ['a'])).toEqual([]);
  });
  it.each([
    [0, "Aucune déclaration d'une campagne ouverte n'est concernée."],
    [1, '1 déclaration de campagnes ouvertes réévaluée ; les campagnes calculées gardent leur calcul.'],
    [1234, '1 234 déclarations de campagnes ouvertes réévaluées ; les campagnes calculées gardent leur calcul.'],
  ])('summary for %i', (count, text) => expect(reevaluationSummary(count)).toBe(text));
});

describe('what an edit changed, in one sentence', () => {
  const entry = { dmpCompatible: false, dmpCompatibleSince: null, lapCertified: false, messagingType: null };
  it.each<[string, 'SOFTWARE' | 'LAP_EXEMPTIONS', Record<string, unknown> | null, Record<string, unknown>, string]>([
    [
      'a new entry',
      'SOFTWARE',
      null,
      { ...entry, dmpCompatible: true, dmpCompatibleSince: '2024-03-01', messagingType: 'APICRYPT_V2' },
      'Ajout au catalogue (DMP : oui depuis le 01/03/2024 ; LAP certifié : non ; messagerie : Apicrypt V2)',
    ],
    [
      'DMP from a date',
      'SOFTWARE',
      entry,
      { ...entry, dmpCompatible: true, dmpCompatibleSince: '2024-03-01' },
      'DMP : non → oui depuis le 01/03/2024',
    ],
    [
      'LAP and messaging',
      'SOFTWARE',
      { ...entry, messagingType: 'APICRYPT_V1' },
      { ...entry, lapCertified: true, messagingType: 'MSSANTE_PERSONAL' },
      'LAP certifié : non → oui ; messagerie : Apicrypt V1 → MSSanté (boîte personnelle)',
    ],
    [
      'messaging unknown',
      'SOFTWARE',
      { ...entry, messagingType: 'APICRYPT_V2' },
      entry,
      'Messagerie : Apicrypt V2 → non renseignée',
    ],
    ['nothing', 'SOFTWARE', entry, entry, 'Aucune qualité modifiée'],
    [
      'codes added',
      'LAP_EXEMPTIONS',
      { specialties: [] },
      { specialties: ['SM02', 'SM05'] },
      'Spécialités ajoutées : SM02, SM05',
    ],
    [
      'added and removed',
      'LAP_EXEMPTIONS',
      { specialties: ['SM02', 'SM05'] },
      { specialties: ['SM05', 'SM09'] },
      'Spécialité ajoutée : SM09 ; spécialité retirée : SM02',
    ],
    ['unchanged list', 'LAP_EXEMPTIONS', { specialties: ['SM02'] }, { specialties: ['SM02'] }, 'Liste inchangée'],
  ])('%s', (_label, kind, before, after, expected) => {
    expect(changeSummary(kind, before, after)).toBe(expected);
  });
});
