import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import argon2 from 'argon2';
import { PDFDocument } from 'pdf-lib';
import { Agent } from '../agents/agent.entity';
import { Campaign } from '../campaigns/campaign.entity';
import { Indicator } from '../campaigns/indicator.entity';
import { AGENT_ROLES, PROFESSIONS } from '../common/enums';
import { ContactLog } from '../contacts/contact-log.entity';
import { Declaration, DeclarationTransmission, IndicatorValue } from '../declarations/declaration.entity';
import { evaluateDeclaration } from '../declarations/evaluation';
import { loadEvaluationInputs } from '../declarations/evaluation-inputs';
import { sniffContentType } from '../files/file-type';
import { FilesystemStorage } from '../files/storage';
import { StoredFile } from '../files/stored-file.entity';
import { Justificatif, JustificatifHistory } from '../justificatifs/justificatif.entity';
import { Payment } from '../payments/payment.entity';
import { Caisse } from '../professionals/caisse.entity';
import { Professional } from '../professionals/professional.entity';
import { openTestDatabase, type TestDatabase } from '../test-support/test-db';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoAccountsBanner, loadDemoDataIfEmpty, seedDatabase } from '.';

async function readAll(storage: FilesystemStorage, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await storage.read(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const identifiers = async (t: TestDatabase, take: number) =>
  (await t.db.getRepository(Professional).find({ order: { id: 'ASC' }, take })).map(
    (p) => `${p.id} ${p.amNumber} ${p.rpps} ${p.adeli} ${p.lastName} ${p.firstName} ${p.caisseCode} ${p.profession}`,
  );

describe('demo data in the database', () => {
  let t: TestDatabase;
  let storage: FilesystemStorage;
  const today = new Date('2026-11-22T09:00:00Z');
  const count = async (entity: Parameters<TestDatabase['db']['getRepository']>[0]) =>
    t.db.getRepository(entity).count();

  beforeAll(async () => {
    t = await openTestDatabase();
    storage = new FilesystemStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'mcbo-seed-files-')));
    const result = await seedDatabase(t.db, storage, { professionals: 300, seed: 7, today });
    expect(result.professionals).toBe(300);
  }, 120_000);
  afterAll(async () => t.close());

  it('covers every profession, with the caisses 211 and 751 well populated', async () => {
    const rows: { profession: string }[] = await t.db.query('SELECT DISTINCT profession FROM professional');
    expect(rows.map((r) => r.profession).sort()).toEqual([...PROFESSIONS].sort());
    const caisses = await t.db.getRepository(Caisse).find();
    expect(caisses.map((c) => c.code)).toEqual(expect.arrayContaining(['211', '751']));
    expect(caisses.find((c) => c.code === '211')?.name).toBe("CPAM de la Côte-d'Or");
    for (const code of ['211', '751']) {
      expect(await t.db.getRepository(Professional).countBy({ caisseCode: code })).toBeGreaterThan(50);
    }
  });

  it('opens with the showcase professionals: #1 of caisse 211 is Éloïse Lefèvre, dentist in Dijon', async () => {
    const first = await t.db
      .getRepository(Professional)
      .findOne({ where: { caisseCode: '211' }, order: { id: 'ASC' } });
    expect(first).toMatchObject({ lastName: 'Lefèvre', firstName: 'Éloïse', searchName: 'LEFEVRE ELOISE' });
    expect(first).toMatchObject({ commune: 'Dijon', profession: 'CHIRURGIEN_DENTISTE', usesAmelipro: true });
  });

  it('stores the atteinte and rémunération the server computes from the stored rows', async () => {
    const declarations = await t.db.getRepository(Declaration).find({ select: { id: true } });
    const loaded = await loadEvaluationInputs(
      t.db.manager,
      declarations.map((d) => d.id),
    );
    expect(loaded.size).toBe(declarations.length);
    let compared = 0;
    for (const { declaration, input, values, indicators } of loaded.values()) {
      const evaluation = evaluateDeclaration(input);
      expect(declaration.projectedRemunerationCents).toBe(evaluation.remuneration.totalCents);
      const byCode = new Map(evaluation.indicators.map((r) => [r.indicator.code, r.achievement]));
      expect(values.length).toBe(evaluation.indicators.length);
      for (const value of values) {
        const code = indicators.find((i) => i.id === value.indicatorId)!.code;
        expect([code, value.achievement, value.achievementReason]).toEqual([
          code,
          byCode.get(code)?.status,
          byCode.get(code)?.reason.slice(0, 400),
        ]);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(2000);
  });

  it('has justificatifs in every state, with their history', async () => {
    const statuses: { status: string }[] = await t.db.query('SELECT DISTINCT status FROM justificatif');
    expect(statuses.map((s) => s.status).sort()).toEqual(['RECEIVED', 'REJECTED', 'VALIDATED']);
    const pieces = await t.db.getRepository(Justificatif).find();
    expect(pieces.some((p) => p.status === 'RECEIVED' && p.assignedAgentId !== null)).toBe(true);
    expect(pieces.some((p) => p.status === 'RECEIVED' && p.assignedAgentId === null)).toBe(true);
    expect(pieces.filter((p) => p.status === 'REJECTED').every((p) => p.rejectionReasons?.length && p.comment)).toBe(
      true,
    );
    expect(await count(JustificatifHistory)).toBeGreaterThan(pieces.length);
    // A campaign closed with pieces still to check: the queue of FAMI 2024.
    const fami2024 = await t.db.getRepository(Campaign).findOneByOrFail({ scheme: 'FAMI', referenceYear: 2024 });
    expect(fami2024.status).toBe('CLOSED');
    expect(pieces.some((p) => p.campaignId === fami2024.id && p.status === 'RECEIVED')).toBe(true);
  });

  it('stores real PDF and PNG documents that the server recognises', async () => {
    const files = await t.db.getRepository(StoredFile).find();
    const used = new Set((await t.db.getRepository(Justificatif).find()).map((j) => j.fileId));
    expect([...used].every((id) => files.some((f) => f.id === id))).toBe(true);
    expect(new Set(files.map((f) => f.contentType))).toEqual(new Set(['application/pdf', 'image/png']));
    for (const file of files) {
      const bytes = await readAll(storage, file.id);
      expect(bytes.length).toBe(file.sizeBytes);
      expect(sniffContentType(bytes.subarray(0, 16))).toBe(file.contentType);
      if (file.contentType === 'application/pdf') expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
      else expect(bytes.readUInt32BE(16)).toBe(480); // IHDR width
    }
  });

  it('gives every pending piece for a software a document of its own, naming that software', async () => {
    const pending = await t.db.getRepository(Justificatif).findBy({ status: 'RECEIVED' });
    const values = await t.db.getRepository(IndicatorValue).find();
    const files = new Map((await t.db.getRepository(StoredFile).find()).map((f) => [f.id, f]));
    const holderOf = new Map<string, number>();
    let checked = 0;
    for (const piece of pending) {
      const declared = values.find(
        (v) =>
          v.professionalId === piece.professionalId &&
          v.campaignId === piece.campaignId &&
          v.indicatorId === piece.indicatorId,
      )?.value;
      if (declared?.type !== 'SOFTWARE') continue;
      checked += 1;
      const slug = declared.softwareName
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-');
      const fileId = piece.fileId ?? '(none)';
      expect(files.get(fileId)?.originalName).toMatch(new RegExp(`^facture-${slug}(-sans-mention)?\\.pdf$`));
      // Nobody else's piece shows the same document.
      expect(holderOf.get(fileId) ?? piece.professionalId).toBe(piece.professionalId);
      holderOf.set(fileId, piece.professionalId);
    }
    expect(checked).toBeGreaterThan(5);
    const names = [...holderOf.keys()].map((id) => files.get(id)!.originalName);
    expect(names.some((n) => n.endsWith('-sans-mention.pdf'))).toBe(true);
    expect(names.some((n) => !n.endsWith('-sans-mention.pdf'))).toBe(true);
  });

  it('pays the computed and paid campaigns, over several years', async () => {
    const payments = await t.db.getRepository(Payment).find();
    expect(payments.length).toBeGreaterThan(50);
    const paid = await t.db.getRepository(Campaign).findBy({ status: 'PAID' });
    // Every paid campaign whose référentiel knows the amounts (ROSP 2019's are unknown: nothing to pay).
    const earning: { campaign_id: number }[] = await t.db.query(
      'SELECT DISTINCT campaign_id FROM declaration WHERE computed_remuneration_cents > 0',
    );
    expect(new Set(payments.map((p) => p.campaignId))).toEqual(new Set(earning.map((e) => Number(e.campaign_id))));
    expect(earning.length).toBeGreaterThanOrEqual(3);
    expect(earning.every((e) => paid.some((c) => c.id === Number(e.campaign_id)))).toBe(true);
    expect(new Set(payments.map((p) => p.paidOn.slice(0, 4))).size).toBeGreaterThan(2);
    const declarations = await t.db.getRepository(Declaration).findBy({ campaignId: paid[0]!.id });
    for (const d of declarations.filter((x) => (x.computedRemunerationCents ?? 0) > 0)) {
      const sum = payments
        .filter((p) => p.professionalId === d.professionalId && p.campaignId === d.campaignId)
        .reduce((s, p) => s + p.amountCents, 0);
      expect(sum).toBe(d.computedRemunerationCents);
    }
  });

  it('records transmissions (some on paper, entered by an agent) and a few contacts', async () => {
    const transmissions = await t.db.getRepository(DeclarationTransmission).find();
    expect(transmissions.some((x) => x.channel === 'PAPER' && x.enteredByAgentId !== null)).toBe(true);
    expect(transmissions.every((x) => x.honourAttestation && x.conditionsAcknowledged)).toBe(true);
    expect(await count(ContactLog)).toBeGreaterThan(5);
  });

  it('creates one demo account per role for 211 and 751, and a national supervisor, with the shared password', async () => {
    const agents = await t.db.getRepository(Agent).find();
    expect(agents.map((a) => a.email).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    for (const caisse of ['211', '751']) {
      expect(
        agents
          .filter((a) => a.caisseCode === caisse && !a.nationalScope)
          .map((a) => a.role)
          .sort(),
      ).toEqual([...AGENT_ROLES].sort());
    }
    expect(agents.filter((a) => a.nationalScope).map((a) => a.role)).toEqual(['SUPERVISEUR']);
    expect(agents[0]!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await argon2.verify(agents[0]!.passwordHash, DEMO_PASSWORD)).toBe(true);
  });

  it('prints the start banner with the URL and the demo accounts', async () => {
    const banner = await demoAccountsBanner(t.db, 4123);
    expect(banner).toContain('http://localhost:4123');
    expect(banner).toContain('conseiller.211@demo.mcbo.fr');
    expect(banner).toContain(DEMO_PASSWORD);
    expect(await loadDemoDataIfEmpty(t.db, storage, () => {})).toBe(false);
  });

  it('gives the same professionals for the same seed on a fresh database, whatever the size', async () => {
    const other = await openTestDatabase();
    try {
      await seedDatabase(other.db, storage, { professionals: 120, seed: 7, today });
      expect(await identifiers(other, 120)).toEqual(await identifiers(t, 120));
    } finally {
      await other.close();
    }
  }, 60_000);

  it('adds professionals on a second run without duplicating reference data', async () => {
    const before = {
      caisses: await count(Caisse),
      campaigns: await count(Campaign),
      indicators: await count(Indicator),
      agents: await count(Agent),
      values: await count(IndicatorValue),
    };
    await seedDatabase(t.db, storage, { professionals: 20, seed: 8, today });
    expect(await count(Professional)).toBe(320);
    expect({
      caisses: await count(Caisse),
      campaigns: await count(Campaign),
      indicators: await count(Indicator),
      agents: await count(Agent),
    }).toEqual({
      caisses: before.caisses,
      campaigns: before.campaigns,
      indicators: before.indicators,
      agents: before.agents,
    });
    expect(await count(IndicatorValue)).toBeGreaterThan(before.values);
    const all = await t.db.getRepository(Professional).find();
    expect(new Set(all.map((p) => p.amNumber)).size).toBe(all.length);
    expect(all.filter((p) => p.lastName === 'Lefèvre' && p.firstName === 'Éloïse')).toHaveLength(1);
  }, 60_000);
});
