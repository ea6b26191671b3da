/**
 * Leader election for background work that must run in one process at a time across every server
 * process (and, on a Galera cluster, every node): a row per lease, taken or renewed by a conditional
 * UPDATE (free, expired, or already ours), so two processes cannot both hold it. A process that dies
 * (kill -9) simply stops renewing; another takes over once the lease expires.
 *
 * The lease is an efficiency device: the work it guards must still be safe if two holders overlap
 * (a paused holder whose lease expired), e.g. by its own conditional updates.
 */
import { Entity, PrimaryColumn, type DataSource } from 'typeorm';
import { InstantColumn, StringColumn } from './columns';

@Entity()
export class Lease {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  name: string;

  /** Who holds it: host, pid and a random tag. */
  @StringColumn(80)
  holder: string;

  @InstantColumn()
  expiresAt: Date;
}

/** Takes the lease if free or expired, renews it if already held; true when this holder has it until now + ttl. */
export async function acquireLease(
  db: DataSource,
  name: string,
  holder: string,
  ttlMs: number,
  now = new Date(),
): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const result = await db
    .createQueryBuilder()
    .update(Lease)
    .set({ holder, expiresAt })
    .where('name = :name AND (holder = :holder OR expires_at < :now)', { name, holder, now })
    .execute();
  if (result.affected === 1) return true;
  if (await db.getRepository(Lease).existsBy({ name })) return false;
  try {
    await db.getRepository(Lease).insert({ name, holder, expiresAt });
    return true;
  } catch {
    return false; // another process inserted it first
  }
}

/** Gives the lease up (on shutdown) so that another process takes over at once. */
export async function releaseLease(db: DataSource, name: string, holder: string): Promise<void> {
  await db
    .createQueryBuilder()
    .update(Lease)
    .set({ expiresAt: new Date(0) })
    .where('name = :name AND holder = :holder', { name, holder })
    .execute();
}
