import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { verifyAuditChains } from '../audit/audit-verify';
import { recordAudit } from '../audit/audit.service';
import { createDataSource } from './data-source';
import { ENTITIES } from './entities';
import { backupMysql, backupSqlite, restoreMysql } from './backup';
import { openTestDatabase, type TestDatabase } from '../test-support/test-db';
import { createCaisses, createCampaign, createProfessional, receivedJustificatif } from '../test-support/world';

async function counts(db: TestDatabase['db']) {
  const result: Record<string, number> = {};
  for (const entity of ENTITIES) result[entity.name] = await db.getRepository(entity).count();
  return result;
}

describe('backup and restore', () => {
  let t: TestDatabase;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcbo-backup-'));
  beforeAll(async () => {
    t = await openTestDatabase();
    await createCaisses(t.db.manager);
    const campaign = await createCampaign(t.db.manager, 'fami-2024.json', 'CLOSED');
    for (let i = 0; i < 5; i += 1) {
      const professional = await createProfessional(t.db.manager, {
        profession: 'CHIRURGIEN_DENTISTE',
        caisseCode: '211',
      });
      await receivedJustificatif(t.db.manager, professional, campaign, 'LOG_DMP');
    }
    await t.db.transaction(async (em) => {
      for (let i = 0; i < 20; i += 1) {
        await recordAudit(em, {
          agentId: null,
          action: 'BACKUP_TEST',
          targetType: 'TEST',
          targetId: i,
          caisseCode: '211',
        });
      }
    });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('restores into a fresh database with the same counts and a verified audit chain', async () => {
    const before = await counts(t.db);
    expect(before.AuditEvent).toBeGreaterThanOrEqual(20);
    let restored: TestDatabase['db'];
    let dropRestored = async () => {};
    if (t.dialect === 'sqlite') {
      const copy = path.join(dir, 'copie.sqlite');
      await backupSqlite(t.db, copy);
      restored = await createDataSource({ sqlitePath: copy, poolSize: 1, queueLimit: 0, connectTimeoutMs: 1000 });
    } else {
      const dump = path.join(dir, 'dump.sql');
      await backupMysql(t.settings.url!, dump);
      const server = t.settings.url!.replace(/\/[^/]+$/, '');
      const name = `${new URL(t.settings.url!).pathname.slice(1)}_r`;
      const admin = await mysql.createConnection(server);
      await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      await restoreMysql(`${server}/${name}`, dump);
      restored = await createDataSource({ ...t.settings, url: `${server}/${name}` });
      dropRestored = async () => {
        await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await admin.end();
      };
    }
    await restored.initialize();
    try {
      expect(await restored.showMigrations()).toBe(false);
      expect(await counts(restored)).toEqual(before);
      const verdict = await verifyAuditChains(restored);
      expect(verdict.ok).toBe(true);
      // Every event is either linked and verified, or recorded and waiting for the linker.
      expect(verdict.count + verdict.unlinked).toBe(before.AuditEvent);
    } finally {
      await restored.destroy();
      await dropRestored();
    }
  });
});
