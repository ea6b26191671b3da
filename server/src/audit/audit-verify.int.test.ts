import { openTestDatabase, type TestDatabase } from '../test-support/test-db';
import { AuditEvent, AuditHead } from './audit-event.entity';
import { recordAudit } from './audit.service';
import { verifyAuditChain } from './audit-verify';

describe('verifyAuditChain', () => {
  let t: TestDatabase;
  const ids: number[] = [];

  beforeEach(async () => {
    t = await openTestDatabase();
    ids.length = 0;
    for (let i = 0; i < 5; i += 1) {
      const event = await t.db.transaction((em) =>
        recordAudit(em, {
          agentId: i + 1,
          action: 'JUSTIFICATIF_VALIDATED',
          targetType: 'JUSTIFICATIF',
          targetId: 100 + i,
          caisseCode: '211',
          professionalId: 7,
          details: { reasons: ['ILLEGIBLE'], amountCents: 12_345, comment: 'Pièce lisible, « accent » é' },
        }),
      );
      ids.push(event.id);
    }
  });
  afterEach(async () => t.close());

  const raw = (sql: string, params: unknown[]) =>
    t.db.query(t.dialect === 'mysql' ? sql : sql.replace(/`/g, '"'), params);

  it('accepts an intact chain (and an empty one)', async () => {
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, count: 5 });
    const empty = await openTestDatabase();
    try {
      expect(await verifyAuditChain(empty.db)).toEqual({ ok: true, count: 0 });
    } finally {
      await empty.close();
    }
  });

  it('finds a row whose content was edited, whichever column', async () => {
    await raw('UPDATE `audit_event` SET `caisse_code` = ? WHERE `id` = ?', ['751', ids[2]]);
    expect(await verifyAuditChain(t.db)).toMatchObject({
      ok: false,
      count: 2,
      brokenId: ids[2],
      reason: expect.stringMatching(/modifié/),
    });
  });

  it('finds an edited professional or details', async () => {
    await raw('UPDATE `audit_event` SET `details` = ? WHERE `id` = ?', ['{"reasons":[]}', ids[1]]);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenId: ids[1] });
  });

  it('finds a row recomputed after an edit: its successor no longer links to it', async () => {
    const [row] = await t.db.getRepository(AuditEvent).findBy({ id: ids[1] });
    const { hashAuditRow } = await import('./audit.service');
    const forged = { ...row!, professionalId: 8 };
    await t.db.getRepository(AuditEvent).update({ id: ids[1] }, { professionalId: 8, hash: hashAuditRow(forged) });
    expect(await verifyAuditChain(t.db)).toMatchObject({
      ok: false,
      count: 2,
      brokenId: ids[2],
      reason: expect.stringMatching(/rompu/),
    });
  });

  it('finds a deleted row', async () => {
    await raw('DELETE FROM `audit_event` WHERE `id` = ?', [ids[3]]);
    expect(await verifyAuditChain(t.db)).toMatchObject({
      ok: false,
      count: 3,
      brokenId: ids[4],
      reason: expect.stringMatching(/rompu/),
    });
  });

  it('finds deleted first rows and a deleted tail', async () => {
    await raw('DELETE FROM `audit_event` WHERE `id` = ?', [ids[4]]);
    expect(await verifyAuditChain(t.db)).toMatchObject({
      ok: false,
      count: 4,
      brokenId: ids[4],
      reason: expect.stringMatching(/tête de chaîne/),
    });
    await raw('DELETE FROM `audit_event` WHERE `id` = ?', [ids[0]]);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, count: 0, brokenId: ids[1] });
  });

  it('finds a missing head row', async () => {
    await t.db.getRepository(AuditHead).delete({ id: 1 });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenId: null });
  });
});
