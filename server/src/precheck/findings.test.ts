import { findDates, precheckFindings } from './findings';
import type { Extraction, FindingStatus } from './precheck.types';
import { CAMILLE, wordsOf } from './test-kit';
import { nearlyEqual, searchDoc } from './text';

const COMPLIANT = [
  'FACTURE N° 2024-0142',
  'Éditions Santé Numérique — éditeur de logiciels de santé',
  'Client : Dr Camille Martin, chirurgien-dentiste',
  'Logiciel : Dentalia version 4.2',
  'Mention : « DMP compatible »',
  "Date d'acquisition : 14/03/2024",
  'Montant TTC : 1 200,00 EUR',
];

const text = (lines: string[], confidence: number | null = null, c = 100): Extraction => ({
  source: confidence === null ? 'TEXT' : 'OCR',
  pageCount: 1,
  words: wordsOf(lines, { confidence: c }),
  confidence,
  secondsPerPage: 0,
});

const statusOf = (lines: string[], item: string, expectation = CAMILLE) =>
  precheckFindings(text(lines), expectation).findings.find((f) => f.item === item)!;

const replace = (from: string, to: string) => COMPLIANT.map((l) => (l.includes(from) ? l.replace(from, to) : l));

describe('precheckFindings: one row per item and case', () => {
  const table: [string, string[], string, FindingStatus, RegExp | null][] = [
    ['compliant invoice: kind', COMPLIANT, 'DOCUMENT_TYPE', 'FOUND', /FACTURE/],
    ['compliant invoice: publisher', COMPLIANT, 'PUBLISHER_IDENTIFIED', 'FOUND', /Éditions Santé Numérique/],
    ['compliant invoice: software', COMPLIANT, 'SOFTWARE_NAME', 'FOUND', /Dentalia/],
    ['compliant invoice: version', COMPLIANT, 'SOFTWARE_VERSION', 'FOUND', /version 4\.2/],
    ['compliant invoice: date', COMPLIANT, 'ACQUISITION_DATE', 'FOUND', /14\/03\/2024/],
    ['compliant invoice: name', COMPLIANT, 'NOMINATIVE', 'FOUND', /Camille Martin/],
    ['compliant invoice: DMP', COMPLIANT, 'DMP_COMPATIBLE_MENTION', 'FOUND', /DMP compatible/],
    ['no connector stated', COMPLIANT, 'CONNECTOR_OR_PACK_STATED', 'NOT_FOUND', null],
    ['no LAP certification', COMPLIANT, 'LAP_CERTIFIED', 'NOT_FOUND', null],
    [
      'name in capitals without accents',
      replace('Dr Camille Martin', 'MARTIN CAMILLE'),
      'NOMINATIVE',
      'FOUND',
      /MARTIN CAMILLE/,
    ],
    ['initial of the first name', replace('Dr Camille Martin', 'Dr C. Martin'), 'NOMINATIVE', 'FOUND', /C\. Martin/],
    [
      'another professional',
      replace('Dr Camille Martin', 'Dr Julien Roux'),
      'NOMINATIVE',
      'CONTRADICTED',
      /Julien Roux/,
    ],
    [
      'a name cut by the reader is no contradiction',
      replace('Dr Camille Martin', 'Dr Camille'),
      'NOMINATIVE',
      'NOT_FOUND',
      null,
    ],
    [
      'a single other word is no contradiction',
      replace('Dr Camille Martin', 'Dr Roux'),
      'NOMINATIVE',
      'NOT_FOUND',
      null,
    ],
    ['last name alone: not enough', replace('Dr Camille Martin', 'Dr Martin'), 'NOMINATIVE', 'NOT_FOUND', null],
    [
      'another publisher',
      replace('Éditions Santé Numérique', 'Odontia Systèmes'),
      'PUBLISHER_IDENTIFIED',
      'CONTRADICTED',
      /Odontia/,
    ],
    [
      'publisher in capitals',
      replace('Éditions Santé Numérique', 'EDITIONS SANTE NUMERIQUE'),
      'PUBLISHER_IDENTIFIED',
      'FOUND',
      /EDITIONS/,
    ],
    ['no publisher', replace('Éditions Santé Numérique', 'Un éditeur'), 'PUBLISHER_IDENTIFIED', 'NOT_FOUND', null],
    ['another software', replace('Dentalia', 'DentiCloud'), 'SOFTWARE_NAME', 'CONTRADICTED', /DentiCloud/],
    ['software split in two words', replace('Dentalia', 'Denta lia'), 'SOFTWARE_NAME', 'FOUND', /Denta lia/],
    ['no version', replace('Dentalia version 4.2', 'Dentalia'), 'SOFTWARE_VERSION', 'NOT_FOUND', null],
    ['version written v5.0', replace('version 4.2', 'v5.0'), 'SOFTWARE_VERSION', 'FOUND', /v5\.0/],
    ['date out of the year', replace('14/03/2024', '14/03/2025'), 'ACQUISITION_DATE', 'CONTRADICTED', /14\/03\/2025/],
    ['date in words', replace('14/03/2024', '1er mars 2024'), 'ACQUISITION_DATE', 'FOUND', /1er mars 2024/],
    ['no date', COMPLIANT.filter((l) => !l.startsWith('Date')), 'ACQUISITION_DATE', 'NOT_FOUND', null],
    ['mention missing', COMPLIANT.filter((l) => !l.startsWith('Mention')), 'DMP_COMPATIBLE_MENTION', 'NOT_FOUND', null],
    [
      'mention denied',
      replace('« DMP compatible »', 'non DMP compatible'),
      'DMP_COMPATIBLE_MENTION',
      'CONTRADICTED',
      /non DMP/,
    ],
    ['a quote', replace('FACTURE N° 2024-0142', 'DEVIS'), 'DOCUMENT_TYPE', 'CONTRADICTED', /DEVIS/],
    [
      'a quote whose customer line says « Facturé à »',
      replace('FACTURE N° 2024-0142', 'DEVIS').map((l) => l.replace('Client :', 'Facturé à :')),
      'DOCUMENT_TYPE',
      'CONTRADICTED',
      /DEVIS/,
    ],
    [
      'connector named',
      [...COMPLIANT, 'Connecteur DMP : pack Liaison inclus'],
      'CONNECTOR_OR_PACK_STATED',
      'FOUND',
      /Connecteur/,
    ],
    ['LAP certified', [...COMPLIANT, 'LAP certifié par la HAS'], 'LAP_CERTIFIED', 'FOUND', /HAS/],
    [
      'a publisher named « Connecteurs & Co » states no connector',
      replace('Éditions Santé Numérique', 'Connecteurs & Co'),
      'CONNECTOR_OR_PACK_STATED',
      'NOT_FOUND',
      null,
    ],
    [
      'LAP certification over two lines (OCR)',
      [...COMPLIANT, 'Logiciel certifié', 'par la HAS'],
      'LAP_CERTIFIED',
      'FOUND',
      /certifié par la HAS/,
    ],
    ['LAP certified, one letter misread', [...COMPLIANT, 'LAP certlfié HAS'], 'LAP_CERTIFIED', 'FOUND', /certlfié/],
    ['« certifié » alone is no LAP evidence', [...COMPLIANT, 'Certifié conforme'], 'LAP_CERTIFIED', 'NOT_FOUND', null],
    ['LAP not certified', [...COMPLIANT, 'LAP non certifié HAS'], 'LAP_CERTIFIED', 'NOT_FOUND', null],
    [
      'HAS far from « certifié »',
      [...COMPLIANT, 'Certifié par nos services', 'Mentions légales', 'Voir le site de la HAS'],
      'LAP_CERTIFIED',
      'NOT_FOUND',
      null,
    ],
    [
      'a mention with one letter misread (OCR)',
      replace('DMP compatible', 'DMP compatib1e'),
      'DMP_COMPATIBLE_MENTION',
      'NOT_FOUND',
      null,
    ],
    [
      'a mention with one letter misread (OCR)',
      replace('DMP compatible', 'DMP conpatible'),
      'DMP_COMPATIBLE_MENTION',
      'FOUND',
      /conpatible/,
    ],
    ['the kind with one letter misread', replace('FACTURE', 'FACTUHE'), 'DOCUMENT_TYPE', 'FOUND', /FACTUHE/],
    [
      'the declared publisher under its alias',
      replace('Éditions Santé Numérique', 'ESN Santé'),
      'PUBLISHER_IDENTIFIED',
      'FOUND',
      /ESN Santé/,
    ],
    ['the declared software under its alias', replace('Dentalia', 'DentaWin'), 'SOFTWARE_NAME', 'FOUND', /DentaWin/],
    [
      'another publisher under its alias',
      replace('Éditions Santé Numérique', 'Groupe Odontia'),
      'PUBLISHER_IDENTIFIED',
      'CONTRADICTED',
      /Groupe Odontia/,
    ],
    [
      'another software under its alias',
      replace('Dentalia', 'PraxiConsult'),
      'SOFTWARE_NAME',
      'CONTRADICTED',
      /PraxiConsult/,
    ],
    [
      'a name one letter away is another professional, never the holder',
      replace('Dr Camille Martin', 'Dr Camille Martine'),
      'NOMINATIVE',
      'NOT_FOUND',
      null,
    ],
    [
      'the mention broken into pieces by OCR, one letter misread',
      replace('« DMP compatible »', 'DMP Conpat i ble'),
      'DMP_COMPATIBLE_MENTION',
      'FOUND',
      /Conpat i ble/,
    ],
    ['« DMP » read « DWP »', replace('« DMP compatible »', 'Compatible DWP'), 'DMP_COMPATIBLE_MENTION', 'FOUND', /DWP/],
    [
      '« DP » is not « DMP »',
      replace('« DMP compatible »', 'Compatible DP'),
      'DMP_COMPATIBLE_MENTION',
      'NOT_FOUND',
      null,
    ],
    ['the kind broken in two', replace('FACTURE', 'FACTU RE'), 'DOCUMENT_TYPE', 'FOUND', /FACTU RE/],
    [
      'a plural broken in two is still the kind',
      replace('FACTURE N° 2024-0142', 'FACT URES'),
      'DOCUMENT_TYPE',
      'FOUND',
      /FACT URES/,
    ],
    [
      'a name broken into pieces is still read exactly: one letter more is not the name',
      replace('Dentalia', 'Dent ali ia'),
      'SOFTWARE_NAME',
      'NOT_FOUND',
      null,
    ],
    ...(
      [
        ['LAPcertifié HAS', /LAPcertifié/],
        ['LAP certifièHAS', /certifièHAS/],
        ["Logiciel d'aide à la prescription certifié par laHAS", /laHAS/],
      ] as const
    ).map(
      ([line, snippet]) =>
        [`LAP certification glued by OCR: ${line}`, [...COMPLIANT, line], 'LAP_CERTIFIED', 'FOUND', snippet] as [
          string,
          string[],
          string,
          FindingStatus,
          RegExp,
        ],
    ),
    ['glued, « non » still counts', [...COMPLIANT, 'LAP non certifiéHAS'], 'LAP_CERTIFIED', 'NOT_FOUND', null],
    [
      '« certifié » glued to nothing it names',
      [...COMPLIANT, 'Document certifiéconforme'],
      'LAP_CERTIFIED',
      'NOT_FOUND',
      null,
    ],
    [
      'a software name one letter away is not the declared one',
      replace('Dentalia', 'Dentalla'),
      'SOFTWARE_NAME',
      'NOT_FOUND',
      null,
    ],
  ];
  it.each(table)('%s', (_case, lines, item, status, snippet) => {
    const finding = statusOf(lines, item);
    expect(finding.status).toBe(status);
    if (snippet) expect(finding.snippet).toMatch(snippet);
    if (status === 'NOT_FOUND') expect(finding.box).toBeNull();
    else expect(finding.box).toEqual(expect.objectContaining({ x: expect.any(Number), w: expect.any(Number) }));
  });

  it('says why a contradiction is one, in French', () => {
    expect(statusOf(replace('Dr Camille Martin', 'Dr Julien Roux'), 'NOMINATIVE').reason).toBe(
      'La pièce est au nom de « Julien Roux », pas de Camille Martin.',
    );
    expect(statusOf(replace('Éditions Santé Numérique', 'Odontia Systèmes'), 'PUBLISHER_IDENTIFIED').reason).toBe(
      'Éditeur sur la pièce : « Odontia Systèmes » ; éditeur déclaré : « Éditions Santé Numérique ».',
    );
    expect(statusOf(replace('Dentalia', 'PraxiConsult'), 'SOFTWARE_NAME').reason).toBe(
      'Logiciel sur la pièce : « PraxiConsult » (Praxis Consultation) ; logiciel déclaré : « Dentalia ».',
    );
    expect(statusOf(replace('Éditions Santé Numérique', 'ESN Santé'), 'PUBLISHER_IDENTIFIED').reason).toBe(
      '« ESN Santé » est un autre nom de « Éditions Santé Numérique » au catalogue.',
    );
    expect(statusOf(replace('14/03/2024', '14/03/2025'), 'ACQUISITION_DATE').reason).toBe(
      'Date d’acquisition 14/03/2025 hors de l’année de référence 2024.',
    );
  });

  it('an attestation: the date of edition stands in for the acquisition, and the holder after « atteste que »', () => {
    const lines = [
      "ATTESTATION DE L'ÉDITEUR",
      'Éditions Santé Numérique atteste que le Dr Camille Martin',
      'dispose du logiciel Dentalia, version commerciale 4.2,',
      'référencé « DMP compatible » depuis le 02/01/2023.',
      "Date d'édition de l'attestation : 05/01/2024",
    ];
    const byItem = Object.fromEntries(precheckFindings(text(lines), CAMILLE).findings.map((f) => [f.item, f]));
    expect(byItem.ACQUISITION_DATE!.status).toBe('FOUND');
    expect(byItem.ACQUISITION_DATE!.snippet).toMatch(/05\/01\/2024/);
    expect(byItem.SOFTWARE_VERSION!.status).toBe('FOUND');
    expect(byItem.NOMINATIVE!.status).toBe('FOUND');
    const other = lines.map((l) => l.replace('le Dr Camille Martin', 'le Dr Julien Roux, médecin'));
    expect(precheckFindings(text(other), CAMILLE).findings.find((f) => f.item === 'NOMINATIVE')!.reason).toMatch(
      /Julien Roux/,
    );
  });

  it('without a declaration, a catalogue publisher is found and nothing is contradicted', () => {
    const finding = statusOf(replace('Éditions Santé Numérique', 'Odontia Systèmes'), 'PUBLISHER_IDENTIFIED', {
      ...CAMILLE,
      declared: null,
    });
    expect(finding.status).toBe('FOUND');
    expect(finding.reason).toMatch(/aucun n’est déclaré/);
  });

  it('never asserts anything on an illegible read', () => {
    const outcome = precheckFindings(text(COMPLIANT, 41), CAMILLE);
    expect(outcome.status).toBe('UNREADABLE');
    expect(outcome.findings.every((f) => f.status === 'NOT_FOUND' && f.reason?.includes('41 %'))).toBe(true);
    expect(precheckFindings(text([]), CAMILLE).status).toBe('UNREADABLE');
  });

  it('words read with low confidence are not evidence', () => {
    const words = wordsOf(COMPLIANT).map((w) => (w.t === 'Dentalia' ? { ...w, c: 30 } : w));
    const outcome = precheckFindings(
      { source: 'OCR', pageCount: 1, words, confidence: 80, secondsPerPage: 0 },
      CAMILLE,
    );
    expect(outcome.findings.find((f) => f.item === 'SOFTWARE_NAME')!.status).toBe('NOT_FOUND');
  });

  it('a date label read with low confidence or one letter misread: a date of the year is found, never contradicted', () => {
    const withLabel = (line: string, label: string, c: number) => {
      const words = wordsOf(replace("Date d'acquisition : 14/03/2024", line)).map((w) =>
        w.t === label ? { ...w, c } : w,
      );
      const outcome = precheckFindings(
        { source: 'OCR', pageCount: 1, words, confidence: 80, secondsPerPage: 0 },
        CAMILLE,
      );
      return outcome.findings.find((f) => f.item === 'ACQUISITION_DATE')!;
    };
    expect(withLabel("Date d'acquisition : 14/03/2024", "d'acquisition", 36)).toMatchObject({
      status: 'FOUND',
      snippet: expect.stringMatching(/14\/03\/2024/),
    });
    expect(withLabel("Date d'acquisltion : 14/03/2024", "d'acquisltion", 90).status).toBe('FOUND');
    // Outside the year, a poorly read label contradicts nothing: left to the agent.
    expect(withLabel("Date d'acquisition : 14/03/2021", "d'acquisition", 36).status).toBe('NOT_FOUND');
    expect(withLabel("Date d'acquisition : 14/03/2021", "d'acquisition", 90).status).toBe('CONTRADICTED');
    // A date of the year on a line saying nothing of acquisition is not the acquisition date.
    expect(withLabel('Montant réglé : 14/03/2024', 'réglé', 36).status).toBe('NOT_FOUND');
  });

  it('an item the pre-check does not read is left to the agent', () => {
    const outcome = precheckFindings(text(COMPLIANT), {
      ...CAMILLE,
      checklist: [{ code: 'SIGNATURE', label: 'Signature', required: true }],
    });
    expect(outcome.findings).toEqual([
      expect.objectContaining({
        item: 'SIGNATURE',
        status: 'NOT_FOUND',
        reason: expect.stringMatching(/Pas de lecture/),
      }),
    ]);
  });
});

describe('findDates', () => {
  it.each([
    ['le 14/03/2024', '14/03/2024'],
    ['2024-03-14', '14/03/2024'],
    ['14 mars 2024', '14/03/2024'],
    ['1er décembre 2023', '01/12/2023'],
    ['31/13/2024', null],
    ['Montant 1 200,00', null],
  ])('%s → %s', (line, expected) => {
    const dates = findDates(searchDoc(wordsOf([line])));
    expect(dates[0]?.text ?? null).toBe(expected);
  });
});

describe('nearlyEqual: one misread letter in a long word, never in a short word or a number', () => {
  it.each([
    ['certifie', 'certifie', true],
    ['certlfie', 'certifie', true],
    ['certifi', 'certifie', true],
    ['certifiee', 'certifie', true],
    ['xertifie', 'certifie', false],
    ['certlfle', 'certifie', false],
    ['pack', 'pach', false],
    ['2024', '2025', false],
    ['facture1', 'facture', false],
  ])('%s ≈ %s → %s', (read, wanted, expected) => {
    expect(nearlyEqual(read, wanted)).toBe(expected);
  });
});
