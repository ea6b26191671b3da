import { openTestDatabase, type TestDatabase } from '../test-support/test-db';
import { AuditChain, AuditEvent } from './audit-event.entity';
import { linkPendingEvents } from './audit-linker';
import { recordAudit } from './audit.service';
import { verifyAuditChains, type AuditVerdict, type ChainVerdict } from './audit-verify';

const chainOf = (verdict: AuditVerdict, chain: string): ChainVerdict | undefined =>
  verdict.chains.find((c) => c.chain === chain);

describe('verifyAuditChains', () => {
  let t: TestDatabase;
  /** Five events of caisse 211, in order; plus two of 751 and one national event around them. */
  const ids: number[] = [];

  const record = (caisseCode: string | null, i: number) =>
    t.db.transaction((em) =>
      recordAudit(em, {
        agentId: i + 1,
        action: 'JUSTIFICATIF_VALIDATED',
        targetType: 'JUSTIFICATIF',
        targetId: 100 + i,
        caisseCode,
        professionalId: 7,
        details: { reasons: ['ILLEGIBLE'], amountCents: 12_345, comment: 'Pièce lisible, « accent » é' },
      }),
    );

  beforeEach(async () => {
    t = await openTestDatabase();
    ids.length = 0;
    await record('751', 0);
    for (let i = 0; i < 5; i += 1) {
      ids.push((await record('211', i)).id);
      if (i === 2) await record(null, 9);
    }
    await record('751', 1);
    expect(await linkPendingEvents(t.db)).toBe(8);
  });
  afterEach(async () => t.close());

  const raw = (sql: string, params: unknown[]) =>
    t.db.query(t.dialect === 'mysql' ? sql : sql.replace(/`/g, '"'), params);

  it('accepts intact chains, one per caisse and one national (and no chain at all)', async () => {
    const verdict = await verifyAuditChains(t.db);
    expect(verdict).toMatchObject({ ok: true, count: 8, unlinked: 0, oldestUnlinkedAt: null });
    expect(verdict.chains).toEqual([
      { ok: true, chain: '211', count: 5 },
      { ok: true, chain: '751', count: 2 },
      { ok: true, chain: 'national', count: 1 },
    ]);
    const empty = await openTestDatabase();
    try {
      expect(await verifyAuditChains(empty.db)).toMatchObject({ ok: true, count: 0, chains: [], unlinked: 0 });
    } finally {
      await empty.close();
    }
  });

  it('reports events not linked yet, then verifies them once linked', async () => {
    await record('211', 7);
    await record('974', 8);
    const before = await verifyAuditChains(t.db);
    expect(before).toMatchObject({ ok: true, count: 8, unlinked: 2, oldestUnlinkedAt: expect.any(Date) });
    expect(await linkPendingEvents(t.db)).toBe(2);
    const after = await verifyAuditChains(t.db);
    expect(after).toMatchObject({ ok: true, count: 10, unlinked: 0 });
    expect(chainOf(after, '211')).toEqual({ ok: true, chain: '211', count: 6 });
    expect(chainOf(after, '974')).toEqual({ ok: true, chain: '974', count: 1 });
  });

  it('finds a row whose content was edited, whichever column; the other chains stay valid', async () => {
    await raw('UPDATE `audit_event` SET `caisse_code` = ? WHERE `id` = ?', ['751', ids[2]]);
    const verdict = await verifyAuditChains(t.db);
    expect(verdict.ok).toBe(false);
    expect(chainOf(verdict, '211')).toMatchObject({
      ok: false,
      count: 2,
      brokenId: ids[2],
      reason: expect.stringMatching(/modifié/),
    });
    expect(chainOf(verdict, '751')).toMatchObject({ ok: true, count: 2 });
  });

  it('finds an edited professional or details', async () => {
    await raw('UPDATE `audit_event` SET `details` = ? WHERE `id` = ?', ['{"reasons":[]}', ids[1]]);
    expect(chainOf(await verifyAuditChains(t.db), '211')).toMatchObject({ ok: false, brokenId: ids[1] });
  });

  it('finds a row recomputed after an edit: its successor no longer links to it', async () => {
    const [row] = await t.db.getRepository(AuditEvent).findBy({ id: ids[1] });
    const { hashAuditRow } = await import('./audit.service');
    const forged = { ...row!, professionalId: 8 };
    await t.db.getRepository(AuditEvent).update({ id: ids[1] }, { professionalId: 8, hash: hashAuditRow(forged) });
    expect(chainOf(await verifyAuditChains(t.db), '211')).toMatchObject({
      ok: false,
      count: 2,
      brokenId: ids[2],
      reason: expect.stringMatching(/rompu/),
    });
  });

  it('finds a deleted row', async () => {
    await raw('DELETE FROM `audit_event` WHERE `id` = ?', [ids[3]]);
    expect(chainOf(await verifyAuditChains(t.db), '211')).toMatchObject({
      ok: false,
      count: 3,
      brokenId: ids[4],
      reason: expect.stringMatching(/rompu/),
    });
  });

  it('finds a linked row made to look unlinked, even once the linker has relinked it', async () => {
    await raw('UPDATE `audit_event` SET `chain_seq` = NULL, `chain` = NULL WHERE `id` = ?', [ids[2]]);
    expect(chainOf(await verifyAuditChains(t.db), '211')).toMatchObject({ ok: false, brokenId: ids[3] });
    expect(await linkPendingEvents(t.db)).toBe(1);
    expect(chainOf(await verifyAuditChains(t.db), '211')).toMatchObject({ ok: false, brokenId: ids[3] });
  });

  it('finds deleted first rows and a deleted tail', async () => {
    await raw('DELETE FROM `audit_event` WHERE `id` = ?', [ids[4]]);
    expect(chainOf(await verifyAuditChains(t.db), '211')).toMatchObject({
      ok: false,
      count: 4,
      brokenId: ids[4],
      reason: expect.stringMatching(/tête de chaîne/),
    });
    await raw('DELETE FROM `audit_event` WHERE `id` = ?', [ids[0]]);
    expect(chainOf(await verifyAuditChains(t.db), '211')).toMatchObject({ ok: false, count: 0, brokenId: ids[1] });
  });

  it('finds a whole chain deleted with its events (its head remains) and a missing head', async () => {
    await raw('DELETE FROM `audit_event` WHERE `chain` = ?', ['751']);
    expect(chainOf(await verifyAuditChains(t.db), '751')).toMatchObject({ ok: false, count: 0 });
    await t.db.getRepository(AuditChain).delete({ chain: '211' });
    expect(chainOf(await verifyAuditChains(t.db), '211')).toMatchObject({ ok: false, brokenId: null });
  });
});
