/**
 * The real extraction (child process: pdfjs text layer, tesseract OCR of one small generated image) and
 * the job's crash safety: `npm run precheck` killed with SIGKILL mid-way, then run again, completes
 * every piece exactly once. The CLI runs as `node --import tsx` so that the pid killed is the worker
 * itself: the tsx CLI would run it in a grandchild that survives its parent's SIGKILL and keeps claiming
 * jobs beside the second run (that is how this test once failed on MySQL under load).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import type { Campaign } from '../campaigns/campaign.entity';
import { Indicator } from '../campaigns/indicator.entity';
import { StoredFile } from '../files/stored-file.entity';
import { Justificatif } from '../justificatifs/justificatif.entity';
import type { Professional } from '../professionals/professional.entity';
import { textPdf } from '../seed/documents';
import { startTestApp, type TestApp } from '../test-support/test-app';
import { createCaisses, createCampaign, createProfessional } from '../test-support/world';
import { ChildExtractor } from './extractor';
import { precheckFindings } from './findings';
import { Precheck, PrecheckPage } from './precheck.entity';
import { enqueuePrecheck } from './precheck.service';
import { CAMILLE } from './test-kit';

const SERVER = path.resolve(__dirname, '..', '..');
const TSX = pathToFileURL(path.join(SERVER, '..', 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const started: ChildProcess[] = [];

function runCli(t: TestApp, leaseMs: number) {
  const child = spawn(
    process.execPath,
    ['--import', TSX, path.join('src', 'cli', 'precheck.ts'), `--lease-ms=${leaseMs}`],
    {
      // tsx reads the decorators' settings from the server's tsconfig.json.
      cwd: SERVER,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATA_DIR: t.config.DATA_DIR,
        DATABASE_URL: t.settings.url ?? '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  started.push(child);
  return child;
}

describe('pré-contrôle: real extraction and crash safety', () => {
  let t: TestApp;
  let campaign: Campaign;
  let camille: Professional;

  beforeAll(async () => {
    t = await startTestApp();
    await createCaisses(t.db.manager);
    campaign = await createCampaign(t.db.manager, 'fami-2024.json', 'CLOSED');
    camille = await createProfessional(t.db.manager, {
      profession: 'CHIRURGIEN_DENTISTE',
      caisseCode: '211',
      firstName: 'Camille',
      lastName: 'Martin',
    });
  });
  afterAll(async () => {
    for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await t.stop();
  });

  it('reads a PDF text layer and OCRs an image, with boxes on the page', async () => {
    const extractor = new ChildExtractor();
    try {
      const pdf = await textPdf('FACTURE N° 2024-0001', [
        'Client : Dr Camille Martin',
        'Logiciel : Dentalia version 4.2',
      ]);
      const text = await extractor.extract(pdf, 'application/pdf');
      expect(text).toMatchObject({ source: 'TEXT', pageCount: 1, confidence: null });
      const dentalia = text.words.find((w) => w.t === 'Dentalia')!;
      expect(dentalia.b.x).toBeGreaterThan(0.08);
      expect(dentalia.b.x + dentalia.b.w).toBeLessThan(0.6);
      expect(dentalia.b.y).toBeGreaterThan(0.1);

      const canvas = createCanvas(900, 260);
      const g = canvas.getContext('2d');
      g.fillStyle = '#fff';
      g.fillRect(0, 0, 900, 260);
      g.fillStyle = '#000';
      g.font = '30px sans-serif';
      g.fillText('Client : Dr Camille Martin', 40, 70);
      g.fillText('Mention : DMP compatible', 40, 140);
      g.fillText("Date d'acquisition : 14/03/2024", 40, 210);
      const ocr = await extractor.extract(canvas.toBuffer('image/png'), 'image/png');
      expect(ocr.source).toBe('OCR');
      expect(ocr.confidence).toBeGreaterThan(70);
      const findings = precheckFindings(ocr, CAMILLE).findings;
      const status = (item: string) => findings.find((f) => f.item === item)!.status;
      expect([status('NOMINATIVE'), status('DMP_COMPATIBLE_MENTION'), status('ACQUISITION_DATE')]).toEqual([
        'FOUND',
        'FOUND',
        'FOUND',
      ]);
      const name = findings.find((f) => f.item === 'NOMINATIVE')!;
      expect(name.box!.y).toBeLessThan(0.4); // first line of the image
    } finally {
      await extractor.close();
    }
  }, 180_000);

  it('kill -9 mid-way, then run again: every piece read once, nothing lost, nothing doubled', async () => {
    const pieces = 24;
    const indicator = await t.db.getRepository(Indicator).findOneByOrFail({ campaignId: campaign.id, code: 'LOG_DMP' });
    for (let i = 0; i < pieces; i += 1) {
      const bytes = await textPdf(`FACTURE N° 2024-${1000 + i}`, [
        'Client : Dr Camille Martin',
        "Date d'acquisition : 14/03/2024",
      ]);
      const id = createHash('sha256').update(bytes).digest('hex');
      await t.app.storage.put(id, bytes);
      await t.db.transaction(async (em) => {
        await em.getRepository(StoredFile).insert({
          id,
          contentType: 'application/pdf',
          sizeBytes: bytes.length,
          originalName: `f${i}.pdf`,
          uploadedByAgentId: null,
        });
        const inserted = await em.getRepository(Justificatif).insert({
          professionalId: camille.id,
          campaignId: campaign.id,
          indicatorId: indicator.id,
          caisseCode: camille.caisseCode,
          profession: camille.profession,
          family: 'SOFTWARE_DMP',
          receivedAt: new Date(),
          channel: 'EMAIL',
          fileId: id,
          status: 'RECEIVED',
          version: 1,
        });
        await enqueuePrecheck(em, { id: Number(inserted.identifiers[0]!.id), fileId: id });
      });
    }
    const repo = t.db.getRepository(Precheck);
    const done = () => repo.countBy({ status: 'DONE' });

    const first = runCli(t, 1500);
    const exited = new Promise((resolve) => first.once('exit', resolve));
    const deadline = Date.now() + 120_000;
    while ((await done()) < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    first.kill('SIGKILL');
    await exited;
    await new Promise((r) => setTimeout(r, 1600)); // the dead worker's lease expires
    const atKill = await done();
    expect(atKill).toBeGreaterThanOrEqual(2);
    expect(atKill).toBeLessThan(pieces); // killed mid-way, or the test proves nothing
    // The worker is dead: nothing more is completed before the second run (a survivor would race with it).
    await new Promise((r) => setTimeout(r, 1500));
    expect(await done()).toBe(atKill);

    const second = runCli(t, 60_000);
    let output = '';
    second.stdout.on('data', (c) => (output += c));
    second.stderr.on('data', (c) => (output += c));
    const code = await new Promise((resolve) => second.once('exit', resolve));
    expect({ code, output: output.trim() }).toMatchObject({ code: 0 });

    const rows = await repo.find();
    expect(rows.filter((r) => r.status === 'DONE')).toHaveLength(pieces);
    expect(rows.every((r) => r.findings?.find((f) => f.item === 'NOMINATIVE')?.status === 'FOUND')).toBe(true);
    // At most the piece in hand at the kill was claimed twice.
    expect(rows.reduce((n, r) => n + r.attempts, 0)).toBeLessThanOrEqual(pieces + 1);
    const pages = await t.db.getRepository(PrecheckPage).find();
    expect(pages).toHaveLength(pieces);
    expect(new Set(pages.map((p) => p.precheckId)).size).toBe(pieces);
  }, 300_000);
});
