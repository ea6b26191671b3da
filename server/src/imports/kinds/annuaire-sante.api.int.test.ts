/**
 * The Annuaire Santé extract from the console: the zip as published is uploaded, imported by a caisse
 * supervisor within their caisse, and its report lists the unknown and absent professionals.
 */
import { zipSync } from 'fflate';
import { Professional } from '../../professionals/professional.entity';
import { startTestApp, type Loose, type TestApp } from '../../test-support/test-app';
import { createProfessional } from '../../test-support/world';
import { fixture, fixtureWorld } from '../import-test-kit';
import { waitForImports } from '../imports.service';

const IMPORT = `mutation Import($kind: ImportKind!, $fileId: String!) {
  importFeed(kind: $kind, fileId: $fileId) { id status kind caisseCode }
}`;
const RUN = `query Run($id: ID!) {
  importRun(id: $id) { id status rowsRead updated unchanged rejected skipped unknown absent bytesRead totalBytes reportUrl errorMessage }
}`;

jest.setTimeout(60_000);

describe('annuaire-sante through the API', () => {
  let t: TestApp;
  let supervisor211: string;

  beforeAll(async () => {
    t = await startTestApp();
    await fixtureWorld(t.db.manager);
    supervisor211 = await t.login((await t.createAgent({ role: 'SUPERVISEUR', caisseCode: '211' })).email);
  });
  afterAll(async () => {
    await waitForImports();
    await t.stop();
  });

  it('a caisse supervisor uploads the zip as published and refreshes their caisse', async () => {
    const em = t.db.manager;
    const martin = await createProfessional(em, {
      caisseCode: '211',
      profession: 'MEDECIN_GENERALISTE',
      rpps: '10100000001',
    });
    const simon = await createProfessional(em, { caisseCode: '751', profession: 'SAGE_FEMME', rpps: '10100000006' });
    const zip = Buffer.from(
      zipSync({ 'PS_LibreAcces_Personne_activite.txt': new Uint8Array(fixture('annuaire-sante.txt')) }),
    );

    const form = new FormData();
    form.append('file', new Blob([zip]), 'PS_LibreAcces_Personne_activite.zip');
    const uploaded = await fetch(`${t.url}/api/imports/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${supervisor211}`, 'x-mcbo-csrf': '1' },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    const file = (await uploaded.json()) as Loose;
    expect(file.sizeBytes).toBe(zip.length);

    const started = await t.gql<{ importFeed: Loose }>(
      IMPORT,
      { kind: 'ANNUAIRE_SANTE', fileId: file.id },
      supervisor211,
    );
    expect(started.data?.importFeed).toMatchObject({ kind: 'ANNUAIRE_SANTE', caisseCode: '211' });
    await waitForImports();
    const run = (await t.gql<{ importRun: Loose }>(RUN, { id: started.data!.importFeed.id }, supervisor211)).data!
      .importRun;
    expect(run).toMatchObject({
      status: 'COMPLETED',
      rowsRead: 12,
      updated: 1,
      rejected: 1,
      unknown: 4, // the kiné, and Bernard, Petit, Roux whom this database does not know
      absent: 0,
      bytesRead: zip.length,
      totalBytes: zip.length,
    });
    expect((await t.db.getRepository(Professional).findOneByOrFail({ id: martin.id })).postalCode).toBe('21200');
    // Another caisse's professional is neither written nor named.
    expect((await t.db.getRepository(Professional).findOneByOrFail({ id: simon.id })).phone).toBeNull();
    const report = await (
      await fetch(`${t.url}${String(run.reportUrl)}`, { headers: { authorization: `Bearer ${supervisor211}` } })
    ).text();
    expect(report).toContain('Professionnel inconnu du répertoire : RPPS 10199999999');
    expect(report).not.toContain('SIMON');
  });
});
