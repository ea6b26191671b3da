/**
 * Every reason the rules can give, over a table of situations (each référentiel file, each profession, values
 * that meet and fail each criterion, every justificatif situation, every campaign status), checked for what an
 * agent must be able to trust:
 * - French typography: lower case after a colon or an opening bracket (acronyms and proper names excepted),
 *   one kind of apostrophe (the straight one), « le cas échéant » at most once;
 * - once the campaign is computed, no reason invites a new piece;
 * - a satisfied requirement never says that a new piece is required.
 * The labels the reasons quote (rejection motifs, indicators, choices, checklists, lines) follow the same rules.
 */
import {
  CAMPAIGN_STATUSES,
  MESSAGING_TYPES,
  REJECTION_REASONS,
  type CampaignStatus,
  type Profession,
} from '../../common/enums';
import { REJECTION_REASON_LABELS } from '../../common/labels';
import { loadReferentielDirectory } from '../referentiel/load';
import type { IndicatorDefinition, ReferentielFile } from '../referentiel/referentiel.types';
import { evaluateDeclaration, type DeclarationEvaluation } from './evaluate';
import { isComputed, lowerFirst } from './format';
import type { IndicatorValueData, JustificatifData, ProfessionalData, RecordedValue } from './types';

const referentiels = loadReferentielDirectory();

const OLD_EDITOR = { publisherId: 1, publisherName: 'Dentalia Éditions', softwareId: 10, softwareName: 'Dentalia' };
const NEW_EDITOR = { publisherId: 2, publisherName: 'DentiCloud', softwareId: 20, softwareName: 'DentiCloud Pro' };
/** Names the fixtures put in reasons: they keep their capital wherever they stand. */
const PROPER_NAMES = [OLD_EDITOR, NEW_EDITOR].flatMap((p) => [p.publisherName, p.softwareName]);

/** A value of each kind that meets the criterion, and some that fail it, per value type. */
function variants(indicator: IndicatorDefinition): (IndicatorValueData | null)[] {
  switch (indicator.valueType) {
    case 'BOOLEAN':
      return [{ type: 'BOOLEAN', value: true }, { type: 'BOOLEAN', value: false }, null];
    case 'CHOICE':
      return [...(indicator.choices ?? []).map((c) => ({ type: 'CHOICE' as const, code: c.code })), null];
    case 'SOFTWARE':
      return [true, false].flatMap((dmpCompatible) =>
        [true, false].map((lapCertified) => ({
          type: 'SOFTWARE' as const,
          ...NEW_EDITOR,
          version: '3.1',
          dmpCompatible,
          lapCertified,
        })),
      );
    case 'MESSAGING':
      return [...MESSAGING_TYPES.map((messagingType) => ({ type: 'MESSAGING' as const, messagingType })), null];
    case 'RATE':
      return [
        { type: 'RATE', numerator: 95, denominator: 100 },
        { type: 'RATE', numerator: 10, denominator: 100 },
        { type: 'RATE', numerator: 0, denominator: 0 },
      ];
    case 'TEXT':
      return [
        { type: 'TEXT', text: 'ehpad de la commune', count: 12 },
        { type: 'TEXT', text: '', count: 0 },
        { type: 'TEXT', text: 'ehpad' },
        null,
      ];
  }
}

const piece = (
  campaignYear: number,
  conventionId: string | null,
  status: JustificatifData['status'],
  editor: typeof OLD_EDITOR,
  family: string,
  decision: Partial<JustificatifData> = {},
): JustificatifData => ({
  campaignYear,
  conventionId,
  family,
  status,
  publisherId: editor.publisherId,
  softwareId: editor.softwareId,
  publisherName: editor.publisherName,
  ...decision,
});

