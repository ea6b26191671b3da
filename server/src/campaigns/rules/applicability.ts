/**
 * Which indicators of a campaign concern a professional: by profession, by specialty (médecins),
 * and which parts of a criterion the specialty is exempted from (LAP without a software offer).
 */
import type { ExemptionSubject, IndicatorDefinition, ReferentielFile } from '../referentiel/referentiel.types';
import { lowerFirst, PROFESSION_LABELS } from './format';
import type { ProfessionalData } from './types';

export interface ApplicabilityResult {
  indicator: IndicatorDefinition;
  applicable: boolean;
  /** True when the professional answers it; COMPUTED indicators are measured by the Assurance Maladie. */
  toDeclare: boolean;
  /** Parts of the criterion waived for this professional's specialty. */
  waived: ExemptionSubject[];
  reason: string;
}

export interface CampaignApplicability {
  applicable: ApplicabilityResult[];
  notApplicable: ApplicabilityResult[];
}

type CampaignScope = Pick<ReferentielFile['campaign'], 'label' | 'professions'>;

function notApplicable(indicator: IndicatorDefinition, reason: string): ApplicabilityResult {
  return { indicator, applicable: false, toDeclare: false, waived: [], reason };
}

function professionList(indicator: IndicatorDefinition): string {
  return (indicator.professions ?? []).map((profession) => lowerFirst(PROFESSION_LABELS[profession])).join(', ');
}

/**
 * What an exemption list names the professional by: the specialty code (TRE_R01, from the Annuaire
 * Santé), or the specialty label when the professional has no code.
 */
export function exemptionKey(professional: Pick<ProfessionalData, 'specialty' | 'specialtyCode'>): string | null {
  const code = professional.specialtyCode?.trim();
  if (code) return code.toUpperCase();
  const label = professional.specialty?.trim();
  return label ? label : null;
}

/**
 * Exemptions whose specialty list names the professional's specialty. The list holds Annuaire Santé
 * specialty codes (SM02…): the professional's code decides, case aside; only a professional without a code
 * (not imported from the Annuaire Santé) is matched on the specialty label, case and accents aside.
 */
function exemptionsFor(indicator: IndicatorDefinition, professional: ProfessionalData) {
  // Most indicators have none: the specialty is folded only for those that do.
  if (!indicator.exemptions?.length) return [];
  const code = professional.specialtyCode?.trim().toUpperCase() || null;
  const label = professional.specialty?.trim() ? foldLabel(professional.specialty) : null;
  if (code === null && label === null) return [];
  return (indicator.exemptions ?? []).filter((exemption) =>
    exemption.specialties.some((entry) =>
      code !== null ? entry.trim().toUpperCase() === code : foldLabel(entry) === label,
    ),
  );
}

const foldLabel = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();

export function indicatorApplicability(
  campaign: CampaignScope,
  indicator: IndicatorDefinition,
  professional: ProfessionalData,
): ApplicabilityResult {
  const profession = PROFESSION_LABELS[professional.profession];
  if (!campaign.professions.includes(professional.profession)) {
    return notApplicable(indicator, `La campagne « ${campaign.label} » ne concerne pas la profession ${profession}`);
  }
  if (indicator.professions && !indicator.professions.includes(professional.profession)) {
    return notApplicable(
      indicator,
      `Indicateur non applicable à la profession ${profession} (réservé à : ${professionList(indicator)})`,
    );
  }
  if (indicator.specialties && !indicator.specialties.includes(professional.specialty ?? '')) {
    const specialty = professional.specialty ?? 'aucune spécialité';
    return notApplicable(
      indicator,
      `Indicateur non applicable à la spécialité « ${specialty} » (réservé à : ${indicator.specialties.join(', ')})`,
    );
  }

  const exemptions = exemptionsFor(indicator, professional);
  const toDeclare = indicator.kind !== 'COMPUTED';
  const base = toDeclare ? 'Indicateur à déclarer' : "Indicateur calculé par l'Assurance Maladie";
  const exemptionNotes = exemptions.map((exemption) => exemption.reason);
  return {
    indicator,
    applicable: true,
    toDeclare,
    waived: exemptions.map((exemption) => exemption.what),
    reason: [base, ...exemptionNotes].join(' ; '),
  };
}

/** Splits a campaign's indicators, in display order, into those the professional has and the others. */
export function campaignApplicability(
  referentiel: Pick<ReferentielFile, 'campaign' | 'indicators'>,
  professional: ProfessionalData,
): CampaignApplicability {
  const results = [...referentiel.indicators]
    .sort((a, b) => a.displayOrder - b.displayOrder)
    .map((indicator) => indicatorApplicability(referentiel.campaign, indicator, professional));
  return {
    applicable: results.filter((result) => result.applicable),
    notApplicable: results.filter((result) => !result.applicable),
  };
}
