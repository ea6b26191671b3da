/**
 * Loads, for a batch of declarations, the plain data the rules need, in a fixed number of queries
 * whatever the batch size. Serves the per-request loader (reads) and recomputation (writes).
 */
import { In, type EntityManager } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity';
import { Indicator } from '../campaigns/indicator.entity';
import type { RecordedValue } from '../campaigns/rules/types';
import { findWhereIn } from '../db/find-by-key';
import { ControlItem } from '../controls/control.entity';
import { Justificatif } from '../justificatifs/justificatif.entity';
import { Professional } from '../professionals/professional.entity';
import { SoftwarePublisher } from '../software/software.entity';
import { Declaration, IndicatorValue } from './declaration.entity';
import type { EvaluationInput, EvaluationResult } from './evaluation';

export interface LoadedDeclaration {
  declaration: Declaration;
  campaign: Campaign;
  indicators: Indicator[];
  values: IndicatorValue[];
  input: EvaluationInput;
}

/** A declaration with the rules' verdict on it: what reads show and what recomputation stores. */
export interface EvaluatedDeclaration {
  loaded: LoadedDeclaration;
  evaluation: EvaluationResult;
}

/** The référentiel of a campaign as the rules read it, rebuilt from its stored columns. */
export function referentielOf(campaign: Campaign, indicators: Indicator[]): EvaluationInput['referentiel'] {
  return {
    campaign: {
      referenceYear: campaign.referenceYear,
      scheme: campaign.scheme,
      label: campaign.label,
      professions: campaign.professions,
      window: { opensOn: campaign.opensOn, plannedClosesOn: campaign.plannedClosesOn, closesOn: campaign.closesOn },
      paymentDate: campaign.paymentDate,
      paymentPeriodLabel: campaign.paymentPeriodLabel,
      conventions: campaign.conventions,
      sources: campaign.sources,
    },
    settings: campaign.settings,
    remuneration: campaign.remuneration,
    indicators: indicators.map((i) => i.definition),
  };
}

/** Where the rows come from: the database in a transaction (writes), or the request's DataLoaders (reads). */
export interface EvaluationRowSource {
  declarations(ids: readonly number[]): Promise<Declaration[]>;
  campaigns(): Promise<Campaign[]>;
  professionals(ids: number[]): Promise<Professional[]>;
  values(declarationIds: readonly number[]): Promise<IndicatorValue[]>;
  justificatifs(professionalIds: number[]): Promise<Justificatif[]>;
  /** The professionals' declarations of any status (only TRANSMITTED ones are used). */
  declarationsOf(
    professionalIds: number[],
  ): Promise<Pick<Declaration, 'id' | 'professionalId' | 'campaignId' | 'status'>[]>;
  indicators(campaignIds: number[]): Promise<Indicator[]>;
  /** The professionals' controlled indicators (contrôle a posteriori), of every campaign. */
  controlItems(professionalIds: number[]): Promise<ControlItem[]>;
  /** Publishers named by the justificatifs (a change of publisher names both). */
  publishers(ids: number[]): Promise<SoftwarePublisher[]>;
}

/** The Paris calendar day of an instant, YYYY-MM-DD: the day a decision reads as. */
const PARIS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
export function parisDay(instant: Date): string {
  return PARIS_DAY.format(instant);
}

/**
 * Straight from the database, in a fixed number of queries (recomputation inside a transaction). The
 * large reads go through findWhereIn: an import batch hydrates tens of thousands of rows, and TypeORM's
 * query builder and result transformer cost more CPU than the reads themselves.
 */
export function databaseRows(em: EntityManager): EvaluationRowSource {
  return {
    declarations: (ids) => findWhereIn(em, Declaration, 'id', ids),
    campaigns: () => em.getRepository(Campaign).find(),
    professionals: (ids) => findWhereIn(em, Professional, 'id', ids),
    // No ORDER BY: rows are matched by key, and sorting thousands of them cost more than the read.
    values: (ids) => findWhereIn(em, IndicatorValue, 'declarationId', ids),
    justificatifs: (ids) => findWhereIn(em, Justificatif, 'professionalId', ids),
    declarationsOf: (ids) =>
      em.getRepository(Declaration).find({
        where: { professionalId: In(ids), status: 'TRANSMITTED' },
        select: { id: true, professionalId: true, campaignId: true, status: true },
      }),
    indicators: (ids) =>
      em.getRepository(Indicator).find({ where: { campaignId: In(ids) }, order: { displayOrder: 'ASC' } }),
    controlItems: (ids) => findWhereIn(em, ControlItem, 'professionalId', ids),
    publishers: (ids) => findWhereIn(em, SoftwarePublisher, 'id', ids),
  };
}

export function loadEvaluationInputs(
  em: EntityManager,
  declarationIds: readonly number[],
): Promise<Map<number, LoadedDeclaration>> {
  return assembleEvaluationInputs(databaseRows(em), declarationIds);
}

