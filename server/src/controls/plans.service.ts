/**
 * Control plans: the population of indicators achieved on honour, the preview of a draw (counts per stratum,
 * read in SQL), and the creation of a plan and its cases in one transaction.
 */
import { randomBytes } from 'node:crypto';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { Permission, effectiveCaisses, requirePermission, type AuthenticatedAgent } from '../agents/authorization';
import { recordAudit } from '../audit/audit.service';
import type { Campaign } from '../campaigns/campaign.entity';
import { Indicator } from '../campaigns/indicator.entity';
import { PROFESSIONS, type Profession, type Scheme } from '../common/enums';
import { badInput } from '../common/errors';
import { bulkInsert, chunks } from '../db/bulk';
import { Declaration, IndicatorValue } from '../declarations/declaration.entity';
import { findCampaign } from '../campaigns/campaigns.service';
import type { RequestContext } from '../common/request-context';
import { ControlCase, ControlCaseHistory, ControlItem, ControlPlan } from './control.entity';
import {
  allocateStrata,
  drawSample,
  groupByProfessional,
  unitKey,
  type PopulationUnit,
  type SampleSpec,
  type StratumCount,
} from './draw';

export interface ControlPlanScopeInput {
  campaignYear: number;
  scheme: Scheme;
  caisseCode?: string | null;
  professions?: Profession[] | null;
  indicatorCodes?: string[] | null;
  ratePercent?: number | null;
  size?: number | null;
  seed?: string | null;
  includePrefilled?: boolean | null;
}

export interface CreateControlPlanInput extends ControlPlanScopeInput {
  label: string;
  responseDays?: number | null;
}

export interface PlanPreview {
  kind: 'PREVIEW';
  seed: string;
  populationCount: number;
  excludedCount: number;
  sampleCount: number;
  strata: StratumCount[];
}

export type PlanRefusal = {
  kind: 'REFUSED';
  code: 'CAMPAIGN_NOT_CLOSED' | 'SAMPLE_TOO_LARGE' | 'EMPTY_POPULATION' | 'INVALID_SPEC' | 'CONFLICT';
  message: string;
  populationCount: number;
};

const CONTROLLABLE_STATUSES: readonly Campaign['status'][] = ['CLOSED', 'COMPUTED', 'PAID'];
const MAX_SEED = 100;
const DEFAULT_RESPONSE_DAYS = 30;

interface ResolvedScope {
  campaign: Campaign;
  caisses: string[] | null;
  professions: Profession[];
  indicators: Indicator[];
  spec: SampleSpec;
  seed: string;
  includePrefilled: boolean;
}

export const newSeed = () => randomBytes(6).toString('hex');

