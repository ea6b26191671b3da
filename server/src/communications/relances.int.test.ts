/**
 * Relance waves end to end: preview (counts, channels, samples, exclusions), a confirmed launch that
 * is audited and idempotent, no target → nothing created, the worker's .eml outbox, the wave's
 * progress and effect, and the REST routes (message as sent, letters PDF, addresses CSV) by caisse.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Agent } from '../agents/agent.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import type { Campaign } from '../campaigns/campaign.entity';
import { Justificatif } from '../justificatifs/justificatif.entity';
import type { Professional } from '../professionals/professional.entity';
import { pdfPages } from '../test-support/pdf-text';
import { startTestApp, type Loose, type TestApp } from '../test-support/test-app';
import { createCaisses, createCampaign, createProfessional, receivedJustificatif } from '../test-support/world';
import type { RequestContext } from '../common/request-context';
import { Communication, RelanceWave } from './communication.entity';
import { countWaveLetters, waveLetterPages } from './communications.service';
import { createTransport } from './transport';
import { OutboxWorker } from './worker';

const PREVIEW = `query P($input: RelanceInput!) { previewRelance(input: $input) {
  targetCount emailCount letterCount unknownAddressCount excludedCount excludedNames caisseCodes
  samples { professionalName channel subject body } } }`;
const LAUNCH = `mutation L($input: RelanceInput!, $key: String!) { launchRelance(input: $input, idempotencyKey: $key) {
  __typename
  ... on RelanceLaunched { created wave { id targetCount excludedCount caisseCodes lettersUrl addressesUrl } }
  ... on RelanceRefused { code message } } }`;
const WAVE = `query W($id: ID!) { relanceWave(id: $id) { id stats { queued sent failed responded medianDelayDays } launchedBy { displayName } } }`;
const FILE = `query F($id: ID!) { professional(id: $id) { exchanges { title at communication { kind status channel lastError url } } } }`;

const REJETEE = { campaignYear: 2024, scheme: 'FAMI', situation: 'PIECE_REJETEE' };

describe('relance waves', () => {
  let t: TestApp;
  let campaign: Campaign;
  let people: Professional[];
  let superviseur: Agent;
  let token: string;
  let parisToken: string;
  let outboxDir: string;

  const rejectDirectly = async (p: Professional) => {
    const j = await receivedJustificatif(t.db.manager, p, campaign, 'LOG_DMP');
    await t.db
      .getRepository(Justificatif)
      .update(
        { id: j.id },
        { status: 'REJECTED', decidedAt: new Date(Date.now() - 86_400_000), rejectionReasons: ['ILLEGIBLE'] },
      );
  };

  beforeAll(async () => {
    t = await startTestApp();
    // PDF rendering and extraction block this process's event loop for seconds, server and client alike:
    // the server must not close an idle keep-alive socket the client is about to reuse.
    t.app.server.keepAliveTimeout = 60_000;
    const em = t.db.manager;
    await createCaisses(em);
    campaign = await createCampaign(em, 'fami-2024.json', 'CLOSED');
    const dentist = (overrides: Partial<Professional>) =>
      createProfessional(em, { profession: 'CHIRURGIEN_DENTISTE', caisseCode: '211', ...overrides });
    people = [
      await dentist({ lastName: 'Aubert', email: 'aubert@example.fr' }),
      await dentist({ lastName: 'Bérénger', email: 'berenger@example.fr' }),
      await dentist({ lastName: 'Chassagne', email: 'chassagne@example.fr' }),
      await dentist({ lastName: 'Dûval', email: null }),
      await dentist({ lastName: 'Espérandieu', email: null, addressLine: '' }),
      await createProfessional(em, {
        profession: 'CHIRURGIEN_DENTISTE',
        caisseCode: '751',
        lastName: 'Parisien',
        email: 'p@example.fr',
      }),
    ];
    for (const p of people) await rejectDirectly(p);
    superviseur = await t.createAgent({ role: 'SUPERVISEUR', caisseCode: '211' });
    token = await t.login(superviseur.email);
    parisToken = await t.login((await t.createAgent({ role: 'SUPERVISEUR', caisseCode: '751' })).email);
    outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcbo-outbox-'));
  });
  afterAll(async () => {
    await t.stop();
    fs.rmSync(outboxDir, { recursive: true, force: true });
  });

  const get = (url: string, bearer: string) =>
    fetch(`${t.url}${url}`, { headers: { authorization: `Bearer ${bearer}` } });

  it('previews: counts by channel, unknown addresses, three rendered samples, the caisse of the agent only', async () => {
    const result = await t.gql<{ previewRelance: Loose }>(PREVIEW, { input: REJETEE }, token);
    expect(result.errors).toBeUndefined();
    const preview = result.data!.previewRelance;
    expect(preview).toMatchObject({
      targetCount: 5,
      emailCount: 3,
      letterCount: 1,
      unknownAddressCount: 1,
      excludedCount: 0,
      caisseCodes: ['211'],
    });
    expect(preview.samples).toHaveLength(3);
    expect(preview.samples[0].professionalName).toMatch(/^AUBERT /);
    expect(preview.samples[0].subject).toContain('votre pièce justificative reste à renvoyer');
    expect(preview.samples[0].body).toContain('n’a pas pu être retenue');
    expect(await t.db.getRepository(Communication).count()).toBe(0); // a preview writes nothing
  });

  it('refuses a wave without target, creating nothing', async () => {
    const input = { ...REJETEE, professions: ['SAGE_FEMME'] };
    const result = await t.gql<{ launchRelance: Loose }>(LAUNCH, { input, key: 'vide-000001' }, token);
    expect(result.data!.launchRelance).toEqual({
      __typename: 'RelanceRefused',
      code: 'NO_TARGET',
      message: 'Aucun professionnel ne correspond à ces critères. Rien n’a été créé.',
    });
    expect(await t.db.getRepository(RelanceWave).count()).toBe(0);
  });

  it('launches once, audited; the same key again sends nothing twice; a new wave excludes the recently relancés', async () => {
    const first = await t.gql<{ launchRelance: Loose }>(LAUNCH, { input: REJETEE, key: 'vague-211-0001' }, token);
    expect(first.data!.launchRelance).toMatchObject({ __typename: 'RelanceLaunched', created: true });
    const wave = first.data!.launchRelance.wave;
    expect(wave).toMatchObject({ targetCount: 5, caisseCodes: ['211'] });
    const again = await t.gql<{ launchRelance: Loose }>(LAUNCH, { input: REJETEE, key: 'vague-211-0001' }, token);
    expect(again.data!.launchRelance).toMatchObject({ created: false, wave: { id: wave.id } });
    const rows = await t.db.getRepository(Communication).find({ order: { id: 'ASC' } });
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => [r.channel, r.status])).toEqual([
      ['EMAIL', 'QUEUED'],
      ['EMAIL', 'QUEUED'],
      ['EMAIL', 'QUEUED'],
      ['LETTER', 'QUEUED'],
      ['LETTER', 'FAILED'],
    ]);
    expect(rows[4]!.lastError).toBe('adresse inconnue');
    const audit = await t.db.getRepository(AuditEvent).findOneByOrFail({ action: 'RELANCE_LAUNCHED' });
    expect(audit).toMatchObject({ agentId: superviseur.id, targetId: wave.id, caisseCode: '211' });

    const other = await t.gql<{ launchRelance: Loose }>(LAUNCH, { input: REJETEE, key: 'vague-211-0002' }, token);
    expect(other.data!.launchRelance.__typename).toBe('RelanceRefused');
    expect(other.data!.launchRelance.message).toContain('les 5 concernés ont déjà reçu cette relance');
    const preview = await t.gql<{ previewRelance: Loose }>(PREVIEW, { input: REJETEE }, token);
    expect(preview.data!.previewRelance).toMatchObject({ targetCount: 0, excludedCount: 5 });
    expect(preview.data!.previewRelance.excludedNames).toContain('AUBERT Éloïse');
  });

  it('sends through the .eml outbox; the wave shows sent, failed, and who then sent a piece', async () => {
    const wave = await t.db.getRepository(RelanceWave).findOneByOrFail({ idempotencyKey: 'vague-211-0001' });
    const worker = new OutboxWorker(t.db, createTransport({ from: 'CPAM <c@test.invalid>', outboxDir }), {
      maxAttempts: 3,
      retryBaseMs: 1000,
      pollMs: 50,
    });
    expect(await worker.drain()).toBe(4);
    const emails = fs.readdirSync(outboxDir).filter((f) => f.endsWith('.eml'));
    expect(emails).toHaveLength(3);
    const eml = fs.readFileSync(path.join(outboxDir, emails[0]!), 'utf8');
    expect(eml).toMatch(/^Message-ID: <communication-\d+@/m);
    expect(fs.readdirSync(path.join(outboxDir, 'letters'))).toHaveLength(1);

    const answer = await receivedJustificatif(t.db.manager, people[1]!, campaign, 'LOG_DMP'); // Bérénger answers
    await t.db
      .getRepository(Justificatif)
      .update({ id: answer.id }, { receivedAt: new Date(Date.now() + 2 * 86_400_000) });
    const result = await t.gql<{ relanceWave: Loose }>(WAVE, { id: String(wave.id) }, token);
    expect(result.data!.relanceWave.stats).toMatchObject({ queued: 0, sent: 4, failed: 1, responded: 1 });
    expect(result.data!.relanceWave.stats.medianDelayDays).toBeCloseTo(2, 0);
    const paris = await t.gql(WAVE, { id: String(wave.id) }, parisToken);
    expect(paris.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('shows the exchanges on the file, each openable as sent; another caisse gets 404', async () => {
    const file = await t.gql<{ professional: Loose }>(FILE, { id: String(people[0]!.id) }, token);
    const [entry] = file.data!.professional.exchanges;
    expect(entry).toMatchObject({
      title: 'Relance : pièce rejetée',
      communication: { status: 'SENT', channel: 'EMAIL' },
    });
    const page = await get(entry.communication.url, token);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('votre pièce justificative reste à renvoyer');
    const eml = await get(`${entry.communication.url}?format=eml`, token);
    expect(eml.headers.get('content-type')).toBe('message/rfc822');
    expect(await eml.text()).toContain('aubert@example.fr');
    expect((await get(entry.communication.url, parisToken)).status).toBe(404);

    const unknown = await t.gql<{ professional: Loose }>(FILE, { id: String(people[4]!.id) }, token);
    expect(unknown.data!.professional.exchanges[0].communication).toMatchObject({
      status: 'FAILED',
      lastError: 'adresse inconnue',
    });
  });

  it('downloads the wave’s letters as one PDF and their addresses as CSV, in the caisse only', async () => {
    const wave = await t.db.getRepository(RelanceWave).findOneByOrFail({ idempotencyKey: 'vague-211-0001' });
    const pdf = await get(`/api/relances/${wave.id}/letters.pdf`, token);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const pages = await pdfPages(new Uint8Array(await pdf.arrayBuffer()));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Dûval');
    expect(pages[0]).toContain(people[3]!.addressLine);
    const csv = await get(`/api/relances/${wave.id}/addresses.csv`, token);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Dûval');
    expect((await get(`/api/relances/${wave.id}/letters.pdf`, parisToken)).status).toBe(404);
    expect((await get(`/api/relances/${wave.id}/addresses.csv`, parisToken)).status).toBe(404);
    const conseiller = await t.login((await t.createAgent({ role: 'CONSEILLER', caisseCode: '211' })).email);
    expect((await get(`/api/relances/${wave.id}/letters.pdf`, conseiller)).status).toBe(403);
  });

  it('streams a letters-only wave: every letter in id order, read in keyset pages, the CSV alike', async () => {
    const input = { ...REJETEE, preferLetter: true, excludeWithinDays: 0 };
    const launched = await t.gql<{ launchRelance: Loose }>(LAUNCH, { input, key: 'vague-211-lettres' }, token);
    const waveId = Number(launched.data!.launchRelance.wave.id);
    const wave = await t.db.getRepository(RelanceWave).findOneByOrFail({ id: waveId });
    const letters = await t.db
      .getRepository(Communication)
      .find({ where: { waveId, channel: 'LETTER', status: 'QUEUED' }, order: { id: 'ASC' } });
    // Bérénger answered since (not a target any more); Espérandieu has no address: FAILED, not printed.
    expect(letters).toHaveLength(3);
    const ctx = { db: t.db, agent: { ...superviseur, sessionId: null } } as unknown as RequestContext;
    const pages: number[][] = [];
    for await (const page of waveLetterPages(ctx, wave, 2)) pages.push(page.map((r) => r.id));
    expect(pages).toEqual([letters.slice(0, 2).map((r) => r.id), letters.slice(2).map((r) => r.id)]);
    expect(await countWaveLetters(ctx, wave)).toBe(3);

    const pdf = await get(`/api/relances/${waveId}/letters.pdf`, token);
    expect(pdf.status).toBe(200);
    const text = await pdfPages(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toHaveLength(3);
    letters.forEach((row, i) => expect(text[i]).toContain(`Réf. ${row.id}`));
    expect(text[2]).toContain('Dûval');
    const csv = (await (await get(`/api/relances/${waveId}/addresses.csv`, token)).text()).trim().split('\r\n');
    expect(csv.slice(1).map((line) => Number(line.split(';')[0]))).toEqual(letters.map((r) => r.id));
    const audit = await t.db
      .getRepository(AuditEvent)
      .findOneByOrFail({ action: 'RELANCE_LETTERS_DOWNLOADED', targetId: String(waveId) });
    expect(audit.details).toEqual({ letters: 3 });
  });

  it('asks a national superviseur to choose caisses', async () => {
    const national = await t.login(
      (await t.createAgent({ role: 'SUPERVISEUR', caisseCode: '211', nationalScope: true })).email,
    );
    const result = await t.gql(PREVIEW, { input: REJETEE }, national);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toBe('Choisissez au moins une caisse.');
    const both = await t.gql<{ previewRelance: Loose }>(
      PREVIEW,
      { input: { ...REJETEE, caisseCodes: ['751'] } },
      national,
    );
    expect(both.data!.previewRelance).toMatchObject({ targetCount: 1, caisseCodes: ['751'] });
  });
});