/** Every situation of a family's pieces the rules distinguish, with every rejection motif somewhere. */
function justificatifSituations(year: number, convention: string | null, family: string): JustificatifData[][] {
  const motifs = REJECTION_REASONS.map((code, i) =>
    piece(year, convention, 'REJECTED', NEW_EDITOR, family, {
      decidedOn: `${year + 1}-03-${String((i % 28) + 1).padStart(2, '0')}`,
      rejectionReasons: [code, REJECTION_REASONS[(i + 1) % REJECTION_REASONS.length]!],
    }),
  );
  return [
    [],
    [piece(year, convention, 'RECEIVED', NEW_EDITOR, family)],
    [piece(year, convention, 'VALIDATED', NEW_EDITOR, family, { decidedOn: `${year + 1}-02-14` })],
    [piece(year, convention, 'VALIDATED', NEW_EDITOR, family)],
    [piece(year - 1, convention, 'VALIDATED', OLD_EDITOR, family)],
    [piece(year - 1, convention, 'VALIDATED', NEW_EDITOR, family)],
    [piece(year - 1, 'AUTRE_CONVENTION', 'VALIDATED', NEW_EDITOR, family)],
    [
      piece(year - 1, convention, 'VALIDATED', OLD_EDITOR, family),
      piece(year, convention, 'VALIDATED', NEW_EDITOR, family, { decidedOn: `${year + 1}-02-14` }),
    ],
    [piece(year, convention, 'VALIDATED', OLD_EDITOR, family, { decidedOn: `${year + 1}-02-14` })],
    [piece(year, convention, 'REJECTED', NEW_EDITOR, family)],
    ...motifs.map((rejected) => [piece(year - 1, convention, 'VALIDATED', OLD_EDITOR, family), rejected]),
  ];
}

interface Said {
  where: string;
  status: CampaignStatus;
  text: string;
  /** The requirement is met by a validated piece (its mention is shown). */
  satisfied?: boolean;
}

function reasonsOf(evaluation: DeclarationEvaluation, where: string, status: CampaignStatus): Said[] {
  const said: Said[] = [];
  for (const { indicator, applicability, justificatif, achievement, mention } of evaluation.indicators) {
    const at = `${where} ${indicator.code}`;
    said.push({ where: at, status, text: applicability.reason });
    said.push({ where: at, status, text: justificatif.reason, satisfied: justificatif.state === 'VALIDATED' });
    said.push({ where: at, status, text: achievement.reason, satisfied: justificatif.state === 'VALIDATED' });
    said.push({ where: at, status, text: mention.reason });
  }
  for (const result of evaluation.notApplicable) said.push({ where, status, text: result.reason });
  for (const line of evaluation.remuneration.lines)
    said.push({ where: `${where} ${line.label}`, status, text: line.reason });
  return said;
}

function professionals(referentiel: ReferentielFile): ProfessionalData[] {
  const year = referentiel.campaign.referenceYear;
  const exempted = referentiel.indicators.flatMap((i) => i.exemptions ?? []).length > 0;
  return referentiel.campaign.professions.flatMap((profession: Profession) => [
    { profession, specialty: null, specialtyCode: null, installationYear: 2010 },
    { profession, specialty: 'anesthésie-réanimation', specialtyCode: 'SM04', installationYear: year },
    ...(exempted
      ? [{ profession, specialty: 'anesthésie-réanimation', specialtyCode: 'SM04', installationYear: null }]
      : []),
  ]);
}

function withExemption(referentiel: ReferentielFile): ReferentielFile {
  return {
    ...referentiel,
    indicators: referentiel.indicators.map((i) =>
      i.exemptions ? { ...i, exemptions: i.exemptions.map((e) => ({ ...e, specialties: ['SM04'] })) } : i,
    ),
  };
}

/** Every reason over the table: a few thousand evaluations, each indicator through each of its variants. */
function everyReason(): Said[] {
  const said: Said[] = [];
  for (const file of referentiels) {
    const referentiel = withExemption(file);
    const year = referentiel.campaign.referenceYear;
    const families = [
      ...new Set(
        referentiel.indicators
          .filter((i) => i.justificatif.policy === 'DOCUMENT')
          .map((i) => i.justificatif.family ?? i.code),
      ),
    ];
    for (const professional of professionals(referentiel)) {
      const convention = referentiel.campaign.conventions[professional.profession] ?? null;
      const situations = families.length
        ? families.flatMap((family) => justificatifSituations(year, convention, family))
        : [[]];
      const rounds = Math.max(...referentiel.indicators.map((i) => variants(i).length), situations.length);
      for (let round = 0; round < rounds; round++) {
        const values: Record<string, RecordedValue | null> = {};
        for (const indicator of referentiel.indicators) {
          const options = variants(indicator);
          const data = options[round % options.length] ?? null;
          const source = indicator.kind === 'COMPUTED' ? 'COMPUTED' : round % 5 === 4 ? 'PREFILLED' : 'DECLARED';
          values[indicator.code] = data === null ? null : { data, source };
        }
        for (const status of CAMPAIGN_STATUSES) {
          const evaluation = evaluateDeclaration({
            referentiel,
            campaignStatus: status,
            professional,
            values,
            justificatifs: situations[round % situations.length]!,
            firstDeclarationYearByFamily: Object.fromEntries(families.map((f) => [f, round % 2 ? year - 3 : null])),
            controlFindings:
              round % 7 === 6 ? { [referentiel.indicators[0]!.code]: 'contrôle a posteriori n° 3 : non conforme' } : {},
          });
          said.push(...reasonsOf(evaluation, `${referentiel.campaign.label} round ${round}`, status));
        }
      }
    }
  }
  return said;
}

