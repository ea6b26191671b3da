/**
 * Relance waves: a superviseur previews, then launches, a relance of one situation over their scope.
 * The launch writes the wave and one outbox row per professional in one transaction, audited; the
 * idempotency key (and the unique wave × professional index) make a second launch send nothing twice.
 */
import type { EntityManager } from 'typeorm';
import { Permission, requirePermission, type AuthenticatedAgent } from '../agents/authorization';
import { recordAudit } from '../audit/audit.service';
import { Indicator } from '../campaigns/indicator.entity';
import { PROFESSIONS, type Profession, type Scheme } from '../common/enums';
import { badInput } from '../common/errors';
import { bulkInsert, type BulkRow } from '../db/bulk';
import { findCampaign } from '../campaigns/campaigns.service';
import type { RequestContext } from '../common/request-context';
import { Caisse } from '../professionals/caisse.entity';
import type { Professional } from '../professionals/professional.entity';
import { Communication, RelanceWave } from './communication.entity';
import {
  RELANCE_KIND,
  RELANCE_SITUATIONS,
  type CommunicationChannel,
  type RelanceSituation,
} from './communication.kinds';
import { checklistLabels } from './notices';
import { UNKNOWN_ADDRESS, chooseChannel, compose, postalBlock, type ComposeContext, type Composed } from './outbox';
import { findTargets, professionalsById, type Target, type TargetScope } from './relance-targets';

export const DEFAULT_EXCLUDE_DAYS = 14;

export interface RelanceCriteria {
  campaignYear: number;
  scheme: Scheme;
  situation: RelanceSituation;
  professions?: Profession[] | null;
  /** National superviseurs choose; others always get their own caisse. */
  caisseCodes?: string[] | null;
  minAgeDays?: number | null;
  excludeWithinDays?: number | null;
  preferLetter?: boolean | null;
}

export interface RelanceSample {
  professionalName: string;
  channel: CommunicationChannel | null;
  subject: string;
  body: string;
}

export interface RelancePreview {
  targetCount: number;
  emailCount: number;
  letterCount: number;
  unknownAddressCount: number;
  excludedCount: number;
  excludedNames: string[];
  caisseCodes: string[];
  samples: RelanceSample[];
}

export type LaunchOutcome =
  { ok: true; wave: RelanceWave; created: boolean } | { ok: false; code: 'NO_TARGET'; message: string };

interface Resolved {
  agent: AuthenticatedAgent;
  scope: TargetScope;
  compose: (p: Professional, target: Target) => Composed;
}

