import type { CampaignStatus } from '../../common/enums';
import { reconcile, regularisationAmount } from './amounts';
import {
  checkCampaignTransition,
  checkComputationRequest,
  computationPreview,
  type CampaignCommand,
} from './campaign-lifecycle';

describe('campaign transitions', () => {
  it.each<[CampaignStatus, CampaignCommand, CampaignStatus | string]>([
    ['OPEN', 'CLOSE', 'CLOSED'],
    ['CLOSED', 'COMPUTE', 'COMPUTED'],
    ['COMPUTED', 'MARK_PAID', 'PAID'],
    ['UPCOMING', 'CLOSE', 'Impossible de clore une campagne à venir : il faut une campagne ouverte.'],
    ['CLOSED', 'CLOSE', 'Impossible de clore une campagne close (en instruction) : il faut une campagne ouverte.'],
    ['OPEN', 'COMPUTE', 'Impossible de calculer une campagne ouverte : il faut une campagne close (en instruction).'],
    [
      'COMPUTED',
      'COMPUTE',
      'Impossible de calculer une campagne calculée : il faut une campagne close (en instruction).',
    ],
    [
      'CLOSED',
      'MARK_PAID',
      'Impossible de marquer payée une campagne close (en instruction) : il faut une campagne calculée.',
    ],
    ['PAID', 'MARK_PAID', 'Impossible de marquer payée une campagne payée : il faut une campagne calculée.'],
  ])('%s + %s → %s', (status, command, expected) => {
    const check = checkCampaignTransition(status, command);
    if (check.allowed) expect(check.to).toBe(expected);
    else expect(check.refusal).toEqual({ code: 'WRONG_STATE', message: expected });
  });
});

describe('computation preview and request', () => {
  const pending = [
    { caisseCode: '751', caisseName: 'CPAM de Paris', received: 2 },
    { caisseCode: '211', caisseName: "CPAM de la Côte-d'Or", received: 1 },
    { caisseCode: '131', caisseName: 'CPAM des Bouches-du-Rhône', received: 0 },
  ];

  it('states the consequences, with the received pieces per caisse in caisse order', () => {
    const preview = computationPreview(12_500, pending);
    expect(preview).toMatchObject({ declarations: 12_500, receivedPieces: 3, requiresForce: true });
    expect(preview.perCaisse.map((c) => c.caisseCode)).toEqual(['211', '751']);
    expect(preview.consequences).toEqual([
      '12 500 déclarations seront évaluées et leur atteinte et rémunération figées : une modification ultérieure du référentiel ne les changera plus.',
      'Les justificatifs ne pourront plus être décidés ni reçus pour cette campagne ; un recours passera par une régularisation.',
      "3 justificatifs reçus n’ont pas été vérifiés : les indicateurs concernés deviendront non atteints (CPAM de la Côte-d'Or : 1 ; CPAM de Paris : 2). Un calcul forcé demande un motif.",
    ]);
  });

  it('needs no force when every piece is decided', () => {
    const preview = computationPreview(1, []);
    expect(preview).toMatchObject({ receivedPieces: 0, requiresForce: false });
    expect(preview.consequences[0]).toMatch(/^1 déclaration sera évaluée/);
    expect(checkComputationRequest(preview, { force: false, reason: null })).toBeNull();
  });

  it.each<[boolean, string | null, string | null]>([
    [false, null, 'RECEIVED_PIECES_REMAIN'],
    [false, 'motif', 'RECEIVED_PIECES_REMAIN'],
    [true, null, 'REASON_REQUIRED'],
    [true, '   ', 'REASON_REQUIRED'],
    [true, 'Calendrier national', null],
    [true, 'x'.repeat(1001), 'INVALID_INPUT'],
  ])('pieces remain, case %#: force=%s', (force, reason, code) => {
    const refusal = checkComputationRequest(computationPreview(10, pending), { force, reason });
    expect(refusal?.code ?? null).toBe(code);
  });

  it('names the count and the caisses when pieces remain', () => {
    expect(checkComputationRequest(computationPreview(10, pending), { force: false, reason: null })?.message).toBe(
      '3 justificatifs reçus restent à vérifier (211 : 1, 751 : 2) : vérifiez-les ou forcez le calcul avec un motif.',
    );
  });
});

describe('reconciliation and régularisation amounts', () => {
  it('reports professionals whose paid amount differs, with both amounts', () => {
    const due = [
      { professionalId: 1, dueCents: 35_000 },
      { professionalId: 2, dueCents: 49_000 },
      { professionalId: 3, dueCents: 10_000 },
      { professionalId: 4, dueCents: 0 },
    ];
    const paid = [
      { professionalId: 1, paidCents: 35_000 },
      { professionalId: 2, paidCents: 40_000 },
      { professionalId: 2, paidCents: 4_000 },
      { professionalId: 4, paidCents: 100 },
    ];
    expect(reconcile(due, paid)).toEqual([
      { professionalId: 2, dueCents: 49_000, paidCents: 44_000, differenceCents: 5_000 },
      { professionalId: 3, dueCents: 10_000, paidCents: 0, differenceCents: 10_000 },
      { professionalId: 4, dueCents: 0, paidCents: 100, differenceCents: -100 },
    ]);
  });

  it.each([
    [35_000, 0, 35_000],
    [0, 35_000, -35_000],
    [49_000, 49_000, null],
  ])('due %i after %i settled → %s', (due, settled, expected) => {
    expect(regularisationAmount(due, settled)).toBe(expected);
  });
});
