import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  defaultReferentielDirectory,
  loadReferentielDirectory,
  parseReferentiel,
  readReferentielFile,
  ReferentielError,
} from './load';

const dataDir = defaultReferentielDirectory();
const shippedFiles = fs.readdirSync(dataDir).filter((name) => name.endsWith('.json'));

/** A shipped file as plain JSON, to break one field at a time. */
function shipped(fileName: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(dataDir, fileName), 'utf8'));
}

type Segment = string | number;
const REMOVE = Symbol('remove');
/** One change to a JSON document: the path of the field and its new value (REMOVE deletes it). */
type Edit = [Segment[], unknown];

function applyEdits(document: unknown, edits: Edit[]): unknown {
  for (const [segments, value] of edits) {
    let node = document as Record<Segment, unknown>;
    for (const segment of segments.slice(0, -1)) node = node[segment] as Record<Segment, unknown>;
    const last = segments[segments.length - 1] as Segment;
    if (value === REMOVE) delete node[last];
    else node[last] = value;
  }
  return document;
}

function edited(fileName: string, edits: Edit[]): string {
  return JSON.stringify(applyEdits(shipped(fileName), edits));
}

function errorOf(action: () => unknown): ReferentielError {
  try {
    action();
  } catch (error) {
    if (error instanceof ReferentielError) return error;
    throw error;
  }
  throw new Error('expected a ReferentielError');
}

describe('shipped référentiel files', () => {
  it.each(shippedFiles)('%s loads', (fileName) => {
    const file = readReferentielFile(fileName);
    expect(file.formatVersion).toBe(1);
    expect(file.indicators.length).toBeGreaterThan(0);
  });

  it('holds the campaigns of the sources, sorted by year then scheme', () => {
    const campaigns = loadReferentielDirectory().map(({ campaign }) => `${campaign.referenceYear} ${campaign.scheme}`);
    expect(campaigns).toEqual([
      '2019 FORFAIT_STRUCTURE',
      '2019 ROSP',
      '2020 FORFAIT_STRUCTURE',
      '2021 FORFAIT_STRUCTURE',
      '2023 FAMI',
      '2024 FAMI',
    ]);
  });

  it.each([
    ['fami-2024.json', '2025-01-13', '2025-03-03', 49000],
    ['fami-2023.json', '2024-01-11', '2024-03-03', undefined],
    ['forfait-structure-2021.json', '2021-12-01', '2022-01-31', 280],
    ['forfait-structure-2020.json', '2020-12-01', '2021-02-07', 280],
  ])('%s opens on %s, closes on %s', (fileName, opensOn, closesOn, gate) => {
    const { campaign, remuneration } = readReferentielFile(fileName);
    expect(campaign.window.opensOn).toBe(opensOn);
    expect(campaign.window.closesOn).toBe(closesOn);
    const amount = remuneration.gateAmount;
    const value = amount.known ? ('cents' in amount ? amount.cents : amount.points) : undefined;
    expect(value).toBe(gate);
  });

  it('keeps the seed 004 window of FAMI 2024 and the planned closing of forfait structure 2020', () => {
    expect(readReferentielFile('forfait-structure-2020.json').campaign.window.plannedClosesOn).toBe('2021-01-31');
    expect(readReferentielFile('fami-2024.json').campaign.paymentPeriodLabel).toBe('2e trimestre 2025');
  });

  it('makes the justificatif trigger a setting, publisher change everywhere (public-facts §9 conflict 1)', () => {
    const triggers = loadReferentielDirectory().map(({ settings }) => settings.justificatifTrigger);
    expect(new Set(triggers)).toEqual(new Set(['PUBLISHER_CHANGE']));
  });
});

