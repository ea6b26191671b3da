/**
 * Reads and validates the référentiel files (data/*.json). A file that does not validate stops the
 * load with a ReferentielError naming the file and the JSON path of every faulty field, so a new
 * campaign year is a reviewed data change, never a silent one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  INDICATOR_GROUPS,
  INDICATOR_KINDS,
  JUSTIFICATIF_POLICIES,
  MESSAGING_TYPES,
  PREFILL_ORIGINS,
  PROFESSIONS,
  REJECTION_REASONS,
  SCHEMES,
  VALUE_TYPES,
  type IndicatorGroup,
  type Profession,
} from '../../common/enums';
import { EXEMPTION_SUBJECTS, type Amount, type ReferentielFile } from './referentiel.types';

export interface ReferentielIssue {
  /** JSON path of the faulty field, e.g. 'indicators[3].group'; '(root)' for the whole file. */
  path: string;
  message: string;
}

export class ReferentielError extends Error {
  readonly code = 'REFERENTIEL_INVALID';

  constructor(
    readonly fileName: string,
    readonly issues: ReferentielIssue[],
  ) {
    super(issues.map((issue) => `${fileName}: ${issue.path}: ${issue.message}`).join('\n'));
    this.name = 'ReferentielError';
  }
}

// ---------------------------------------------------------------------------------------------
// Shape (zod)
// ---------------------------------------------------------------------------------------------

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written 'YYYY-MM-DD' (2025-02-30 is refused). */
function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const nonEmpty = z.string().trim().min(1, { error: 'expected a non-empty string' });
const isoDate = z.string().refine(isIsoDate, { error: "expected a date 'YYYY-MM-DD'" });
const wholeNonNegative = z
  .number()
  .int({ error: 'expected a whole number' })
  .min(0, { error: 'expected a number ≥ 0' });

const amountSchema = z.union(
  [
    z.strictObject({ known: z.literal(true), cents: wholeNonNegative }),
    z.strictObject({ known: z.literal(true), points: wholeNonNegative }),
    z.strictObject({ known: z.literal(false), note: nonEmpty }),
  ],
  {
    error:
      'expected an amount { "known": true, "cents": n }, { "known": true, "points": n } or { "known": false, "note": "…" }',
  },
);

const professionSchema = z.enum(PROFESSIONS);
const amountByProfessionSchema = z.partialRecord(professionSchema, amountSchema);

const justificatifRuleSchema = z.strictObject({
  policy: z.enum(JUSTIFICATIF_POLICIES),
  family: nonEmpty.optional(),
  checklist: z
    .array(
      z.strictObject({
        code: nonEmpty,
        label: nonEmpty,
        required: z.boolean(),
        /** The motif a conseiller rejects with when the piece does not show this item. */
        rejectionReason: z.enum(REJECTION_REASONS),
      }),
    )
    .optional(),
  controlAPosteriori: z.boolean().optional(),
});

const indicatorSchema = z.strictObject({
  code: z
    .string()
    .max(40, { error: 'expected at most 40 characters' })
    .regex(/^[A-Z][A-Z0-9_]*$/, { error: 'expected an upper-case code such as LOG_DMP' }),
  // Lengths match the database columns, so a valid file always loads.
  label: nonEmpty.max(300, { error: 'expected at most 300 characters' }),
  shortLabel: nonEmpty.optional(),
  helpText: nonEmpty,
  group: z.enum(INDICATOR_GROUPS),
  kind: z.enum(INDICATOR_KINDS),
  valueType: z.enum(VALUE_TYPES),
  professions: z.array(professionSchema).min(1, { error: 'expected at least one profession' }).optional(),
  specialties: z.array(nonEmpty).min(1, { error: 'expected at least one specialty' }).optional(),
  exemptions: z
    .array(z.strictObject({ specialties: z.array(nonEmpty), what: z.enum(EXEMPTION_SUBJECTS), reason: nonEmpty }))
    .optional(),
  prefillOrigin: z.enum(PREFILL_ORIGINS).optional(),
  choices: z
    .array(z.strictObject({ code: nonEmpty, label: nonEmpty, achieves: z.boolean(), reason: nonEmpty.optional() }))
    .optional(),
  acceptedMessagingTypes: z.array(z.enum(MESSAGING_TYPES)).optional(),
  threshold: z
    .strictObject({
      minPercent: z
        .number()
        .gt(0, { error: 'expected a percentage > 0' })
        .max(100, { error: 'expected a percentage ≤ 100' }),
      inclusive: z.boolean(),
    })
    .optional(),
  requirements: z
    .strictObject({ minCount: wholeNonNegative.optional(), placesRequired: z.boolean().optional() })
    .optional(),
  softwareRequirements: z
    .strictObject({ dmpCompatible: z.boolean().optional(), lapCertified: z.boolean().optional() })
    .optional(),
  justificatif: justificatifRuleSchema,
  amount: amountSchema.optional(),
  amountByProfession: amountByProfessionSchema.optional(),
  neutralised: z.strictObject({ reason: nonEmpty, effect: z.enum(['COUNTS_AS_ACHIEVED', 'NOT_REQUIRED']) }).optional(),
  displayOrder: wholeNonNegative,
});

