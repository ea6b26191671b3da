/**
 * Every feed on its sample file (test/fixtures/imports): what it writes, what the rules make of it,
 * and a second run of the same file that changes nothing.
 */
import { AuditEvent } from '../audit/audit-event.entity';
import { Indicator } from '../campaigns/indicator.entity';
import { Declaration, DeclarationTransmission, IndicatorValue } from '../declarations/declaration.entity';
import { Payment } from '../payments/payment.entity';
import { Professional } from '../professionals/professional.entity';
import { openTestDatabase, type TestDatabase } from '../test-support/test-db';
import { counts, fixture, fixtureWorld, importCsv } from './import-test-kit';
import type { ImportKind } from './import-kinds';

jest.setTimeout(60_000);

describe('imports: sample files', () => {
  let t: TestDatabase;
  let campaignId: number;

  beforeAll(async () => {
    t = await openTestDatabase();
    const world = await fixtureWorld(t.db.manager);
    campaignId = world.campaign.id;
  });
  afterAll(async () => t.close());

  const valueOf = async (amNumber: string, code: string) => {
    const professional = await t.db.getRepository(Professional).findOneByOrFail({ amNumber });
    const indicator = await t.db.getRepository(Indicator).findOneByOrFail({ campaignId, code });
    return t.db.getRepository(IndicatorValue).findOneBy({ professionalId: professional.id, indicatorId: indicator.id });
  };

  it('professionals: inserts the directory, names and communes searchable', async () => {
    const result = await importCsv(t.db, 'PROFESSIONALS', fixture('professionals.csv'));
    expect(result.error).toBeUndefined();
    expect(counts(result)).toEqual({ read: 5, inserted: 5, updated: 0, unchanged: 0, rejected: 0 });
    const martin = await t.db.getRepository(Professional).findOneByOrFail({ amNumber: '211000002' });
    expect(martin).toMatchObject({
      lastName: 'Martin',
      firstName: 'Jean-Paul',
      searchName: 'MARTIN JEAN PAUL',
      addressLine: '3 place Darcy; bâtiment B',
      installationDate: '2010-09-01',
      usesAmelipro: false,
      communeKey: 'DIJON',
    });
    expect(result.run.status).toBe('COMPLETED');
  });

  it.each<[ImportKind, string, number]>([
    ['DMP_TRACES', 'dmp-traces.csv', 3],
    ['MSSANTE', 'mssante.csv', 3],
    ['BILLING', 'billing.csv', 3],
    ['ANNUAIRE', 'annuaire.csv', 3],
    ['DECLARATIONS', 'declarations.csv', 6],
    ['PAYMENTS', 'payments.csv', 3],
  ])('%s: imports its sample file', async (kind, file, rows) => {
    const result = await importCsv(t.db, kind, fixture(file));
    expect(result.error).toBeUndefined();
    expect(result.report.rows()).toEqual([]);
    expect(counts(result)).toEqual({ read: rows, inserted: rows, updated: 0, unchanged: 0, rejected: 0 });
  });

  it('pre-fill feeds set values on the indicators the référentiel names, and the rules evaluate them', async () => {
    expect(await valueOf('211000001', 'LOG_DMP')).toMatchObject({
      source: 'PREFILLED',
      prefillOrigin: 'DMP_TRACES',
      value: { type: 'SOFTWARE', softwareName: 'Dentalia', version: '5.2', publisherName: 'Dentalia Soft' },
      achievement: 'ACHIEVED',
    });
    expect(await valueOf('211000002', 'MSS')).toMatchObject({
      source: 'PREFILLED',
      prefillOrigin: 'MSSANTE_DIRECTORY',
      value: { type: 'MESSAGING', messagingType: 'APICRYPT_V2' },
    });
    expect(await valueOf('211000001', 'TX_FSE')).toMatchObject({
      source: 'COMPUTED',
      prefillOrigin: 'BILLING_FLOWS',
      value: { type: 'RATE', numerator: 4520, denominator: 5000 },
      achievement: 'ACHIEVED',
    });
    expect(await valueOf('211000002', 'TX_FSE')).toMatchObject({ achievement: 'NOT_ACHIEVED' });
    expect(await valueOf('211000002', 'CDC_SV')).toMatchObject({
      source: 'COMPUTED',
      value: { type: 'BOOLEAN', value: false },
      achievement: 'NOT_ACHIEVED',
    });
    expect(await valueOf('751000004', 'HORAIRES')).toMatchObject({
      prefillOrigin: 'ANNUAIRE_SANTE',
      value: { type: 'BOOLEAN', value: true },
    });
  });

  it('declarations: one transmission per timestamp, values DECLARED, declaration summary rebuilt', async () => {
    const professional = await t.db.getRepository(Professional).findOneByOrFail({ amNumber: '211000003' });
    const declaration = await t.db
      .getRepository(Declaration)
      .findOneByOrFail({ professionalId: professional.id, campaignId });
    expect(declaration).toMatchObject({
      status: 'TRANSMITTED',
      transmissionCount: 2,
      lastChannel: 'PAPER',
      honourAttestation: true,
      conditionsAcknowledged: true,
    });
    expect(declaration.firstTransmittedAt?.toISOString()).toBe('2025-02-03T14:05:12.000Z');
    const transmissions = await t.db
      .getRepository(DeclarationTransmission)
      .find({ where: { declarationId: declaration.id }, order: { transmittedAt: 'ASC' } });
    expect(transmissions.map((tr) => Object.keys(tr.values).sort())).toEqual([['LOG_DMP', 'MSS'], ['ETUDIANT']]);
    expect(await valueOf('211000003', 'LOG_DMP')).toMatchObject({ source: 'DECLARED', prefillOrigin: null });
    expect(await valueOf('211000001', 'ALLER_VERS')).toMatchObject({
      source: 'DECLARED',
      value: { type: 'TEXT', text: 'EHPAD Les Tilleuls; école Jean Jaurès', count: 4 },
    });
    const first = await t.db.getRepository(Declaration).findOneByOrFail({
      professionalId: (await t.db.getRepository(Professional).findOneByOrFail({ amNumber: '211000001' })).id,
      campaignId,
    });
    expect(first.projectedRemunerationCents).toBeGreaterThan(0);
  });

  it('payments: keyed by reference, amounts in cents', async () => {
    const payments = await t.db.getRepository(Payment).find({ order: { reference: 'ASC' } });
    expect(payments.map((p) => [p.reference, p.kind, p.amountCents, p.paidOn, p.status, p.caisseCode])).toEqual([
      ['PAY-2025-000001', 'INITIAL', 105000, '2025-05-15', 'SENT', '211'],
      ['PAY-2025-000002', 'INITIAL', 49050, '2025-05-15', 'SENT', '751'],
      ['PAY-2025-R00001', 'REGULARISATION', -5000, '2025-09-15', 'SCHEDULED', '211'],
    ]);
  });

  it.each<[ImportKind, string]>([
    ['PROFESSIONALS', 'professionals.csv'],
    ['DMP_TRACES', 'dmp-traces.csv'],
    ['MSSANTE', 'mssante.csv'],
    ['BILLING', 'billing.csv'],
    ['ANNUAIRE', 'annuaire.csv'],
    ['DECLARATIONS', 'declarations.csv'],
    ['PAYMENTS', 'payments.csv'],
  ])('%s: a second run of the same file changes nothing', async (kind, file) => {
    const before = await snapshot();
    const result = await importCsv(t.db, kind, fixture(file));
    expect(result.error).toBeUndefined();
    expect(result.run).toMatchObject({ inserted: 0, updated: 0, rejected: 0 });
    expect(result.run.unchanged).toBe(result.run.rowsRead);
    expect(await snapshot()).toEqual(before);
  });

  it('records each run in the audit trail', async () => {
    const events = await t.db.getRepository(AuditEvent).findBy({ action: 'IMPORT_COMPLETED' });
    expect(events.length).toBeGreaterThanOrEqual(14);
    expect(events[0]).toMatchObject({ targetType: 'IMPORT_RUN', agentId: null });
  });

  it('professionals: a file without the optional columns keeps what is stored for them', async () => {
    const before = await t.db.getRepository(Professional).findOneByOrFail({ amNumber: '211000001' });
    expect(before.email).not.toBeNull();
    expect(before.rpps).not.toBeNull();
    const csv = [
      'am_number;last_name;first_name;profession;caisse_code;address_line;postal_code;commune',
      [
        before.amNumber,
        before.lastName,
        before.firstName,
        before.profession,
        before.caisseCode,
        before.addressLine,
        before.postalCode,
        before.commune,
      ].join(';'),
    ].join('\n');
    const result = await importCsv(t.db, 'PROFESSIONALS', csv);
    expect(counts(result)).toEqual({ read: 1, inserted: 0, updated: 0, unchanged: 1, rejected: 0 });
    const after = await t.db.getRepository(Professional).findOneByOrFail({ amNumber: '211000001' });
    for (const field of ['rpps', 'adeli', 'email', 'phone', 'installationDate', 'usesAmelipro', 'specialty'] as const) {
      expect(after[field]).toEqual(before[field]);
    }
  });

  it('payments: a file without statuses leaves a cancelled payment cancelled, and sends a new one', async () => {
    await t.db.getRepository(Payment).update({ reference: 'PAY-2025-000001' }, { status: 'CANCELLED' });
    const csv = [
      'reference;am_number;campaign_year;scheme;kind;amount_eur;paid_on',
      'PAY-2025-000001;211000001;2024;FAMI;INITIAL;1 050,00;2025-05-15',
      'PAY-2025-R00099;211000001;2024;FAMI;REGULARISATION;10;2025-10-01',
    ].join('\n');
    const result = await importCsv(t.db, 'PAYMENTS', csv);
    expect(counts(result)).toEqual({ read: 2, inserted: 1, updated: 0, unchanged: 1, rejected: 0 });
    const statuses = await t.db.getRepository(Payment).find({
      where: [{ reference: 'PAY-2025-000001' }, { reference: 'PAY-2025-R00099' }],
      order: { reference: 'ASC' },
    });
    expect(statuses.map((p) => [p.reference, p.status])).toEqual([
      ['PAY-2025-000001', 'CANCELLED'],
      ['PAY-2025-R00099', 'SENT'],
    ]);
  });

  it('a file of rejected rows still commits its progress and its report batch by batch', async () => {
    const lines = ['am_number;campaign_year;scheme;hours_published'];
    for (let i = 0; i < 2500; i++) lines.push(`XX${i};2024;FAMI;oui`);
    const result = await importCsv(t.db, 'ANNUAIRE', lines.join('\n'), { batchSize: 1000 });
    expect(result.run).toMatchObject({ status: 'COMPLETED', rowsRead: 2500, rejected: 2500, batchesCommitted: 3 });
    expect(result.report.rows()).toHaveLength(2500);
  });

  async function snapshot() {
    const strip = <T extends object>(rows: T[]) =>
      rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'updatedAt')));
    return {
      professionals: strip(await t.db.getRepository(Professional).find({ order: { id: 'ASC' } })),
      declarations: strip(await t.db.getRepository(Declaration).find({ order: { id: 'ASC' } })),
      values: strip(await t.db.getRepository(IndicatorValue).find({ order: { id: 'ASC' } })),
      transmissions: await t.db.getRepository(DeclarationTransmission).find({ order: { id: 'ASC' } }),
      payments: await t.db.getRepository(Payment).find({ order: { id: 'ASC' } }),
    };
  }
});
