/**
 * Who a relance wave targets, in SQL over the scope (campaign, caisses, professions):
 * - PIECE_ATTENDUE: an indicator waits for a justificatif (atteinte PENDING_JUSTIFICATIF) and none was received;
 * - PIECE_REJETEE: the last piece of an indicator was rejected and no piece came after the rejection;
 * - DECLARATION_NON_TRANSMISE: the declaration exists and is not transmitted.
 * Professionals who received a relance of the same kind less than N days ago are excluded.
 */
import type { EntityManager } from 'typeorm';
import type { Profession } from '../common/enums';
import { Declaration, IndicatorValue } from '../declarations/declaration.entity';
import { Justificatif } from '../justificatifs/justificatif.entity';
import { Professional } from '../professionals/professional.entity';
import { Communication } from './communication.entity';
import { RELANCE_KIND, type RelanceSituation } from './communication.kinds';

const DAY_MS = 86_400_000;

export interface TargetScope {
  campaignId: number;
  situation: RelanceSituation;
  caisseCodes: string[];
  professions: Profession[];
  minAgeDays: number | null;
  excludeWithinDays: number;
  now: Date;
}

export interface Target {
  professionalId: number;
  indicatorIds: number[];
}

export interface Targets {
  targets: Target[];
  excluded: number[];
}

async function candidates(
  em: EntityManager,
  s: TargetScope,
): Promise<{ professionalId: number; indicatorId: number | null }[]> {
  const olderThan = s.minAgeDays ? new Date(s.now.getTime() - s.minAgeDays * DAY_MS) : null;
  const professions = s.professions.length > 0 ? s.professions : null;
  if (s.situation === 'DECLARATION_NON_TRANSMISE') {
    const qb = em
      .getRepository(Declaration)
      .createQueryBuilder('d')
      .select('d.professionalId', 'professionalId')
      .where('d.campaignId = :campaignId', { campaignId: s.campaignId })
      .andWhere('d.caisseCode IN (:...caisses)', { caisses: s.caisseCodes })
      .andWhere('d.status <> :transmitted', { transmitted: 'TRANSMITTED' });
    if (professions) qb.andWhere('d.profession IN (:...professions)', { professions });
    if (olderThan) qb.andWhere('d.createdAt <= :olderThan', { olderThan });
    const rows = await qb.getRawMany<{ professionalId: number }>();
    return rows.map((r) => ({ professionalId: Number(r.professionalId), indicatorId: null }));
  }
  if (s.situation === 'PIECE_ATTENDUE') {
    const qb = em
      .getRepository(IndicatorValue)
      .createQueryBuilder('v')
      .innerJoin(Declaration, 'd', 'd.id = v.declarationId')
      .select('v.professionalId', 'professionalId')
      .addSelect('v.indicatorId', 'indicatorId')
      .where('v.campaignId = :campaignId', { campaignId: s.campaignId })
      .andWhere('v.achievement = :pending', { pending: 'PENDING_JUSTIFICATIF' })
      .andWhere('d.caisseCode IN (:...caisses)', { caisses: s.caisseCodes });
    if (professions) qb.andWhere('d.profession IN (:...professions)', { professions });
    if (olderThan) qb.andWhere('COALESCE(d.lastTransmittedAt, d.createdAt) <= :olderThan', { olderThan });
    qb.andWhere(
      `NOT EXISTS (SELECT 1 FROM justificatif r WHERE r.professional_id = v.professional_id
        AND r.campaign_id = v.campaign_id AND r.indicator_id = v.indicator_id)`,
    );
    const rows = await qb.getRawMany<{ professionalId: number; indicatorId: number }>();
    return rows.map((r) => ({ professionalId: Number(r.professionalId), indicatorId: Number(r.indicatorId) }));
  }
  // PIECE_REJETEE: a rejected piece with nothing received after its rejection.
  const qb = em
    .getRepository(Justificatif)
    .createQueryBuilder('j')
    .select('j.professionalId', 'professionalId')
    .addSelect('j.indicatorId', 'indicatorId')
    .where('j.campaignId = :campaignId', { campaignId: s.campaignId })
    .andWhere('j.status = :rejected', { rejected: 'REJECTED' })
    .andWhere('j.caisseCode IN (:...caisses)', { caisses: s.caisseCodes })
    .andWhere(
      `NOT EXISTS (SELECT 1 FROM justificatif n WHERE n.professional_id = j.professional_id
        AND n.campaign_id = j.campaign_id AND n.indicator_id = j.indicator_id AND n.id <> j.id
        AND (n.status <> 'REJECTED' OR n.received_at > j.received_at))`,
    );
  if (professions) qb.andWhere('j.profession IN (:...professions)', { professions });
  if (olderThan) qb.andWhere('j.decidedAt <= :olderThan', { olderThan });
  const rows = await qb.getRawMany<{ professionalId: number; indicatorId: number }>();
  return rows.map((r) => ({ professionalId: Number(r.professionalId), indicatorId: Number(r.indicatorId) }));
}

/** Professionals of the candidates who had a relance of this kind since `since`. */
async function recentlyRelanced(em: EntityManager, s: TargetScope, ids: number[]): Promise<Set<number>> {
  const since = new Date(s.now.getTime() - s.excludeWithinDays * DAY_MS);
  const found = new Set<number>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await em
      .getRepository(Communication)
      .createQueryBuilder('c')
      .select('DISTINCT c.professionalId', 'professionalId')
      .where('c.professionalId IN (:...ids)', { ids: ids.slice(i, i + 5000) })
      .andWhere('c.kind = :kind', { kind: RELANCE_KIND[s.situation] })
      .andWhere('c.createdAt >= :since', { since })
      .getRawMany<{ professionalId: number }>();
    for (const r of rows) found.add(Number(r.professionalId));
  }
  return found;
}

export async function findTargets(em: EntityManager, scope: TargetScope): Promise<Targets> {
  if (scope.caisseCodes.length === 0) return { targets: [], excluded: [] };
  const byProfessional = new Map<number, Set<number>>();
  for (const row of await candidates(em, scope)) {
    const set = byProfessional.get(row.professionalId) ?? new Set<number>();
    if (row.indicatorId !== null) set.add(row.indicatorId);
    byProfessional.set(row.professionalId, set);
  }
  const ids = [...byProfessional.keys()].sort((a, b) => a - b);
  const recent = scope.excludeWithinDays > 0 ? await recentlyRelanced(em, scope, ids) : new Set<number>();
  return {
    targets: ids
      .filter((id) => !recent.has(id))
      .map((id) => ({ professionalId: id, indicatorIds: [...byProfessional.get(id)!] })),
    excluded: ids.filter((id) => recent.has(id)),
  };
}

/** Professionals by id, in slices (IN lists stay short). */
export async function professionalsById(em: EntityManager, ids: number[]): Promise<Map<number, Professional>> {
  const out = new Map<number, Professional>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await em
      .getRepository(Professional)
      .createQueryBuilder('p')
      .where('p.id IN (:...ids)', { ids: ids.slice(i, i + 5000) })
      .getMany();
    for (const p of rows) out.set(p.id, p);
  }
  return out;
}
