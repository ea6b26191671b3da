import type { Agent } from '../agents/agent.entity';
import type { Campaign } from '../campaigns/campaign.entity';
import type { Professional } from '../professionals/professional.entity';
import { textPdf } from '../seed/documents';
import { SoftwarePublisher } from '../software/software.entity';
import { startTestApp, type Loose, type TestApp } from '../test-support/test-app';
import {
  createCaisses,
  createCampaign,
  createProfessional,
  createSoftware,
  declare,
  softwareValue,
} from '../test-support/world';
import type { Extractor } from './extractor';
import { Precheck, PrecheckPage } from './precheck.entity';
import { claimPrecheck, completePrecheck, MAX_ATTEMPTS } from './precheck.service';
import type { Extraction } from './precheck.types';
import { runPrecheckJobs } from './runner';
import { wordsOf } from './test-kit';

const RECEIVE = `mutation R($input: ReceiveJustificatifInput!) { receiveJustificatif(input: $input) { justificatif { id } } }`;
const READ = `query J($id: ID!) { justificatif(id: $id) { id version precheck {
  status source confidence contradictions
  findings { item status snippet page box { x y w h } reason }
  confirmation { action confirmed changed items { item precheck agentChecked agreed } } } } }`;
const QUEUE = `query Q($filter: JustificatifQueueFilter) { justificatifQueue(filter: $filter, first: 50) { totalCount nodes { id precheck { contradictions } } } }`;
const VALIDATE = `mutation V($id: ID!, $v: Int!, $checklist: [ChecklistItemInput!]) {
  validateJustificatif(id: $id, expectedVersion: $v, checklist: $checklist) { justificatif { id status } } }`;

const invoiceLines = (holder: string, publisher = 'Éditions Santé Numérique', year = 2024) => [
  'FACTURE N° 2024-0001',
  `${publisher} — éditeur de logiciels de santé`,
  `Client : Dr ${holder}`,
  'Logiciel : Dentalia version 4.2',
  'Mention : « DMP compatible »',
  `Date d'acquisition : 14/03/${year}`,
];

/** Reads the lines each test registered for the file's bytes: the words of a text layer, without pdfjs. */
class ScriptedExtractor implements Extractor {
  readonly lines = new Map<string, string[]>();
  calls = 0;
  failWith: string | null = null;
  async extract(bytes: Buffer): Promise<Extraction> {
    this.calls += 1;
    if (this.failWith) throw new Error(this.failWith);
    const lines = this.lines.get(bytes.toString('base64')) ?? [];
    return { source: 'TEXT', pageCount: 1, words: wordsOf(lines), confidence: null, secondsPerPage: 0.01 };
  }
  async close() {}
}

