/**
 * Whether a declared value needs a pièce justificative this campaign, and where that piece stands.
 *
 * Rules (seeds 001–004, domain README §3): a document is needed for a value declared by hand — the
 * professional's first year, an installation in the year, a change of publisher (or of software when the
 * campaign's setting says so) — and never for a pre-filled value, a COMPUTED indicator or an
 * honour-attested one. A validated piece stays valid for the rest of the convention, for the same
 * publisher: a later campaign of the same convention then needs nothing new.
 */
import type { CampaignStatus } from '../../common/enums';
import type { IndicatorDefinition, JustificatifTrigger } from '../referentiel/referentiel.types';
import { frenchDay, isComputed, newPieceDeadline, PREFILL_ORIGIN_LABELS, rejectionSentence } from './format';
import type { JustificatifData, ProfessionalData, RecordedValue } from './types';

export interface JustificatifContext {
  referenceYear: number;
  /** Convention in force for the professional's profession in this campaign. */
  conventionId: string | null;
  trigger: JustificatifTrigger;
  /** The professional's justificatifs of every campaign; other families are ignored. */
  justificatifs: JustificatifData[];
  /** First reference year in which the professional declared an indicator of this family; null: never before. */
  firstDeclarationYear?: number | null;
  /** Where the campaign stands: what a missing piece still allows (absent: open). */
  campaignStatus?: CampaignStatus;
}

/**
 * NOT_REQUIRED: nothing to send. STILL_VALID: covered by a piece validated in an earlier campaign.
 * VALIDATED: the piece of this campaign is validated. AWAITED / RECEIVED / REJECTED: needed and not (yet) validated.
 */
export type JustificatifState = 'NOT_REQUIRED' | 'STILL_VALID' | 'VALIDATED' | 'AWAITED' | 'RECEIVED' | 'REJECTED';

export interface JustificatifRequirement {
  /** A document is needed for this campaign's value (whether or not it is already validated). */
  required: boolean;
  state: JustificatifState;
  /** Honour-attested values: nothing is sent, the professional keeps proofs for a contrôle a posteriori. */
  controlAPosteriori: boolean;
  /** The validated piece that satisfies the indicator, from this campaign or an earlier one. */
  validatedBy: JustificatifData | null;
  /** When state is REJECTED: the last rejected piece of this campaign (its date and motifs make the reasons). */
  rejected: JustificatifData | null;
  reason: string;
}

export type CoverOrigin = 'THIS_CAMPAIGN' | 'EARLIER_CAMPAIGN';

export interface JustificatifCover {
  justificatif: JustificatifData;
  origin: CoverOrigin;
}

type Missing = 'AWAITED' | 'RECEIVED' | 'REJECTED';

/** Where a needed piece stands, said as the campaign's state allows: once computed, nothing is awaited. */
function missingSentence(state: Missing, rejected: JustificatifData | null, status: CampaignStatus | undefined) {
  const computed = isComputed(status);
  switch (state) {
    case 'AWAITED':
      return computed ? 'justificatif non reçu au calcul de la campagne' : 'justificatif non reçu';
    case 'RECEIVED':
      return computed
        ? 'justificatif reçu mais non vérifié au calcul de la campagne'
        : 'justificatif reçu, en attente de vérification par la CPAM';
    case 'REJECTED':
      return computed
        ? `${rejectionSentence(rejected)} ; non remplacé au calcul de la campagne`
        : `${rejectionSentence(rejected)} ; un nouvel envoi est attendu ${newPieceDeadline(status)}`;
  }
}

/** « fourni et validé le 12/03/2025 »: a requirement that is satisfied says so. */
function satisfiedSentence(piece: JustificatifData): string {
  return `justificatif requis — fourni et validé ${piece.decidedOn ? `le ${frenchDay(piece.decidedOn)}` : 'par la CPAM'}`;
}

function notRequired(reason: string, controlAPosteriori = false): JustificatifRequirement {
  return { required: false, state: 'NOT_REQUIRED', controlAPosteriori, validatedBy: null, rejected: null, reason };
}

/** The family a DOCUMENT indicator's pieces belong to; null for indicators that take no document. */
export function justificatifFamily(indicator: IndicatorDefinition): string | null {
  if (indicator.justificatif.policy !== 'DOCUMENT') return null;
  return indicator.justificatif.family ?? indicator.code;
}

/**
 * Does a validated piece vouch for the declared software? Same publisher; with the SOFTWARE_CHANGE
 * setting, same software product too. A version change is never a change (seed 003).
 */
function vouchesFor(justificatif: JustificatifData, value: RecordedValue, trigger: JustificatifTrigger): boolean {
  if (value.data.type !== 'SOFTWARE') return true;
  if (justificatif.publisherId !== value.data.publisherId) return false;
  return trigger === 'PUBLISHER_CHANGE' || justificatif.softwareId === value.data.softwareId;
}

