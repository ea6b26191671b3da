/** Reads of the frozen snapshots (`declaration_snapshot`) that the computation of a campaign wrote. */
import { findWhereIn, type Queryable } from '../../db/find-by-key';
import type { ComputedSnapshot } from './amounts';
import { DeclarationSnapshot } from './declaration-snapshot.entity';

/** The snapshots of some declarations, by declaration id (a declaration never computed has none). */
export async function snapshotsOf(
  db: Queryable,
  declarationIds: readonly number[],
): Promise<Map<number, ComputedSnapshot>> {
  const rows = await findWhereIn(db, DeclarationSnapshot, 'declarationId', declarationIds);
  return new Map(rows.map((row) => [row.declarationId, row.snapshot]));
}

export async function snapshotOfDeclaration(db: Queryable, declarationId: number): Promise<ComputedSnapshot | null> {
  return (await snapshotsOf(db, [declarationId])).get(declarationId) ?? null;
}
