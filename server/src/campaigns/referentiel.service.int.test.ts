import { openTestDatabase, type TestDatabase } from '../test-support/test-db';
import { Campaign } from './campaign.entity';
import { Indicator } from './indicator.entity';
import { loadReferentielDirectory, readReferentielFile } from './referentiel/load';
import { importReferentiel } from './referentiel.service';

describe('importReferentiel', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(async () => t.close());

  it('loads every référentiel file: one campaign each, its indicators with their full definition', async () => {
    const files = loadReferentielDirectory();
    await t.db.transaction(async (em) => {
      for (const file of files) await importReferentiel(em, file, '2025-02-01');
    });
    const campaigns = await t.db.getRepository(Campaign).find();
    expect(campaigns).toHaveLength(files.length);
    const fami2024 = campaigns.find((c) => c.scheme === 'FAMI' && c.referenceYear === 2024)!;
    expect(fami2024).toMatchObject({ status: 'OPEN', opensOn: '2025-01-13', closesOn: '2025-03-03' });
    expect(campaigns.find((c) => c.scheme === 'FAMI' && c.referenceYear === 2023)!.status).toBe('CLOSED');
    const indicators = await t.db.getRepository(Indicator).findBy({ campaignId: fami2024.id });
    const file = files.find((f) => f.campaign.scheme === 'FAMI' && f.campaign.referenceYear === 2024)!;
    expect(indicators.map((i) => i.code).sort()).toEqual(file.indicators.map((i) => i.code).sort());
    const logDmp = indicators.find((i) => i.code === 'LOG_DMP')!;
    expect(logDmp).toMatchObject({ kind: 'DECLARATIVE_PREFILLED', justificatifPolicy: 'DOCUMENT', neutralised: false });
    expect(logDmp.definition).toEqual(file.indicators.find((i) => i.code === 'LOG_DMP'));
  });

  it('is idempotent, updates what changed, and never moves a computed or paid campaign back', async () => {
    const file = readReferentielFile('fami-2023.json');
    const repo = t.db.getRepository(Campaign);
    const before = await repo.findOneByOrFail({ scheme: 'FAMI', referenceYear: 2023 });
    await repo.update({ id: before.id }, { status: 'PAID' });
    const changed = structuredClone(file);
    changed.campaign.label = `${file.campaign.label} (corrigé)`;
    changed.indicators[0]!.label = 'Libellé corrigé';
    await t.db.transaction(async (em) => {
      await importReferentiel(em, changed, '2026-11-22');
      await importReferentiel(em, changed, '2026-11-22');
    });
    expect(await repo.countBy({ scheme: 'FAMI', referenceYear: 2023 })).toBe(1);
    const after = await repo.findOneByOrFail({ id: before.id });
    expect(after).toMatchObject({ label: changed.campaign.label, status: 'PAID' });
    const indicators = await t.db.getRepository(Indicator).findBy({ campaignId: before.id });
    expect(indicators).toHaveLength(file.indicators.length);
    expect(indicators.find((i) => i.code === file.indicators[0]!.code)!.label).toBe('Libellé corrigé');
  });
});
