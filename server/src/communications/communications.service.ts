/**
 * Reading communications: one message (scoped to the agent's caisse), the professional's history of
 * exchanges, waves with their progress and effect; and re-sending a message as a new outbox row.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { Permission, caisseScope, requirePermission, assertInScope } from '../agents/authorization';
import { recordAudit } from '../audit/audit.service';
import { Campaign } from '../campaigns/campaign.entity';
import type { RejectionReason, Scheme } from '../common/enums';
import { AppError, ErrorCode, notFound } from '../common/errors';
import { parseId } from '../common/ids';
import { Declaration } from '../declarations/declaration.entity';
import { findCampaign } from '../campaigns/campaigns.service';
import type { RequestContext } from '../common/request-context';
import { Justificatif } from '../justificatifs/justificatif.entity';
import { Professional } from '../professionals/professional.entity';
import { Communication, RelanceWave } from './communication.entity';
import { composeNotice } from './notices';
import { UNKNOWN_ADDRESS, chooseChannel, enqueueMessage, postalBlock } from './outbox';
import { shippedTemplates } from './templates';

const DAY_MS = 86_400_000;

export async function getCommunication(ctx: RequestContext, rawId: string): Promise<Communication> {
  const agent = requirePermission(ctx.agent, Permission.READ_PROFESSIONALS);
  const id = parseId(rawId, 'Communication');
  return assertInScope(agent, await ctx.db.getRepository(Communication).findOneBy({ id }), 'Communication');
}

/** Queues the same message again (current address of the professional); the original stays as it was. */
export async function resendCommunication(ctx: RequestContext, rawId: string): Promise<Communication> {
  const agent = requirePermission(ctx.agent, Permission.SEND_COMMUNICATIONS);
  const original = await getCommunication(ctx, rawId);
  if (original.status === 'QUEUED' || original.status === 'SENDING') {
    throw new AppError(ErrorCode.CONFLICT, 'Ce message est encore en cours d’envoi : rien n’a été renvoyé.');
  }
  return ctx.db.transaction(async (em) => {
    const professional = await em.getRepository(Professional).findOneByOrFail({ id: original.professionalId });
    const id = await enqueueMessage(em, {
      professional,
      campaignId: original.campaignId,
      kind: original.kind,
      subject: original.subject,
      body: original.body,
      letterhead: original.letterhead,
      justificatifId: original.justificatifId,
      createdByAgentId: agent.id,
      preferLetter: original.channel === 'LETTER',
    });
    await recordAudit(em, {
      agentId: agent.id,
      action: 'COMMUNICATION_RESENT',
      targetType: 'COMMUNICATION',
      targetId: id,
      caisseCode: original.caisseCode,
      professionalId: original.professionalId,
      details: { originalId: original.id },
    });
    return em.getRepository(Communication).findOneByOrFail({ id });
  });
}

// ---------------------------------------------------------------------------------------------
// Waves

function visibleWave(ctx: RequestContext, wave: RelanceWave | null): RelanceWave {
  const agent = requirePermission(ctx.agent, Permission.READ_DASHBOARDS);
  const scope = caisseScope(agent);
  if (!wave || (scope && !wave.caisseCodes.some((c) => scope.includes(c)))) throw notFound('Vague de relance');
  return wave;
}

export async function relanceWave(ctx: RequestContext, rawId: string): Promise<RelanceWave> {
  const id = parseId(rawId, 'RelanceWave');
  return visibleWave(ctx, await ctx.db.getRepository(RelanceWave).findOneBy({ id }));
}

export async function relanceWaves(ctx: RequestContext, year: number, scheme: Scheme): Promise<RelanceWave[]> {
  const agent = requirePermission(ctx.agent, Permission.READ_DASHBOARDS);
  const campaign = await findCampaign(ctx.db.manager, year, scheme);
  const waves = await ctx.db
    .getRepository(RelanceWave)
    .find({ where: { campaignId: campaign.id }, order: { launchedAt: 'DESC', id: 'DESC' }, take: 200 });
  const scope = caisseScope(agent);
  return waves.filter((w) => !scope || w.caisseCodes.some((c) => scope.includes(c)));
}

export interface WaveStats {
  queued: number;
  sent: number;
  failed: number;
  /** Professionals who sent a piece / transmitted after the wave. */
  responded: number;
  medianDelayDays: number | null;
}