/** Checks the input and the campaign; answers a refusal for an expected failure, throws for bad input. */
async function resolveScope(
  em: EntityManager,
  agent: AuthenticatedAgent,
  input: ControlPlanScopeInput,
): Promise<ResolvedScope | PlanRefusal> {
  const campaign = await findCampaign(em, input.campaignYear, input.scheme);
  if (!CONTROLLABLE_STATUSES.includes(campaign.status)) {
    return {
      kind: 'REFUSED',
      code: 'CAMPAIGN_NOT_CLOSED',
      message: `La campagne ${campaign.label} n'est pas close : le contrôle a posteriori porte sur une campagne close, calculée ou payée.`,
      populationCount: 0,
    };
  }
  const hasRate = input.ratePercent !== null && input.ratePercent !== undefined;
  const hasSize = input.size !== null && input.size !== undefined;
  if (hasRate === hasSize) throw badInput('Indiquez soit un taux, soit une taille d’échantillon.', 'ratePercent');
  const spec: SampleSpec = hasRate ? { ratePercent: input.ratePercent! } : { size: input.size! };
  const seed = (input.seed ?? '').trim() || newSeed();
  if (seed.length > MAX_SEED) throw badInput('Graine trop longue (100 caractères au plus).', 'seed');
  const professions = input.professions?.length ? [...new Set(input.professions)] : [...campaign.professions];
  const foreign = professions.filter((p) => !campaign.professions.includes(p) || !PROFESSIONS.includes(p));
  if (foreign.length > 0) {
    throw badInput(`Profession hors de la campagne ${campaign.label} : ${foreign.join(', ')}.`, 'professions');
  }
  const controllable = (await em.getRepository(Indicator).findBy({ campaignId: campaign.id }))
    .filter((i) => i.justificatifPolicy === 'HONOUR_ATTESTATION')
    .sort((a, b) => a.displayOrder - b.displayOrder);
  let indicators = controllable;
  if (input.indicatorCodes?.length) {
    const byCode = new Map(controllable.map((i) => [i.code, i]));
    const unknown = input.indicatorCodes.filter((code) => !byCode.has(code));
    if (unknown.length > 0) {
      throw badInput(
        `Indicateur non contrôlable dans cette campagne (seuls les indicateurs sur attestation sur l'honneur le sont) : ${unknown.join(', ')}.`,
        'indicatorCodes',
      );
    }
    indicators = [...new Set(input.indicatorCodes)].map((code) => byCode.get(code)!);
  }
  return {
    campaign,
    caisses: effectiveCaisses(agent, input.caisseCode),
    professions,
    indicators,
    spec,
    seed,
    includePrefilled: input.includePrefilled ?? false,
  };
}

/** Indicator values achieved on honour in scope, joined to their declaration and to earlier controls. */
function populationQuery(em: EntityManager, scope: ResolvedScope): SelectQueryBuilder<IndicatorValue> {
  const query = em
    .getRepository(IndicatorValue)
    .createQueryBuilder('v')
    .innerJoin(Declaration, 'd', 'd.id = v.declarationId')
    .innerJoin(Indicator, 'i', 'i.id = v.indicatorId')
    .leftJoin(
      ControlItem,
      'ci',
      'ci.campaignId = v.campaignId AND ci.indicatorCode = i.code AND ci.professionalId = v.professionalId',
    )
    .where('v.campaignId = :campaignId', { campaignId: scope.campaign.id })
    .andWhere('v.indicatorId IN (:...indicatorIds)', { indicatorIds: scope.indicators.map((i) => i.id) })
    .andWhere('v.achievement = :achieved', { achieved: 'ACHIEVED' })
    .andWhere('v.source IN (:...sources)', {
      sources: scope.includePrefilled ? ['DECLARED', 'PREFILLED'] : ['DECLARED'],
    })
    .andWhere('d.profession IN (:...professions)', { professions: scope.professions });
  if (scope.caisses) query.andWhere('d.caisseCode IN (:...caisses)', { caisses: scope.caisses });
  return query;
}

async function strataCounts(em: EntityManager, scope: ResolvedScope) {
  if ((scope.caisses && scope.caisses.length === 0) || scope.indicators.length === 0) return [];
  const rows = await populationQuery(em, scope)
    .select('d.profession', 'profession')
    .addSelect('i.code', 'indicatorCode')
    .addSelect('COUNT(*)', 'population')
    .addSelect('COUNT(ci.id)', 'excluded')
    .groupBy('d.profession')
    .addGroupBy('i.code')
    .getRawMany<{
      profession: Profession;
      indicatorCode: string;
      population: string | number;
      excluded: string | number;
    }>();
  return rows.map((r) => ({
    profession: r.profession,
    indicatorCode: r.indicatorCode,
    population: Number(r.population),
    excluded: Number(r.excluded),
  }));
}

