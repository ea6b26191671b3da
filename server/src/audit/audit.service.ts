import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditEvent, type AuditDetails } from './audit-event.entity';

export const GENESIS_HASH = '0'.repeat(64);
/** The chain of events that concern no caisse (national administration). */
export const NATIONAL_CHAIN = 'national';
/** The single chain every event was appended to before per-caisse chains; frozen, still verified. */
export const LEGACY_CHAIN = 'legacy';

/** The chain an event belongs to. */
export const chainOf = (event: { caisseCode: string | null }): string => event.caisseCode ?? NATIONAL_CHAIN;

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

/**
 * The hash covers every recorded field and the previous hash, in a fixed order (unchanged since the
 * single chain, so that legacy events still verify). The chain and position need not be hashed: moving
 * or reordering an event breaks the prevHash links around it.
 */
export function hashAuditRow(
  row: Omit<AuditEvent, 'hash' | 'id' | 'prevHash' | 'chain' | 'chainSeq'> & { id: number; prevHash: string | null },
): string {
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
 * Records an event inside the caller's transaction: it commits or rolls back with the change it
 * records. It is inserted unchained — no lock on a chain head, so concurrent requests (and the
 * nodes of a Galera cluster) do not serialise on the audit — and the audit linker links it into its
 * caisse's chain within a second or so (audit-linker.ts).
 */
export async function recordAudit(em: EntityManager, input: AuditInput): Promise<AuditEvent> {
  const at = input.at ?? new Date();
  at.setMilliseconds(0); // datetime columns keep seconds: hash what is stored
  const row = {
    at,
    agentId: input.agentId,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId === undefined || input.targetId === null ? null : String(input.targetId),
    caisseCode: input.caisseCode ?? null,
    professionalId: input.professionalId ?? professionalTarget(input),
    details: input.details ?? null,
    chain: null,
    chainSeq: null,
    prevHash: null,
    hash: null,
  };
  const inserted = await em.getRepository(AuditEvent).insert(row);
  const id = Number(inserted.identifiers[0]?.id);
  return Object.assign(new AuditEvent(), { ...row, id });
}
