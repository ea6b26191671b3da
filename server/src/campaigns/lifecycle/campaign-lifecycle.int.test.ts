/**
 * The campaign lifecycle through the API: roles, each transition and its refusals (as CampaignRefused
 * data), the forced computation with pieces still received, the frozen snapshot, and payment.
 */
import { AuditEvent } from '../../audit/audit-event.entity';
import { Declaration } from '../../declarations/declaration.entity';
import { Justificatif } from '../../justificatifs/justificatif.entity';
import type { Professional } from '../../professionals/professional.entity';
import { startTestApp, type Loose, type TestApp } from '../../test-support/test-app';
import {
  createCaisses,
  createCampaign,
  createProfessional,
  createSoftware,
  declare,
  receivedJustificatif,
  softwareValue,
} from '../../test-support/world';
import type { Campaign } from '../campaign.entity';
import { CampaignHistory } from './campaign-run.entity';
import { DeclarationSnapshot } from './declaration-snapshot.entity';
import { computationInProgress } from './campaign-lifecycle.service';

const RESULT = `
  __typename
  ... on CampaignChanged { campaign { status version } run { id status totalDeclarations forced reason } }
  ... on CampaignRefused { code message campaign { status version } preview { receivedPieces perCaisse { caisseCode received } consequences requiresForce } }
`;
const CLOSE = `mutation C($v: Int!) { closeCampaign(year: 2024, scheme: FAMI, expectedVersion: $v) { ${RESULT} } }`;
const COMPUTE = `mutation C($v: Int!, $force: Boolean, $reason: String) {
  computeCampaign(year: 2024, scheme: FAMI, expectedVersion: $v, force: $force, reason: $reason) { ${RESULT} } }`;
const PAID = `mutation P($v: Int!) { markCampaignPaid(year: 2024, scheme: FAMI, expectedVersion: $v, paymentDate: "2025-06-30") { ${RESULT} } }`;
const BOOL = (value: boolean) => ({ data: { type: 'BOOLEAN' as const, value }, source: 'DECLARED' as const });

