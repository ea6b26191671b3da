import type { CampaignStatus, JustificatifStatus } from '../common/enums';
import { checkReversal, reversalRegularisationReason } from './reversal';

const context = (
  over: Partial<{ status: JustificatifStatus; decidedBy: number; campaign: CampaignStatus; computing: boolean }> = {},
) => ({
  status: over.status ?? 'REJECTED',
  decidedByAgentId: over.decidedBy ?? 1,
  agentId: 2,
  campaignStatus: over.campaign ?? 'CLOSED',
  computing: over.computing ?? false,
});

describe('recours checks', () => {
  it.each<[string, Parameters<typeof checkReversal>[0], ReturnType<typeof context>, string | null]>([
    ['reopen a rejection', { reason: 'Erreur', reopen: true, rejectionReasons: [] }, context(), null],
    ['no reason', { reason: '  ', reopen: true, rejectionReasons: [] }, context(), 'REASON_REQUIRED'],
    ['reason too long', { reason: 'x'.repeat(2001), reopen: true, rejectionReasons: [] }, context(), 'INVALID_INPUT'],
    [
      'undecided piece',
      { reason: 'r', reopen: true, rejectionReasons: [] },
      context({ status: 'RECEIVED' }),
      'NOT_DECIDED',
    ],
    ['own decision', { reason: 'r', reopen: true, rejectionReasons: [] }, context({ decidedBy: 2 }), 'OWN_DECISION'],
    [
      'during computation',
      { reason: 'r', reopen: false, rejectionReasons: [] },
      context({ computing: true }),
      'CAMPAIGN_NOT_OPEN',
    ],
    [
      'reopen after computation',
      { reason: 'r', reopen: true, rejectionReasons: [] },
      context({ campaign: 'PAID' }),
      'REOPEN_AFTER_COMPUTATION',
    ],
    [
      'reverse a rejection after payment',
      { reason: 'r', reopen: false, rejectionReasons: [] },
      context({ campaign: 'PAID' }),
      null,
    ],
    [
      'reverse a validation without motif',
      { reason: 'r', reopen: false, rejectionReasons: [] },
      context({ status: 'VALIDATED' }),
      'REJECTION_REASONS_REQUIRED',
    ],
    [
      'reverse a validation with a motif',
      { reason: 'r', reopen: false, rejectionReasons: ['ILLEGIBLE'] },
      context({ status: 'VALIDATED' }),
      null,
    ],
  ])('%s', (_label, request, ctx, code) => {
    expect(checkReversal(request, ctx)?.code ?? null).toBe(code);
  });

  it('names the piece, the change and the reason in the régularisation', () => {
    expect(reversalRegularisationReason(42, 'VALIDATED', ' Facture lisible ')).toBe(
      'Recours sur le justificatif n° 42 (rejet renversé en validation) : Facture lisible',
    );
    expect(reversalRegularisationReason(42, 'REJECTED', 'x')).toBe(
      'Recours sur le justificatif n° 42 (validation renversée en rejet) : x',
    );
  });
});