async function populationUnits(em: EntityManager, scope: ResolvedScope) {
  if ((scope.caisses && scope.caisses.length === 0) || scope.indicators.length === 0) {
    return { units: [] as PopulationUnit[], excluded: new Set<string>() };
  }
  const rows = await populationQuery(em, scope)
    .select('v.professionalId', 'professionalId')
    .addSelect('d.caisseCode', 'caisseCode')
    .addSelect('d.profession', 'profession')
    .addSelect('i.code', 'indicatorCode')
    .addSelect('ci.id', 'controlItemId')
    .getRawMany<{
      professionalId: number | string;
      caisseCode: string;
      profession: Profession;
      indicatorCode: string;
      controlItemId: number | null;
    }>();
  const excluded = new Set<string>();
  const units = rows.map((r) => {
    const professionalId = Number(r.professionalId);
    if (r.controlItemId !== null) excluded.add(unitKey(professionalId, r.indicatorCode));
    return { professionalId, caisseCode: r.caisseCode, profession: r.profession, indicatorCode: r.indicatorCode };
  });
  return { units, excluded };
}

function refusalOf(result: { reason: string; populationCount: number }, spec: SampleSpec): PlanRefusal {
  const invalid =
    'size' in spec ? !Number.isInteger(spec.size) || spec.size < 1 : !(spec.ratePercent > 0 && spec.ratePercent <= 100);
  const code = invalid ? 'INVALID_SPEC' : result.populationCount === 0 ? 'EMPTY_POPULATION' : 'SAMPLE_TOO_LARGE';
  return { kind: 'REFUSED', code, message: result.reason, populationCount: result.populationCount };
}

/** Counts per stratum and the sample's size, nothing written. */
export async function previewControlPlan(
  ctx: RequestContext,
  input: ControlPlanScopeInput,
): Promise<PlanPreview | PlanRefusal> {
  const agent = requirePermission(ctx.agent, Permission.PLAN_CONTROLS);
  const scope = await resolveScope(ctx.db.manager, agent, input);
  if ('kind' in scope) return scope;
  const allocation = allocateStrata(await strataCounts(ctx.db.manager, scope), scope.spec);
  if (!allocation.ok) return refusalOf(allocation, scope.spec);
  return {
    kind: 'PREVIEW',
    seed: scope.seed,
    populationCount: allocation.populationCount,
    excludedCount: allocation.excludedCount,
    sampleCount: allocation.strata.reduce((sum, s) => sum + s.sampled, 0),
    strata: allocation.strata,
  };
}

const isUniqueViolation = (error: unknown) => {
  const e = error as { code?: string; message?: string };
  return (
    e.code === 'ER_DUP_ENTRY' ||
    e.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/.test(e.message ?? '')
  );
};

