/**
 * Loads, for a batch of declarations, the plain data the rules need, in a fixed number of queries
 * whatever the batch size. Serves the per-request loader (reads) and recomputation (writes).
 */
import { In, type EntityManager } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity';
import { Indicator } from '../campaigns/indicator.entity';
import type { RecordedValue } from '../campaigns/rules/types';
import { Justificatif } from '../justificatifs/justificatif.entity';
import { Professional } from '../professionals/professional.entity';
import { Declaration, IndicatorValue } from './declaration.entity';
import type { EvaluationInput } from './evaluation';

export interface LoadedDeclaration {
  declaration: Declaration;
  campaign: Campaign;
  indicators: Indicator[];
  values: IndicatorValue[];
  input: EvaluationInput;
}

export function campaignData(campaign: Campaign): EvaluationInput['campaign'] {
  return {
    label: campaign.label,
    referenceYear: campaign.referenceYear,
    status: campaign.status,
    professions: campaign.professions,
    conventions: campaign.conventions,
    settings: campaign.settings,
    remuneration: campaign.remuneration,
  };
}

export async function loadEvaluationInputs(
  em: EntityManager,
  declarationIds: readonly number[],
): Promise<Map<number, LoadedDeclaration>> {
  const result = new Map<number, LoadedDeclaration>();
  if (declarationIds.length === 0) return result;
  const declarations = await em.getRepository(Declaration).findBy({ id: In([...declarationIds]) });
  if (declarations.length === 0) return result;
  const professionalIds = [...new Set(declarations.map((d) => d.professionalId))];

  const [campaigns, professionals, values, justificatifs, allDeclarations] = await Promise.all([
    em.getRepository(Campaign).find(),
    em.getRepository(Professional).findBy({ id: In(professionalIds) }),
    em.getRepository(IndicatorValue).find({ where: { declarationId: In([...declarationIds]) }, order: { id: 'ASC' } }),
    em.getRepository(Justificatif).find({ where: { professionalId: In(professionalIds) }, order: { id: 'ASC' } }),
    em.getRepository(Declaration).find({
      where: { professionalId: In(professionalIds), status: 'TRANSMITTED' },
      select: { id: true, professionalId: true, campaignId: true },
    }),
  ]);
  const campaignById = new Map(campaigns.map((c) => [c.id, c]));
  const neededCampaigns = new Set([...declarations.map((d) => d.campaignId), ...justificatifs.map((j) => j.campaignId)]);
  const indicators = await em
    .getRepository(Indicator)
    .find({ where: { campaignId: In([...neededCampaigns]) }, order: { displayOrder: 'ASC' } });
  const indicatorById = new Map(indicators.map((i) => [i.id, i]));
  const professionalById = new Map(professionals.map((p) => [p.id, p]));

  for (const declaration of declarations) {
    const campaign = campaignById.get(declaration.campaignId);
    const professional = professionalById.get(declaration.professionalId);
    if (!campaign || !professional) continue;
    const campaignIndicators = indicators.filter((i) => i.campaignId === campaign.id);
    const declarationValues = values.filter((v) => v.declarationId === declaration.id);
    const valueByCode: Record<string, RecordedValue | null> = {};
    for (const row of declarationValues) {
      const indicator = indicatorById.get(row.indicatorId);
      if (indicator && row.value && row.source) valueByCode[indicator.code] = { data: row.value, source: row.source };
    }
    const earlierDeclarationYears = allDeclarations
      .filter((d) => d.professionalId === professional.id)
      .map((d) => campaignById.get(d.campaignId))
      .filter((c): c is Campaign => !!c && c.scheme === campaign.scheme && c.referenceYear < campaign.referenceYear)
      .map((c) => c.referenceYear);

    result.set(declaration.id, {
      declaration,
      campaign,
      indicators: campaignIndicators,
      values: declarationValues,
      input: {
        campaign: campaignData(campaign),
        indicators: campaignIndicators.map((i) => i.definition),
        professional: {
          profession: professional.profession,
          specialty: professional.specialty,
          installationYear: professional.installationDate ? Number(professional.installationDate.slice(0, 4)) : null,
        },
        values: valueByCode,
        justificatifs: justificatifs
          .filter((j) => j.professionalId === professional.id)
          .map((j) => {
            const jCampaign = campaignById.get(j.campaignId);
            return {
              campaignYear: jCampaign?.referenceYear ?? 0,
              conventionId: jCampaign?.conventions[professional.profession] ?? null,
              family: j.family,
              status: j.status,
              publisherId: j.declaredPublisherId,
              softwareId: j.declaredSoftwareId,
              indicatorCode: indicatorById.get(j.indicatorId)?.code ?? '',
            };
          }),
        earlierDeclarationYears,
      },
    });
  }
  return result;
}
