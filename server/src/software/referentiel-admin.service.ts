/**
 * Référentiel administration (national ADMIN): the software catalogue (read by every agent) and its
 * edits. Each edit is one transaction: conditional update on the revision, history row, re-evaluation
 * of the open campaigns' declarations it affects, audit last. A computed campaign keeps its frozen
 * snapshot. The LAP exemption list is in lap-exemptions.service.ts, the edit history in
 * referentiel-history.service.ts.
 */
import { Brackets, In, type EntityManager } from 'typeorm';
import { Agent } from '../agents/agent.entity';
import { Permission, requireNational, requirePermission } from '../agents/authorization';
import type { AuditDetails } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { Campaign } from '../campaigns/campaign.entity';
import { Indicator } from '../campaigns/indicator.entity';
import { badInput } from '../common/errors';
import { decodeCursor, pageSize, toPage } from '../common/pagination';
import { bulkUpdateById, chunks } from '../db/bulk';
import { IndicatorValue } from '../declarations/declaration.entity';
import { recomputeDeclarations } from '../declarations/recompute-batch';
import type { RequestContext } from '../common/request-context';
import { checkSoftwareInput, reevaluationSummary, type ReferentielRefusal } from './referentiel-edit';
import { softwareValue } from './software-value';
import { ReferentielChange, Software, SoftwarePublisher } from './software.entity';
import type { SoftwareInputType, SoftwareNode, SoftwareSavedNode } from './software.types';
import { softwareNode } from './software.nodes';

type Refused = ReferentielRefusal;

async function nodesOf(em: EntityManager, rows: Software[]): Promise<SoftwareNode[]> {
  const publisherIds = [...new Set(rows.map((r) => r.publisherId))];
  const agentIds = [...new Set(rows.map((r) => r.updatedByAgentId).filter((id): id is number => id !== null))];
  const [publishers, agents] = await Promise.all([
    publisherIds.length ? em.getRepository(SoftwarePublisher).findBy({ id: In(publisherIds) }) : [],
    agentIds.length ? em.getRepository(Agent).findBy({ id: In(agentIds) }) : [],
  ]);
  const publisherById = new Map(publishers.map((p) => [p.id, p]));
  const names = new Map(agents.map((a) => [a.id, a.displayName]));
  return rows.map((r) =>
    softwareNode(
      r,
      publisherById.get(r.publisherId)!,
      r.updatedByAgentId ? (names.get(r.updatedByAgentId) ?? null) : null,
    ),
  );
}

/** The catalogue, filtered on software or publisher name, keyset over the id. */
export async function softwareCatalogue(
  ctx: RequestContext,
  search: string | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
) {
  requirePermission(ctx.agent, Permission.READ_PROFESSIONALS);
  const limit = pageSize(first);
  const cursor = decodeCursor(after, ['number'] as const);
  const term = (search ?? '').trim();
  if (term.length > 100) throw badInput('Recherche trop longue (100 caractères au plus).', 'search');
  const where = ctx.db
    .getRepository(Software)
    .createQueryBuilder('s')
    .innerJoin(SoftwarePublisher, 'p', 'p.id = s.publisherId');
  if (term) {
    // '!' escapes the wildcards: the one escape character both dialects read alike.
    const like = `%${term.replace(/[!%_]/g, (c) => `!${c}`)}%`;
    where.andWhere(
      new Brackets((qb) =>
        qb
          .where("LOWER(s.name) LIKE LOWER(:like) ESCAPE '!'", { like })
          .orWhere("LOWER(p.name) LIKE LOWER(:like) ESCAPE '!'"),
      ),
    );
  }
  const totalCount = await where.clone().getCount();
  const page = where.clone().orderBy('s.id', 'ASC');
  if (cursor) page.andWhere('s.id > :afterId', { afterId: cursor[0] });
  const rows = await page.take(limit + 1).getMany();
  const nodes = await nodesOf(ctx.db.manager, rows);
  return { ...toPage(nodes, limit, (n) => [Number(n.id)]), totalCount };
}

/** Declarations of campaigns still open to change (not computed, no computation started). */
async function openCampaignIds(em: EntityManager): Promise<number[]> {
  const campaigns = await em.getRepository(Campaign).find({ where: { status: In(['OPEN', 'CLOSED']) } });
  return campaigns.filter((c) => c.computeRunId === null).map((c) => c.id);
}

/** Refreshes the copies of the entry held by open campaigns' values, then re-evaluates their declarations. */
async function reevaluateSoftware(
  em: EntityManager,
  software: Software,
  publisher: SoftwarePublisher,
): Promise<number> {
  const campaignIds = await openCampaignIds(em);
  if (campaignIds.length === 0) return 0;
  const indicators = await em
    .getRepository(Indicator)
    .find({ where: { campaignId: In(campaignIds), valueType: 'SOFTWARE' }, select: { id: true } });
  if (indicators.length === 0) return 0;
  // The value is stored as JSON text in both dialects; the LIKE narrows the rows, the parse decides.
  const rows = await em
    .getRepository(IndicatorValue)
    .createQueryBuilder('v')
    .where('v.campaignId IN (:...campaignIds) AND v.indicatorId IN (:...indicatorIds)', {
      campaignIds,
      indicatorIds: indicators.map((i) => i.id),
    })
    .andWhere('v.value LIKE :pattern', { pattern: `%"softwareId":${software.id},%` })
    .getMany();
  const fresh = softwareValue({ software, publisher });
  const affected = rows.filter((r) => r.value?.type === 'SOFTWARE' && r.value.softwareId === software.id);
  for (const slice of chunks(affected, 1_000)) {
    await bulkUpdateById(
      em,
      IndicatorValue,
      slice.map((r) => ({ id: r.id, value: fresh })),
      ['value'],
    );
  }
  const declarationIds = [...new Set(affected.map((r) => r.declarationId))];
  await recomputeDeclarations(em, declarationIds);
  return declarationIds.length;
}

