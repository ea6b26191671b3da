/**
 * Recours through the API: a superviseur of the caisse reopens or reverses a decision with a reason,
 * never their own; the history keeps both decisions; after the campaign is paid, a reversal yields a
 * régularisation exported like the payment file.
 */
import { AuditEvent } from '../audit/audit-event.entity';
import { Campaign } from '../campaigns/campaign.entity';
import { Regularisation } from '../payments/regularisation.entity';
import type { Professional } from '../professionals/professional.entity';
import { startTestApp, type Loose, type TestApp } from '../test-support/test-app';
import {
  createCaisses,
  createCampaign,
  createProfessional,
  createSoftware,
  declare,
  receivedJustificatif,
  softwareValue,
} from '../test-support/world';
import { Justificatif, JustificatifHistory } from './justificatif.entity';

const REVERSE = `mutation R($id: ID!, $v: Int!, $reason: String!, $reopen: Boolean!, $reasons: [RejectionReason!]) {
  reverseDecision(id: $id, expectedVersion: $v, reason: $reason, reopen: $reopen, rejectionReasons: $reasons) {
    __typename
    ... on DecisionReversed { justificatif { status version } regularisation { amountCents previousDueCents newDueCents reason } }
    ... on ReversalRefused { code message }
  }
}`;

describe('decision reversal (recours)', () => {
  let t: TestApp;
  let campaign: Campaign;
  let dentist: Professional;
  let conseillerId: number;
  let superviseurId: number;
  let superviseur: string;
  let superviseur2: string;
  let superviseur751: string;
  let conseiller: string;

  /** A piece decided by `by` (a conseiller unless said), as a decision would leave it. */
  const decided = async (status: 'VALIDATED' | 'REJECTED', by = conseillerId) => {
    const piece = await receivedJustificatif(t.db.manager, dentist, campaign, 'LOG_DMP');
    await t.db.getRepository(Justificatif).update(
      { id: piece.id },
      {
        status,
        decidedByAgentId: by,
        decidedAt: new Date(),
        version: 2,
        rejectionReasons: status === 'REJECTED' ? ['ILLEGIBLE'] : null,
      },
    );
    await t.db.getRepository(JustificatifHistory).insert({
      justificatifId: piece.id,
      action: status,
      fromStatus: 'RECEIVED',
      toStatus: status,
      agentId: by,
      at: new Date(),
    });
    return piece.id;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.db.manager;
    await createCaisses(em);
    campaign = await createCampaign(em, 'fami-2024.json', 'CLOSED');
    dentist = await createProfessional(em, { profession: 'CHIRURGIEN_DENTISTE', caisseCode: '211' });
    const software = await createSoftware(em, 'Éditions Santé', 'Dentalia', '4.2');
    const bool = (value: boolean) => ({ data: { type: 'BOOLEAN' as const, value }, source: 'DECLARED' as const });
    await declare(em, dentist, campaign, {
      LOG_DMP: { data: softwareValue(software), source: 'DECLARED' },
      CDC_SV: bool(true),
      HORAIRES: bool(true),
      TX_FSE: { data: { type: 'RATE', numerator: 95, denominator: 100 }, source: 'DECLARED' },
      MSS: { data: { type: 'MESSAGING', messagingType: 'MSSANTE_PERSONAL' }, source: 'DECLARED' },
    });
    const c = await t.createAgent({ role: 'CONSEILLER', caisseCode: '211' });
    conseillerId = c.id;
    conseiller = await t.login(c.email);
    const s = await t.createAgent({ role: 'SUPERVISEUR', caisseCode: '211' });
    superviseurId = s.id;
    superviseur = await t.login(s.email);
    superviseur2 = await t.login((await t.createAgent({ role: 'SUPERVISEUR', caisseCode: '211' })).email);
    superviseur751 = await t.login((await t.createAgent({ role: 'SUPERVISEUR', caisseCode: '751' })).email);
  });
  afterAll(async () => t.stop());

  it('is a superviseur of the caisse’s, never on their own decision, always with a reason', async () => {
    const id = String(await decided('REJECTED'));
    const vars = { id, v: 2, reason: 'Le professionnel a renvoyé la facture lisible', reopen: true };
    expect((await t.gql(REVERSE, vars, conseiller)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(REVERSE, vars, superviseur751)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const noReason = await t.gql<Loose>(REVERSE, { ...vars, reason: ' ' }, superviseur);
    expect(noReason.data!.reverseDecision.code).toBe('REASON_REQUIRED');
    const own = String(await decided('VALIDATED', superviseurId));
    const ownResult = await t.gql<Loose>(REVERSE, { ...vars, id: own }, superviseur);
    expect(ownResult.data!.reverseDecision).toMatchObject({ __typename: 'ReversalRefused', code: 'OWN_DECISION' });
    const stale = await t.gql<Loose>(REVERSE, { ...vars, v: 1 }, superviseur);
    expect(stale.data!.reverseDecision.code).toBe('STALE_VERSION');
    const noMotif = await t.gql<Loose>(REVERSE, { ...vars, id: own, reopen: false }, superviseur2);
    expect(noMotif.data!.reverseDecision.code).toBe('REJECTION_REASONS_REQUIRED');
    expect((await t.db.getRepository(Justificatif).findOneByOrFail({ id: Number(id) })).status).toBe('REJECTED');
  });

  it('reopens a rejected piece for a new decision; the history keeps both decisions', async () => {
    const id = await decided('REJECTED');
    const result = await t.gql<Loose>(
      REVERSE,
      { id: String(id), v: 2, reason: 'Erreur du conseiller', reopen: true },
      superviseur,
    );
    expect(result.data!.reverseDecision).toEqual({
      __typename: 'DecisionReversed',
      justificatif: { status: 'RECEIVED', version: 3 },
      regularisation: null,
    });
    const validated = await t.gql<Loose>(
      `mutation V($id: ID!) { validateJustificatif(id: $id, expectedVersion: 3) { justificatif { status } } }`,
      { id: String(id) },
      conseiller,
    );
    expect(validated.data!.validateJustificatif.justificatif.status).toBe('VALIDATED');
    const history = await t.db
      .getRepository(JustificatifHistory)
      .find({ where: { justificatifId: id }, order: { id: 'ASC' } });
    expect(history.map((h) => [h.action, h.toStatus])).toEqual([
      ['RECEIVED', 'RECEIVED'],
      ['REJECTED', 'REJECTED'],
      ['REOPENED', 'RECEIVED'],
      ['VALIDATED', 'VALIDATED'],
    ]);
    expect(history[2]).toMatchObject({ agentId: superviseurId, comment: 'Erreur du conseiller' });
    expect(await t.db.getRepository(AuditEvent).countBy({ action: 'JUSTIFICATIF_REOPENED' })).toBe(1);
  });

  it('after payment, a direct reversal yields a régularisation, exported like the payment file', async () => {
    // The only validated piece of the socle is rejected after the campaign was paid: the socle fails.
    await t.db.getRepository(Justificatif).delete({ status: 'RECEIVED' });
    const piece = await t.db
      .getRepository(Justificatif)
      .findOneByOrFail({ status: 'VALIDATED', decidedByAgentId: conseillerId });
    await t.db.getRepository(Campaign).update({ id: campaign.id }, { status: 'PAID' });
    const { Declaration } = await import('../declarations/declaration.entity');
    const declaration = await t.db
      .getRepository(Declaration)
      .findOneByOrFail({ professionalId: dentist.id, campaignId: campaign.id });
    await t.db
      .getRepository(Declaration)
      .update({ id: declaration.id }, { computedRemunerationCents: declaration.projectedRemunerationCents });
    expect(declaration.projectedRemunerationCents).toBeGreaterThan(0);

    const reopen = await t.gql<Loose>(
      REVERSE,
      { id: String(piece.id), v: piece.version, reason: 'Contrôle', reopen: true },
      superviseur,
    );
    expect(reopen.data!.reverseDecision.code).toBe('REOPEN_AFTER_COMPUTATION');
    const result = await t.gql<Loose>(
      REVERSE,
      {
        id: String(piece.id),
        v: piece.version,
        reason: 'Facture au nom d’un autre professionnel',
        reopen: false,
        reasons: ['OTHER_PROFESSIONAL'],
      },
      superviseur,
    );
    expect(result.data!.reverseDecision).toMatchObject({
      justificatif: { status: 'REJECTED' },
      regularisation: {
        previousDueCents: declaration.projectedRemunerationCents,
        newDueCents: 0,
        amountCents: -declaration.projectedRemunerationCents,
        reason: `Recours sur le justificatif n° ${piece.id} (validation renversée en rejet) : Facture au nom d’un autre professionnel`,
      },
    });
    expect(await t.db.getRepository(Regularisation).count()).toBe(1);

    const response = await fetch(`${t.url}/api/exports/regularisations?campaignYear=2024&scheme=FAMI&caisseCode=211`, {
      headers: { authorization: `Bearer ${superviseur}` },
    });
    const rows = (await response.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(';'));
    expect(rows).toHaveLength(2);
    expect(rows[1]!.slice(0, 3)).toEqual(['REGULARISATION', '211', dentist.amNumber]);
    expect(rows[1]![9]).toBe(String(-declaration.projectedRemunerationCents));
  });
});