describe('parseReferentiel errors name the file and the field', () => {
  it.each<[string, string, Edit[], string]>([
    [
      'an unknown group',
      'fami-2024.json',
      [[['indicators', 3, 'group'], 'BONUS']],
      'fami-2024.json: indicators[3].group: expected one of SOCLE, COMPLEMENTAIRE, INDEPENDANT, VOLET_1, VOLET_2',
    ],
    [
      'a duplicate indicator code',
      'fami-2024.json',
      [[['indicators', 4, 'code'], 'LOG_DMP']],
      'fami-2024.json: indicators[4].code: duplicate code LOG_DMP (already indicators[0])',
    ],
    [
      'a date not written YYYY-MM-DD',
      'fami-2024.json',
      [[['campaign', 'window', 'opensOn'], '13/01/2025']],
      "fami-2024.json: campaign.window.opensOn: expected a date 'YYYY-MM-DD'",
    ],
    [
      'a day that does not exist',
      'fami-2024.json',
      [[['campaign', 'window', 'plannedClosesOn'], '2025-02-30']],
      "fami-2024.json: campaign.window.plannedClosesOn: expected a date 'YYYY-MM-DD'",
    ],
    [
      'a window closing before it opens',
      'fami-2024.json',
      [
        [['campaign', 'window', 'plannedClosesOn'], '2025-01-01'],
        [['campaign', 'window', 'closesOn'], '2025-01-01'],
      ],
      'fami-2024.json: campaign.window.plannedClosesOn: closes (2025-01-01) before the window opens (2025-01-13)',
    ],
    [
      'an actual closing before the planned one',
      'forfait-structure-2020.json',
      [[['campaign', 'window', 'closesOn'], '2021-01-15']],
      'forfait-structure-2020.json: campaign.window.closesOn: actual closing (2021-01-15) before the planned closing (2021-01-31)',
    ],
    [
      'an indicator profession outside the campaign',
      'fami-2024.json',
      [
        [
          ['indicators', 0, 'professions'],
          ['CHIRURGIEN_DENTISTE', 'INFIRMIER'],
        ],
      ],
      'fami-2024.json: indicators[0].professions[1]: INFIRMIER is not a profession of the campaign (CHIRURGIEN_DENTISTE)',
    ],
    [
      'a per-profession gate amount outside the campaign',
      'fami-2024.json',
      [[['remuneration', 'gateAmountByProfession'], { INFIRMIER: { known: true, cents: 59000 } }]],
      'fami-2024.json: remuneration.gateAmountByProfession.INFIRMIER: INFIRMIER is not a profession of the campaign',
    ],
    [
      'points in a campaign paid in cents',
      'fami-2024.json',
      [[['indicators', 5, 'amount'], { known: true, points: 100 }]],
      'fami-2024.json: indicators[5].amount: expected cents (remuneration unit is CENTS)',
    ],
    [
      'cents in a campaign paid in points',
      'forfait-structure-2021.json',
      [[['remuneration', 'gateAmount'], { known: true, cents: 196000 }]],
      'forfait-structure-2021.json: remuneration.gateAmount: expected points (remuneration unit is POINTS)',
    ],
    [
      'points without a point value',
      'forfait-structure-2021.json',
      [[['remuneration', 'pointValueCents'], REMOVE]],
      'forfait-structure-2021.json: remuneration.pointValueCents: required when the unit is POINTS',
    ],
    [
      'an amount of no known shape',
      'fami-2024.json',
      [[['remuneration', 'gateAmount'], { known: true }]],
      'fami-2024.json: remuneration.gateAmount: expected an amount',
    ],
    [
      'a missing label',
      'fami-2024.json',
      [[['indicators', 2, 'label'], REMOVE]],
      'fami-2024.json: indicators[2].label: missing (expected string)',
    ],
    [
      'a misspelt field',
      'fami-2024.json',
      [[['indicators', 1, 'profesions'], ['CHIRURGIEN_DENTISTE']]],
      'fami-2024.json: indicators[1].profesions: unexpected field',
    ],
    [
      'a paid indicator without amount',
      'fami-2024.json',
      [[['indicators', 5, 'amount'], REMOVE]],
      'fami-2024.json: indicators[5].amount: required for a COMPLEMENTAIRE indicator',
    ],
    [
      'a computed indicator asking for a document',
      'fami-2024.json',
      [[['indicators', 1, 'justificatif'], { policy: 'DOCUMENT', family: 'CDC' }]],
      'fami-2024.json: indicators[1].justificatif.policy: expected NONE for a COMPUTED indicator',
    ],
    [
      'a document without family',
      'fami-2024.json',
      [[['indicators', 0, 'justificatif', 'family'], REMOVE]],
      'fami-2024.json: indicators[0].justificatif.family: required when the policy is DOCUMENT',
    ],
    [
      'a profession without convention',
      'fami-2023.json',
      [[['campaign', 'conventions', 'ORTHOPTISTE'], REMOVE]],
      'fami-2023.json: campaign.conventions.ORTHOPTISTE: missing convention for a profession of the campaign',
    ],
    [
      'an exemption of an unknown part',
      'forfait-structure-2021.json',
      [[['indicators', 0, 'exemptions', 0, 'what'], 'DMP']],
      'forfait-structure-2021.json: indicators[0].exemptions[0].what: expected one of LAP',
    ],
    [
      'socle and volet groups mixed',
      'fami-2024.json',
      [[['indicators', 7, 'group'], 'VOLET_2']],
      'fami-2024.json: indicators[7].group: VOLET_2 cannot be mixed with SOCLE (indicators[0])',
    ],
    [
      'an appreciation date outside the reference year',
      'fami-2024.json',
      [[['settings', 'appreciationDate'], '2025-12-31']],
      'fami-2024.json: settings.appreciationDate: expected a date in the reference year 2024',
    ],
  ])('reports %s', (_case, fileName, edits, expected) => {
    const error = errorOf(() => parseReferentiel(edited(fileName, edits), fileName));
    expect(error.code).toBe('REFERENTIEL_INVALID');
    expect(error.fileName).toBe(fileName);
    expect(error.message).toContain(expected);
  });

  it('reports invalid JSON', () => {
    const error = errorOf(() => parseReferentiel('{ "formatVersion": 1,', 'broken.json'));
    expect(error.message).toMatch(/^broken\.json: \(root\): invalid JSON: /);
  });

  it('reports every faulty field at once, one per line', () => {
    const text = edited('fami-2024.json', [
      [['indicators', 0, 'group'], 'BONUS'],
      [['indicators', 1, 'kind'], 'GUESSED'],
    ]);
    const error = errorOf(() => parseReferentiel(text, 'fami-2024.json'));
    expect(error.issues.map((issue) => issue.path)).toEqual(['indicators[0].group', 'indicators[1].kind']);
    expect(error.message.split('\n')).toHaveLength(2);
  });
});