function piecesOfFamily(context: JustificatifContext, family: string): JustificatifData[] {
  return context.justificatifs.filter((justificatif) => justificatif.family === family);
}

/** The most recent piece validated in an earlier campaign (the one a change is measured against). */
function lastEarlierValidated(pieces: JustificatifData[], referenceYear: number): JustificatifData | null {
  return pieces
    .filter((piece) => piece.status === 'VALIDATED' && piece.campaignYear < referenceYear)
    .reduce<JustificatifData | null>(
      (latest, piece) => (latest === null || piece.campaignYear >= latest.campaignYear ? piece : latest),
      null,
    );
}

function stillValid(earlier: JustificatifData, value: RecordedValue, context: JustificatifContext): boolean {
  const sameConvention = context.conventionId !== null && earlier.conventionId === context.conventionId;
  return sameConvention && vouchesFor(earlier, value, context.trigger);
}

/** The validated piece covering the value: validated this campaign, or still valid from an earlier one. */
export function findJustificatifCover(
  indicator: IndicatorDefinition,
  value: RecordedValue | null,
  context: JustificatifContext,
): JustificatifCover | null {
  const family = justificatifFamily(indicator);
  if (family === null || value === null) return null;
  const pieces = piecesOfFamily(context, family);
  const current = pieces.find(
    (piece) =>
      piece.status === 'VALIDATED' &&
      piece.campaignYear === context.referenceYear &&
      vouchesFor(piece, value, context.trigger),
  );
  if (current) return { justificatif: current, origin: 'THIS_CAMPAIGN' };
  const earlier = lastEarlierValidated(pieces, context.referenceYear);
  if (earlier && stillValid(earlier, value, context)) return { justificatif: earlier, origin: 'EARLIER_CAMPAIGN' };
  return null;
}

/** Why a piece is needed: what changed or what is new, and whether it calls for a new piece. */
interface Why {
  subject: string;
  /** A piece was validated before and no longer covers the value: « un nouveau justificatif ». */
  renewal: boolean;
}

/** Why the piece validated in an earlier campaign no longer covers the value. */
function whyEarlierNoLongerCovers(earlier: JustificatifData, value: RecordedValue, context: JustificatifContext): Why {
  if (context.conventionId === null || earlier.conventionId !== context.conventionId) {
    return {
      subject: `Le justificatif validé en ${earlier.campaignYear} relevait d'une autre convention`,
      renewal: true,
    };
  }
  const declared = value.data.type === 'SOFTWARE' ? value.data : null;
  if (declared && earlier.publisherId !== declared.publisherId) {
    const before = earlier.publisherName ?? 'autre éditeur';
    return {
      subject: `Changement d'éditeur (${before} sur le justificatif validé en ${earlier.campaignYear}, ${declared.publisherName} déclaré)`,
      renewal: true,
    };
  }
  return {
    subject: `Changement de logiciel selon la règle de la campagne (${declared?.softwareName ?? 'logiciel'} déclaré)`,
    renewal: true,
  };
}

/** Why a piece is needed when none was ever validated for this family. */
function whyFirstPiece(professional: ProfessionalData, context: JustificatifContext): Why {
  if (professional.installationYear === context.referenceYear) {
    return { subject: "Installation dans l'année", renewal: false };
  }
  const firstYear = context.firstDeclarationYear ?? null;
  if (firstYear === null || firstYear >= context.referenceYear) {
    return { subject: "Première année de déclaration de l'indicateur", renewal: false };
  }
  return { subject: 'Valeur déclarée manuellement (non pré-remplie)', renewal: false };
}

/** The validated piece of this campaign names another publisher (or product) than the one declared. */
function otherProductValidated(piece: JustificatifData, value: RecordedValue): Why {
  const declared = value.data.type === 'SOFTWARE' ? value.data : null;
  if (declared && piece.publisherName && piece.publisherId !== declared.publisherId) {
    return {
      subject: `Le justificatif validé pour cette campagne porte sur un autre éditeur (${piece.publisherName}, ${declared.publisherName} déclaré)`,
      renewal: true,
    };
  }
  return {
    subject: 'Le justificatif validé pour cette campagne porte sur un autre éditeur ou logiciel que celui déclaré',
    renewal: true,
  };
}

