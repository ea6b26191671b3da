/**
 * The progress counters (kept by triggers, counters.sql.ts) against the base tables: equal after the
 * seed, after the migration's fill, and the dashboard's answer from counters equal to the one grouped
 * from the base tables, for every campaign and scope.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Campaign } from '../campaigns/campaign.entity';
import { FilesystemStorage } from '../files/storage';
import { seedDatabase } from '../seed';
import { openTestDatabase, type TestDatabase } from '../test-support/test-db';
import { counterDialect, verifyCounters } from './counters';
import { fillCounters } from './counters.sql';
import { assembleProgress } from './progress.assembly';
import { baseTableRows, counterRows, type ProgressScope } from './progress.service';

describe('progress counters', () => {
  let t: TestDatabase;
  const today = new Date('2026-11-22T09:00:00Z');

  beforeAll(async () => {
    t = await openTestDatabase();
    const storage = new FilesystemStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'mcbo-counter-files-')));
    await seedDatabase(t.db, storage, { professionals: 300, seed: 11, today });
  }, 180_000);
  afterAll(async () => t.close());

  it('equal the recount from the base tables after the seed', async () => {
    const verdict = await verifyCounters(t.db);
    expect(verdict.differences).toEqual([]);
    expect(verdict.rows).toBeGreaterThan(20);
  });

  it('give the dashboard the same answer as the base tables, for every campaign and scope', async () => {
    const campaigns = await t.db.getRepository(Campaign).find({ order: { id: 'ASC' } });
    expect(campaigns.length).toBeGreaterThan(1);
    for (const campaign of campaigns) {
      for (const [caisses, profession] of [
        [null, null],
        [['211'], null],
        [['211', '751'], null],
        [null, campaign.professions[0]!],
        [['751'], campaign.professions[0]!],
      ] as const) {
        for (const day of ['2026-11-22', '2026-12-20', '2027-03-01']) {
          const scope: ProgressScope = {
            campaignIds: [campaign.id],
            professions: campaign.professions.filter((p) => !profession || p === profession),
            caisses: caisses ? [...caisses] : null,
            profession,
            today: day,
          };
          const common = { campaigns: [campaign], indicators: [], caisseNames: [], profession };
          const fromCounters = assembleProgress({ ...common, ...(await counterRows(t.db, scope)) });
          const fromBase = assembleProgress({ ...common, ...(await baseTableRows(t.db, scope)) });
          expect(JSON.stringify(fromCounters)).toBe(JSON.stringify(fromBase));
        }
      }
    }
  });

  it("are rebuilt by the migration's fill from existing data", async () => {
    await t.db.query('DELETE FROM progress_counter');
    expect((await verifyCounters(t.db)).differences.length).toBeGreaterThan(0);
    await t.db.query(fillCounters(counterDialect(t.db)));
    expect((await verifyCounters(t.db)).differences).toEqual([]);
  });

  it('follow a change of caisse of a declaration, its achievements with it', async () => {
    const [declaration] = (await t.db.query(
      "SELECT id, caisse_code AS caisse FROM declaration WHERE caisse_code = '211' ORDER BY id LIMIT 1",
    )) as { id: number; caisse: string }[];
    await t.db.query("UPDATE declaration SET caisse_code = '751' WHERE id = ?", [declaration!.id]);
    expect((await verifyCounters(t.db)).differences).toEqual([]);
    await t.db.query("UPDATE declaration SET caisse_code = '211' WHERE id = ?", [declaration!.id]);
    expect((await verifyCounters(t.db)).differences).toEqual([]);
  });
});