const referentielSchema = z.strictObject({
  formatVersion: z.literal(1),
  referentielVersion: z.string().min(1).max(20, { error: 'expected at most 20 characters' }),
  campaign: z.strictObject({
    referenceYear: z.number().int().min(2000).max(2100),
    scheme: z.enum(SCHEMES),
    label: nonEmpty.max(200, { error: 'expected at most 200 characters' }),
    professions: z.array(professionSchema).min(1, { error: 'expected at least one profession' }),
    window: z.strictObject({ opensOn: isoDate, plannedClosesOn: isoDate, closesOn: isoDate }),
    paymentDate: isoDate.nullable(),
    paymentPeriodLabel: nonEmpty.max(200, { error: 'expected at most 200 characters' }),
    conventions: z.partialRecord(professionSchema, nonEmpty),
    sources: z.array(nonEmpty).min(1, { error: 'expected at least one source' }),
  }),
  settings: z.strictObject({
    justificatifTrigger: z.enum(['PUBLISHER_CHANGE', 'SOFTWARE_CHANGE']),
    appreciationDate: isoDate,
  }),
  remuneration: z.strictObject({
    unit: z.enum(['CENTS', 'POINTS']),
    pointValueCents: z.number().int().positive().optional(),
    gateAmount: amountSchema,
    gateAmountByProfession: amountByProfessionSchema.optional(),
    gateLabel: nonEmpty,
    maximum: amountSchema.optional(),
  }),
  indicators: z.array(indicatorSchema).min(1, { error: 'expected at least one indicator' }),
});

type ParsedReferentiel = z.infer<typeof referentielSchema>;
type ParsedIndicator = ParsedReferentiel['indicators'][number];

// ---------------------------------------------------------------------------------------------
// Zod issues → readable paths and messages
// ---------------------------------------------------------------------------------------------