/** Checks the criteria and fixes the scope; bad input gets a precise French answer and changes nothing. */
async function resolve(ctx: RequestContext, em: EntityManager, input: RelanceCriteria, now: Date): Promise<Resolved> {
  const agent = requirePermission(ctx.agent, Permission.LAUNCH_RELANCES);
  if (!RELANCE_SITUATIONS.includes(input.situation)) throw badInput('Situation de relance inconnue.', 'situation');
  const campaign = await findCampaign(em, input.campaignYear, input.scheme);
  const professions = [...new Set(input.professions ?? [])];
  for (const p of professions)
    if (!PROFESSIONS.includes(p)) throw badInput(`Profession inconnue : ${p}.`, 'professions');
  for (const [field, value, max] of [
    ['minAgeDays', input.minAgeDays, 365],
    ['excludeWithinDays', input.excludeWithinDays, 365],
  ] as const) {
    if (value !== null && value !== undefined && (!Number.isInteger(value) || value < 0 || value > max))
      throw badInput(
        `${field === 'minAgeDays' ? 'Ancienneté minimale' : 'Délai d’exclusion'} : un nombre de jours entre 0 et ${max}.`,
        field,
      );
  }
  let caisseCodes: string[];
  if (agent.nationalScope) {
    caisseCodes = [...new Set(input.caisseCodes ?? [])].sort();
    if (caisseCodes.length === 0) throw badInput('Choisissez au moins une caisse.', 'caisseCodes');
    const known = await em
      .getRepository(Caisse)
      .createQueryBuilder('c')
      .where('c.code IN (:...codes)', { codes: caisseCodes })
      .getCount();
    if (known !== caisseCodes.length) throw badInput('Une caisse choisie est inconnue.', 'caisseCodes');
  } else {
    // Nothing crosses caisses: a local superviseur's wave is their caisse's, whatever is asked.
    caisseCodes = [agent.caisseCode];
  }
  const kind = RELANCE_KIND[input.situation];
  const indicators = new Map(
    (await em.getRepository(Indicator).findBy({ campaignId: campaign.id })).map((i) => [i.id, i]),
  );
  const caisses = new Map((await em.getRepository(Caisse).findBy({})).map((c) => [c.code, c]));
  const contexts = new Map<string, ComposeContext>();
  const contextOf = (code: string): ComposeContext => {
    let ctxFor = contexts.get(code);
    if (!ctxFor) {
      ctxFor = { campaign, caisse: caisses.get(code) ?? { code, name: `CPAM ${code}` }, today: now };
      contexts.set(code, ctxFor);
    }
    return ctxFor;
  };
  return {
    agent,
    scope: {
      campaignId: campaign.id,
      situation: input.situation,
      caisseCodes,
      professions,
      minAgeDays: input.minAgeDays ?? null,
      excludeWithinDays: input.excludeWithinDays ?? DEFAULT_EXCLUDE_DAYS,
      now,
    },
    compose: (p, target) => {
      const concerned = target.indicatorIds.map((id) => indicators.get(id)).filter((i): i is Indicator => !!i);
      const composed = compose(contextOf(p.caisseCode), kind, p, {
        indicators: concerned.map((i) => ({ label: i.definition.shortLabel ?? i.label })),
        checklist: [...new Set(concerned.flatMap(checklistLabels))],
      });
      if (!composed) throw badInput(`La campagne ${campaign.label} n’a pas de modèle pour cette relance.`, 'situation');
      return composed;
    },
  };
}

const nameOf = (p: Professional) => `${p.lastName.toUpperCase()} ${p.firstName}`;

export async function previewRelance(
  ctx: RequestContext,
  input: RelanceCriteria,
  now = new Date(),
): Promise<RelancePreview> {
  const em = ctx.db.manager;
  const r = await resolve(ctx, em, input, now);
  const { targets, excluded } = await findTargets(em, r.scope);
  const people = await professionalsById(em, [...targets.map((t) => t.professionalId), ...excluded.slice(0, 20)]);
  let emailCount = 0;
  let letterCount = 0;
  let unknownAddressCount = 0;
  for (const t of targets) {
    const channel = chooseChannel(people.get(t.professionalId)!, !!input.preferLetter);
    if (channel === 'EMAIL') emailCount++;
    else if (channel === 'LETTER') letterCount++;
    else unknownAddressCount++;
  }
  const samples = targets.slice(0, 3).map((t) => {
    const p = people.get(t.professionalId)!;
    return { professionalName: nameOf(p), channel: chooseChannel(p, !!input.preferLetter), ...r.compose(p, t) };
  });
  return {
    targetCount: targets.length,
    emailCount,
    letterCount,
    unknownAddressCount,
    excludedCount: excluded.length,
    excludedNames: excluded.slice(0, 20).map((id) => nameOf(people.get(id)!)),
    caisseCodes: r.scope.caisseCodes,
    samples,
  };
}

const KEY = /^[A-Za-z0-9_-]{8,64}$/;

export async function launchRelance(
  ctx: RequestContext,
  input: RelanceCriteria,
  idempotencyKey: string,
  now = new Date(),
): Promise<LaunchOutcome> {
  requirePermission(ctx.agent, Permission.LAUNCH_RELANCES);
  if (!KEY.test(idempotencyKey))
    throw badInput('Clé d’idempotence invalide (8 à 64 caractères alphanumériques).', 'idempotencyKey');
  const previous = await ctx.db.getRepository(RelanceWave).findOneBy({ idempotencyKey });
  if (previous) return { ok: true, wave: previous, created: false };
  try {
    return await launchOnce(ctx, input, idempotencyKey, now);
  } catch (error) {
    // The same launch committed meanwhile (double click, retried request): its unique key won.
    const winner = await ctx.db.getRepository(RelanceWave).findOneBy({ idempotencyKey });
    if (winner) return { ok: true, wave: winner, created: false };
    throw error;
  }
}

