import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Agent } from '../agents/agent.entity';
import { Campaign } from '../campaigns/campaign.entity';
import { PROFESSIONS } from '../common/enums';
import { FilesystemStorage } from '../files/storage';
import { sniffContentType } from '../files/file-type';
import { Justificatif } from '../justificatifs/justificatif.entity';
import { Payment } from '../payments/payment.entity';
import { Professional } from '../professionals/professional.entity';
import { AM_NUMBER_PATTERN, ADELI_PATTERN, RPPS_PATTERN } from '../professionals/identifiers';
import { openTestDatabase, type TestDatabase } from '../test-support/test-db';
import { DEMO_ACCOUNTS, seedDatabase } from './seed';

describe('demo data', () => {
  let t: TestDatabase;
  let storage: FilesystemStorage;
  const today = new Date('2026-11-22T09:00:00Z');

  beforeAll(async () => {
    t = await openTestDatabase();
    storage = new FilesystemStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'mcbo-seed-files-')));
    await seedDatabase(t.db, storage, { professionals: 400, seed: 7, today });
  });
  afterAll(async () => t.close());

  it('covers every profession and the caisses 211 and 751', async () => {
    const rows: { profession: string }[] = await t.db.query('SELECT DISTINCT profession FROM professional');
    expect(rows.map((r) => r.profession).sort()).toEqual([...PROFESSIONS].sort());
    const caisses = await t.db
      .getRepository(Professional)
      .createQueryBuilder('p')
      .select('DISTINCT p.caisseCode', 'c')
      .getRawMany();
    expect(caisses.map((c) => c.c)).toEqual(expect.arrayContaining(['211', '751']));
  });

  it('gives identifiers in valid formats, unique', async () => {
    const all = await t.db.getRepository(Professional).find();
    expect(all.every((p) => AM_NUMBER_PATTERN.test(p.amNumber) && RPPS_PATTERN.test(p.rpps!))).toBe(true);
    expect(all.filter((p) => p.adeli).every((p) => ADELI_PATTERN.test(p.adeli!))).toBe(true);
    expect(new Set(all.map((p) => p.rpps)).size).toBe(all.length);
  });

  it('leaves the latest FAMI campaign in instruction with pieces to check, and pays the older ones', async () => {
    const campaigns = await t.db.getRepository(Campaign).find();
    expect(campaigns.find((c) => c.referenceYear === 2024 && c.scheme === 'FAMI')?.status).toBe('CLOSED');
    expect(campaigns.find((c) => c.referenceYear === 2023 && c.scheme === 'FAMI')?.status).toBe('PAID');
    const statuses: { status: string }[] = await t.db.query('SELECT DISTINCT status FROM justificatif');
    expect(statuses.map((s) => s.status).sort()).toEqual(['RECEIVED', 'REJECTED', 'VALIDATED']);
    expect(await t.db.getRepository(Payment).count()).toBeGreaterThan(50);
  });

  it('stores real documents the server recognises', async () => {
    const pieces = await t.db.getRepository(Justificatif).find({ take: 20 });
    for (const piece of pieces) {
      const stream = await storage.read(piece.fileId!);
      const head: Buffer = await new Promise((resolve) =>
        stream.once('data', (chunk) => {
          stream.destroy();
          resolve(chunk as Buffer);
        }),
      );
      expect(sniffContentType(head)).not.toBeNull();
    }
  });

  it('creates one demo account per role for 211 and 751, and a national supervisor', async () => {
    const agents = await t.db.getRepository(Agent).find();
    expect(agents.map((a) => a.email).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
  });

  it('is deterministic for a seed', async () => {
    const other = await openTestDatabase();
    try {
      await seedDatabase(other.db, storage, { professionals: 400, seed: 7, today });
      const names = async (db: TestDatabase) =>
        (await db.db.getRepository(Professional).find({ order: { id: 'ASC' } })).map(
          (p) => `${p.amNumber} ${p.lastName} ${p.caisseCode}`,
        );
      expect(await names(other)).toEqual(await names(t));
    } finally {
      await other.close();
    }
  });
});
