/**
 * Decisions and an import at once: every transaction moves the counters through the triggers' delta
 * upserts; at the end they equal the recount from the base tables (both databases).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FilesystemStorage } from '../files/storage';
import { importCsv } from '../imports/import-test-kit';
import { seedDatabase } from '../seed';
import { startTestApp, type Loose, type TestApp } from '../test-support/test-app';
import { verifyCounters } from './counters';

const DECIDE = `mutation D($input: DecideJustificatifInput!) {
  decideJustificatif(input: $input) { __typename }
}`;

describe('progress counters under concurrent decisions and an import', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    const storage = new FilesystemStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'mcbo-counter-files-')));
    await seedDatabase(t.db, storage, { professionals: 200, seed: 5, today: new Date() });
  }, 180_000);
  afterAll(async () => t.stop());

  it('end equal to the recount', async () => {
    const pieces = (await t.db.query(
      `SELECT j.id, j.version, j.caisse_code AS caisse FROM justificatif j JOIN campaign c ON c.id = j.campaign_id
        WHERE j.status = 'RECEIVED' AND j.assigned_agent_id IS NULL AND c.status IN ('OPEN', 'CLOSED') ORDER BY j.id`,
    )) as { id: number; version: number; caisse: string }[];
    expect(pieces.length).toBeGreaterThan(2);
    const agent = await t.createAgent({ role: 'CONSEILLER', caisseCode: '751', nationalScope: true });
    const token = await t.login(agent.email);
    const professionals = (await t.db.query(
      "SELECT am_number AS am FROM professional WHERE profession IN ('MEDECIN_GENERALISTE', 'CHIRURGIEN_DENTISTE', 'INFIRMIER', 'MASSEUR_KINESITHERAPEUTE') ORDER BY id LIMIT 150",
    )) as { am: string }[];
    const csv = [
      'am_number;campaign_year;scheme;fse_count;acts_total;sesam_vitale_compliant',
      ...professionals.map((p, i) => `${p.am};2024;FAMI;${(i * 37) % 5000};5000;${i % 3 ? 'oui' : 'non'}`),
    ].join('\n');

    const decisions = Promise.all(
      pieces.slice(0, 16).map((p, i) =>
        t.gql<{ decideJustificatif: Loose }>(
          DECIDE,
          {
            input:
              i % 2
                ? {
                    id: String(p.id),
                    expectedVersion: p.version,
                    verdict: 'REJECTED',
                    reasons: ['DOCUMENT_TYPE_NOT_ACCEPTED'],
                  }
                : { id: String(p.id), expectedVersion: p.version, verdict: 'VALIDATED', checklist: [] },
          },
          token,
        ),
      ),
    );
    const [results, imported] = await Promise.all([decisions, importCsv(t.db, 'BILLING', csv, { batchSize: 10 })]);
    expect(imported.error).toBeUndefined();
    expect(imported.run.rowsRead).toBe(professionals.length);
    const typenames = results.map((r) => r.data?.decideJustificatif.__typename ?? JSON.stringify(r.errors));
    expect(typenames.filter((n) => n === 'Decided').length).toBeGreaterThan(0);

    const verdict = await verifyCounters(t.db);
    expect(verdict.differences).toEqual([]);
  }, 180_000);
});