/** Why a piece is needed, in the agent's words. */
function whyRequired(
  value: RecordedValue,
  professional: ProfessionalData,
  context: JustificatifContext,
  family: string,
): Why {
  const pieces = piecesOfFamily(context, family);
  const validatedThisCampaign = pieces.filter(
    (piece) => piece.status === 'VALIDATED' && piece.campaignYear === context.referenceYear,
  );
  const vouching = validatedThisCampaign.some((piece) => vouchesFor(piece, value, context.trigger));
  if (validatedThisCampaign.length > 0 && !vouching) return otherProductValidated(validatedThisCampaign.at(-1)!, value);
  const earlier = lastEarlierValidated(pieces, context.referenceYear);
  return earlier ? whyEarlierNoLongerCovers(earlier, value, context) : whyFirstPiece(professional, context);
}

/** « Changement d'éditeur (…) : un nouveau justificatif est requis » (was, once the campaign is computed). */
function unsatisfiedSentence(why: Why, status: CampaignStatus | undefined): string {
  if (!why.renewal) return `${why.subject} : justificatif requis`;
  return `${why.subject} : un nouveau justificatif ${isComputed(status) ? 'était' : 'est'} requis`;
}

/** Where this campaign's pieces stand when none covers the value: a piece awaiting its check wins over a rejection. */
function stateOfThisCampaign(pieces: JustificatifData[], referenceYear: number) {
  const ofCampaign = pieces.filter((piece) => piece.campaignYear === referenceYear);
  if (ofCampaign.some((piece) => piece.status === 'RECEIVED')) return { state: 'RECEIVED' as const, rejected: null };
  // Pieces come in the order they were recorded: the last rejection is the one to answer.
  const rejected = ofCampaign.filter((piece) => piece.status === 'REJECTED').at(-1);
  if (rejected) return { state: 'REJECTED' as const, rejected };
  return { state: 'AWAITED' as const, rejected: null };
}

function stillValidReason(cover: JustificatifData, value: RecordedValue): string {
  const sameProduct = value.data.type !== 'SOFTWARE' || cover.softwareId === value.data.softwareId;
  if (!sameProduct) {
    return `Changement de logiciel ou de version chez le même éditeur : le justificatif validé en ${cover.campaignYear} reste valable`;
  }
  return `Justificatif validé en ${cover.campaignYear} toujours valable pour la durée de la convention : aucun nouvel envoi`;
}

function documentRequirement(
  indicator: IndicatorDefinition,
  value: RecordedValue,
  professional: ProfessionalData,
  context: JustificatifContext,
  family: string,
): JustificatifRequirement {
  const cover = findJustificatifCover(indicator, value, context);
  if (cover?.origin === 'EARLIER_CAMPAIGN') {
    return {
      required: false,
      state: 'STILL_VALID',
      controlAPosteriori: false,
      validatedBy: cover.justificatif,
      rejected: null,
      reason: stillValidReason(cover.justificatif, value),
    };
  }
  const why = whyRequired(value, professional, context, family);
  if (cover) {
    return {
      required: true,
      state: 'VALIDATED',
      controlAPosteriori: false,
      validatedBy: cover.justificatif,
      rejected: null,
      reason: `${why.subject} : ${satisfiedSentence(cover.justificatif)}`,
    };
  }
  const { state, rejected } = stateOfThisCampaign(piecesOfFamily(context, family), context.referenceYear);
  return {
    required: true,
    state,
    controlAPosteriori: false,
    validatedBy: null,
    rejected,
    reason: `${unsatisfiedSentence(why, context.campaignStatus)} ; ${missingSentence(state, rejected, context.campaignStatus)}`,
  };
}

function prefilledReason(indicator: IndicatorDefinition): string {
  const origin = indicator.prefillOrigin ? ` (${PREFILL_ORIGIN_LABELS[indicator.prefillOrigin]})` : '';
  return `Valeur pré-remplie${origin} : aucun justificatif à fournir`;
}

export function justificatifRequirement(
  indicator: IndicatorDefinition,
  value: RecordedValue | null,
  professional: ProfessionalData,
  context: JustificatifContext,
): JustificatifRequirement {
  if (indicator.kind === 'COMPUTED')
    return notRequired("Indicateur calculé par l'Assurance Maladie : aucun justificatif");
  const rule = indicator.justificatif;
  if (rule.policy === 'NONE') return notRequired('Aucun justificatif demandé pour cet indicateur');
  if (value === null) return notRequired('Indicateur non déclaré : aucun justificatif attendu');
  if (value.source !== 'DECLARED') return notRequired(prefilledReason(indicator));
  if (rule.policy === 'HONOUR_ATTESTATION') {
    return notRequired(
      "Attestation sur l'honneur : aucune pièce à envoyer, le professionnel conserve ses justificatifs pour un contrôle a posteriori",
      rule.controlAPosteriori ?? true,
    );
  }
  return documentRequirement(indicator, value, professional, context, justificatifFamily(indicator) ?? indicator.code);
}
