/**
 * kill -9 of a worker process mid-wave, then a restart of two replicas: every message is delivered, none
 * is lost, and at most the one message in flight at the kill is delivered twice (same Message-ID, so
 * receivers deduplicate it). The worker is the real `npm run worker` entry point (src/cli/worker.ts) in a
 * child process started as `node --import tsx`, so that the pid killed is the worker itself (the tsx
 * CLI would run it in a grandchild that survives its parent's SIGKILL and keeps sending).
 * The replicas' lease (1.5 s) is shorter than a batch's sending time (15 × 150 ms): the owner renews it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startTestSmtp, type TestSmtp } from '../test-support/smtp';
import { openTestDatabase, type TestDatabase } from '../test-support/test-db';
import { createCaisses, createCampaign, createProfessional } from '../test-support/world';
import { Communication } from './communication.entity';
import { compose, composeContext, enqueueMessage } from './outbox';

// Three child processes compile the worker with tsx: minutes on a loaded 2-core machine.
jest.setTimeout(420_000);

const SERVER = path.resolve(__dirname, '../..');
const TSX = pathToFileURL(path.join(SERVER, '../node_modules/tsx/dist/loader.mjs')).href;
const N = 30;

describe('outbox worker crash', () => {
  let database: TestDatabase;
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startTestSmtp(150);
    database = await openTestDatabase();
    const em = database.db.manager;
    await createCaisses(em);
    const campaign = await createCampaign(em, 'fami-2024.json', 'OPEN');
    const ctx = await composeContext(em, campaign.id, '211');
    for (let i = 0; i < N; i++) {
      const p = await createProfessional(em, {
        profession: 'CHIRURGIEN_DENTISTE',
        caisseCode: '211',
        email: `ps${i}@example.fr`,
      });
      await enqueueMessage(em, {
        professional: p,
        campaignId: campaign.id,
        kind: 'RELANCE_DECLARATION',
        ...compose(ctx, 'RELANCE_DECLARATION', p)!,
      });
    }
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await database.close();
    await smtp.stop();
  });

  const children: ChildProcess[] = [];
  const stderr: string[] = [];
  const worker = (...args: string[]): ChildProcess => {
    const child = spawn(process.execPath, ['--import', TSX, 'src/cli/worker.ts', ...args], {
      cwd: SERVER,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        SMTP_URL: smtp.url,
        DATA_DIR: database.settings.sqlitePath ? path.dirname(database.settings.sqlitePath) : '/tmp',
        ...(database.settings.url ? { DATABASE_URL: database.settings.url } : {}),
        OUTBOX_LEASE_MS: '1500',
        OUTBOX_CONCURRENCY: '1',
        OUTBOX_BATCH: '15',
        OUTBOX_POLL_MS: '100',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    children.push(child);
    return child;
  };

  it('loses nothing and duplicates at most the message in flight', async () => {
    const first = worker();
    const exited = new Promise((resolve) => first.once('exit', resolve));
    while (smtp.received.length < 8) await new Promise((resolve) => setTimeout(resolve, 50));
    first.kill('SIGKILL');
    await exited;
    const atKill = smtp.received.length;
    expect(atKill).toBeLessThan(N);

    // Two replicas at once, right away: --drain waits for the dead worker's lease to end, takes its
    // rows over, and exits only when every row is settled.
    const replicas = [worker('--drain'), worker('--drain')];
    const codes = await Promise.all(replicas.map((r) => new Promise((resolve) => r.once('exit', resolve))));
    expect({ codes, stderr: stderr.join('') }).toEqual({ codes: [0, 0], stderr: '' });

    const ids = smtp.received.map((m) => m.messageId);
    const rows = await database.db.getRepository(Communication).find();
    expect(
      rows.map((r) => `${r.id} ${r.status} ${r.attempts} ${r.lastError ?? ''}`).filter((r) => !r.includes('SENT')),
    ).toEqual([]);
    expect(new Set(ids).size).toBe(N); // every message delivered
    expect(ids.length - N).toBeLessThanOrEqual(1); // at most the one in flight at the kill, same Message-ID
    expect(rows.every((r) => r.status === 'SENT')).toBe(true);
  });
});
