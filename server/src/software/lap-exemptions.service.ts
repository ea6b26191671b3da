/**
 * The forfait structure's LAP exemption list (national ADMIN): the specialties exempted from the LAP part
 * of a campaign's software indicators. An edit is one transaction: conditional update on the campaign's
 * version, the indicators' definitions, re-evaluation of the declarations of the specialties that changed,
 * history row, audit last. A computed campaign keeps its frozen snapshot.
 */
import { Brackets } from 'typeorm';
import { Permission, requireNational } from '../agents/authorization';
import { recordAudit } from '../audit/audit.service';
import { Campaign } from '../campaigns/campaign.entity';
import { findCampaign } from '../campaigns/campaigns.service';
import { Indicator } from '../campaigns/indicator.entity';
import type { Scheme } from '../common/enums';
import type { RequestContext } from '../common/request-context';
import { recomputeDeclarations } from '../declarations/recompute-batch';
import { Professional } from '../professionals/professional.entity';
import {
  changedSpecialties,
  normaliseSpecialties,
  reevaluationSummary,
  type ReferentielRefusal,
} from './referentiel-edit';
import { ReferentielChange } from './software.entity';
import type { LapExemptionsSavedNode } from './software.types';

type Refused = ReferentielRefusal;

const lapSpecialtiesOf = (indicators: Indicator[]): string[] =>
  indicators.flatMap((i) =>
    (i.definition.exemptions ?? []).filter((e) => e.what === 'LAP').flatMap((e) => e.specialties),
  );

export async function lapExemptionsOf(ctx: RequestContext, campaignId: number): Promise<string[]> {
  const indicators = await ctx.loaders.indicatorsByCampaign.load(campaignId);
  return [...new Set(lapSpecialtiesOf(indicators))].sort((a, b) => a.localeCompare(b, 'fr'));
}

/** The specialties exempted from the LAP part of the campaign's software indicators. */
export async function setLapExemptions(
  ctx: RequestContext,
  year: number,
  scheme: Scheme,
  expectedVersion: number,
  specialties: string[],
): Promise<LapExemptionsSavedNode | Refused> {
  const agent = requireNational(ctx.agent, Permission.MANAGE_REFERENTIEL);
  const normalised = normaliseSpecialties(specialties);
  if ('refusal' in normalised) return normalised.refusal;
  const list = normalised.value;

  return ctx.db.transaction(async (em) => {
    const campaign = await findCampaign(em, year, scheme);
    if (campaign.status === 'COMPUTED' || campaign.status === 'PAID' || campaign.computeRunId !== null) {
      return {
        code: 'CAMPAIGN_COMPUTED' as const,
        message: `La campagne ${campaign.label} est calculée : son calcul est figé et ses exonérations ne changent plus.`,
      };
    }
    const indicators = (await em.getRepository(Indicator).findBy({ campaignId: campaign.id })).filter((i) =>
      (i.definition.exemptions ?? []).some((e) => e.what === 'LAP'),
    );
    if (indicators.length === 0) {
      return {
        code: 'NO_LAP_EXEMPTION' as const,
        message: `La campagne ${campaign.label} n'a pas d'indicateur dont le LAP puisse être exonéré.`,
      };
    }
    const update = await em
      .createQueryBuilder()
      .update(Campaign)
      .set({ version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id: campaign.id, version: expectedVersion })
      .andWhere('compute_run_id IS NULL')
      .execute();
    if (!update.affected) {
      return {
        code: 'STALE_VERSION' as const,
        message: `La campagne a changé depuis votre lecture (version ${campaign.version}) : rechargez-la.`,
      };
    }
    const previous = [...new Set(lapSpecialtiesOf(indicators))].sort();
    for (const indicator of indicators) {
      const definition = {
        ...indicator.definition,
        exemptions: (indicator.definition.exemptions ?? []).map((e) =>
          e.what === 'LAP' ? { ...e, specialties: list } : e,
        ),
      };
      await em.getRepository(Indicator).update({ id: indicator.id }, { definition });
    }
    const changed = changedSpecialties(previous, list);
    let declarationIds: number[] = [];
    if (changed.length > 0) {
      const rows = await em
        .createQueryBuilder()
        .select('d.id', 'id')
        .from('declaration', 'd')
        .innerJoin(Professional, 'p', 'p.id = d.professional_id')
        .where('d.campaign_id = :campaignId', { campaignId: campaign.id })
        // As the rules match: on the specialty code, on the label only for professionals without one.
        .andWhere(
          new Brackets((qb) =>
            qb
              .where('UPPER(p.specialty_code) IN (:...codes)', { codes: changed.map((c) => c.toUpperCase()) })
              .orWhere('(p.specialty_code IS NULL AND LOWER(p.specialty) IN (:...labels))', {
                labels: changed.map((c) => c.toLowerCase()),
              }),
          ),
        )
        .getRawMany<{ id: number | string }>();
      declarationIds = rows.map((r) => Number(r.id));
      await recomputeDeclarations(em, declarationIds);
    }
    const now = new Date();
    await em.getRepository(ReferentielChange).insert({
      kind: 'LAP_EXEMPTIONS',
      targetId: String(campaign.id),
      revision: campaign.version + 1,
      agentId: agent.id,
      at: now,
      before: { specialties: previous },
      after: { specialties: list },
      reevaluated: declarationIds.length,
    });
    await recordAudit(em, {
      agentId: agent.id,
      action: 'LAP_EXEMPTIONS_SET',
      targetType: 'CAMPAIGN',
      targetId: campaign.id,
      caisseCode: agent.caisseCode,
      details: { before: previous, after: list, reevaluated: declarationIds.length },
    });
    return {
      specialties: list,
      campaignVersion: campaign.version + 1,
      reevaluated: declarationIds.length,
      summary: reevaluationSummary(declarationIds.length),
    };
  });
}