/** The word after « : » or « ( » begins in lower case, unless it is an acronym or a proper name. */
function capitalAfterColonOrBracket(text: string): string | null {
  for (const match of text.matchAll(/(?: : |\()(\S+)/g)) {
    const rest = text.slice(match.index + match[0].length - match[1]!.length);
    if (rest !== lowerFirst(rest) && !PROPER_NAMES.some((name) => rest.startsWith(name))) return rest.slice(0, 40);
  }
  return null;
}

/** « aucune pièce à envoyer » is no invitation; these are. */
const INVITATIONS = /(?<!aucun )nouvel envoi|est attendu|est requis|avant la clôture|avant le calcul/;

describe('every reason the rules give (table over référentiels, professions, values, pieces, statuses)', () => {
  const said = everyReason();
  const unique = [...new Map(said.map((s) => [`${s.status}|${s.satisfied}|${s.text}`, s])).values()];

  it('covers the situations that matter', () => {
    const texts = unique.map((s) => s.text);
    expect(unique.length).toBeGreaterThan(300);
    for (const expected of [
      /^Justificatif rejeté le \d\d\/\d\d\/\d{4} : .+ ; un nouvel envoi est attendu avant la clôture de la campagne$/,
      /^Justificatif rejeté le \d\d\/\d\d\/\d{4} : .+ ; un nouvel envoi est attendu avant le calcul de la campagne$/,
      /^Justificatif non validé au calcul de la campagne \(dernier justificatif rejeté le .+\) : indicateur non atteint$/,
      /^Changement d'éditeur \(Dentalia Éditions sur le justificatif validé en \d{4}, DentiCloud déclaré\) : justificatif requis — fourni et validé le \d\d\/\d\d\/\d{4}$/,
      /^Non versé : (socle|volet 1) non atteint \(indicateurs? en échec : .+\)$/,
    ]) {
      expect(texts.some((text) => expected.test(text))).toBe(true);
    }
  });

  it('puts lower case after a colon or an opening bracket', () => {
    const offending = unique
      .map((s) => ({ text: s.text, at: capitalAfterColonOrBracket(s.text) }))
      .filter((s) => s.at !== null);
    expect(offending.slice(0, 5)).toEqual([]);
  });

  it('uses one kind of apostrophe (the straight one) and says « le cas échéant » at most once', () => {
    expect(unique.filter((s) => s.text.includes('’')).map((s) => s.text)).toEqual([]);
    expect(unique.filter((s) => s.text.split('le cas échéant').length > 2).map((s) => s.text)).toEqual([]);
  });

  it('invites no new piece once the campaign is computed', () => {
    const offending = unique.filter((s) => isComputed(s.status) && INVITATIONS.test(s.text)).map((s) => s.text);
    expect(offending.slice(0, 5)).toEqual([]);
  });

  it('never says a new piece is required when a validated piece satisfies the requirement', () => {
    const offending = unique.filter((s) => s.satisfied && /est requis|nouvel envoi/.test(s.text)).map((s) => s.text);
    expect(offending.slice(0, 5)).toEqual([]);
  });
});

describe('the labels the reasons quote', () => {
  const labels = [
    ...Object.values(REJECTION_REASON_LABELS),
    ...referentiels.flatMap((r) => [
      r.remuneration.gateLabel,
      ...r.indicators.flatMap((i) => [
        i.label,
        i.shortLabel ?? i.label,
        i.helpText,
        i.neutralised?.reason ?? '',
        ...(i.choices ?? []).flatMap((c) => [c.label, c.reason ?? '']),
        ...(i.exemptions ?? []).map((e) => e.reason),
        ...(i.justificatif.checklist ?? []).map((c) => c.label),
      ]),
    ]),
  ];

  it.each([
    ['the straight apostrophe only', (text: string) => !text.includes('’')],
    ['« le cas échéant » at most once', (text: string) => text.split('le cas échéant').length <= 2],
    ['lower case after a colon or a bracket', (text: string) => capitalAfterColonOrBracket(text) === null],
  ])('%s', (_rule, holds) => {
    expect(labels.filter((label) => !holds(label))).toEqual([]);
  });
});
