import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditEvent, AuditHead, type AuditDetails } from './audit-event.entity';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  agentId: number | null;
  action: string;
  targetType?: string | null;
  targetId?: string | number | null;
  /** The caisse whose supervisors may read the event (auditTrail is scoped on it). */
  caisseCode?: string | null;
  /**
   * The professional the event concerns, whatever its target (a justificatif, a declaration…), so that
   * `auditTrail(filter: { professionalId })` shows a PS's whole trail. Defaults to targetId when
   * targetType is 'PROFESSIONAL'.
   */
  professionalId?: number | null;
  details?: AuditDetails | null;
  at?: Date;
}

/** The hash covers every field and the previous hash, in a fixed order. */
export function hashAuditRow(row: Omit<AuditEvent, 'hash' | 'id'> & { id: number }): string {
  const canonical = JSON.stringify([
    row.id,
    row.at.toISOString(),
    row.agentId,
    row.action,
    row.targetType,
    row.targetId,
    row.caisseCode,
    row.details,
    row.prevHash,
    row.professionalId,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

function professionalTarget(input: AuditInput): number | null {
  if (input.targetType !== 'PROFESSIONAL' || input.targetId === null || input.targetId === undefined) return null;
  const id = Number(input.targetId);
  return Number.isInteger(id) ? id : null;
}

/**
 * Appends to the chain inside the caller's transaction: locking the head row orders concurrent
 * writers, and the event commits or rolls back with the change it records.
 */
export async function recordAudit(em: EntityManager, input: AuditInput): Promise<AuditEvent> {
  const headRepo = em.getRepository(AuditHead);
  const query = headRepo.createQueryBuilder('h').where('h.id = 1');
  // SQLite serialises write transactions already; MySQL needs the row lock.
  if (em.connection.options.type !== 'better-sqlite3') query.setLock('pessimistic_write');
  const head = await query.getOne();
  if (!head) throw new Error('audit_head row missing: migrations not applied');
  const at = input.at ?? new Date();
  at.setMilliseconds(0); // datetime columns keep seconds: hash what is stored
  const partial = {
    at,
    agentId: input.agentId,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId === undefined || input.targetId === null ? null : String(input.targetId),
    caisseCode: input.caisseCode ?? null,
    professionalId: input.professionalId ?? professionalTarget(input),
    details: input.details ?? null,
    prevHash: head.lastHash,
  };
  const repo = em.getRepository(AuditEvent);
  const inserted = await repo.insert({ ...partial, hash: 'pending' });
  const id = Number(inserted.identifiers[0]?.id);
  const hash = hashAuditRow({ ...partial, id });
  await repo.update({ id }, { hash });
  await headRepo.update({ id: 1 }, { lastId: id, lastHash: hash });
  return Object.assign(new AuditEvent(), { ...partial, id, hash });
}
