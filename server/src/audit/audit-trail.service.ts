/** Reading the audit trail: newest first, scoped to the reader's caisse unless national. */
import type { DataSource } from 'typeorm';
import { caisseScope, Permission, requirePermission, type AuthenticatedAgent } from '../agents/authorization';
import { decodeCursor, pageSize, toPage } from '../common/pagination';
import { parseId } from '../common/ids';
import { AuditEvent } from './audit-event.entity';

export interface AuditTrailQuery {
  professionalId?: string | null;
  agentId?: string | null;
  first?: number | null;
  after?: string | null;
}

export async function listAuditTrail(
  ctx: { db: DataSource; agent: AuthenticatedAgent | null },
  query: AuditTrailQuery,
) {
  const agent = requirePermission(ctx.agent, Permission.READ_AUDIT);
  const limit = pageSize(query.first);
  const cursor = decodeCursor(query.after, ['number'] as const);
  const professionalId = query.professionalId ? parseId(query.professionalId, 'Identifiant de professionnel') : null;
  const agentId = query.agentId ? parseId(query.agentId, 'Identifiant d’agent') : null;
  const scope = caisseScope(agent);

  const filtered = () => {
    const qb = ctx.db.getRepository(AuditEvent).createQueryBuilder('e');
    // Events with no caisse (an unknown e-mail's failed login…) are for national readers only.
    if (scope) qb.andWhere('e.caisseCode IN (:...scope)', { scope });
    if (professionalId !== null) qb.andWhere('e.professionalId = :professionalId', { professionalId });
    if (agentId !== null) qb.andWhere('e.agentId = :agentId', { agentId });
    return qb;
  };
  const page = filtered()
    .orderBy('e.id', 'DESC')
    .limit(limit + 1);
  if (cursor) page.andWhere('e.id < :cursorId', { cursorId: cursor[0] });
  const [rows, totalCount] = await Promise.all([page.getMany(), filtered().getCount()]);
  return { ...toPage(rows, limit, (row) => [row.id]), totalCount };
}