/** Messages rendered and inserted together when a wave is launched. */
const RENDER_SLICE = 500;

function launchOnce(
  ctx: RequestContext,
  input: RelanceCriteria,
  idempotencyKey: string,
  now: Date,
): Promise<LaunchOutcome> {
  return ctx.db.transaction(async (em) => {
    const r = await resolve(ctx, em, input, now);
    const { targets, excluded } = await findTargets(em, r.scope);
    if (targets.length === 0) {
      return {
        ok: false,
        code: 'NO_TARGET',
        message:
          excluded.length > 0
            ? `Aucun professionnel à relancer : les ${excluded.length} concernés ont déjà reçu cette relance il y a moins de ${r.scope.excludeWithinDays} jours. Rien n’a été créé.`
            : 'Aucun professionnel ne correspond à ces critères. Rien n’a été créé.',
      };
    }
    const inserted = await em.getRepository(RelanceWave).insert({
      idempotencyKey,
      campaignId: r.scope.campaignId,
      situation: r.scope.situation,
      kind: RELANCE_KIND[r.scope.situation],
      caisseCodes: r.scope.caisseCodes,
      professions: r.scope.professions,
      minAgeDays: r.scope.minAgeDays,
      excludeWithinDays: r.scope.excludeWithinDays,
      launchedByAgentId: r.agent.id,
      launchedAt: now,
      targetCount: targets.length,
      excludedCount: excluded.length,
    });
    const waveId = Number(inserted.identifiers[0]?.id);
    // Slices of 500: each slice's rendered messages are garbage once inserted, so a national wave's memory
    // stays flat (slices of 2 000 peaked 185 MB above the start for a wave of 50 000).
    for (let i = 0; i < targets.length; i += RENDER_SLICE) {
      const slice = targets.slice(i, i + RENDER_SLICE);
      const people = await professionalsById(
        em,
        slice.map((t) => t.professionalId),
      );
      const rows: BulkRow<Communication>[] = slice.map((t) => {
        const p = people.get(t.professionalId)!;
        const channel = chooseChannel(p, !!input.preferLetter);
        const composed = r.compose(p, t);
        return {
          caisseCode: p.caisseCode,
          professionalId: p.id,
          campaignId: r.scope.campaignId,
          kind: RELANCE_KIND[r.scope.situation],
          channel: channel ?? 'LETTER',
          status: channel ? 'QUEUED' : 'FAILED',
          recipientEmail: channel === 'EMAIL' ? p.email!.trim() : null,
          recipientAddress: postalBlock(p),
          subject: composed.subject.slice(0, 300),
          body: composed.body,
          letterhead: composed.letterhead,
          justificatifId: null,
          waveId,
          createdByAgentId: r.agent.id,
          attempts: 0,
          nextAttemptAt: now,
          claimToken: null,
          claimedUntil: null,
          lastError: channel ? null : UNKNOWN_ADDRESS,
          sentAt: null,
          version: 1,
          createdAt: now,
        };
      });
      await bulkInsert(em, Communication, rows);
    }
    await recordAudit(em, {
      agentId: r.agent.id,
      action: 'RELANCE_LAUNCHED',
      targetType: 'RELANCE_WAVE',
      targetId: waveId,
      caisseCode: r.scope.caisseCodes.length === 1 ? r.scope.caisseCodes[0]! : null,
      details: {
        situation: r.scope.situation,
        caisseCodes: r.scope.caisseCodes,
        targetCount: targets.length,
        excludedCount: excluded.length,
      },
    });
    return { ok: true, wave: await em.getRepository(RelanceWave).findOneByOrFail({ id: waveId }), created: true };
  });
}
