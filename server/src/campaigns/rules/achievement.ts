/**
 * Atteinte of one indicator: ACHIEVED, NOT_ACHIEVED, NEUTRALISED or PENDING_JUSTIFICATIF, always with
 * a French reason. Achievement is appreciated at 31/12 of the reference year without proration (seed 004):
 * the value recorded is the value at that date.
 */
import type { CampaignStatus } from '../../common/enums';
import type { ExemptionSubject, IndicatorDefinition } from '../referentiel/referentiel.types';
import {
  formatPercent,
  formatThreshold,
  isComputed,
  lowerFirst,
  MESSAGING_LABELS,
  newPieceDeadline,
  rejectionSentence,
  sourceLabel,
  sourceNote,
  upperFirst,
} from './format';
import type { JustificatifRequirement, JustificatifState } from './justificatif-requirement';
import type { AchievementResult, IndicatorValueData, JustificatifData, RecordedValue } from './types';

export interface AchievementInput {
  indicator: IndicatorDefinition;
  value: RecordedValue | null;
  campaignStatus: CampaignStatus;
  /** Parts of the criterion waived for the professional's specialty (from applicability). */
  waived?: ExemptionSubject[];
  /** Outcome of the justificatif rule for this value; omit for indicators that take no document. */
  justificatif?: Pick<JustificatifRequirement, 'required' | 'state'> & { rejected?: JustificatifData | null };
}

/** Whether the value meets the criterion, before any justificatif is considered. */
interface ValueVerdict {
  met: boolean;
  reason: string;
}

const met = (reason: string): ValueVerdict => ({ met: true, reason });
const unmet = (reason: string): ValueVerdict => ({ met: false, reason });

type ValueOf<T extends IndicatorValueData['type']> = Extract<IndicatorValueData, { type: T }>;

function judgeBoolean(data: ValueOf<'BOOLEAN'>, value: RecordedValue): ValueVerdict {
  const answer = data.value ? 'oui' : 'non';
  const reason = `${sourceLabel(value.source)} : ${answer}`;
  return data.value ? met(reason) : unmet(reason);
}

function judgeChoice(indicator: IndicatorDefinition, data: ValueOf<'CHOICE'>): ValueVerdict {
  const choice = indicator.choices?.find((option) => option.code === data.code);
  if (!choice) return unmet(`Réponse « ${data.code} » inconnue pour cet indicateur`);
  if (choice.achieves) return met(`Réponse déclarée : ${lowerFirst(choice.label)}`);
  return unmet(choice.reason ?? `Réponse « ${choice.label} » : ne valide pas l'indicateur`);
}

function judgeSoftware(indicator: IndicatorDefinition, data: ValueOf<'SOFTWARE'>, waived: ExemptionSubject[]) {
  const name = `${data.softwareName} ${data.version} (${data.publisherName})`;
  const required = indicator.softwareRequirements ?? {};
  if (required.dmpCompatible && !data.dmpCompatible) return unmet(`Logiciel ${name} non compatible DMP`);
  const lapWaived = waived.includes('LAP');
  if (required.lapCertified && !lapWaived && !data.lapCertified) {
    return unmet(`Logiciel ${name} sans logiciel d'aide à la prescription (LAP) certifié HAS`);
  }
  const qualities = [
    required.dmpCompatible ? 'compatible DMP' : null,
    required.lapCertified ? (lapWaived ? 'LAP non exigé pour la spécialité' : 'avec LAP certifié HAS') : null,
  ].filter((quality): quality is string => quality !== null);
  return met(`Logiciel ${name}${qualities.length > 0 ? ` ${qualities.join(', ')}` : ''}`);
}

function judgeMessaging(indicator: IndicatorDefinition, data: ValueOf<'MESSAGING'>, value: RecordedValue) {
  const label = MESSAGING_LABELS[data.messagingType];
  if ((indicator.acceptedMessagingTypes ?? []).includes(data.messagingType)) {
    return met(`${label} (${sourceNote(value.source)})`);
  }
  if (data.messagingType === 'APICRYPT_V1') {
    return unmet(
      "Apicrypt V1 ne permet plus de valider l'indicateur : seule Apicrypt V2, ouverte avec l'interopérabilité avec l'Espace de Confiance MSSanté, est acceptée",
    );
  }
  return unmet(`${label} : messagerie non acceptée pour cet indicateur`);
}

/** Integer comparison so that 70 % of 1 000 acts is exactly on the threshold. */
function meetsThreshold(numerator: number, denominator: number, minPercent: number, inclusive: boolean): boolean {
  const scaledRate = numerator * 10_000;
  const scaledThreshold = Math.round(minPercent * 100) * denominator;
  return inclusive ? scaledRate >= scaledThreshold : scaledRate > scaledThreshold;
}

function judgeRate(indicator: IndicatorDefinition, data: ValueOf<'RATE'>): ValueVerdict {
  const name = indicator.shortLabel ?? 'Taux';
  if (data.denominator <= 0) return unmet(`${name} non calculable : aucun acte sur la période`);
  const rate = formatPercent((data.numerator / data.denominator) * 100);
  const threshold = indicator.threshold;
  if (!threshold) return met(`${name} déclaré : ${rate} (aucun seuil fixé par le référentiel)`);
  const { minPercent, inclusive } = threshold;
  if (meetsThreshold(data.numerator, data.denominator, minPercent, inclusive)) return met(`${name} atteint : ${rate}`);
  return unmet(`${name} non atteint (${rate} ${inclusive ? '<' : '≤'} ${formatThreshold(minPercent)})`);
}

