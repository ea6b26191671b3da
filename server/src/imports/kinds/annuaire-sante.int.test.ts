/**
 * The public Annuaire Santé extract on its sample file (test/fixtures/imports/annuaire-sante.txt): every
 * awkward case, a second run that changes nothing, zip input, the older header spelling, a missing
 * mandatory column, a caisse-scoped run, an unsorted file and a crash between batches.
 */
import { Zip, ZipDeflate, zipSync } from 'fflate';
import { Declaration } from '../../declarations/declaration.entity';
import { Professional } from '../../professionals/professional.entity';
import { openTestDatabase, type TestDatabase } from '../../test-support/test-db';
import { createProfessional, declare } from '../../test-support/world';
import { fixture, fixtureWorld, importCsv, type CsvRunResult } from '../import-test-kit';

jest.setTimeout(60_000);

const FILE = fixture('annuaire-sante.txt');
const TEXT = FILE.toString('utf8');

const tally = (r: CsvRunResult) => ({
  read: r.run.rowsRead,
  updated: r.run.updated,
  unchanged: r.run.unchanged,
  rejected: r.run.rejected,
  skipped: r.run.skipped,
  unknown: r.run.unknown,
  absent: r.run.absent,
});

/** The world the sample file is written against: who we know, by which identifier. */
async function directory(t: TestDatabase) {
  const em = t.db.manager;
  const martin = await createProfessional(em, {
    caisseCode: '211',
    profession: 'MEDECIN_SPECIALISTE',
    rpps: '10100000001',
    lastName: 'Martin',
    firstName: 'Jean',
    addressLine: '1 rue Ancienne',
    postalCode: '21000',
    commune: 'Dijon',
    communeKey: 'DIJON',
  });
  const bernard = await createProfessional(em, { caisseCode: '211', profession: 'INFIRMIER', rpps: '10100000002' });
  const petit = await createProfessional(em, {
    caisseCode: '211',
    profession: 'ORTHOPHONISTE',
    rpps: null,
    adeli: '211234567',
    phone: '0380999999',
  });
  const gone = await createProfessional(em, { caisseCode: '211', profession: 'INFIRMIER', rpps: '10100000004' });
  const roux = await createProfessional(em, {
    caisseCode: '211',
    profession: 'CHIRURGIEN_DENTISTE',
    rpps: '10100000005',
  });
  const simon = await createProfessional(em, { caisseCode: '751', profession: 'SAGE_FEMME', rpps: '10100000006' });
  return { martin, bernard, petit, gone, roux, simon };
}

