/**
 * A plan of 200 cases over a PAID FAMI 2024 campaign, end to end through the API: preview, refusal of an
 * oversized sample, creation (reproducible: the cases are the pure draw's sample), the caisse boundary,
 * requests, pieces, conclusions, two agents concluding at once, the indu after payment, the export.
 */
import { In } from 'typeorm';
import type { Campaign } from '../campaigns/campaign.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { Communication } from '../communications/communication.entity';
import { frenchDate } from '../communications/outbox';
import { bulkInsert } from '../db/bulk';
import { Declaration, IndicatorValue } from '../declarations/declaration.entity';
import { StoredFile } from '../files/stored-file.entity';
import { Payment } from '../payments/payment.entity';
import type { Professional } from '../professionals/professional.entity';
import { startTestApp, type Loose, type TestApp } from '../test-support/test-app';
import { createCaisses, createCampaign, createProfessional, declare } from '../test-support/world';
import { ControlCase, ControlCaseHistory, ControlItem, ControlPlan } from './control.entity';
import { drawSample } from './draw';

const PREVIEW = `query P($input: ControlPlanInput!) {
  previewControlPlan(input: $input) {
    __typename
    ... on ControlPlanPreview { seed populationCount excludedCount sampleCount strata { profession indicatorCode population excluded sampled } }
    ... on ControlPlanRefused { code message populationCount }
  }
}`;
const CREATE = `mutation C($input: CreateControlPlanInput!) {
  createControlPlan(input: $input) {
    __typename
    ... on ControlPlanCreated { plan { id seed populationCount caseCount strata { sampled } } }
    ... on ControlPlanRefused { code message }
  }
}`;
const CASE_FIELDS = `id status version requestDelivery responseDeadline induCents induReason
  requestMessage { id kind channel status subject body }
  induLines { label indicatorCode paidCents dueCents induCents reason }
  findings { indicatorCode motifs motifLabels } assignedTo { displayName }
  indicators { code label finding motifs { code } } pieces { fileUrl channel } history { action toStatus agentName }`;
const RESULT = `__typename
  ... on ControlCaseUpdated { controlCase { ${CASE_FIELDS} } }
  ... on ControlCaseRefused { code message controlCase { id status version } }`;
const TAKE = `mutation T($id: ID!, $v: Int!) { takeControlCase(id: $id, expectedVersion: $v) { ${RESULT} } }`;
const RELEASE = `mutation R($id: ID!, $v: Int!) { releaseControlCase(id: $id, expectedVersion: $v) { ${RESULT} } }`;
const REQUEST = `mutation Q($id: ID!, $v: Int!) { requestControlPieces(id: $id, expectedVersion: $v, channel: LETTER) { ${RESULT} } }`;
const ATTACH = `mutation A($id: ID!, $v: Int!, $fileId: String!) {
  attachControlPiece(id: $id, expectedVersion: $v, fileId: $fileId, channel: POST) { ${RESULT} } }`;
const CONCLUDE = `mutation K($id: ID!, $v: Int!, $outcome: ControlOutcome!, $motifs: [ControlFindingInput!], $comment: String) {
  concludeControlCase(id: $id, expectedVersion: $v, outcome: $outcome, motifs: $motifs, comment: $comment) { ${RESULT} } }`;