describe('campaign lifecycle', () => {
  let t: TestApp;
  let campaign: Campaign;
  let admin: string;
  let localAdmin: string;
  let superviseur: string;
  let conseiller: string;
  let pending: Professional;
  let pieceId: number;

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.db.manager;
    await createCaisses(em);
    campaign = await createCampaign(em, 'fami-2024.json', 'OPEN');
    for (let i = 0; i < 5; i++) {
      const p = await createProfessional(em, { profession: 'CHIRURGIEN_DENTISTE', caisseCode: i % 2 ? '751' : '211' });
      await declare(em, p, campaign, { ETUDIANT: BOOL(i !== 3) });
    }
    pending = await createProfessional(em, {
      profession: 'CHIRURGIEN_DENTISTE',
      caisseCode: '211',
      lastName: 'Attente',
    });
    const software = await createSoftware(em, 'Éditions Santé', 'Dentalia', '4.2');
    await declare(em, pending, campaign, {
      LOG_DMP: { data: softwareValue(software), source: 'DECLARED' },
      ETUDIANT: BOOL(true),
    });
    pieceId = (await receivedJustificatif(em, pending, campaign, 'LOG_DMP')).id;
    admin = await t.login((await t.createAgent({ role: 'ADMIN', caisseCode: '751', nationalScope: true })).email);
    localAdmin = await t.login((await t.createAgent({ role: 'ADMIN', caisseCode: '211' })).email);
    superviseur = await t.login((await t.createAgent({ role: 'SUPERVISEUR', caisseCode: '211' })).email);
    conseiller = await t.login((await t.createAgent({ role: 'CONSEILLER', caisseCode: '211' })).email);
  });
  afterAll(async () => t.stop());

  const version = async () =>
    (await t.db.getRepository('Campaign').findOneByOrFail({ id: campaign.id })).version as number;

  it('only a national administrator runs the lifecycle', async () => {
    for (const token of [localAdmin, superviseur, conseiller]) {
      const result = await t.gql(CLOSE, { v: 1 }, token);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await version()).toBe(1);
  });

  it('refuses, as data, a stale version and a command from the wrong state; nothing changes', async () => {
    const stale = await t.gql<Loose>(CLOSE, { v: 7 }, admin);
    expect(stale.data!.closeCampaign).toMatchObject({ __typename: 'CampaignRefused', code: 'STALE_VERSION' });
    const early = await t.gql<Loose>(COMPUTE, { v: 1 }, admin);
    expect(early.data!.computeCampaign).toMatchObject({
      code: 'WRONG_STATE',
      campaign: { status: 'OPEN', version: 1 },
    });
    expect(early.data!.computeCampaign.message).toMatch(/Impossible de calculer une campagne ouverte/);
    const paid = await t.gql<Loose>(PAID, { v: 1 }, admin);
    expect(paid.data!.markCampaignPaid.code).toBe('WRONG_STATE');
    expect(await t.db.getRepository(CampaignHistory).count()).toBe(0);
  });

  it('closes: status, version, history and audit', async () => {
    const result = await t.gql<Loose>(CLOSE, { v: 1 }, admin);
    expect(result.data!.closeCampaign).toEqual({
      __typename: 'CampaignChanged',
      campaign: { status: 'CLOSED', version: 2 },
      run: null,
    });
    const again = await t.gql<Loose>(CLOSE, { v: 2 }, admin);
    expect(again.data!.closeCampaign.code).toBe('WRONG_STATE');
    const history = await t.db.getRepository(CampaignHistory).find({ where: { campaignId: campaign.id } });
    expect(history).toMatchObject([{ fromStatus: 'OPEN', toStatus: 'CLOSED', command: 'CLOSE' }]);
    expect(await t.db.getRepository(AuditEvent).countBy({ action: 'CAMPAIGN_CLOSED' })).toBe(1);
  });

  it('previews the computation: pieces still received, per caisse, and the consequences', async () => {
    const result = await t.gql<Loose>(
      `{ campaignComputationPreview(year: 2024, scheme: FAMI) { declarations receivedPieces requiresForce perCaisse { caisseCode caisseName received } consequences } }`,
      {},
      admin,
    );
    expect(result.data!.campaignComputationPreview).toMatchObject({
      declarations: 6,
      receivedPieces: 1,
      requiresForce: true,
      perCaisse: [{ caisseCode: '211', caisseName: "CPAM de la Côte-d'Or", received: 1 }],
    });
    expect(result.data!.campaignComputationPreview.consequences.join(' ')).toMatch(
      /1 justificatif reçu n’a pas été vérifié : les indicateurs concernés deviendront non atteints/,
    );
  });

  it('asks force and a reason while pieces are received, then computes and freezes every declaration', async () => {
    const unforced = await t.gql<Loose>(COMPUTE, { v: 2 }, admin);
    expect(unforced.data!.computeCampaign).toMatchObject({
      code: 'RECEIVED_PIECES_REMAIN',
      preview: { receivedPieces: 1, requiresForce: true },
    });
    const noReason = await t.gql<Loose>(COMPUTE, { v: 2, force: true, reason: '  ' }, admin);
    expect(noReason.data!.computeCampaign.code).toBe('REASON_REQUIRED');
    expect(await version()).toBe(2);

    const result = await t.gql<Loose>(COMPUTE, { v: 2, force: true, reason: 'Calendrier national du paiement' }, admin);
    const out = result.data!.computeCampaign;
    expect(out).toMatchObject({
      __typename: 'CampaignChanged',
      campaign: { status: 'CLOSED', version: 3 },
      run: { totalDeclarations: 6, forced: true, reason: 'Calendrier national du paiement' },
    });
    await computationInProgress(Number(out.run.id));

    const run = await t.gql<Loose>(
      `query R($id: ID!) { campaignRun(id: $id) { status percent processedDeclarations batchesCommitted totalCents } }`,
      { id: out.run.id },
      superviseur,
    );
    expect(run.data!.campaignRun).toMatchObject({ status: 'DONE', percent: 100, processedDeclarations: 6 });
    const declarations = await t.db.getRepository(Declaration).find({ where: { campaignId: campaign.id } });
    const snapshots = new Map(
      (await t.db.getRepository(DeclarationSnapshot).findBy({ campaignId: campaign.id })).map((s) => [
        s.declarationId,
        s.snapshot,
      ]),
    );
    expect(declarations.every((d) => snapshots.has(d.id))).toBe(true);
    expect(declarations.every((d) => d.computedRemunerationCents === snapshots.get(d.id)!.totalCents)).toBe(true);
    expect(run.data!.campaignRun.totalCents).toBe(declarations.reduce((s, d) => s + d.computedRemunerationCents!, 0));
    expect(run.data!.campaignRun.totalCents).toBeGreaterThan(0);
    const frozen = snapshots.get(declarations.find((d) => d.professionalId === pending.id)!.id)!;
    expect(frozen.indicators.find((i) => i.code === 'LOG_DMP')).toMatchObject({
      achievement: 'NOT_ACHIEVED',
      reason: expect.stringMatching(
        /Justificatif non validé au calcul de la campagne \(justificatif reçu mais non vérifié\)/,
      ),
    });

    const campaignNow = await t.gql<Loose>(
      `{ campaign(year: 2024, scheme: FAMI) { status version computedAt currentRun { status } history { command fromStatus toStatus reason agentName } } }`,
      {},
      superviseur,
    );
    expect(campaignNow.data!.campaign).toMatchObject({
      status: 'COMPUTED',
      version: 4,
      currentRun: { status: 'DONE' },
    });
    expect(campaignNow.data!.campaign.history.map((h: Loose) => h.command)).toEqual([
      'CLOSE',
      'COMPUTE_START',
      'COMPUTE',
    ]);
    expect(await t.db.getRepository(AuditEvent).countBy({ action: 'CAMPAIGN_COMPUTED' })).toBe(1);
  });

  it('refuses decisions once computed', async () => {
    const result = await t.gql(
      `mutation V($id: ID!) { validateJustificatif(id: $id, expectedVersion: 1) { justificatif { id } } }`,
      { id: String(pieceId) },
      conseiller,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('CAMPAIGN_CLOSED');
    expect((await t.db.getRepository(Justificatif).findOneByOrFail({ id: pieceId })).status).toBe('RECEIVED');
  });

  it('a second compute is refused; marking paid ends the lifecycle', async () => {
    const again = await t.gql<Loose>(COMPUTE, { v: 4 }, admin);
    expect(again.data!.computeCampaign.code).toBe('WRONG_STATE');
    const paid = await t.gql<Loose>(PAID, { v: 4 }, admin);
    expect(paid.data!.markCampaignPaid).toMatchObject({ campaign: { status: 'PAID', version: 5 } });
    const row = await t.db.getRepository('Campaign').findOneByOrFail({ id: campaign.id });
    expect(row.paymentDate).toBe('2025-06-30');
  });
});
