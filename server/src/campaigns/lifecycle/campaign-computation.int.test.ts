/**
 * The computation as a resumable run: a process killed with SIGKILL after two committed batches
 * leaves whole batches only; a rerun (the same command) ends in exactly the state of an uninterrupted
 * computation, with nothing written twice (one history row, one audit event, counters not doubled).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { AuditEvent } from '../../audit/audit-event.entity';
import { IsNull } from 'typeorm';
import { Declaration, IndicatorValue } from '../../declarations/declaration.entity';
import { evaluateDeclaration } from '../../declarations/evaluation';
import { loadEvaluationInputs } from '../../declarations/evaluation-inputs';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { createCaisses, createCampaign, createProfessional, declare } from '../../test-support/world';
import { Campaign } from '../campaign.entity';
import { computeDue } from './amounts';
import { runCampaignComputation } from './campaign-computation';
import { CampaignHistory, CampaignRun } from './campaign-run.entity';
import { DeclarationSnapshot } from './declaration-snapshot.entity';
import { startComputation } from './campaign-lifecycle.service';

const ROOT = path.resolve(__dirname, '../../../..');
const CHILD = path.join(ROOT, 'server/src/test-support/compute-child.ts');
const DECLARATIONS = 23;
const BATCH = 5;

function runChild(
  t: TestApp,
  runId: number,
  killAfter: number,
): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve, reject) => {
    // Node itself runs the child (tsx as a loader), so the SIGKILL is seen as the child's own end.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: {
        ...process.env,
        MCBO_CHILD_DB: JSON.stringify(t.settings),
        MCBO_RUN_ID: String(runId),
        MCBO_KILL_AFTER: String(killAfter),
        MCBO_BATCH_SIZE: String(BATCH),
      },
      // tsx reads the decorators' settings from the server's tsconfig.json.
      cwd: path.join(ROOT, 'server'),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code) reject(new Error(`child failed (${code}): ${stderr}`));
      else resolve({ code, signal });
    });
  });
}

describe('campaign computation: kill -9 mid-way, then rerun', () => {
  let t: TestApp;
  let campaignId: number;

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.db.manager;
    await createCaisses(em);
    const campaign = await createCampaign(em, 'fami-2024.json', 'CLOSED');
    campaignId = campaign.id;
    for (let i = 0; i < DECLARATIONS; i++) {
      const p = await createProfessional(em, { profession: 'CHIRURGIEN_DENTISTE', caisseCode: i % 3 ? '211' : '751' });
      await declare(em, p, campaign, {
        ETUDIANT: { data: { type: 'BOOLEAN', value: i % 4 !== 0 }, source: 'DECLARED' },
        HORAIRES: { data: { type: 'BOOLEAN', value: i % 2 === 0 }, source: 'DECLARED' },
      });
    }
  });
  afterAll(async () => t.stop());

  it('resumes after the last committed batch and ends as an uninterrupted run would', async () => {
    const campaign = await t.db.getRepository(Campaign).findOneByOrFail({ id: campaignId });
    const started = await t.db.transaction((em) =>
      startComputation(em, { campaign, expectedVersion: campaign.version, agentId: null, force: false, reason: null }),
    );
    if (!('run' in started)) throw new Error(started.refusal.message);
    const runId = started.run.id;

    const ended = await runChild(t, runId, 2);
    expect(ended.signal).toBe('SIGKILL');
    const crashed = await t.db.getRepository(CampaignRun).findOneByOrFail({ id: runId });
    expect(crashed).toMatchObject({ status: 'RUNNING', batchesCommitted: 2, processedDeclarations: 2 * BATCH });
    const frozenSoFar = await t.db.getRepository(Declaration).countBy({ campaignId });
    expect(frozenSoFar).toBe(DECLARATIONS);
    // Whole batches only: the snapshots, amounts and atteintes of the two committed batches, nothing of the third.
    const snapshotsSoFar = await t.db.getRepository(DeclarationSnapshot).find({
      where: { campaignId },
      order: { declarationId: 'ASC' },
    });
    expect(snapshotsSoFar).toHaveLength(2 * BATCH);
    expect(snapshotsSoFar[snapshotsSoFar.length - 1]!.declarationId).toBe(crashed.lastDeclarationId);
    expect(await t.db.getRepository(Declaration).countBy({ campaignId, computedRemunerationCents: IsNull() })).toBe(
      DECLARATIONS - 2 * BATCH,
    );
    expect((await t.db.getRepository(Campaign).findOneByOrFail({ id: campaignId })).status).toBe('CLOSED');

    // The same command again resumes the same run (no second run row), and finishes it.
    const again = await t.db.transaction(async (em) =>
      startComputation(em, {
        campaign: await em.getRepository(Campaign).findOneByOrFail({ id: campaignId }),
        expectedVersion: 99,
        agentId: null,
        force: false,
        reason: null,
      }),
    );
    expect('run' in again && again.run.id).toBe(runId);
    await expect(runCampaignComputation(t.db, runId, { batchSize: BATCH })).resolves.toBe('DONE');
    // A third pass finds nothing to do and writes nothing.
    await expect(runCampaignComputation(t.db, runId, { batchSize: BATCH })).resolves.toBe('NOT_RUNNING');

    const run = await t.db.getRepository(CampaignRun).findOneByOrFail({ id: runId });
    expect(run).toMatchObject({ status: 'DONE', processedDeclarations: DECLARATIONS, batchesCommitted: 5 });
    expect(await t.db.getRepository(CampaignRun).count()).toBe(1);
    expect((await t.db.getRepository(Campaign).findOneByOrFail({ id: campaignId })).status).toBe('COMPUTED');
    expect(await t.db.getRepository(CampaignHistory).countBy({ campaignId, command: 'COMPUTE' })).toBe(1);
    expect(await t.db.getRepository(AuditEvent).countBy({ action: 'CAMPAIGN_COMPUTED' })).toBe(1);

    // Same state as an uninterrupted computation: every stored amount and atteinte is the rules' answer.
    const declarations = await t.db.getRepository(Declaration).find({ where: { campaignId }, order: { id: 'ASC' } });
    const loaded = await loadEvaluationInputs(
      t.db.manager,
      declarations.map((d) => d.id),
    );
    const snapshots = await t.db.getRepository(DeclarationSnapshot).find({
      where: { campaignId },
      order: { declarationId: 'ASC' },
    });
    // One snapshot per declaration, none written twice.
    expect(snapshots.map((s) => s.declarationId)).toEqual(declarations.map((d) => d.id));
    let total = 0;
    for (const [index, d] of declarations.entries()) {
      const evaluation = evaluateDeclaration(loaded.get(d.id)!.input);
      total += computeDue(evaluation);
      expect(d.computedRemunerationCents).toBe(computeDue(evaluation));
      expect(snapshots[index]!.snapshot.lines).toEqual(evaluation.remuneration.lines);
      expect(snapshots[index]!.snapshot.totalCents).toBe(computeDue(evaluation));
    }
    expect(run.totalCents).toBe(total);
    expect(total).toBeGreaterThan(0);
    const values = await t.db.getRepository(IndicatorValue).findBy({ campaignId });
    const evaluated = new Map(
      declarations.flatMap((d) =>
        evaluateDeclaration(loaded.get(d.id)!.input).indicators.map((e) => [
          `${d.id}:${e.indicator.code}`,
          e.achievement,
        ]),
      ),
    );
    const indicatorCodes = new Map(loaded.get(declarations[0]!.id)!.indicators.map((i) => [i.id, i.code]));
    for (const v of values) {
      const expected = evaluated.get(`${v.declarationId}:${indicatorCodes.get(v.indicatorId)}`);
      if (expected) expect([v.achievement, v.achievementReason]).toEqual([expected.status, expected.reason]);
    }
  });

  it('keeps a run total beyond 2³¹ cents (a national campaign: 130 M€), read back as a number', async () => {
    const [run] = await t.db.getRepository(CampaignRun).find({ where: { campaignId }, order: { id: 'DESC' }, take: 1 });
    const national = 13_081_653_000; // FAMI 2023 at 500 000 professionals, in cents
    await t.db.getRepository(CampaignRun).update({ id: run!.id }, { totalCents: national });
    // The increment the computation's batches use, past the 32-bit limit.
    await t.db
      .createQueryBuilder()
      .update(CampaignRun)
      .set({ totalCents: () => 'total_cents + 1' })
      .where('id = :id', { id: run!.id })
      .execute();
    expect((await t.db.getRepository(CampaignRun).findOneByOrFail({ id: run!.id })).totalCents).toBe(national + 1);
  });
});
