/**
 * Imports from the console: upload, the importFeed mutation running in the background with its
 * progress, the report download, caisse scope and permissions.
 */
import { AuditEvent } from '../audit/audit-event.entity';
import { Professional } from '../professionals/professional.entity';
import { startTestApp, type Loose, type TestApp } from '../test-support/test-app';
import { fixture, fixtureWorld, insertProfessionals } from './import-test-kit';
import { setImportHooksForTests, waitForImports } from './imports.service';

const IMPORT = `mutation Import($kind: ImportKind!, $fileId: String!) {
  importFeed(kind: $kind, fileId: $fileId) { id status kind fileName rowsRead caisseCode }
}`;
const RUN = `query Run($id: ID!) {
  importRun(id: $id) {
    id status rowsRead inserted updated unchanged rejected batchesCommitted bytesRead totalBytes
    progress rowsPerSecond etaSeconds errorMessage reportUrl rejections { line column reason }
  }
}`;
const RUNS = `query Runs($first: Int, $after: String) {
  importRuns(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id kind caisseCode } }
}`;

jest.setTimeout(60_000);

describe('imports through the API', () => {
  let t: TestApp;
  let supervisor211: string;
  let supervisor751: string;
  let admin: string;
  let conseiller: string;
  let dam: string;

  const upload = async (
    bytes: Buffer | string,
    token: string,
    headers: Record<string, string> = { 'x-mcbo-csrf': '1' },
  ) => {
    const form = new FormData();
    form.append('file', new Blob([typeof bytes === 'string' ? Buffer.from(bytes) : bytes]), 'flux.csv');
    const response = await fetch(`${t.url}/api/imports/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...headers },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as Loose };
  };

  const waitForRun = async (id: string, token: string, until = (run: Loose) => run.status !== 'RUNNING') => {
    for (let i = 0; i < 600; i++) {
      const result = await t.gql<{ importRun: Loose }>(RUN, { id }, token);
      const run = result.data?.importRun;
      if (!run) throw new Error(JSON.stringify(result.errors));
      if (until(run)) return run;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not finish');
  };

  beforeAll(async () => {
    t = await startTestApp();
    // A SQLite batch blocks this process's event loop (server and client alike) for seconds on a loaded
    // machine: the server must not close an idle keep-alive socket the client is about to reuse.
    t.app.server.keepAliveTimeout = 60_000;
    await fixtureWorld(t.db.manager);
    const login = async (
      role: 'SUPERVISEUR' | 'ADMIN' | 'CONSEILLER' | 'DAM',
      caisseCode: string,
      nationalScope = false,
    ) => t.login((await t.createAgent({ role, caisseCode, nationalScope })).email);
    supervisor211 = await login('SUPERVISEUR', '211');
    supervisor751 = await login('SUPERVISEUR', '751');
    admin = await login('ADMIN', '211', true);
    conseiller = await login('CONSEILLER', '211');
    dam = await login('DAM', '211');
  });
  afterAll(async () => {
    setImportHooksForTests(undefined);
    await waitForImports();
    await t.stop();
  });

  it('a caisse supervisor imports the rows of their caisse; the others are rejected with a reason', async () => {
    const uploaded = await upload(fixture('professionals.csv'), supervisor211);
    expect(uploaded).toMatchObject({ status: 201, body: { sizeBytes: expect.any(Number) } });
    expect(uploaded.body.id).toMatch(/^[a-f0-9]{64}$/);
    const started = await t.gql<{ importFeed: Loose }>(
      IMPORT,
      { kind: 'PROFESSIONALS', fileId: uploaded.body.id },
      supervisor211,
    );
    expect(started.errors).toBeUndefined();
    expect(started.data?.importFeed).toMatchObject({ status: 'RUNNING', kind: 'PROFESSIONALS', caisseCode: '211' });
    const run = await waitForRun(started.data!.importFeed.id, supervisor211);
    expect(run).toMatchObject({
      status: 'COMPLETED',
      rowsRead: 5,
      inserted: 4,
      rejected: 1,
      progress: 1,
      etaSeconds: null,
    });
    expect(run.rejections).toEqual([
      { line: 5, column: 'caisse_code', reason: 'Caisse 751 hors de votre périmètre (caisse 211).' },
    ]);
    expect(await t.db.getRepository(Professional).countBy({ caisseCode: '751' })).toBe(0);

    const report = await fetch(`${t.url}${run.reportUrl}`, { headers: { authorization: `Bearer ${supervisor211}` } });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(report.headers.get('content-disposition')).toMatch(/^attachment; filename="rapport-import-\d+\.csv"$/);
    const bytes = Buffer.from(await report.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').split('\r\n')).toEqual([
      'ligne;colonne;valeur;motif',
      '5;caisse_code;751;Caisse 751 hors de votre périmètre (caisse 211).',
      '',
    ]);
    // Another caisse's supervisor sees neither the run nor its report.
    expect((await t.gql<{ importRun: Loose }>(RUN, { id: run.id }, supervisor751)).data?.importRun).toBeNull();
    const other = await fetch(`${t.url}${run.reportUrl}`, { headers: { authorization: `Bearer ${supervisor751}` } });
    expect(other.status).toBe(404);
  });

  it('the national admin imports every caisse', async () => {
    const uploaded = await upload(fixture('professionals.csv'), admin);
    const started = await t.gql<{ importFeed: Loose }>(
      IMPORT,
      { kind: 'PROFESSIONALS', fileId: uploaded.body.id },
      admin,
    );
    const run = await waitForRun(started.data!.importFeed.id, admin);
    expect(run).toMatchObject({ status: 'COMPLETED', rowsRead: 5, inserted: 1, unchanged: 4, rejected: 0 });
    const audit = await t.db.getRepository(AuditEvent).findBy({ action: 'IMPORT_STARTED' });
    expect(audit).toHaveLength(2);
  });

  it('reports progress while a run goes on (rows/s, ETA), batch by batch', async () => {
    const amNumbers = await insertProfessionals(t.db.manager, 2500, {
      caisseCode: '211',
      profession: 'CHIRURGIEN_DENTISTE',
      start: 500_000,
    });
    const lines = ['am_number;campaign_year;scheme;publisher;software;version'];
    for (const am of amNumbers) lines.push(`${am};2024;FAMI;Dentalia Soft;Dentalia;5.1`);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Held after the first commit: no transaction is open while the run is read (SQLite's single
    // connection would otherwise show the batch in progress).
    setImportHooksForTests({ afterCommit: async (batch) => (batch === 0 ? gate : undefined) });
    let id: string;
    try {
      const uploaded = await upload(lines.join('\n'), supervisor211);
      const started = await t.gql<{ importFeed: Loose }>(
        IMPORT,
        { kind: 'DMP_TRACES', fileId: uploaded.body.id },
        supervisor211,
      );
      id = started.data!.importFeed.id;
      const midway = await waitForRun(id, supervisor211, (run) => run.batchesCommitted >= 1);
      expect(midway).toMatchObject({ status: 'RUNNING', batchesCommitted: 1, rowsRead: 1000, inserted: 1000 });
      expect(midway.progress).toBeGreaterThan(0);
      expect(midway.progress).toBeLessThan(1);
      expect(midway.rowsPerSecond).toBeGreaterThan(0);
      expect(midway.etaSeconds).toEqual(expect.any(Number));
    } finally {
      release();
    }
    const done = await waitForRun(id, supervisor211);
    setImportHooksForTests(undefined);
    expect(done).toMatchObject({
      status: 'COMPLETED',
      rowsRead: 2500,
      inserted: 2500,
      batchesCommitted: 3,
      progress: 1,
    });
  });

  it('a run that fails mid-file keeps its committed batches; the same file again completes it', async () => {
    const dentists = await t.db.getRepository(Professional).find({
      where: { profession: 'CHIRURGIEN_DENTISTE', caisseCode: '211' },
      order: { id: 'ASC' },
      take: 2500,
    });
    const csv = [
      'am_number;campaign_year;scheme;messaging_type',
      ...dentists.map((p) => `${p.amNumber};2024;FAMI;MSSANTE_PERSONAL`),
    ].join('\n');
    setImportHooksForTests({
      beforeCommit: (batch) => {
        if (batch === 1) throw new Error('panne simulée');
      },
    });
    const uploaded = await upload(csv, supervisor211);
    const first = await t.gql<{ importFeed: Loose }>(
      IMPORT,
      { kind: 'MSSANTE', fileId: uploaded.body.id },
      supervisor211,
    );
    const failed = await waitForRun(first.data!.importFeed.id, supervisor211);
    setImportHooksForTests(undefined);
    expect(failed).toMatchObject({ status: 'FAILED', batchesCommitted: 1, rowsRead: 1000, inserted: 1000 });
    expect(failed.errorMessage).toMatch(/panne simulée/);
    const again = await t.gql<{ importFeed: Loose }>(
      IMPORT,
      { kind: 'MSSANTE', fileId: uploaded.body.id },
      supervisor211,
    );
    const done = await waitForRun(again.data!.importFeed.id, supervisor211);
    expect(done).toMatchObject({ status: 'COMPLETED', rowsRead: 2500, unchanged: 1000, inserted: 1500, rejected: 0 });
  });

  it('lists the runs of the scope, most recent first, with keyset pages', async () => {
    const page1 = await t.gql<{ importRuns: Loose }>(RUNS, { first: 2 }, supervisor211);
    expect(page1.data?.importRuns.totalCount).toBe(4);
    expect(page1.data?.importRuns.nodes.map((n: Loose) => n.caisseCode)).toEqual(['211', '211']);
    const page2 = await t.gql<{ importRuns: Loose }>(
      RUNS,
      { first: 2, after: page1.data?.importRuns.pageInfo.endCursor },
      supervisor211,
    );
    const ids = [...page1.data!.importRuns.nodes, ...page2.data!.importRuns.nodes].map((n: Loose) => Number(n.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(page2.data?.importRuns.pageInfo.hasNextPage).toBe(false);
    expect((await t.gql<{ importRuns: Loose }>(RUNS, {}, admin)).data?.importRuns.totalCount).toBe(5);
    expect((await t.gql<{ importRuns: Loose }>(RUNS, {}, supervisor751)).data?.importRuns.totalCount).toBe(0);
  });

  it.each([
    ['CONSEILLER', () => conseiller],
    ['DAM', () => dam],
  ])('%s may neither upload, import nor read runs (FORBIDDEN)', async (_role, token) => {
    const uploaded = await upload('am_number\n', token());
    expect(uploaded).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    const started = await t.gql(IMPORT, { kind: 'PROFESSIONALS', fileId: 'a'.repeat(64) }, token());
    expect(started.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(RUN, { id: '1' }, token())).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(RUNS, {}, token())).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const report = await fetch(`${t.url}/api/imports/runs/1/report`, {
      headers: { authorization: `Bearer ${token()}` },
    });
    expect(report.status).toBe(403);
  });

  it.each([
    ['without the CSRF header', 'a;b\n', {}, 403, 'FORBIDDEN'],
    ['invalid UTF-8', Buffer.from([0x61, 0x3b, 0xff, 0xfe, 0x0a]), { 'x-mcbo-csrf': '1' }, 415, 'FILE_REJECTED'],
    ['a NUL character', Buffer.from('am_number\n\u0000\n'), { 'x-mcbo-csrf': '1' }, 415, 'FILE_REJECTED'],
    ['an empty file', Buffer.alloc(0), { 'x-mcbo-csrf': '1' }, 415, 'FILE_REJECTED'],
  ])('refuses an upload %s', async (_label, bytes, headers, status, code) => {
    expect(await upload(bytes, supervisor211, headers as Record<string, string>)).toMatchObject({
      status,
      body: { error: { code } },
    });
  });

  it('refuses an upload without a session, and an unknown or non-import file id', async () => {
    const response = await fetch(`${t.url}/api/imports/files`, { method: 'POST', headers: { 'x-mcbo-csrf': '1' } });
    expect(response.status).toBe(401);
    const unknown = await t.gql(IMPORT, { kind: 'PAYMENTS', fileId: 'b'.repeat(64) }, supervisor211);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'fileId' });
    const malformed = await t.gql(IMPORT, { kind: 'PAYMENTS', fileId: '../etc/passwd' }, supervisor211);
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('an import file uploaded by another caisse is unknown to this one, and its run is never created', async () => {
    const uploaded = await upload('am_number;nom\n751000777;Autre caisse\n', supervisor751);
    expect(uploaded.status).toBe(201);
    const runsBefore = await t.db.query('SELECT COUNT(*) AS n FROM import_run');
    const stolen = await t.gql(IMPORT, { kind: 'PROFESSIONALS', fileId: uploaded.body.id }, supervisor211);
    expect(stolen.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'fileId' });
    expect(await t.db.query('SELECT COUNT(*) AS n FROM import_run')).toEqual(runsBefore);
    // The same bytes uploaded by 211 too: then 211 may import them (content-addressed, one owner row each).
    const again = await upload('am_number;nom\n751000777;Autre caisse\n', supervisor211);
    expect(again.body.id).toBe(uploaded.body.id);
    const own = await t.gql<{ importFeed: Loose }>(
      IMPORT,
      { kind: 'PROFESSIONALS', fileId: again.body.id },
      supervisor211,
    );
    expect(own.errors).toBeUndefined();
    await waitForRun(own.data!.importFeed.id, supervisor211);
  });

  it('a file with a bad header fails the run with a French message', async () => {
    const uploaded = await upload('am_number;annee;scheme\n211000001;2024;FAMI\n', supervisor211);
    const started = await t.gql<{ importFeed: Loose }>(
      IMPORT,
      { kind: 'ANNUAIRE', fileId: uploaded.body.id },
      supervisor211,
    );
    const run = await waitForRun(started.data!.importFeed.id, supervisor211);
    expect(run.status).toBe('FAILED');
    expect(run.errorMessage).toMatch(/^Colonne\(s\) inconnue\(s\) dans l'en-tête : « annee »/);
  });
});