/** Draws and writes the plan, its cases, their items and history in one transaction; the audit event last. */
export async function createControlPlan(
  ctx: RequestContext,
  input: CreateControlPlanInput,
): Promise<{ kind: 'CREATED'; plan: ControlPlan } | PlanRefusal> {
  const agent = requirePermission(ctx.agent, Permission.PLAN_CONTROLS);
  const label = (input.label ?? '').trim();
  if (label.length === 0 || label.length > 200)
    throw badInput('Libellé du plan obligatoire (200 caractères au plus).', 'label');
  const responseDays = input.responseDays ?? DEFAULT_RESPONSE_DAYS;
  if (!Number.isInteger(responseDays) || responseDays < 8 || responseDays > 90) {
    throw badInput('Délai de réponse entre 8 et 90 jours.', 'responseDays');
  }
  try {
    return await ctx.db.transaction(async (em) => {
      const scope = await resolveScope(em, agent, input);
      if ('kind' in scope) return scope;
      const { units, excluded } = await populationUnits(em, scope);
      const draw = drawSample({
        population: units,
        seed: scope.seed,
        spec: scope.spec,
        caisses: scope.caisses,
        excluded,
      });
      if (!draw.ok) return refusalOf(draw, scope.spec);
      const cases = groupByProfessional(draw.sample);
      const now = new Date();
      const inserted = await em.getRepository(ControlPlan).insert({
        campaignId: scope.campaign.id,
        caisseCode: scope.caisses?.length === 1 ? scope.caisses[0]! : null,
        label,
        seed: scope.seed,
        ratePercentTimes100: 'ratePercent' in scope.spec ? Math.round(scope.spec.ratePercent * 100) : null,
        size: 'size' in scope.spec ? scope.spec.size : null,
        professions: scope.professions,
        indicatorCodes: scope.indicators.map((i) => i.code),
        includePrefilled: scope.includePrefilled,
        populationCount: draw.populationCount,
        excludedCount: draw.excludedCount,
        strata: draw.strata,
        caseCount: cases.length,
        responseDays,
        createdByAgentId: agent.id,
      });
      const planId = Number(inserted.identifiers[0]?.id);
      for (const slice of chunks(cases, 2_000)) {
        await bulkInsert(
          em,
          ControlCase,
          slice.map(({ unit, indicatorCodes }) => ({
            planId,
            campaignId: scope.campaign.id,
            professionalId: unit.professionalId,
            caisseCode: unit.caisseCode,
            profession: unit.profession,
            indicatorCodes,
            status: 'OPEN' as const,
            openedAt: now,
            version: 1,
          })),
        );
      }
      const ids = await em
        .getRepository(ControlCase)
        .find({ where: { planId }, select: { id: true, professionalId: true }, order: { id: 'ASC' } });
      const caseByProfessional = new Map(ids.map((c) => [c.professionalId, c.id]));
      await bulkInsert(
        em,
        ControlItem,
        draw.sample.map((unit) => ({
          caseId: caseByProfessional.get(unit.professionalId)!,
          campaignId: scope.campaign.id,
          professionalId: unit.professionalId,
          indicatorCode: unit.indicatorCode,
          finding: null,
        })),
      );
      await bulkInsert(
        em,
        ControlCaseHistory,
        ids.map((c) => ({
          caseId: c.id,
          action: 'OPENED' as const,
          fromStatus: null,
          toStatus: 'OPEN' as const,
          agentId: agent.id,
          at: now,
          details: { planId },
        })),
      );
      await recordAudit(em, {
        agentId: agent.id,
        action: 'CONTROL_PLAN_CREATED',
        targetType: 'CONTROL_PLAN',
        targetId: planId,
        caisseCode: scope.caisses?.length === 1 ? scope.caisses[0]! : null,
        details: {
          campaignId: scope.campaign.id,
          seed: scope.seed,
          populationCount: draw.populationCount,
          caseCount: cases.length,
          ratePercent: 'ratePercent' in scope.spec ? scope.spec.ratePercent : null,
          size: 'size' in scope.spec ? scope.spec.size : null,
        },
      });
      return { kind: 'CREATED' as const, plan: await em.getRepository(ControlPlan).findOneByOrFail({ id: planId }) };
    });
  } catch (error) {
    // Two plans drawn at once over the same units: the unique key of control items lets only one commit.
    if (isUniqueViolation(error)) {
      return {
        kind: 'REFUSED',
        code: 'CONFLICT',
        message: 'Un autre plan vient de tirer une partie de cette population : relancez l’aperçu.',
        populationCount: 0,
      };
    }
    throw error;
  }
}

/**
 * Plans of a campaign the agent may see: those of their caisse (a national plan's counts span caisses,
 * so only national agents list it; its cases still reach each caisse's queue).
 */
export async function controlPlans(ctx: RequestContext, campaignYear: number, scheme: Scheme): Promise<ControlPlan[]> {
  const agent = requirePermission(ctx.agent, Permission.READ_CONTROLS);
  const campaign = await findCampaign(ctx.db.manager, campaignYear, scheme);
  const query = ctx.db
    .getRepository(ControlPlan)
    .createQueryBuilder('p')
    .where('p.campaignId = :campaignId', { campaignId: campaign.id })
    .orderBy('p.id', 'DESC')
    .take(200);
  if (!agent.nationalScope)
    query.andWhere('(p.caisseCode IS NULL OR p.caisseCode = :caisse)', { caisse: agent.caisseCode });
  return query.getMany();
}