describe('pré-contrôle: receipt, background reading, API, confirmation', () => {
  let t: TestApp;
  let campaign: Campaign;
  let camille: Professional;
  let conseiller: Agent;
  let token: string;
  let otherCaisse: string;
  const extractor = new ScriptedExtractor();
  let serial = 0;

  const receive = async (lines: string[]) => {
    const bytes = await textPdf(`Pièce ${++serial}`, lines);
    extractor.lines.set(bytes.toString('base64'), lines);
    const form = new FormData();
    form.append('file', new Blob([bytes]), 'facture.pdf');
    const upload = await fetch(`${t.url}/api/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'x-mcbo-csrf': '1' },
      body: form,
    });
    const fileId = ((await upload.json()) as Loose).id as string;
    const input = {
      professionalId: String(camille.id),
      campaignYear: 2024,
      scheme: 'FAMI',
      indicatorCode: 'LOG_DMP',
      channel: 'EMAIL',
      fileId,
    };
    const received = await t.gql<{ receiveJustificatif: Loose }>(RECEIVE, { input }, token);
    expect(received.errors).toBeUndefined();
    return received.data!.receiveJustificatif.justificatif.id as string;
  };
  const read = async (id: string, as = token) => await t.gql<{ justificatif: Loose }>(READ, { id }, as);
  const run = () => runPrecheckJobs({ db: t.db, storage: t.app.storage, extractor });

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.db.manager;
    await createCaisses(em);
    campaign = await createCampaign(em, 'fami-2024.json', 'CLOSED');
    camille = await createProfessional(em, {
      profession: 'CHIRURGIEN_DENTISTE',
      caisseCode: '211',
      firstName: 'Camille',
      lastName: 'Martin',
    });
    const declared = await createSoftware(em, 'Éditions Santé Numérique', 'Dentalia', '4.2');
    await createSoftware(em, 'Odontia Systèmes', 'DentiCloud', '2.1');
    await declare(em, camille, campaign, { LOG_DMP: { data: softwareValue(declared), source: 'DECLARED' } });
    conseiller = await t.createAgent({ role: 'CONSEILLER', caisseCode: '211' });
    token = await t.login(conseiller.email);
    otherCaisse = await t.login((await t.createAgent({ role: 'CONSEILLER', caisseCode: '751' })).email);
  });
  afterAll(async () => t.stop());

  it('a receipt writes its pending pre-check in the same transaction; the review reads it without waiting', async () => {
    const id = await receive(invoiceLines('Camille Martin'));
    const row = await t.db.getRepository(Precheck).findOneByOrFail({ justificatifId: Number(id) });
    expect(row).toMatchObject({ status: 'PENDING', attempts: 0, findings: null });
    expect((await read(id)).data!.justificatif.precheck).toMatchObject({ status: 'PENDING', findings: [] });
  });

  it('reads a compliant invoice: every required item FOUND with the words and their box, nothing validated', async () => {
    const id = await receive(invoiceLines('Camille Martin'));
    await run();
    const { data } = await read(id);
    const precheck = data!.justificatif.precheck;
    expect(precheck).toMatchObject({ status: 'DONE', source: 'TEXT', contradictions: 0 });
    const byItem = Object.fromEntries((precheck.findings as Loose[]).map((f) => [f.item, f]));
    for (const item of [
      'DOCUMENT_TYPE',
      'PUBLISHER_IDENTIFIED',
      'SOFTWARE_NAME',
      'ACQUISITION_DATE',
      'NOMINATIVE',
      'DMP_COMPATIBLE_MENTION',
    ]) {
      expect(byItem[item]).toMatchObject({ status: 'FOUND', page: 1, box: { x: expect.any(Number) } });
    }
    expect(byItem.NOMINATIVE.snippet).toBe('Client : Dr Camille Martin');
    expect(byItem.CONNECTOR_OR_PACK_STATED.status).toBe('NOT_FOUND');
    const words = await t.db
      .getRepository(PrecheckPage)
      .findBy({ precheckId: (await t.db.getRepository(Precheck).findOneByOrFail({ justificatifId: Number(id) })).id });
    expect(words).toHaveLength(1);
    expect(words[0]!.words.some(([text]) => text === 'Dentalia')).toBe(true);
    expect(data!.justificatif.version).toBe(1);
  });

  it('flags another professional’s invoice; the queue filter « contradiction détectée » lists exactly those', async () => {
    const wrong = await receive(invoiceLines('Julien Roux', 'Odontia Systèmes'));
    await run();
    const precheck = (await read(wrong)).data!.justificatif.precheck;
    expect(precheck.contradictions).toBe(2);
    expect((precheck.findings as Loose[]).find((f) => f.item === 'NOMINATIVE')).toMatchObject({
      status: 'CONTRADICTED',
      snippet: 'Client : Dr Julien Roux',
      reason: 'La pièce est au nom de « Julien Roux », pas de Camille Martin.',
    });
    const all = await t.gql<{ justificatifQueue: Loose }>(QUEUE, { filter: {} }, token);
    const flagged = await t.gql<{ justificatifQueue: Loose }>(
      QUEUE,
      { filter: { contradictionDetected: true } },
      token,
    );
    expect(all.data!.justificatifQueue.totalCount).toBeGreaterThan(1);
    expect(flagged.data!.justificatifQueue.nodes.map((n: Loose) => n.id)).toEqual([wrong]);
    // Nothing crosses caisses: the same filter from another caisse lists nothing, the piece reads as unknown.
    const elsewhere = await t.gql<{ justificatifQueue: Loose }>(
      QUEUE,
      { filter: { contradictionDetected: true } },
      otherCaisse,
    );
    expect(elsewhere.data!.justificatifQueue.totalCount).toBe(0);
    expect((await read(wrong, otherCaisse)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('the decision records which findings the agent confirmed and which they changed', async () => {
    const id = await receive(invoiceLines('Camille Martin'));
    await run();
    const checklist = [
      'DOCUMENT_TYPE',
      'PUBLISHER_IDENTIFIED',
      'SOFTWARE_NAME',
      'ACQUISITION_DATE',
      'NOMINATIVE',
      'DMP_COMPATIBLE_MENTION',
      'CONNECTOR_OR_PACK_STATED',
    ].map((code) => ({ code, checked: true }));
    const decided = await t.gql(VALIDATE, { id, v: 1, checklist }, token);
    expect(decided.errors).toBeUndefined();
    const confirmation = (await read(id)).data!.justificatif.precheck.confirmation;
    expect(confirmation).toMatchObject({ action: 'VALIDATED', confirmed: 6, changed: 1 });
    expect((confirmation.items as Loose[]).find((i) => i.item === 'CONNECTOR_OR_PACK_STATED')).toEqual({
      item: 'CONNECTOR_OR_PACK_STATED',
      precheck: 'NOT_FOUND',
      agentChecked: true,
      agreed: false,
    });
  });

  it('two workers never both complete a job; an expired lease is taken over and the late worker is refused', async () => {
    const id = await receive(invoiceLines('Camille Martin'));
    const [a, b] = await Promise.all([claimPrecheck(t.db, 60_000), claimPrecheck(t.db, 60_000)]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const first = (a ?? b)!;
    expect(first.justificatifId).toBe(Number(id));
    // The first worker is presumed dead once its lease has passed: another one claims the job again.
    const later = await claimPrecheck(t.db, 60_000, new Date(Date.now() + 61_000));
    expect(later).toMatchObject({ id: first.id, attempt: 2 });
    extractor.lines.set('', invoiceLines('Camille Martin'));
    const extraction = await extractor.extract(Buffer.alloc(0));
    expect(await completePrecheck(t.db, first, extraction)).toBe(false);
    expect(await completePrecheck(t.db, later!, extraction)).toBe(true);
    expect(await t.db.getRepository(Precheck).findOneByOrFail({ id: first.id })).toMatchObject({
      status: 'DONE',
      attempts: 2,
    });
  });

  it('a piece that cannot be read is retried, then FAILED: nothing asserted, the agent reads it', async () => {
    const id = await receive(['FACTURE illisible']);
    extractor.failWith = 'PDF corrompu';
    try {
      for (let i = 0; i < MAX_ATTEMPTS; i += 1) await run();
    } finally {
      extractor.failWith = null;
    }
    const row = await t.db.getRepository(Precheck).findOneByOrFail({ justificatifId: Number(id) });
    expect(row).toMatchObject({ status: 'FAILED', attempts: MAX_ATTEMPTS, error: 'PDF corrompu', findings: null });
    expect(await run()).toEqual({ completed: 0, failed: 0 });
  });

  it('reads the catalogue’s other names: the declared publisher under its alias, another one under its own', async () => {
    const publishers = t.db.getRepository(SoftwarePublisher);
    await publishers.update({ name: 'Éditions Santé Numérique' }, { aliases: ['ESN Santé'] });
    await publishers.update({ name: 'Odontia Systèmes' }, { aliases: ['Groupe Odontia'] });
    const mine = await receive(invoiceLines('Camille Martin', 'ESN Santé'));
    const other = await receive(invoiceLines('Camille Martin', 'Groupe Odontia'));
    await run();
    const publisherOf = async (id: string) =>
      ((await read(id)).data!.justificatif.precheck.findings as Loose[]).find((f) => f.item === 'PUBLISHER_IDENTIFIED');
    expect(await publisherOf(mine)).toMatchObject({
      status: 'FOUND',
      reason: '« ESN Santé » est un autre nom de « Éditions Santé Numérique » au catalogue.',
    });
    expect(await publisherOf(other)).toMatchObject({
      status: 'CONTRADICTED',
      reason:
        'Éditeur sur la pièce : « Groupe Odontia » (Odontia Systèmes) ; éditeur déclaré : « Éditions Santé Numérique ».',
    });
  });
});
