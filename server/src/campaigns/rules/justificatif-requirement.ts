/**
 * Whether a declared value needs a pièce justificative this campaign, and where that piece stands.
 *
 * Rules (seeds 001–004, domain README §3): a document is needed for a value declared by hand — the
 * professional's first year, an installation in the year, a change of publisher (or of software when the
 * campaign's setting says so) — and never for a pre-filled value, a COMPUTED indicator or an
 * honour-attested one. A validated piece stays valid for the rest of the convention, for the same
 * publisher: a later campaign of the same convention then needs nothing new.
 */
import type { IndicatorDefinition, JustificatifTrigger } from '../referentiel/referentiel.types';
import { PREFILL_ORIGIN_LABELS } from './format';
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
  reason: string;
}

export type CoverOrigin = 'THIS_CAMPAIGN' | 'EARLIER_CAMPAIGN';

export interface JustificatifCover {
  justificatif: JustificatifData;
  origin: CoverOrigin;
}

const STATE_SENTENCES: Record<'VALIDATED' | 'AWAITED' | 'RECEIVED' | 'REJECTED', string> = {
  VALIDATED: 'pièce justificative validée par la CPAM',
  RECEIVED: 'justificatif reçu, en attente de vérification par la CPAM',
  REJECTED: 'justificatif rejeté, un nouvel envoi est attendu',
  AWAITED: 'justificatif non reçu',
};

function notRequired(reason: string, controlAPosteriori = false): JustificatifRequirement {
  return { required: false, state: 'NOT_REQUIRED', controlAPosteriori, validatedBy: null, reason };
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

/** Why the piece validated in an earlier campaign no longer covers the value. */
function whyEarlierNoLongerCovers(earlier: JustificatifData, value: RecordedValue, context: JustificatifContext) {
  if (context.conventionId === null || earlier.conventionId !== context.conventionId) {
    return `Le justificatif validé en ${earlier.campaignYear} relevait d'une autre convention : un nouveau justificatif est requis`;
  }
  const declared = value.data.type === 'SOFTWARE' ? value.data : null;
  if (declared && earlier.publisherId !== declared.publisherId) {
    return `Changement d'éditeur (${declared.publisherName} déclaré, autre éditeur sur le justificatif validé en ${earlier.campaignYear}) : un nouveau justificatif est requis`;
  }
  return `Changement de logiciel (${declared?.softwareName ?? 'logiciel'} déclaré) : un nouveau justificatif est requis selon la règle de la campagne`;
}

/** Why a piece is needed when none was ever validated for this family. */
function whyFirstPiece(professional: ProfessionalData, context: JustificatifContext) {
  if (professional.installationYear === context.referenceYear) return "Installation dans l'année : justificatif requis";
  const firstYear = context.firstDeclarationYear ?? null;
  if (firstYear === null || firstYear >= context.referenceYear) {
    return "Première année de déclaration de l'indicateur : justificatif requis";
  }
  return 'Valeur déclarée manuellement (non pré-remplie) : justificatif requis';
}

/** Why a new piece is needed, in the agent's words. */
function whyRequired(
  value: RecordedValue,
  professional: ProfessionalData,
  context: JustificatifContext,
  family: string,
) {
  const pieces = piecesOfFamily(context, family);
  const validatedThisCampaign = pieces.filter(
    (piece) => piece.status === 'VALIDATED' && piece.campaignYear === context.referenceYear,
  );
  const noneVouches = !validatedThisCampaign.some((piece) => vouchesFor(piece, value, context.trigger));
  if (validatedThisCampaign.length > 0 && noneVouches) {
    return 'Le justificatif validé pour cette campagne porte sur un autre éditeur ou logiciel que celui déclaré : un nouveau justificatif est requis';
  }
  const earlier = lastEarlierValidated(pieces, context.referenceYear);
  return earlier ? whyEarlierNoLongerCovers(earlier, value, context) : whyFirstPiece(professional, context);
}

/** Where this campaign's pieces stand when none covers the value: a piece awaiting its check wins over a rejection. */
function stateOfThisCampaign(pieces: JustificatifData[], referenceYear: number) {
  const ofCampaign = pieces.filter((piece) => piece.campaignYear === referenceYear);
  if (ofCampaign.some((piece) => piece.status === 'RECEIVED')) return 'RECEIVED' as const;
  if (ofCampaign.some((piece) => piece.status === 'REJECTED')) return 'REJECTED' as const;
  return 'AWAITED' as const;
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
      reason: stillValidReason(cover.justificatif, value),
    };
  }
  const why = whyRequired(value, professional, context, family);
  if (cover) {
    const reason = `${why} ; ${STATE_SENTENCES.VALIDATED}`;
    return { required: true, state: 'VALIDATED', controlAPosteriori: false, validatedBy: cover.justificatif, reason };
  }
  const state = stateOfThisCampaign(piecesOfFamily(context, family), context.referenceYear);
  return {
    required: true,
    state,
    controlAPosteriori: false,
    validatedBy: null,
    reason: `${why} ; ${STATE_SENTENCES[state]}`,
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