const snapshotOf = (s: Software, publisherName: string): AuditDetails => ({
  publisher: publisherName,
  name: s.name,
  version: s.version,
  dmpCompatible: s.dmpCompatible,
  dmpCompatibleSince: s.dmpCompatibleSince,
  lapCertified: s.lapCertified,
  messagingType: s.messagingType,
});

export async function upsertSoftware(
  ctx: RequestContext,
  raw: SoftwareInputType,
): Promise<SoftwareSavedNode | Refused> {
  const agent = requireNational(ctx.agent, Permission.MANAGE_REFERENTIEL);
  const checked = checkSoftwareInput({
    ...raw,
    dmpCompatibleSince: raw.dmpCompatibleSince ?? null,
    messagingType: raw.messagingType ?? null,
  });
  if ('refusal' in checked) return checked.refusal;
  const input = checked.value;
  const id = raw.id === null || raw.id === undefined ? null : Number(raw.id);
  if (id !== null && (!Number.isInteger(id) || id < 1))
    return { code: 'UNKNOWN_SOFTWARE', message: 'Logiciel inconnu du catalogue.' };

  return ctx.db.transaction(async (em) => {
    const softwareRepo = em.getRepository(Software);
    const publishers = em.getRepository(SoftwarePublisher);
    const now = new Date();
    let before: AuditDetails | null = null;
    let softwareId: number;
    let publisher: SoftwarePublisher;
    if (id === null) {
      publisher =
        (await publishers.findOneBy({ name: input.publisherName })) ??
        (await publishers.save(publishers.create({ name: input.publisherName })));
      if (await softwareRepo.existsBy({ publisherId: publisher.id, name: input.name, version: input.version })) {
        return {
          code: 'DUPLICATE_SOFTWARE' as const,
          message: `${input.name} ${input.version} (${input.publisherName}) est déjà au catalogue : modifiez l'entrée existante.`,
        };
      }
      const inserted = await softwareRepo.insert({
        publisherId: publisher.id,
        name: input.name,
        version: input.version,
        dmpCompatible: input.dmpCompatible,
        dmpCompatibleSince: input.dmpCompatibleSince,
        lapCertified: input.lapCertified,
        messagingType: input.messagingType,
        revision: 1,
        updatedByAgentId: agent.id,
        updatedAt: now,
      });
      softwareId = Number(inserted.identifiers[0]?.id);
    } else {
      const current = await softwareRepo.findOneBy({ id });
      if (!current) return { code: 'UNKNOWN_SOFTWARE' as const, message: 'Logiciel inconnu du catalogue.' };
      publisher = await publishers.findOneByOrFail({ id: current.publisherId });
      if (publisher.name !== input.publisherName || current.name !== input.name || current.version !== input.version) {
        return {
          code: 'IDENTITY_IS_FIXED' as const,
          message:
            "L'éditeur, le nom et la version d'une entrée ne changent pas : ajoutez une nouvelle version (les déclarations et justificatifs y font référence).",
        };
      }
      if (!Number.isInteger(raw.expectedRevision)) {
        return { code: 'INVALID_INPUT' as const, message: 'La révision lue est obligatoire pour modifier une entrée.' };
      }
      before = snapshotOf(current, publisher.name);
      const update = await em
        .createQueryBuilder()
        .update(Software)
        .set({
          dmpCompatible: input.dmpCompatible,
          dmpCompatibleSince: input.dmpCompatibleSince,
          lapCertified: input.lapCertified,
          messagingType: input.messagingType,
          revision: () => 'revision + 1',
          updatedByAgentId: agent.id,
          updatedAt: now,
        })
        .where('id = :id AND revision = :revision', { id, revision: raw.expectedRevision })
        .execute();
      if (!update.affected) {
        return {
          code: 'STALE_VERSION' as const,
          message: `L'entrée a été modifiée depuis votre lecture (révision ${current.revision}) : rechargez-la.`,
        };
      }
      softwareId = id;
    }
    const software = await softwareRepo.findOneByOrFail({ id: softwareId });
    const after = snapshotOf(software, publisher.name);
    const reevaluated = before === null ? 0 : await reevaluateSoftware(em, software, publisher);
    await em.getRepository(ReferentielChange).insert({
      kind: 'SOFTWARE',
      targetId: String(software.id),
      revision: software.revision,
      agentId: agent.id,
      at: now,
      before,
      after,
      reevaluated,
    });
    await recordAudit(em, {
      agentId: agent.id,
      action: before === null ? 'SOFTWARE_ADDED' : 'SOFTWARE_UPDATED',
      targetType: 'SOFTWARE',
      targetId: software.id,
      caisseCode: agent.caisseCode,
      details: { ...after, revision: software.revision, reevaluated },
    });
    const [node] = await nodesOf(em, [software]);
    return { software: node!, reevaluated, summary: reevaluationSummary(reevaluated) };
  });
}

/** One catalogue entry as it is now (the review screen shows it beside the declared copy), or null. */
export async function softwareEntry(ctx: RequestContext, id: string): Promise<SoftwareNode | null> {
  requirePermission(ctx.agent, Permission.READ_PROFESSIONALS);
  const n = Number(id);
  if (!Number.isInteger(n) || n < 1) return null;
  const row = await ctx.db.getRepository(Software).findOneBy({ id: n });
  if (!row) return null;
  const [node] = await nodesOf(ctx.db.manager, [row]);
  return node ?? null;
}