describe('contrôle a posteriori', () => {
  let t: TestApp;
  let campaign: Campaign;
  const dentists: Professional[] = [];
  let superviseur: string;
  let superviseurParis: string;
  let conseiller: string;
  let conseiller2: string;
  let conseillerParis: string;
  let fileId: string;

  const base = { campaignYear: 2024, scheme: 'FAMI', indicatorCodes: ['HORAIRES'] };

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.db.manager;
    await createCaisses(em);
    campaign = await createCampaign(em, 'fami-2024.json', 'PAID');
    const all = {
      LOG_DMP: {
        data: {
          type: 'SOFTWARE' as const,
          softwareId: 1,
          softwareName: 'Dentalia',
          version: '4',
          publisherId: 1,
          publisherName: 'Odonto',
          dmpCompatible: true,
          lapCertified: false,
        },
        source: 'PREFILLED' as const,
      },
      CDC_SV: { data: { type: 'BOOLEAN' as const, value: true }, source: 'COMPUTED' as const },
      HORAIRES: { data: { type: 'BOOLEAN' as const, value: true }, source: 'DECLARED' as const },
      TX_FSE: { data: { type: 'RATE' as const, numerator: 90, denominator: 100 }, source: 'COMPUTED' as const },
      MSS: {
        data: { type: 'MESSAGING' as const, messagingType: 'MSSANTE_PERSONAL' as const },
        source: 'PREFILLED' as const,
      },
      PEC: { data: { type: 'CHOICE' as const, code: 'CPTS' }, source: 'DECLARED' as const },
      ALLER_VERS: {
        data: { type: 'TEXT' as const, text: 'EHPAD des Tilleuls', count: 3 },
        source: 'DECLARED' as const,
      },
      ETUDIANT: { data: { type: 'BOOLEAN' as const, value: true }, source: 'DECLARED' as const },
    };
    for (let i = 0; i < 220; i++) {
      dentists.push(await createProfessional(em, { profession: 'CHIRURGIEN_DENTISTE', caisseCode: '211' }));
    }
    // One declaration through the rules, copied in bulk to the others (the same values give the same atteinte).
    const template = await declare(em, dentists[0]!, campaign, all);
    const { id: _id, ...declarationRow } = await em.getRepository(Declaration).findOneByOrFail({ id: template.id });
    const templateValues = await em.getRepository(IndicatorValue).findBy({ declarationId: template.id });
    const others = dentists.slice(1);
    await bulkInsert(
      em,
      Declaration,
      others.map((p) => ({ ...declarationRow, professionalId: p.id })),
    );
    const declarations = await em.getRepository(Declaration).findBy({ campaignId: campaign.id });
    const declarationOf = new Map(declarations.map((d) => [d.professionalId, d.id]));
    await bulkInsert(
      em,
      IndicatorValue,
      others.flatMap((p) =>
        templateValues.map(({ id: _valueId, ...value }) => ({
          ...value,
          declarationId: declarationOf.get(p.id)!,
          professionalId: p.id,
        })),
      ),
    );
    const paris = await createProfessional(em, { profession: 'CHIRURGIEN_DENTISTE', caisseCode: '751' });
    await declare(em, paris, campaign, all);
    await em.getRepository(Payment).insert(
      dentists.slice(0, 220).map((p, i) => ({
        professionalId: p.id,
        campaignId: campaign.id,
        caisseCode: '211',
        kind: 'INITIAL' as const,
        amountCents: 124000,
        paidOn: '2025-06-15',
        status: 'SENT' as const,
        reference: `PAY-${i}`,
      })),
    );
    fileId = 'b'.repeat(64);
    await em.getRepository(StoredFile).insert({
      id: fileId,
      contentType: 'application/pdf',
      sizeBytes: 10,
      originalName: 'horaires.pdf',
      uploadedByAgentId: null,
    });
    const sup = await t.createAgent({ role: 'SUPERVISEUR' });
    const supParis = await t.createAgent({ role: 'SUPERVISEUR', caisseCode: '751' });
    const conseillerAgent = await t.createAgent({ role: 'CONSEILLER' });
    const c2 = await t.createAgent({ role: 'CONSEILLER' });
    const cParis = await t.createAgent({ role: 'CONSEILLER', caisseCode: '751' });
    // One after the other: each login appends to the audit chain.
    const tokens: string[] = [];
    for (const agent of [sup, supParis, conseillerAgent, c2, cParis]) tokens.push(await t.login(agent.email));
    [superviseur, superviseurParis, conseiller, conseiller2, conseillerParis] = tokens as [
      string,
      string,
      string,
      string,
      string,
    ];
  }, 400_000);

  afterAll(() => t.stop());

  it('previews the draw per stratum and refuses more than the population, creating nothing', async () => {
    const preview = await t.gql<Loose>(PREVIEW, { input: { ...base, size: 200, seed: 'graine-2024' } }, superviseur);
    expect(preview.errors).toBeUndefined();
    expect(preview.data!.previewControlPlan).toEqual({
      __typename: 'ControlPlanPreview',
      seed: 'graine-2024',
      populationCount: 220,
      excludedCount: 0,
      sampleCount: 200,
      strata: [
        { profession: 'CHIRURGIEN_DENTISTE', indicatorCode: 'HORAIRES', population: 220, excluded: 0, sampled: 200 },
      ],
    });
    const tooMany = await t.gql<Loose>(PREVIEW, { input: { ...base, size: 221 } }, superviseur);
    expect(tooMany.data!.previewControlPlan).toMatchObject({
      __typename: 'ControlPlanRefused',
      code: 'SAMPLE_TOO_LARGE',
    });
    const create = await t.gql<Loose>(CREATE, { input: { ...base, size: 221, label: 'Trop grand' } }, superviseur);
    expect(create.data!.createControlPlan.message).toBe(
      'Échantillon demandé (221) supérieur à la population contrôlable (220) : aucun plan créé.',
    );
    expect(await t.db.getRepository(ControlPlan).count()).toBe(0);
    // A conseiller does not draw plans.
    expect(
      (await t.gql<Loose>(PREVIEW, { input: { ...base, size: 1 } }, conseiller)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    // Pre-filled values enter the population only when asked (MSS is pre-filled for everyone here).
    const mss = await t.gql<Loose>(PREVIEW, { input: { ...base, indicatorCodes: ['MSS'], size: 1 } }, superviseur);
    expect(mss.data!.previewControlPlan.code).toBe('EMPTY_POPULATION');
    const withPrefilled = await t.gql<Loose>(
      PREVIEW,
      { input: { ...base, indicatorCodes: ['MSS'], size: 1, includePrefilled: true } },
      superviseur,
    );
    expect(withPrefilled.data!.previewControlPlan.populationCount).toBe(220);
    // LOG_DMP is checked on pieces, not on honour: not controllable.
    const logDmp = await t.gql<Loose>(
      PREVIEW,
      { input: { ...base, indicatorCodes: ['LOG_DMP'], size: 1 } },
      superviseur,
    );
    expect(logDmp.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('creates 200 cases — exactly the pure draw’s sample — and never draws outside the caisse', async () => {
    const created = await t.gql<Loose>(
      CREATE,
      { input: { ...base, size: 200, seed: 'graine-2024', label: 'Horaires 2024 — Côte-d’Or' } },
      superviseur,
    );
    expect(created.data!.createControlPlan).toMatchObject({
      __typename: 'ControlPlanCreated',
      plan: { seed: 'graine-2024', populationCount: 220, caseCount: 200 },
    });
    const cases = await t.db.getRepository(ControlCase).find({ order: { id: 'ASC' } });
    expect(cases).toHaveLength(200);
    expect(cases.every((c) => c.caisseCode === '211' && c.status === 'OPEN')).toBe(true);
    const expected = drawSample({
      population: dentists.map((p) => ({
        professionalId: p.id,
        caisseCode: '211',
        profession: 'CHIRURGIEN_DENTISTE' as const,
        indicatorCode: 'HORAIRES',
      })),
      seed: 'graine-2024',
      spec: { size: 200 },
      caisses: ['211'],
      excluded: new Set(),
    });
    if (!expected.ok) throw new Error(expected.reason);
    expect(cases.map((c) => c.professionalId).sort((a, b) => a - b)).toEqual(
      expected.sample.map((u) => u.professionalId).sort((a, b) => a - b),
    );
    expect(await t.db.getRepository(ControlItem).count()).toBe(200);
    expect(await t.db.getRepository(ControlCaseHistory).countBy({ action: 'OPENED' })).toBe(200);
    expect(await t.db.getRepository(AuditEvent).countBy({ action: 'CONTROL_PLAN_CREATED' })).toBe(1);

    // Already controlled for this campaign and indicator: excluded from the next draw.
    const again = await t.gql<Loose>(PREVIEW, { input: { ...base, size: 21 } }, superviseur);
    expect(again.data!.previewControlPlan).toMatchObject({ code: 'SAMPLE_TOO_LARGE', populationCount: 220 });
    expect(again.data!.previewControlPlan.message).toContain('(20 (200 déjà contrôlés exclus))');

    // Paris sees its own population only, and none of Côte-d'Or's cases or plans.
    const parisPreview = await t.gql<Loose>(PREVIEW, { input: { ...base, size: 1 } }, superviseurParis);
    expect(parisPreview.data!.previewControlPlan.populationCount).toBe(1);
    const parisQueue = await t.gql<Loose>(
      `query { controlCaseQueue(view: ALL_OPEN) { totalCount } }`,
      {},
      conseillerParis,
    );
    expect(parisQueue.data!.controlCaseQueue.totalCount).toBe(0);
    const parisRead = await t.gql<Loose>(
      `query Q($id: ID!) { controlCase(id: $id) { id } }`,
      { id: String(cases[0]!.id) },
      conseillerParis,
    );
    expect(parisRead.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const parisPlans = await t.gql<Loose>(
      `query { controlPlans(campaignYear: 2024, scheme: FAMI) { id } }`,
      {},
      superviseurParis,
    );
    expect(parisPlans.data!.controlPlans).toEqual([]);
  });

  async function caseOf(index: number) {
    const rows = await t.db.getRepository(ControlCase).find({ order: { id: 'ASC' } });
    return rows[index]!;
  }

  it('queues oldest first, takes, refuses a colleague, requests pieces, attaches one', async () => {
    const queue = await t.gql<Loose>(
      `query { controlCaseQueue(first: 5) { totalCount nodes { id } pageInfo { endCursor } } }`,
      {},
      conseiller,
    );
    expect(queue.data!.controlCaseQueue.totalCount).toBe(200);
    const first = await caseOf(0);
    expect(queue.data!.controlCaseQueue.nodes[0].id).toBe(String(first.id));
    const next = await t.gql<Loose>(
      `query Q($after: String) { controlCaseQueue(first: 5, after: $after) { nodes { id } } }`,
      { after: queue.data!.controlCaseQueue.pageInfo.endCursor },
      conseiller,
    );
    expect(next.data!.controlCaseQueue.nodes[0].id).toBe(String((await caseOf(5)).id));

    const taken = await t.gql<Loose>(TAKE, { id: String(first.id), v: 1 }, conseiller);
    expect(taken.data!.takeControlCase).toMatchObject({
      __typename: 'ControlCaseUpdated',
      controlCase: { version: 2 },
    });
    const stolen = await t.gql<Loose>(TAKE, { id: String(first.id), v: 2 }, conseiller2);
    expect(stolen.data!.takeControlCase).toMatchObject({ __typename: 'ControlCaseRefused', code: 'HELD_BY_ANOTHER' });
    const early = await t.gql<Loose>(CONCLUDE, { id: String(first.id), v: 2, outcome: 'COMPLIANT' }, conseiller);
    expect(early.data!.concludeControlCase).toMatchObject({ code: 'INVALID_TRANSITION' });

    const requested = await t.gql<Loose>(REQUEST, { id: String(first.id), v: 2 }, conseiller);
    const afterRequest = requested.data!.requestControlPieces.controlCase;
    expect(afterRequest).toMatchObject({ status: 'PIECES_REQUESTED', requestDelivery: 'QUEUED', version: 3 });
    const in30 = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(afterRequest.responseDeadline).toBe(in30);
    // The letter is in the outbox, rendered with the campaign's template: the indicator and the deadline.
    expect(afterRequest.requestMessage).toMatchObject({
      kind: 'CONTROL_PIECES_REQUEST',
      channel: 'LETTER',
      status: 'QUEUED',
    });
    expect(afterRequest.requestMessage.body).toContain('Horaires');
    expect(afterRequest.requestMessage.body).toContain(frenchDate(in30));
    expect(afterRequest.requestMessage.subject).toContain('contrôle a posteriori');
    const tooEarly = await t.gql<Loose>(CONCLUDE, { id: String(first.id), v: 3, outcome: 'NO_RESPONSE' }, conseiller);
    expect(tooEarly.data!.concludeControlCase).toMatchObject({ code: 'DEADLINE_NOT_PASSED' });

    const badFile = await t.gql<Loose>(ATTACH, { id: String(first.id), v: 3, fileId: 'c'.repeat(64) }, conseiller);
    expect(badFile.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const attached = await t.gql<Loose>(ATTACH, { id: String(first.id), v: 3, fileId }, conseiller);
    expect(attached.data!.attachControlPiece.controlCase).toMatchObject({
      status: 'PIECES_RECEIVED',
      pieces: [{ fileUrl: `/api/files/${fileId}`, channel: 'POST' }],
    });
    const stale = await t.gql<Loose>(CONCLUDE, { id: String(first.id), v: 3, outcome: 'COMPLIANT' }, conseiller);
    expect(stale.data!.concludeControlCase).toMatchObject({ code: 'STALE_VERSION', controlCase: { version: 4 } });
  });

  it('concludes non-compliant: the indicator is lost for the campaign, the socle and PEC with it, and the indu is 590 €', async () => {
    const first = await caseOf(0);
    const wrongMotif = await t.gql<Loose>(
      CONCLUDE,
      {
        id: String(first.id),
        v: 4,
        outcome: 'NON_COMPLIANT',
        motifs: [{ indicatorCode: 'HORAIRES', motifs: ['MESSAGING_NOT_IN_TRUST_SPACE'] }],
      },
      conseiller,
    );
    expect(wrongMotif.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const concluded = await t.gql<Loose>(
      CONCLUDE,
      {
        id: String(first.id),
        v: 4,
        outcome: 'NON_COMPLIANT',
        motifs: [{ indicatorCode: 'HORAIRES', motifs: ['PIECE_NOT_PROBATIVE'] }],
        comment: 'Capture d’écran de l’annuaire datée de 2025.',
      },
      conseiller,
    );
    expect(concluded.errors).toBeUndefined();
    const c = concluded.data!.concludeControlCase.controlCase;
    expect(c).toMatchObject({ status: 'CONCLUDED_NON_COMPLIANT', induCents: 59000 });
    expect(c.induLines.map((l: Loose) => [l.indicatorCode, l.paidCents, l.dueCents, l.induCents])).toEqual([
      [null, 49000, 0, 49000],
      ['PEC', 10000, 0, 10000],
    ]);
    expect(c.induReason).toBe('Indu de 590,00 € : versé 1 240,00 €, dû 650,00 €');
    expect(c.indicators[0].finding).toBe(
      `Contrôle a posteriori n° ${first.id} non conforme (Pièce fournie non probante) : indicateur non atteint`,
    );
    expect(c.history.map((h: Loose) => h.action)).toEqual([
      'OPENED',
      'ASSIGNED',
      'PIECES_REQUESTED',
      'PIECE_ATTACHED',
      'CONCLUDED_NON_COMPLIANT',
    ]);
    // The professional's file: atteinte, rémunération, controls and indus.
    const file = await t.gql<Loose>(
      `query F($id: ID!) { professional(id: $id) {
        declaration(campaignYear: 2024, scheme: FAMI) { remuneration { totalCents } indicators { indicator { code } atteinte { status reason } } }
        controls { id status induCents }
      } }`,
      { id: String(first.professionalId) },
      conseiller,
    );
    expect(file.errors).toBeUndefined();
    const declaration = file.data!.professional.declaration;
    expect(declaration.remuneration.totalCents).toBe(65000);
    const horaires = declaration.indicators.find((i: Loose) => i.indicator.code === 'HORAIRES');
    expect(horaires.atteinte).toEqual({ status: 'NOT_ACHIEVED', reason: c.indicators[0].finding });
    expect(file.data!.professional.controls).toEqual([
      { id: String(first.id), status: 'CONCLUDED_NON_COMPLIANT', induCents: 59000 },
    ]);
    const audit = await t.db.getRepository(AuditEvent).findOneByOrFail({ action: 'CONTROL_CONCLUDED_NON_COMPLIANT' });
    expect(audit.professionalId).toBe(first.professionalId);
    // Concluded is final.
    const again = await t.gql<Loose>(CONCLUDE, { id: String(first.id), v: 5, outcome: 'COMPLIANT' }, conseiller);
    expect(again.data!.concludeControlCase).toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('lets exactly one of two agents conclude the same case at once', async () => {
    const target = await caseOf(1);
    const id = String(target.id);
    await t.gql<Loose>(TAKE, { id, v: 1 }, conseiller);
    await t.gql<Loose>(REQUEST, { id, v: 2 }, conseiller);
    await t.gql<Loose>(ATTACH, { id, v: 3, fileId }, conseiller);
    await t.gql<Loose>(RELEASE, { id, v: 4 }, conseiller);
    const [a, b] = await Promise.all([
      t.gql<Loose>(CONCLUDE, { id, v: 5, outcome: 'COMPLIANT' }, conseiller),
      t.gql<Loose>(
        CONCLUDE,
        { id, v: 5, outcome: 'NON_COMPLIANT', motifs: [{ indicatorCode: 'HORAIRES', motifs: ['NO_PIECE_PROVIDED'] }] },
        conseiller2,
      ),
    ]);
    const outcomes = [a.data!.concludeControlCase.__typename, b.data!.concludeControlCase.__typename].sort();
    expect(outcomes).toEqual(['ControlCaseRefused', 'ControlCaseUpdated']);
    const row = await t.db.getRepository(ControlCase).findOneByOrFail({ id: target.id });
    expect(row.version).toBe(6);
    expect(await t.db.getRepository(ControlCaseHistory).countBy({ caseId: target.id })).toBe(6);
    const findings = await t.db.getRepository(ControlItem).findOneByOrFail({ caseId: target.id });
    expect(findings.finding === null).toBe(row.status === 'CONCLUDED_COMPLIANT');
  });

  it('closes without response once the deadline has passed; requests and conclusions across the plan', async () => {
    const rows = (await t.db.getRepository(ControlCase).find({ order: { id: 'ASC' } })).slice(2, 22);
    for (const row of rows) {
      const id = String(row.id);
      expect((await t.gql<Loose>(TAKE, { id, v: 1 }, conseiller2)).data!.takeControlCase.__typename).toBe(
        'ControlCaseUpdated',
      );
      expect((await t.gql<Loose>(REQUEST, { id, v: 2 }, conseiller2)).data!.requestControlPieces.__typename).toBe(
        'ControlCaseUpdated',
      );
    }
    // Ten deadlines passed without an answer.
    const expired = rows.slice(0, 10).map((r) => r.id);
    for (const id of expired) await t.db.getRepository(ControlCase).update({ id }, { responseDeadline: '2025-01-01' });
    for (const id of expired) {
      const result = await t.gql<Loose>(CONCLUDE, { id: String(id), v: 3, outcome: 'NO_RESPONSE' }, conseiller2);
      expect(result.data!.concludeControlCase.controlCase).toMatchObject({ status: 'NO_RESPONSE', induCents: 59000 });
    }
    const sup = await t.gql<Loose>(
      `query { controlSupervision(campaignYear: 2024, scheme: FAMI) {
        caseCount byStatus { status count under30Days } compliance { indicatorCode concluded nonCompliant complianceRatePercent }
        indusByCaisse { caisseCode caseCount induCents } oldestOpenCase { id }
      } }`,
      {},
      superviseur,
    );
    expect(sup.errors).toBeUndefined();
    const s = sup.data!.controlSupervision;
    expect(s.caseCount).toBe(200);
    const counts = Object.fromEntries(s.byStatus.map((b: Loose) => [b.status, b.count]));
    expect(counts.OPEN).toBe(178);
    expect(counts.PIECES_REQUESTED).toBe(10);
    expect(counts.NO_RESPONSE).toBe(10);
    const horaires = s.compliance.find((c: Loose) => c.indicatorCode === 'HORAIRES');
    expect(horaires.concluded).toBe(12);
    const paidIndus = s.indusByCaisse[0];
    expect(paidIndus.caisseCode).toBe('211');
    expect(paidIndus.caseCount).toBeGreaterThanOrEqual(11);
    // Cases 0–11 are concluded; all were opened together, so the oldest open one is the next by id.
    expect(s.oldestOpenCase.id).toBe(String((await caseOf(12)).id));
    const parisSup = await t.gql<Loose>(
      `query { controlSupervision(campaignYear: 2024, scheme: FAMI) { caseCount indusByCaisse { caisseCode } } }`,
      {},
      superviseurParis,
    );
    expect(parisSup.data!.controlSupervision).toEqual({ caseCount: 0, indusByCaisse: [] });
  });

  it('exports the indus for recovery, within the caisse', async () => {
    const download = async (token: string) => {
      const response = await fetch(`${t.url}/api/exports/indus?campaignYear=2024&scheme=FAMI`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return { status: response.status, body: await response.text() };
    };
    const csv = await download(superviseur);
    expect(csv.status).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toContain('N° contrôle;N° AM');
    const withIndu = await t.db.getRepository(ControlCase).createQueryBuilder('c').where('c.induCents > 0').getCount();
    expect(lines).toHaveLength(1 + withIndu);
    expect(lines[1]).toContain('590,00');
    const paris = await download(superviseurParis);
    expect(
      paris.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/),
    ).toHaveLength(1);
    expect((await download(conseiller)).status).toBe(403);
  });

  it('keeps the stored achievement in step with the conclusion', async () => {
    const first = await caseOf(0);
    const values = await t.db
      .getRepository(IndicatorValue)
      .findBy({ professionalId: first.professionalId, campaignId: campaign.id });
    // HORAIRES is not achieved; PEC stays achieved but is no longer paid (the socle is not met).
    const notAchieved = values.filter((v) => v.achievement === 'NOT_ACHIEVED');
    expect(notAchieved).toHaveLength(1);
    expect(notAchieved[0]!.achievementReason).toContain(`Contrôle a posteriori n° ${first.id}`);
  });

  it('writes the request’s message in the transition’s transaction: a rolled-back request leaves no message', async () => {
    const target = await caseOf(150);
    const id = String(target.id);
    const messages = () =>
      t.db
        .getRepository(Communication)
        .findBy({ professionalId: target.professionalId, kind: 'CONTROL_PIECES_REQUEST' });
    expect(await messages()).toHaveLength(0);
    await t.gql<Loose>(TAKE, { id, v: 1 }, conseiller);
    // The request dies just before COMMIT, as a kill -9 would: inside its transaction the message is already
    // written (same transaction), and the rollback takes it away with the transition.
    const original = t.db.transaction.bind(t.db);
    let seenInTransaction = 0;
    const spy = jest.spyOn(t.db, 'transaction').mockImplementation(((work: never) =>
      original(async (em) => {
        const result = await (work as (em: unknown) => Promise<unknown>)(em);
        seenInTransaction = await em
          .getRepository(Communication)
          .countBy({ professionalId: target.professionalId, kind: 'CONTROL_PIECES_REQUEST' });
        if (seenInTransaction > 0) throw new Error('kill -9');
        return result;
      })) as never);
    try {
      const failed = await t.gql<Loose>(REQUEST, { id, v: 2 }, conseiller);
      expect(failed.errors).toBeDefined();
    } finally {
      spy.mockRestore();
    }
    expect(seenInTransaction).toBe(1);
    expect(await messages()).toHaveLength(0);
    const unchanged = await t.db.getRepository(ControlCase).findOneByOrFail({ id: target.id });
    expect(unchanged).toMatchObject({ status: 'OPEN', version: 2, requestCommunicationId: null });

    const requested = await t.gql<Loose>(REQUEST, { id, v: 2 }, conseiller);
    expect(requested.data!.requestControlPieces.__typename).toBe('ControlCaseUpdated');
    const [message] = await messages();
    expect(await messages()).toHaveLength(1);
    const row = await t.db.getRepository(ControlCase).findOneByOrFail({ id: target.id });
    expect(row.requestCommunicationId).toBe(message!.id);
    expect(message).toMatchObject({ status: 'QUEUED', campaignId: campaign.id, caisseCode: '211' });
  });

  it('closes the expired cases in bulk after confirmation, one transition each; a run killed midway loses and repeats nothing', async () => {
    const rows = (await t.db.getRepository(ControlCase).find({ order: { id: 'ASC' } })).slice(160, 170);
    for (const row of rows) {
      await t.gql<Loose>(TAKE, { id: String(row.id), v: 1 }, conseiller);
      await t.gql<Loose>(REQUEST, { id: String(row.id), v: 2 }, conseiller);
    }
    const expired = rows.slice(0, 6).map((r) => r.id);
    for (const id of expired) await t.db.getRepository(ControlCase).update({ id }, { responseDeadline: '2025-01-01' });
    const PREVIEW_EXPIRED = `query { expiredControlCases(campaignYear: 2024, scheme: FAMI) { count oldestDeadline } }`;
    const CLOSE = `mutation M($n: Int!) { closeExpiredControlCases(campaignYear: 2024, scheme: FAMI, expectedCount: $n) {
      __typename
      ... on NoResponseClosed { closedCount refusedCount remainingCount results { caseId closed code } }
      ... on NoResponseCountChanged { message count } } }`;
    const preview = await t.gql<Loose>(PREVIEW_EXPIRED, {}, superviseur);
    expect(preview.data!.expiredControlCases).toEqual({ count: 6, oldestDeadline: '2025-01-01' });
    expect((await t.gql<Loose>(PREVIEW_EXPIRED, {}, superviseurParis)).data!.expiredControlCases.count).toBe(0);
    expect((await t.gql<Loose>(CLOSE, { n: 6 }, conseiller)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Confirming a count that is no longer true closes nothing.
    const changed = await t.gql<Loose>(CLOSE, { n: 5 }, superviseur);
    expect(changed.data!.closeExpiredControlCases).toMatchObject({ __typename: 'NoResponseCountChanged', count: 6 });
    const statuses = async () =>
      (await t.db.getRepository(ControlCase).findBy({ id: In(expired) })).map((r) => r.status).sort();
    expect(await statuses()).toEqual(Array(6).fill('PIECES_REQUESTED'));

    // The process dies while the third case's transaction commits (kill -9): two cases closed, four untouched.
    const original = t.db.transaction.bind(t.db);
    const spy = jest.spyOn(t.db, 'transaction').mockImplementation(((work: never) =>
      original(async (em) => {
        const result = await (work as (em: unknown) => Promise<unknown>)(em);
        const closed = await em
          .getRepository(ControlCaseHistory)
          .countBy({ caseId: In(expired), action: 'NO_RESPONSE' });
        if (closed >= 3) throw new Error('kill -9');
        return result;
      })) as never);
    try {
      expect((await t.gql<Loose>(CLOSE, { n: 6 }, superviseur)).errors).toBeDefined();
    } finally {
      spy.mockRestore();
    }
    expect((await statuses()).filter((s) => s === 'NO_RESPONSE')).toHaveLength(2);
    expect((await t.gql<Loose>(PREVIEW_EXPIRED, {}, superviseur)).data!.expiredControlCases.count).toBe(4);

    // Run again: the rest is closed, each case once, with its indu and audit event.
    const closed = await t.gql<Loose>(CLOSE, { n: 4 }, superviseur);
    expect(closed.data!.closeExpiredControlCases).toMatchObject({
      __typename: 'NoResponseClosed',
      closedCount: 4,
      refusedCount: 0,
      remainingCount: 0,
    });
    expect(closed.data!.closeExpiredControlCases.results.every((r: Loose) => r.closed && r.code === null)).toBe(true);
    expect(await statuses()).toEqual(Array(6).fill('NO_RESPONSE'));
    expect(await t.db.getRepository(ControlCaseHistory).countBy({ caseId: In(expired), action: 'NO_RESPONSE' })).toBe(
      6,
    );
    expect(
      await t.db
        .getRepository(AuditEvent)
        .countBy({ action: 'CONTROL_NO_RESPONSE', targetId: In(expired.map(String)) }),
    ).toBe(6);
    for (const row of await t.db.getRepository(ControlCase).findBy({ id: In(expired) })) {
      expect(row.induCents).toBe(59000);
    }
    // The cases still within their deadline stay open.
    const others = await t.db.getRepository(ControlCase).findBy({ id: In(rows.slice(6).map((r) => r.id)) });
    expect(others.map((r) => r.status)).toEqual(Array(4).fill('PIECES_REQUESTED'));
    expect((await t.gql<Loose>(PREVIEW_EXPIRED, {}, superviseur)).data!.expiredControlCases.count).toBe(0);
  });
});
