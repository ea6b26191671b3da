import { openTestDatabase, type TestDatabase } from '../test-support/test-db';
import { acquireLease, releaseLease } from '../db/lease';
import { AuditEvent } from './audit-event.entity';
import { AuditLinker, linkPendingEvents, LINKER_LEASE } from './audit-linker';
import { GENESIS_HASH, hashAuditRow, recordAudit } from './audit.service';
import { verifyAuditChains } from './audit-verify';

describe('audit linker', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase();
  });
  afterEach(() => t.close());

  const record = (caisseCode: string | null, n: number) =>
    t.db.transaction(async (em) => {
      for (let i = 0; i < n; i += 1) {
        await recordAudit(em, { agentId: 1, action: 'FILE_VIEWED', targetType: 'FILE', targetId: i, caisseCode });
      }
    });
  const raw = (sql: string, params: unknown[] = []) =>
    t.db.query(t.dialect === 'mysql' ? sql : sql.replace(/`/g, '"'), params) as Promise<unknown>;

  it('records unchained, links in id order per chain, dense positions', async () => {
    await record('211', 3);
    await record('751', 2);
    await record('211', 1);
    const unlinked = await t.db.getRepository(AuditEvent).find({ order: { id: 'ASC' } });
    expect(unlinked.every((e) => e.hash === null && e.chainSeq === null)).toBe(true);
    expect(await linkPendingEvents(t.db, 4)).toBe(4);
    expect(await linkPendingEvents(t.db, 4)).toBe(2);
    expect(await linkPendingEvents(t.db, 4)).toBe(0);
    const rows = await t.db.getRepository(AuditEvent).find({ order: { id: 'ASC' } });
    expect(rows.map((r) => [r.chain, r.chainSeq])).toEqual([
      ['211', 1],
      ['211', 2],
      ['211', 3],
      ['751', 1],
      ['751', 2],
      ['211', 4],
    ]);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    expect(rows[5]!.prevHash).toBe(rows[2]!.hash);
    expect(await verifyAuditChains(t.db)).toMatchObject({ ok: true, count: 6, unlinked: 0 });
  });

  it('a batch that dies midway links nothing and the next run links everything once', async () => {
    await record('211', 5);
    // The batch dies after linking every event but before COMMIT, as a kill -9 would: rolled back.
    const original = t.db.transaction.bind(t.db);
    let crashed = false;
    const spy = jest.spyOn(t.db, 'transaction').mockImplementationOnce(((work: never) =>
      original(async (em) => {
        const result = await (work as (em: unknown) => Promise<number>)(em);
        crashed = true;
        throw new Error('kill -9');
        return result;
      })) as never);
    await expect(linkPendingEvents(t.db)).rejects.toThrow('kill -9');
    spy.mockRestore();
    expect(crashed).toBe(true);
    expect(await verifyAuditChains(t.db)).toMatchObject({ ok: true, count: 0, unlinked: 5 });
    expect(await linkPendingEvents(t.db)).toBe(5);
    expect(await verifyAuditChains(t.db)).toMatchObject({ ok: true, count: 5, unlinked: 0 });
  });

  it('two linkers at once never fork a chain: every event linked once, chains verify', async () => {
    for (let round = 0; round < 3; round += 1) {
      await record('211', 20);
      await record('751', 5);
      const linked = await Promise.all([linkPendingEvents(t.db, 7), linkPendingEvents(t.db, 7)]);
      expect(linked.every((n) => n >= 0 && n <= 7)).toBe(true);
    }
    while ((await linkPendingEvents(t.db, 50)) > 0);
    expect(await verifyAuditChains(t.db)).toMatchObject({ ok: true, count: 75, unlinked: 0 });
  });

  it('one lease holder at a time; another takes over once it expires or is released', async () => {
    const now = new Date('2026-12-02T10:00:00Z');
    expect(await acquireLease(t.db, LINKER_LEASE, 'a', 10_000, now)).toBe(true);
    expect(await acquireLease(t.db, LINKER_LEASE, 'b', 10_000, now)).toBe(false);
    expect(await acquireLease(t.db, LINKER_LEASE, 'a', 10_000, new Date(now.getTime() + 5_000))).toBe(true);
    expect(await acquireLease(t.db, LINKER_LEASE, 'b', 10_000, new Date(now.getTime() + 12_000))).toBe(false);
    expect(await acquireLease(t.db, LINKER_LEASE, 'b', 10_000, new Date(now.getTime() + 16_000))).toBe(true);
    expect(await acquireLease(t.db, LINKER_LEASE, 'a', 10_000, new Date(now.getTime() + 17_000))).toBe(false);
    await releaseLease(t.db, LINKER_LEASE, 'b');
    expect(await acquireLease(t.db, LINKER_LEASE, 'a', 10_000, new Date(now.getTime() + 18_000))).toBe(true);
  });

  it('the in-process linker links what requests record, and only the lease holder works', async () => {
    await record('211', 3);
    const first = new AuditLinker(t.db, { intervalMs: 20 });
    const second = new AuditLinker(t.db, { intervalMs: 20 });
    expect(await first.runOnce()).toBe(3);
    await record('211', 2);
    expect(await second.runOnce()).toBe(0); // the first holds the lease
    first.start();
    for (let i = 0; i < 200 && (await verifyAuditChains(t.db)).unlinked > 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await first.stop();
    expect(await verifyAuditChains(t.db)).toMatchObject({ ok: true, count: 5, unlinked: 0 });
    await record('751', 1);
    expect(await second.runOnce()).toBe(1); // released on stop: taken over at once
  });

  it('migrates the single chain of before into a verified legacy chain; new events go to caisse chains', async () => {
    await t.db.undoLastMigration({ transaction: 'each' });
    // Written as the former recordAudit did: one chain, its head in audit_head.
    let prevHash = GENESIS_HASH;
    let lastId = 0;
    for (const [i, caisseCode] of ['211', '751', null, '211'].entries()) {
      const at = new Date('2026-11-02T09:00:00Z');
      const row = {
        at,
        agentId: 3,
        action: 'PROFESSIONAL_VIEWED',
        targetType: 'PROFESSIONAL',
        targetId: String(40 + i),
        caisseCode,
        professionalId: 40 + i,
        details: { n: i },
        prevHash,
      };
      await raw(
        'INSERT INTO `audit_event` (`at`, `agent_id`, `action`, `target_type`, `target_id`, `caisse_code`, ' +
          '`professional_id`, `details`, `prev_hash`, `hash`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
          t.dialect === 'mysql' ? '2026-11-02 09:00:00' : '2026-11-02 09:00:00.000',
          row.agentId,
          row.action,
          row.targetType,
          row.targetId,
          row.caisseCode,
          row.professionalId,
          JSON.stringify(row.details),
          prevHash,
          'pending',
        ],
      );
      const [last] = (await raw('SELECT MAX(`id`) AS id FROM `audit_event`')) as { id: number }[];
      lastId = Number(last!.id);
      const hash = hashAuditRow({ ...row, id: lastId });
      await raw('UPDATE `audit_event` SET `hash` = ? WHERE `id` = ?', [hash, lastId]);
      prevHash = hash;
    }
    await raw('UPDATE `audit_head` SET `last_id` = ?, `last_hash` = ? WHERE `id` = 1', [lastId, prevHash]);
    await t.db.runMigrations({ transaction: 'each' });
    expect(await verifyAuditChains(t.db)).toMatchObject({
      ok: true,
      count: 4,
      chains: [{ ok: true, chain: 'legacy', count: 4 }],
    });
    await record('211', 2);
    await linkPendingEvents(t.db);
    const verdict = await verifyAuditChains(t.db);
    expect(verdict).toMatchObject({ ok: true, count: 6, unlinked: 0 });
    expect(verdict.chains.map((c) => c.chain)).toEqual(['211', 'legacy']);
    await raw('DELETE FROM `audit_event` WHERE `id` = ?', [lastId]);
    expect(await verifyAuditChains(t.db)).toMatchObject({ ok: false });
  });
});
