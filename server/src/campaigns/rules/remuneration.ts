/**
 * Rémunération of one professional for one campaign, generic over the référentiel:
 * - the gate amount when every gate indicator (SOCLE, VOLET_1) is achieved or neutralised;
 * - COMPLEMENTAIRE and VOLET_2 lines only when the gate is met; INDEPENDANT lines regardless;
 * - POINTS × pointValueCents for the forfait structure; integer cents everywhere;
 * - an unknown amount keeps its line (0, amountKnown false) and marks the result incomplete;
 * - the total is capped at the campaign maximum.
 */
import type { IndicatorGroup, Profession } from '../../common/enums';
import type { Amount, IndicatorDefinition, RemunerationSettings } from '../referentiel/referentiel.types';
import { countsForPayment, passesGate } from './achievement';
import { formatEuros, formatPoints, lowerFirst, shortName } from './format';
import type { AchievementResult, RemunerationLine, RemunerationResult } from './types';

export interface AssessedIndicator {
  indicator: IndicatorDefinition;
  achievement: AchievementResult;
}

export interface RemunerationInput {
  settings: RemunerationSettings;
  profession: Profession;
  /** The indicators applicable to the professional, with their atteinte. */
  assessed: AssessedIndicator[];
}

const GATE_GROUPS: readonly IndicatorGroup[] = ['SOCLE', 'VOLET_1'];
const GATED_GROUPS: readonly IndicatorGroup[] = ['COMPLEMENTAIRE', 'VOLET_2'];

/** An amount turned into cents, with the French wording of how it was obtained. */
type Money = { known: true; cents: number; text: string } | { known: false; note: string };

function toMoney(amount: Amount | undefined, settings: RemunerationSettings): Money {
  if (amount === undefined) return { known: false, note: 'montant absent du référentiel' };
  if (!amount.known) return { known: false, note: lowerFirst(amount.note) };
  if ('cents' in amount) return { known: true, cents: amount.cents, text: formatEuros(amount.cents) };
  if (settings.pointValueCents === undefined) return { known: false, note: 'valeur du point absente du référentiel' };
  const cents = amount.points * settings.pointValueCents;
  const text = `${formatPoints(amount.points)} × ${formatEuros(settings.pointValueCents)} = ${formatEuros(cents)}`;
  return { known: true, cents, text };
}

function indicatorAmount(indicator: IndicatorDefinition, profession: Profession): Amount | undefined {
  return indicator.amountByProfession?.[profession] ?? indicator.amount;
}

function gateName(gate: AssessedIndicator[]): string {
  return gate[0]?.indicator.group === 'VOLET_1' ? 'Volet 1' : 'Socle';
}

/** 'taux de FSE non atteint (…)' already names the indicator; other reasons get its name in front. */
function describeFailure({ indicator, achievement }: AssessedIndicator): string {
  const name = shortName(indicator);
  if (achievement.reason.startsWith(name)) return lowerFirst(achievement.reason);
  return `${lowerFirst(name)} (${lowerFirst(achievement.reason)})`;
}

/** « socle non atteint (indicateurs en échec : logiciel DMP, MSSanté) »: the line names what blocks it. */
function gateFailure(gate: AssessedIndicator[], blocking: AssessedIndicator[]): string {
  const names = blocking.map(({ indicator }) => lowerFirst(shortName(indicator))).join(', ');
  const plural = blocking.length > 1 ? 's' : '';
  return `${gateName(gate).toLowerCase()} non atteint (indicateur${plural} en échec : ${names})`;
}

function line(label: string, amountCents: number, reason: string, indicatorCode?: string): RemunerationLine {
  return { label, amountCents, amountKnown: true, reason, ...(indicatorCode ? { indicatorCode } : {}) };
}

function unknownLine(label: string, reason: string, indicatorCode?: string): RemunerationLine {
  return { ...line(label, 0, reason, indicatorCode), amountKnown: false };
}

/** Gate indicators neutralised NOT_REQUIRED and not met: their share of the gate amount is not paid. */
function withheldShares(gate: AssessedIndicator[], profession: Profession): AssessedIndicator[] {
  return gate.filter(
    ({ indicator, achievement }) =>
      achievement.status === 'NEUTRALISED' &&
      indicator.neutralised?.effect === 'NOT_REQUIRED' &&
      indicatorAmount(indicator, profession) !== undefined,
  );
}