describe('loadReferentielDirectory', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'referentiel-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const copy = (from: string, to: string, edits: Edit[] = []) => {
    fs.writeFileSync(path.join(dir, to), edited(from, edits));
  };

  it('reads only *.json and sorts by reference year then scheme', () => {
    copy('fami-2024.json', 'a.json');
    copy('rosp-2019.json', 'b.json');
    copy('forfait-structure-2019.json', 'c.json');
    fs.writeFileSync(path.join(dir, 'README.md'), 'not a référentiel');
    const campaigns = loadReferentielDirectory(dir).map(
      ({ campaign }) => `${campaign.referenceYear} ${campaign.scheme}`,
    );
    expect(campaigns).toEqual(['2019 FORFAIT_STRUCTURE', '2019 ROSP', '2024 FAMI']);
  });

  it('names the faulty file of the directory', () => {
    copy('fami-2024.json', 'fami-2024.json');
    copy('fami-2023.json', 'fami-2023.json', [[['indicators', 2, 'valueType'], 'NUMBER']]);
    expect(() => loadReferentielDirectory(dir)).toThrow(
      /^fami-2023\.json: indicators\[2\]\.valueType: expected one of/,
    );
  });

  it('refuses two files for the same campaign', () => {
    copy('fami-2024.json', 'fami-2024.json');
    copy('fami-2024.json', 'fami-2024-bis.json');
    expect(() => loadReferentielDirectory(dir)).toThrow(
      'fami-2024.json: campaign: campaign 2024 FAMI is already defined by fami-2024-bis.json',
    );
  });
});