describe('annuaire-sante import', () => {
  let t: TestDatabase;
  let world: Awaited<ReturnType<typeof directory>>;
  const find = (id: number) => t.db.getRepository(Professional).findOneByOrFail({ id });

  beforeAll(async () => {
    t = await openTestDatabase();
    const { campaign } = await fixtureWorld(t.db.manager);
    world = await directory(t);
    // The dentist has a FAMI declaration: a new specialty re-evaluates it.
    await declare(t.db.manager, world.roux, campaign, {});
  });
  afterAll(async () => t.close());

  it('imports the sample file: each awkward case', async () => {
    const result = await importCsv(t.db, 'ANNUAIRE_SANTE', FILE, { batchSize: 3 });
    expect(result.error).toBeUndefined();
    expect(result.run.status).toBe('COMPLETED');
    // 12 lines: 5 professionals refreshed, 5 skipped (3 other professions, 1 salaried, 1 secondary
    // site), 1 unknown, 1 rejected; 1 known professional absent.
    expect(tally(result)).toEqual({
      read: 12,
      updated: 5,
      unchanged: 0,
      rejected: 1,
      skipped: 5,
      unknown: 1,
      absent: 1,
    });

    // Two liberal sites: the one in the département of his caisse (Beaune), not the first of the file.
    expect(await find(world.martin.id)).toMatchObject({
      civility: 'Docteur',
      lastName: 'MARTIN',
      firstName: 'Jean',
      searchName: 'MARTIN JEAN',
      profession: 'MEDECIN_GENERALISTE',
      specialtyCode: 'SM54',
      specialty: 'Médecine générale',
      addressLine: '3 Place Carnot',
      postalCode: '21200',
      commune: 'Beaune',
      communeKey: 'BEAUNE',
      phone: '0380000001',
      email: 'jean.martin@example.fr',
    });
    // Salaried + liberal: the liberal site only; a letter in the street number is kept.
    expect(await find(world.bernard.id)).toMatchObject({
      addressLine: '12B Rue des Godrans',
      postalCode: '21000',
      phone: '03 80 00 00 02',
      profession: 'INFIRMIER',
    });
    // ADELI only; no commune but « Bureau cedex »; an empty telephone keeps the one we hold.
    expect(await find(world.petit.id)).toMatchObject({
      adeli: '211234567',
      rpps: null,
      lastName: 'PETIT',
      addressLine: 'Cabinet Petit, 5 bis Rue de la Liberté',
      postalCode: '21033',
      commune: 'DIJON CEDEX',
      phone: '0380999999',
    });
    // A specialty code the rules can read.
    expect(await find(world.roux.id)).toMatchObject({ specialtyCode: 'SCD01', specialty: 'Orthopédie dento-faciale' });
    // Never deleted.
    expect(await find(world.gone.id)).toMatchObject({ rpps: '10100000004' });

    const report = result.report.rows();
    expect(report).toContainEqual([
      '10',
      'Identifiant PP',
      '10199999999',
      expect.stringMatching(/^Professionnel inconnu du répertoire : RPPS 10199999999 \(INCONNU Marc/),
    ]);
    expect(report).toContainEqual(['12', 'Identifiant PP', '1010000000', expect.stringMatching(/^RPPS mal formé/)]);
    expect(report).toContainEqual([
      '',
      'N° AM',
      world.gone.amNumber,
      expect.stringMatching(/^Absent du fichier : .* \(RPPS 10100000004\) n'y a aucune activité libérale/),
    ]);
    // The run's sample of rejections holds file faults only.
    expect(result.run.rejections).toEqual([
      { line: 12, column: 'Identifiant PP', reason: expect.stringMatching(/^RPPS mal formé/) },
    ]);
  });

  it('the same file again changes nothing', async () => {
    const before = await t.db.getRepository(Professional).find({ order: { id: 'ASC' } });
    const again = await importCsv(t.db, 'ANNUAIRE_SANTE', FILE);
    expect(tally(again)).toEqual({
      read: 12,
      updated: 0,
      unchanged: 5,
      rejected: 1,
      skipped: 5,
      unknown: 1,
      absent: 1,
    });
    expect(await t.db.getRepository(Professional).find({ order: { id: 'ASC' } })).toEqual(before);
  });

  it('reads the zip as published, including one written as a stream (data descriptors)', async () => {
    const plain = zipSync({ 'PS_LibreAcces_Personne_activite_202611220000.txt': new Uint8Array(FILE) });
    expect(tally(await importCsv(t.db, 'ANNUAIRE_SANTE', Buffer.from(plain), { chunkSize: 1000 }))).toMatchObject({
      read: 12,
      unchanged: 5,
      unknown: 1,
    });
    const parts: Uint8Array[] = [];
    const zip = new Zip((error, data) => {
      if (error) throw error;
      parts.push(data);
    });
    const entry = new ZipDeflate('PS_LibreAcces_Personne_activite.txt', { level: 6 });
    zip.add(entry);
    entry.push(new Uint8Array(FILE), true);
    zip.end();
    const streamed = await importCsv(t.db, 'ANNUAIRE_SANTE', Buffer.concat(parts), { chunkSize: 777 });
    expect(streamed.error).toBeUndefined();
    expect(tally(streamed)).toMatchObject({ read: 12, unchanged: 5, unknown: 1 });
    expect(streamed.run.bytesRead).toBe(Buffer.concat(parts).length);
  });

  it('an archive without a text file fails the run', async () => {
    const zip = zipSync({ 'lisez-moi.pdf': new Uint8Array([1, 2, 3]) });
    const result = await importCsv(t.db, 'ANNUAIRE_SANTE', Buffer.from(zip));
    expect(result.run).toMatchObject({
      status: 'FAILED',
      errorMessage: "L'archive zip ne contient aucun fichier texte (.txt ou .csv).",
    });
  });

  it('accepts the older header spelling, no BOM, CRLF and lines without the trailing separator', async () => {
    const older = TEXT.replace('\ufeff', '')
      .replace("Libellé civilité d'exercice", 'Libellé civilité exercice')
      .replace(/\|\n/g, '\r\n');
    const result = await importCsv(t.db, 'ANNUAIRE_SANTE', older);
    expect(result.error).toBeUndefined();
    expect(tally(result)).toMatchObject({ read: 12, unchanged: 5, rejected: 1 });
  });

  it('a missing mandatory column fails the file before any write, naming the column', async () => {
    const lines = TEXT.split('\n');
    const header = lines[0]!.split('|');
    const at = header.indexOf('Code profession');
    const without = lines
      .map((l) =>
        l
          .split('|')
          .filter((_, i) => i !== at)
          .join('|'),
      )
      .join('\n');
    const before = await t.db.getRepository(Professional).find({ order: { id: 'ASC' } });
    const result = await importCsv(t.db, 'ANNUAIRE_SANTE', without);
    expect(result.run).toMatchObject({ status: 'FAILED', rowsRead: 0, batchesCommitted: 0 });
    expect(result.run.errorMessage).toBe("Colonne(s) obligatoire(s) absente(s) de l'en-tête : « Code profession ».");
    expect(await t.db.getRepository(Professional).find({ order: { id: 'ASC' } })).toEqual(before);
  });

  it('a line with a field too many or too few is rejected with its line', async () => {
    const lines = TEXT.split('\n');
    lines[3] = lines[3]!.replace(/\|$/, '|extra|');
    const result = await importCsv(t.db, 'ANNUAIRE_SANTE', lines.join('\n'));
    expect(result.run.rejections).toContainEqual({
      line: 4,
      column: null,
      reason: "La ligne compte 53 champ(s), l'en-tête 52 (séparateur « | » attendu).",
    });
  });

  it('a caisse-scoped run writes its caisse only, and lists only what concerns it', async () => {
    await t.db.getRepository(Professional).update({ id: world.simon.id }, { phone: null });
    await t.db.getRepository(Professional).update({ id: world.bernard.id }, { phone: null });
    const scoped = await importCsv(t.db, 'ANNUAIRE_SANTE', FILE, { scope: ['211'] });
    // The Paris sage-femme is neither written nor named; the unknown kiné practises in Côte-d'Or.
    expect(tally(scoped)).toEqual({
      read: 12,
      updated: 1,
      unchanged: 3,
      rejected: 1,
      skipped: 6,
      unknown: 1,
      absent: 1,
    });
    expect((await find(world.simon.id)).phone).toBeNull();
    expect((await find(world.bernard.id)).phone).toBe('03 80 00 00 02');
    expect(scoped.report.text()).not.toContain('SIMON');
    // Paris refreshes its sage-femme. Martin (Côte-d'Or) practises in Paris too: to Paris he is a
    // professional it does not know. The Côte-d'Or kiné is none of its business.
    const paris = await importCsv(t.db, 'ANNUAIRE_SANTE', FILE, { scope: ['751'] });
    expect(tally(paris)).toEqual({
      read: 12,
      updated: 1,
      unchanged: 0,
      rejected: 1,
      skipped: 9,
      unknown: 1,
      absent: 0,
    });
    expect(paris.report.text()).toContain('RPPS 10100000001 (MARTIN Jean');
    expect(paris.report.text()).not.toContain('INCONNU');
    expect((await find(world.simon.id)).phone).toBe('0140000006');
  });

  it('an unsorted file gives the same principal site', async () => {
    await t.db.getRepository(Professional).update({ id: world.martin.id }, { postalCode: '75011' });
    const lines = TEXT.split('\n');
    // Martin's Beaune line first, then the others, then his Paris line last, in other batches.
    const unsorted = [lines[0], lines[2], ...lines.slice(3, 12), lines[1], ...lines.slice(12)].join('\n');
    const result = await importCsv(t.db, 'ANNUAIRE_SANTE', unsorted, { batchSize: 2 });
    expect(result.error).toBeUndefined();
    expect(await find(world.martin.id)).toMatchObject({ postalCode: '21200', commune: 'Beaune' });
  });

  it('a crash between batches keeps whole batches; the same file again completes it', async () => {
    await t.db.createQueryBuilder().update(Professional).set({ phone: null, civility: null }).execute();
    const crashed = await importCsv(t.db, 'ANNUAIRE_SANTE', FILE, {
      batchSize: 2,
      hooks: {
        beforeCommit: (batch) => {
          if (batch === 1) throw new Error('simulated crash');
        },
      },
    });
    expect(crashed.run).toMatchObject({ status: 'FAILED', batchesCommitted: 1 });
    // Batch 0 (lines 2–4: Martin, and Bernard's salaried line) committed; batch 1 (Bernard, Petit) did not.
    expect((await find(world.martin.id)).civility).toBe('Docteur');
    expect((await find(world.petit.id)).civility).toBeNull();
    const resumed = await importCsv(t.db, 'ANNUAIRE_SANTE', FILE, { batchSize: 2 });
    expect(tally(resumed)).toMatchObject({ updated: 4, unchanged: 1 });
    expect((await find(world.bernard.id)).civility).toBe('Madame');
    expect((await find(world.petit.id)).civility).toBe('Madame');
    expect(await t.db.getRepository(Declaration).countBy({ professionalId: world.roux.id })).toBe(1);
  });
});