/** Counts of one wave's messages in the agent's scope, and its effect. */
export async function waveStats(
  db: DataSource | EntityManager,
  wave: Pick<RelanceWave, 'id' | 'situation' | 'campaignId' | 'caisseCodes' | 'launchedAt'>,
  caisses: string[] | null,
): Promise<WaveStats> {
  const manager = 'manager' in db ? db.manager : db;
  const scoped = caisses ? wave.caisseCodes.filter((c) => caisses.includes(c)) : wave.caisseCodes;
  if (scoped.length === 0) return { queued: 0, sent: 0, failed: 0, responded: 0, medianDelayDays: null };
  const byStatus = await manager
    .getRepository(Communication)
    .createQueryBuilder('c')
    .select('c.status', 'status')
    .addSelect('COUNT(*)', 'n')
    .where('c.waveId = :id', { id: wave.id })
    .andWhere('c.caisseCode IN (:...scoped)', { scoped })
    .groupBy('c.status')
    .getRawMany<{ status: string; n: string | number }>();
  const count = (status: string) => Number(byStatus.find((r) => r.status === status)?.n ?? 0);
  const responses =
    wave.situation === 'DECLARATION_NON_TRANSMISE'
      ? await manager
          .getRepository(Declaration)
          .createQueryBuilder('d')
          .innerJoin(Communication, 'c', 'c.professionalId = d.professionalId AND c.waveId = :id', { id: wave.id })
          .select('d.firstTransmittedAt', 'at')
          .where('d.campaignId = :campaignId', { campaignId: wave.campaignId })
          .andWhere('c.caisseCode IN (:...scoped)', { scoped })
          .andWhere('d.firstTransmittedAt > :launched', { launched: wave.launchedAt })
          .getRawMany<{ at: string | Date }>()
      : await manager
          .getRepository(Justificatif)
          .createQueryBuilder('j')
          .innerJoin(Communication, 'c', 'c.professionalId = j.professionalId AND c.waveId = :id', { id: wave.id })
          .select('MIN(j.receivedAt)', 'at')
          .where('j.campaignId = :campaignId', { campaignId: wave.campaignId })
          .andWhere('c.caisseCode IN (:...scoped)', { scoped })
          .andWhere('j.receivedAt > :launched', { launched: wave.launchedAt })
          .groupBy('j.professionalId')
          .getRawMany<{ at: string | Date }>();
  const delays = responses
    .map(
      (r) =>
        (new Date(typeof r.at === 'string' && !r.at.endsWith('Z') ? `${r.at.replace(' ', 'T')}Z` : r.at).getTime() -
          wave.launchedAt.getTime()) /
        DAY_MS,
    )
    .sort((a, b) => a - b);
  const median = delays.length === 0 ? null : delays[Math.floor((delays.length - 1) / 2)]!;
  return {
    queued: count('QUEUED') + count('SENDING'),
    sent: count('SENT'),
    failed: count('FAILED'),
    responded: delays.length,
    medianDelayDays: median === null ? null : Math.round(median * 10) / 10,
  };
}

/** A wave's messages of one channel in the agent's scope, by id (letters PDF, addresses CSV). */
/** The wave's letters to print (sent or queued, not FAILED), in the agent's caisse scope. */
function waveLetters(ctx: RequestContext, wave: RelanceWave) {
  const scope = caisseScope(ctx.agent!) ?? wave.caisseCodes;
  return ctx.db
    .getRepository(Communication)
    .createQueryBuilder('c')
    .where('c.waveId = :id', { id: wave.id })
    .andWhere('c.caisseCode IN (:...scope)', { scope })
    .andWhere('c.channel = :channel AND c.status <> :failed', { channel: 'LETTER', failed: 'FAILED' });
}

export function countWaveLetters(ctx: RequestContext, wave: RelanceWave): Promise<number> {
  return waveLetters(ctx, wave).getCount();
}

/**
 * The same letters in pages of `pageSize`, by id (keyset: each page starts after the last id read), so
 * that a download of tens of thousands of letters never holds more than one page of rows.
 */
export async function* waveLetterPages(
  ctx: RequestContext,
  wave: RelanceWave,
  pageSize = 500,
): AsyncGenerator<Communication[]> {
  let after = 0;
  for (;;) {
    const page = await waveLetters(ctx, wave)
      .andWhere('c.id > :after', { after })
      .orderBy('c.id', 'ASC')
      .limit(pageSize)
      .getMany();
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.id;
  }
}

export async function campaignOf(em: EntityManager, id: number) {
  return em.getRepository(Campaign).findOneByOrFail({ id });
}

// ---------------------------------------------------------------------------------------------
// Previews and templates

/** The notice the professional will receive if the conseiller confirms this rejection; nothing is written. */
export async function previewRejectionNotice(
  ctx: RequestContext,
  rawJustificatifId: string,
  reasons: readonly RejectionReason[],
  comment: string | null | undefined,
) {
  const agent = requirePermission(ctx.agent, Permission.DECIDE_JUSTIFICATIFS);
  const id = parseId(rawJustificatifId, 'Justificatif');
  const piece = assertInScope(agent, await ctx.db.getRepository(Justificatif).findOneBy({ id }), 'Justificatif');
  const notice = await composeNotice(ctx.db.manager, piece, { action: 'REJECTED', reasons, comment });
  if (!notice) return null;
  const channel = chooseChannel(notice.professional);
  return {
    kind: notice.kind,
    channel,
    recipient:
      channel === 'EMAIL'
        ? notice.professional.email!.trim()
        : channel === 'LETTER'
          ? postalBlock(notice.professional).join(', ')
          : UNKNOWN_ADDRESS,
    subject: notice.composed.subject,
    body: notice.composed.body,
  };
}

export async function communicationTemplates(ctx: RequestContext, year: number, scheme: Scheme) {
  requirePermission(ctx.agent, Permission.READ_PROFESSIONALS);
  await findCampaign(ctx.db.manager, year, scheme);
  const file = shippedTemplates().find(year, scheme);
  if (!file) throw notFound('Modèles de la campagne');
  return file;
}