function metGateLine(gate: AssessedIndicator[], input: RemunerationInput): RemunerationLine {
  const { settings, profession } = input;
  const name = gateName(gate);
  const base = toMoney(settings.gateAmountByProfession?.[profession] ?? settings.gateAmount, settings);
  const withheld = withheldShares(gate, profession).map((assessed) => ({
    assessed,
    share: toMoney(indicatorAmount(assessed.indicator, profession), settings),
  }));
  const neutralised = gate.filter(({ achievement }) => achievement.status === 'NEUTRALISED');
  const neutralisedNote =
    neutralised.length > 0
      ? ` ; neutralisé : ${neutralised.map(({ indicator }) => lowerFirst(shortName(indicator))).join(', ')}`
      : '';
  const summary = `${name} atteint (${gate.length} indicateur${gate.length > 1 ? 's' : ''}${neutralisedNote})`;

  if (!base.known) return unknownLine(settings.gateLabel, `${summary} ; montant non connu : ${base.note}`);
  let cents = base.cents;
  const notes: string[] = [];
  for (const { assessed, share } of withheld) {
    if (!share.known) {
      return unknownLine(
        settings.gateLabel,
        `${summary} ; part non connue de ${lowerFirst(shortName(assessed.indicator))} : ${share.note}`,
      );
    }
    cents -= share.cents;
    notes.push(
      `part de ${lowerFirst(shortName(assessed.indicator))} (${share.text}) non versée : indicateur neutralisé et non atteint`,
    );
  }
  return line(settings.gateLabel, cents, [`${summary} : ${formatEuros(cents)}`, ...notes].join(' ; '));
}

interface GateOutcome {
  line: RemunerationLine;
  /** Null when the gate is met; otherwise what the gated lines say. */
  failure: string | null;
}

function gateLine(gate: AssessedIndicator[], input: RemunerationInput): GateOutcome {
  const blocking = gate.filter(({ achievement }) => !passesGate(achievement));
  if (blocking.length > 0) {
    const reason = `${gateName(gate)} non atteint : ${blocking.map(describeFailure).join(' ; ')}`;
    return { line: line(input.settings.gateLabel, 0, reason), failure: gateFailure(gate, blocking) };
  }
  return { line: metGateLine(gate, input), failure: null };
}

function indicatorLine(assessed: AssessedIndicator, gateFailed: string | null, input: RemunerationInput) {
  const { indicator, achievement } = assessed;
  const label = shortName(indicator);
  const code = indicator.code;
  if (GATED_GROUPS.includes(indicator.group) && gateFailed !== null) {
    return line(label, 0, `Non versé : ${gateFailed}`, code);
  }
  if (!countsForPayment(indicator, achievement)) {
    return line(label, 0, `Non versé : ${lowerFirst(achievement.reason)}`, code);
  }
  const money = toMoney(indicatorAmount(indicator, input.profession), input.settings);
  if (!money.known) return unknownLine(label, `Indicateur atteint ; montant non connu : ${money.note}`, code);
  const independent = indicator.group === 'INDEPENDANT' ? ' (indépendant du socle)' : '';
  return line(label, money.cents, `Indicateur atteint${independent} : ${money.text}`, code);
}

function capLine(totalCents: number, settings: RemunerationSettings): RemunerationLine | null {
  const maximum = toMoney(settings.maximum, settings);
  if (!maximum.known || totalCents <= maximum.cents) return null;
  return line('Plafond', maximum.cents - totalCents, `Écrêtement au plafond de ${formatEuros(maximum.cents)}`);
}

export function computeRemuneration(input: RemunerationInput): RemunerationResult {
  const assessed = [...input.assessed].sort((a, b) => a.indicator.displayOrder - b.indicator.displayOrder);
  const gate = assessed.filter(({ indicator }) => GATE_GROUPS.includes(indicator.group));
  const lines: RemunerationLine[] = [];
  let gateFailed: string | null = null;
  if (gate.length > 0) {
    const result = gateLine(gate, input);
    lines.push(result.line);
    gateFailed = result.failure;
  }
  for (const item of assessed) {
    if (!GATE_GROUPS.includes(item.indicator.group)) lines.push(indicatorLine(item, gateFailed, input));
  }
  const uncapped = lines.reduce((sum, { amountCents }) => sum + amountCents, 0);
  const cap = capLine(uncapped, input.settings);
  if (cap) lines.push(cap);
  return {
    totalCents: uncapped + (cap?.amountCents ?? 0),
    lines,
    complete: lines.every((entry) => entry.amountKnown),
  };
}