export async function assembleEvaluationInputs(
  source: EvaluationRowSource,
  declarationIds: readonly number[],
): Promise<Map<number, LoadedDeclaration>> {
  const result = new Map<number, LoadedDeclaration>();
  if (declarationIds.length === 0) return result;
  const declarations = await source.declarations(declarationIds);
  if (declarations.length === 0) return result;
  const professionalIds = [...new Set(declarations.map((d) => d.professionalId))];

  const [campaigns, professionals, values, unorderedJustificatifs, professionalsDeclarations, controlItems] =
    await Promise.all([
      source.campaigns(),
      source.professionals(professionalIds),
      source.values(declarations.map((d) => d.id)),
      source.justificatifs(professionalIds),
      source.declarationsOf(professionalIds),
      source.controlItems(professionalIds),
    ]);
  // The rules read a professional's justificatifs in the order they were recorded, whatever the source's order.
  const justificatifs = [...unorderedJustificatifs].sort((a, b) => a.id - b.id);
  const allDeclarations = professionalsDeclarations.filter((d) => d.status === 'TRANSMITTED');
  const campaignById = new Map(campaigns.map((c) => [c.id, c]));
  const neededCampaigns = new Set([
    ...declarations.map((d) => d.campaignId),
    ...justificatifs.map((j) => j.campaignId),
  ]);
  const publisherIds = [
    ...new Set(justificatifs.map((j) => j.declaredPublisherId).filter((id): id is number => id !== null)),
  ];
  const [indicators, publishers] = await Promise.all([
    source.indicators([...neededCampaigns]),
    publisherIds.length > 0 ? source.publishers(publisherIds) : [],
  ]);
  const publisherNames = new Map(publishers.map((p) => [p.id, p.name]));
  const indicatorById = new Map(indicators.map((i) => [i.id, i]));
  const professionalById = new Map(professionals.map((p) => [p.id, p]));
  // Grouped once, so that the work stays linear in the batch size.
  const indicatorsByCampaign = groupBy(indicators, (i) => i.campaignId);
  const valuesByDeclaration = groupBy(values, (v) => v.declarationId);
  const justificatifsByProfessional = groupBy(justificatifs, (j) => j.professionalId);
  const transmittedByProfessional = groupBy(allDeclarations, (d) => d.professionalId);
  const findingsByProfessional = groupBy(
    controlItems.filter((item) => item.finding !== null),
    (item) => item.professionalId,
  );
  const referentielByCampaign = new Map<number, EvaluationInput['referentiel']>();

  for (const declaration of declarations) {
    const campaign = campaignById.get(declaration.campaignId);
    const professional = professionalById.get(declaration.professionalId);
    if (!campaign || !professional) continue;
    const campaignIndicators = indicatorsByCampaign.get(campaign.id) ?? [];
    let referentiel = referentielByCampaign.get(campaign.id);
    if (!referentiel) {
      referentiel = referentielOf(campaign, campaignIndicators);
      referentielByCampaign.set(campaign.id, referentiel);
    }
    const declarationValues = valuesByDeclaration.get(declaration.id) ?? [];
    const valueByCode: Record<string, RecordedValue | null> = {};
    for (const row of declarationValues) {
      const indicator = indicatorById.get(row.indicatorId);
      if (indicator && row.value && row.source) valueByCode[indicator.code] = { data: row.value, source: row.source };
    }
    // First year the professional declared in this scheme: the first-year rule's reference.
    const earlierYears = (transmittedByProfessional.get(professional.id) ?? [])
      .map((d) => campaignById.get(d.campaignId))
      .filter((c): c is Campaign => !!c && c.scheme === campaign.scheme && c.referenceYear < campaign.referenceYear)
      .map((c) => c.referenceYear);
    const firstYear = earlierYears.length ? Math.min(...earlierYears) : null;
    const families = campaignIndicators.map((i) => i.definition.justificatif.family).filter((f): f is string => !!f);

    result.set(declaration.id, {
      declaration,
      campaign,
      indicators: campaignIndicators,
      values: declarationValues,
      input: {
        referentiel,
        campaignStatus: campaign.status,
        professional: {
          profession: professional.profession,
          specialty: professional.specialty,
          specialtyCode: professional.specialtyCode,
          installationYear: professional.installationDate ? Number(professional.installationDate.slice(0, 4)) : null,
        },
        values: valueByCode,
        justificatifs: (justificatifsByProfessional.get(professional.id) ?? []).map((j) => {
          const jCampaign = campaignById.get(j.campaignId);
          return {
            campaignYear: jCampaign?.referenceYear ?? 0,
            conventionId: jCampaign?.conventions[professional.profession] ?? null,
            family: j.family,
            status: j.status,
            publisherId: j.declaredPublisherId,
            softwareId: j.declaredSoftwareId,
            publisherName: j.declaredPublisherId === null ? null : (publisherNames.get(j.declaredPublisherId) ?? null),
            decidedOn: j.decidedAt ? parisDay(j.decidedAt) : null,
            rejectionReasons: j.status === 'REJECTED' ? (j.rejectionReasons ?? []) : null,
          };
        }),
        firstDeclarationYearByFamily: Object.fromEntries(families.map((f) => [f, firstYear])),
        controlFindings: Object.fromEntries(
          (findingsByProfessional.get(professional.id) ?? [])
            .filter((item) => item.campaignId === campaign.id)
            .map((item) => [item.indicatorCode, item.finding!]),
        ),
      },
    });
  }
  return result;
}

/** Items by key, each group in the items' order. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