function formatPath(segments: readonly PropertyKey[]): string {
  if (segments.length === 0) return '(root)';
  return segments
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

function toIssues(error: z.ZodError): ReferentielIssue[] {
  return error.issues.flatMap((issue): ReferentielIssue[] => {
    switch (issue.code) {
      case 'invalid_value':
        return [{ path: formatPath(issue.path), message: `expected one of ${issue.values.map(String).join(', ')}` }];
      case 'invalid_type':
        return [
          {
            path: formatPath(issue.path),
            message:
              issue.input === undefined
                ? `missing (expected ${issue.expected})`
                : `expected ${issue.expected}, received ${describeInput(issue.input)}`,
          },
        ];
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'unexpected field' }));
      default:
        return [{ path: formatPath(issue.path), message: issue.message }];
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Rules across fields
// ---------------------------------------------------------------------------------------------

const PAID_GROUPS: readonly IndicatorGroup[] = ['COMPLEMENTAIRE', 'INDEPENDANT', 'VOLET_2'];
const FAMI_GROUPS: readonly IndicatorGroup[] = ['SOCLE', 'COMPLEMENTAIRE'];
const FORFAIT_STRUCTURE_GROUPS: readonly IndicatorGroup[] = ['VOLET_1', 'VOLET_2'];

type Check = (file: ParsedReferentiel) => ReferentielIssue[];

const checkWindow: Check = ({ campaign: { window } }) => {
  const issues: ReferentielIssue[] = [];
  if (window.plannedClosesOn < window.opensOn) {
    issues.push({
      path: 'campaign.window.plannedClosesOn',
      message: `closes (${window.plannedClosesOn}) before the window opens (${window.opensOn})`,
    });
  }
  if (window.closesOn < window.plannedClosesOn) {
    issues.push({
      path: 'campaign.window.closesOn',
      message: `actual closing (${window.closesOn}) before the planned closing (${window.plannedClosesOn})`,
    });
  }
  return issues;
};

const checkAppreciationDate: Check = ({ campaign, settings }) =>
  settings.appreciationDate.startsWith(`${campaign.referenceYear}-`)
    ? []
    : [
        {
          path: 'settings.appreciationDate',
          message: `expected a date in the reference year ${campaign.referenceYear}`,
        },
      ];

const checkConventions: Check = ({ campaign }) => {
  const missing = campaign.professions
    .filter((profession) => campaign.conventions[profession] === undefined)
    .map((profession) => ({
      path: `campaign.conventions.${profession}`,
      message: 'missing convention for a profession of the campaign',
    }));
  const extra = professionKeys(campaign.conventions)
    .filter((profession) => !campaign.professions.includes(profession))
    .map((profession) => ({ path: `campaign.conventions.${profession}`, message: 'not a profession of the campaign' }));
  return [...missing, ...extra];
};

function professionKeys(record: Partial<Record<Profession, unknown>>): Profession[] {
  return PROFESSIONS.filter((profession) => record[profession] !== undefined);
}

const checkDuplicateCodes: Check = ({ indicators }) => {
  const firstIndex = new Map<string, number>();
  return indicators.flatMap((indicator, index) => {
    const previous = firstIndex.get(indicator.code);
    if (previous === undefined) {
      firstIndex.set(indicator.code, index);
      return [];
    }
    return [
      {
        path: `indicators[${index}].code`,
        message: `duplicate code ${indicator.code} (already indicators[${previous}])`,
      },
    ];
  });
};

/** Indicator professions, and every per-profession amount, must belong to the campaign. */
const checkProfessions: Check = ({ campaign, indicators, remuneration }) => {
  const outside = (profession: Profession) => !campaign.professions.includes(profession);
  const message = (profession: Profession) =>
    `${profession} is not a profession of the campaign (${campaign.professions.join(', ')})`;
  const issues: ReferentielIssue[] = [];
  indicators.forEach((indicator, index) => {
    (indicator.professions ?? []).forEach((profession, position) => {
      if (outside(profession))
        issues.push({ path: `indicators[${index}].professions[${position}]`, message: message(profession) });
    });
    professionKeys(indicator.amountByProfession ?? {}).forEach((profession) => {
      if (outside(profession))
        issues.push({ path: `indicators[${index}].amountByProfession.${profession}`, message: message(profession) });
    });
  });
  professionKeys(remuneration.gateAmountByProfession ?? {}).forEach((profession) => {
    if (outside(profession))
      issues.push({ path: `remuneration.gateAmountByProfession.${profession}`, message: message(profession) });
  });
  return issues;
};

/** Every amount of a file speaks the remuneration unit: cents for FAMI, points for the forfait structure. */
const checkAmountUnits: Check = (file) => {
  const { unit, pointValueCents } = file.remuneration;
  const expected = unit === 'POINTS' ? 'points' : 'cents';
  const issues: ReferentielIssue[] = [];
  const check = (amount: Amount | undefined, at: string) => {
    if (amount?.known && !(expected in amount)) {
      issues.push({ path: at, message: `expected ${expected} (remuneration unit is ${unit})` });
    }
  };
  check(file.remuneration.gateAmount, 'remuneration.gateAmount');
  check(file.remuneration.maximum, 'remuneration.maximum');
  for (const [profession, amount] of Object.entries(file.remuneration.gateAmountByProfession ?? {})) {
    check(amount, `remuneration.gateAmountByProfession.${profession}`);
  }
  file.indicators.forEach((indicator, index) => {
    check(indicator.amount, `indicators[${index}].amount`);
    for (const [profession, amount] of Object.entries(indicator.amountByProfession ?? {})) {
      check(amount, `indicators[${index}].amountByProfession.${profession}`);
    }
  });
  if (unit === 'POINTS' && pointValueCents === undefined) {
    issues.push({ path: 'remuneration.pointValueCents', message: 'required when the unit is POINTS' });
  }
  if (unit === 'CENTS' && pointValueCents !== undefined) {
    issues.push({ path: 'remuneration.pointValueCents', message: 'only allowed when the unit is POINTS' });
  }
  return issues;
};

/** The groups of one file come from one formula: socle/complémentaire or volet 1/volet 2. */
const checkGroupFamilies: Check = ({ indicators }) => {
  const firstFami = indicators.findIndex((indicator) => FAMI_GROUPS.includes(indicator.group));
  const firstVolet = indicators.findIndex((indicator) => FORFAIT_STRUCTURE_GROUPS.includes(indicator.group));
  if (firstFami === -1 || firstVolet === -1) return [];
  const later = Math.max(firstFami, firstVolet);
  const earlier = Math.min(firstFami, firstVolet);
  return [
    {
      path: `indicators[${later}].group`,
      message: `${indicators[later]?.group} cannot be mixed with ${indicators[earlier]?.group} (indicators[${earlier}])`,
    },
  ];
};

/** What each value type, kind and group needs to be judged and paid. */
function indicatorConsistency(indicator: ParsedIndicator, index: number): ReferentielIssue[] {
  const at = (field: string) => `indicators[${index}].${field}`;
  const issues: ReferentielIssue[] = [];
  const add = (field: string, message: string) => issues.push({ path: at(field), message });
  if (indicator.kind === 'COMPUTED' && indicator.justificatif.policy !== 'NONE') {
    add('justificatif.policy', 'expected NONE for a COMPUTED indicator');
  }
  if (indicator.justificatif.policy === 'DOCUMENT' && indicator.justificatif.family === undefined) {
    add('justificatif.family', 'required when the policy is DOCUMENT');
  }
  if (indicator.valueType === 'CHOICE' && (indicator.choices ?? []).length === 0) {
    add('choices', 'required for a CHOICE indicator');
  }
  if (indicator.valueType === 'MESSAGING' && (indicator.acceptedMessagingTypes ?? []).length === 0) {
    add('acceptedMessagingTypes', 'required for a MESSAGING indicator');
  }
  const hasAmount = indicator.amount !== undefined || indicator.amountByProfession !== undefined;
  if (PAID_GROUPS.includes(indicator.group) && !hasAmount) {
    add('amount', `required for a ${indicator.group} indicator (use { "known": false, "note": "…" } when unknown)`);
  }
  return issues;
}

const checkIndicators: Check = ({ indicators }) => indicators.flatMap(indicatorConsistency);

const CHECKS: Check[] = [
  checkWindow,
  checkAppreciationDate,
  checkConventions,
  checkDuplicateCodes,
  checkProfessions,
  checkAmountUnits,
  checkGroupFamilies,
  checkIndicators,
];

// ---------------------------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------------------------

function parseJson(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ReferentielError(fileName, [{ path: '(root)', message: `invalid JSON: ${detail}` }]);
  }
}

/** Validates one référentiel file's text; `fileName` only names the file in errors. */
export function parseReferentiel(text: string, fileName: string): ReferentielFile {
  const parsed = referentielSchema.safeParse(parseJson(text, fileName), { reportInput: true });
  if (!parsed.success) throw new ReferentielError(fileName, toIssues(parsed.error));
  const issues = CHECKS.flatMap((check) => check(parsed.data));
  if (issues.length > 0) throw new ReferentielError(fileName, issues);
  const file: ReferentielFile = parsed.data;
  return file;
}

/**
 * Where the shipped files live. The TypeScript build does not copy JSON it does not import, so from
 * dist/ we fall back to the sources.
 */
export function defaultReferentielDirectory(): string {
  const beside = path.join(__dirname, 'data');
  if (fs.existsSync(beside)) return beside;
  return path.resolve(__dirname, '../../../src/campaigns/referentiel/data');
}

/** Reads one file of the directory, e.g. readReferentielFile('fami-2024.json'). */
export function readReferentielFile(fileName: string, dir: string = defaultReferentielDirectory()): ReferentielFile {
  return parseReferentiel(fs.readFileSync(path.join(dir, fileName), 'utf8'), fileName);
}

/** Every *.json of the directory, validated, sorted by (reference year, scheme); one file per campaign. */
export function loadReferentielDirectory(dir: string = defaultReferentielDirectory()): ReferentielFile[] {
  const fileNames = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const files = fileNames.map((name) => ({ name, file: readReferentielFile(name, dir) }));
  const seen = new Map<string, string>();
  for (const { name, file } of files) {
    const key = `${file.campaign.referenceYear} ${file.campaign.scheme}`;
    const other = seen.get(key);
    if (other !== undefined) {
      throw new ReferentielError(name, [
        { path: 'campaign', message: `campaign ${key} is already defined by ${other}` },
      ]);
    }
    seen.set(key, name);
  }
  return files
    .map(({ file }) => file)
    .sort(
      (a, b) =>
        a.campaign.referenceYear - b.campaign.referenceYear || a.campaign.scheme.localeCompare(b.campaign.scheme),
    );
}