function judgeText(indicator: IndicatorDefinition, data: ValueOf<'TEXT'>): ValueVerdict {
  const { minCount, placesRequired } = indicator.requirements ?? {};
  const places = data.text.trim();
  if (minCount !== undefined) {
    if (data.count === undefined) return unmet(`Nombre d'interventions non renseigné (au moins ${minCount} requises)`);
    if (data.count < minCount) {
      return unmet(`${data.count} intervention(s) déclarée(s) : au moins ${minCount} sont requises`);
    }
  }
  if (placesRequired && places.length === 0) return unmet("Lieux d'intervention non renseignés : champ obligatoire");
  if (minCount === undefined && places.length === 0) return unmet('Réponse vide');
  const count = data.count !== undefined ? `${data.count} interventions déclarées ; ` : '';
  return met(`${count}lieux : ${places}`);
}

function judgeValue(indicator: IndicatorDefinition, value: RecordedValue, waived: ExemptionSubject[]): ValueVerdict {
  const data = value.data;
  if (data.type !== indicator.valueType) {
    return unmet(`Valeur de type ${data.type} incohérente avec l'indicateur (type ${indicator.valueType})`);
  }
  switch (data.type) {
    case 'BOOLEAN':
      return judgeBoolean(data, value);
    case 'CHOICE':
      return judgeChoice(indicator, data);
    case 'SOFTWARE':
      return judgeSoftware(indicator, data, waived);
    case 'MESSAGING':
      return judgeMessaging(indicator, data, value);
    case 'RATE':
      return judgeRate(indicator, data);
    case 'TEXT':
      return judgeText(indicator, data);
  }
}

type Waiting = 'AWAITED' | 'RECEIVED' | 'REJECTED';

/**
 * Before the computation: what the CPAM awaits, and until when (the window's close, then the computation:
 * between the two the CPAM still checks the pieces it receives).
 */
function pendingReason(state: Waiting, rejected: JustificatifData | null, status: CampaignStatus): string {
  const deadline = newPieceDeadline(status);
  switch (state) {
    case 'AWAITED':
      return status === 'CLOSED'
        ? `Justificatif attendu ${deadline} : l'indicateur ne sera validé qu'après réception et validation de la pièce par la CPAM`
        : "Justificatif attendu : l'indicateur ne sera validé qu'après réception et validation de la pièce par la CPAM";
    case 'RECEIVED':
      return 'Justificatif reçu, en attente de vérification par la CPAM';
    case 'REJECTED':
      return `${upperFirst(rejectionSentence(rejected))} ; un nouvel envoi est attendu ${deadline}`;
  }
}

/** Once computed, a justificatif that is not validated can no longer save the indicator: the reason says why, and invites nothing. */
function afterComputationDetail(state: Waiting, rejected: JustificatifData | null): string {
  switch (state) {
    case 'AWAITED':
      return 'aucun justificatif reçu';
    case 'RECEIVED':
      return 'justificatif reçu mais non vérifié';
    case 'REJECTED':
      return `dernier ${rejectionSentence(rejected)}`;
  }
}

function isWaiting(state: JustificatifState): state is Waiting {
  return state === 'AWAITED' || state === 'RECEIVED' || state === 'REJECTED';
}

/** A met value that still needs its piece: pending until the campaign is computed, not achieved after. */
function withJustificatif(verdict: ValueVerdict, input: AchievementInput): AchievementResult {
  const state = input.justificatif?.state;
  if (!input.justificatif?.required || state === undefined || !isWaiting(state)) {
    return { status: 'ACHIEVED', reason: verdict.reason };
  }
  const rejected = input.justificatif.rejected ?? null;
  if (isComputed(input.campaignStatus)) {
    return {
      status: 'NOT_ACHIEVED',
      reason: `Justificatif non validé au calcul de la campagne (${afterComputationDetail(state, rejected)}) : indicateur non atteint`,
    };
  }
  return { status: 'PENDING_JUSTIFICATIF', reason: pendingReason(state, rejected, input.campaignStatus) };
}

function notDeclaredReason(indicator: IndicatorDefinition): string {
  return indicator.kind === 'COMPUTED'
    ? "Indicateur non calculé : aucune donnée de l'Assurance Maladie"
    : 'Indicateur non déclaré';
}

export function assessAchievement(input: AchievementInput): AchievementResult {
  const { indicator, value } = input;
  const neutralisation = indicator.neutralised;
  if (neutralisation?.effect === 'COUNTS_AS_ACHIEVED') return { status: 'NEUTRALISED', reason: neutralisation.reason };

  const verdict =
    value === null ? unmet(notDeclaredReason(indicator)) : judgeValue(indicator, value, input.waived ?? []);
  const result = verdict.met
    ? withJustificatif(verdict, input)
    : { status: 'NOT_ACHIEVED' as const, reason: verdict.reason };
  if (!neutralisation) return result;
  // NOT_REQUIRED: met anyway, it is achieved (its share is paid); otherwise it is set aside and blocks nothing.
  if (result.status === 'ACHIEVED') {
    return { status: 'ACHIEVED', reason: `${result.reason} (indicateur neutralisé cette année, non exigé)` };
  }
  return { status: 'NEUTRALISED', reason: `${neutralisation.reason} ; ${result.reason}` };
}

/** Whether the atteinte earns the indicator's amount (neutralised COUNTS_AS_ACHIEVED counts as met). */
export function countsForPayment(indicator: IndicatorDefinition, achievement: AchievementResult): boolean {
  if (achievement.status === 'ACHIEVED') return true;
  return achievement.status === 'NEUTRALISED' && indicator.neutralised?.effect === 'COUNTS_AS_ACHIEVED';
}

/** Whether the atteinte lets the gate (socle, volet 1) through: neutralised indicators never block it. */
export function passesGate(achievement: AchievementResult): boolean {
  return achievement.status === 'ACHIEVED' || achievement.status === 'NEUTRALISED';
}
