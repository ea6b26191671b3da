import type { ComputedSnapshot } from '../campaigns/lifecycle/amounts';
import { readsSnapshot, recapBody, type CurrentEvaluation } from './recap-body';

const current: CurrentEvaluation = {
  indicators: [
    {
      code: 'HORAIRES',
      label: 'Libellé du référentiel actuel',
      value: 'Oui',
      achievement: 'ACHIEVED',
      reason: 'Valeur déclarée : oui',
      mention: null,
    },
    {
      code: 'LOG_DMP',
      label: 'Disposer d’un logiciel métier compatible DMP',
      value: 'Dentalia 4.2 (Dentalia)',
      achievement: 'ACHIEVED',
      reason: 'Logiciel compatible DMP : pièce justificative validée par la CPAM le 12/03/2025',
      mention: 'pièce justificative validée par la CPAM',
    },
  ],
  remuneration: {
    totalCents: 99_900,
    complete: true,
    lines: [{ label: 'Socle révisé', amountCents: 99_900, amountKnown: true, reason: 'Socle atteint' }],
  },
};

const frozen: ComputedSnapshot = {
  computedAt: '2025-04-30T22:30:00.000Z',
  totalCents: 49_000,
  complete: false,
  lines: [
    { label: 'Socle : 5 indicateurs obligatoires', amountCents: 49_000, amountKnown: true, reason: 'Socle atteint' },
    {
      label: 'Accueil d’un étudiant',
      indicatorCode: 'ETUDIANT',
      amountCents: 0,
      amountKnown: false,
      reason: 'Montant non connu',
    },
  ],
  indicators: [
    {
      code: 'HORAIRES',
      label: 'Afficher ses horaires d’ouverture',
      achievement: 'NOT_ACHIEVED',
      reason: 'Justificatif non validé au calcul de la campagne (justificatif reçu mais non vérifié)',
      value: 'Non',
      mention: null,
    },
    // Frozen before values and mentions were kept: they come from the current evaluation.
    {
      code: 'LOG_DMP',
      label: 'Disposer d’un logiciel métier compatible DMP',
      achievement: 'ACHIEVED',
      reason: 'Logiciel compatible DMP',
    },
  ],
};

describe('recap body', () => {
  it.each([
    ['OPEN', false],
    ['CLOSED', false],
    ['COMPUTED', true],
    ['PAID', true],
  ] as const)('a %s campaign reads the snapshot: %s', (status, expected) => {
    expect(readsSnapshot(status)).toBe(expected);
  });

  it('without a snapshot, prints the current evaluation', () => {
    const body = recapBody(current, null);
    expect(body.indicators[0]).toEqual({
      label: 'Libellé du référentiel actuel',
      value: 'Oui',
      atteinte: 'Atteint',
      reason: 'Valeur déclarée : oui',
      mention: null,
    });
    expect(body.remuneration).toEqual([{ label: 'Socle révisé', amount: '999,00 €', reason: 'Socle atteint' }]);
    expect(body.total).toBe('999,00 €');
    expect(body.amountsNote).toBeNull();
  });

  it('with a snapshot, prints what the computation froze, whatever the référentiel says now', () => {
    const body = recapBody(current, frozen);
    expect(body.indicators).toEqual([
      {
        label: 'Afficher ses horaires d’ouverture',
        value: 'Non',
        atteinte: 'NI',
        reason: 'Justificatif non validé au calcul de la campagne (justificatif reçu mais non vérifié)',
        mention: null,
      },
      {
        label: 'Disposer d’un logiciel métier compatible DMP',
        value: 'Dentalia 4.2 (Dentalia)',
        atteinte: 'Atteint',
        reason: 'Logiciel compatible DMP',
        mention: 'pièce justificative validée par la CPAM',
      },
    ]);
    expect(body.remuneration).toEqual([
      { label: 'Socle : 5 indicateurs obligatoires', amount: '490,00 €', reason: 'Socle atteint' },
      { label: 'Accueil d’un étudiant', amount: 'montant non connu', reason: 'Montant non connu' },
    ]);
    expect(body.total).toBe('490,00 € (au moins)');
    // The Paris day of the computation (00:30 on 1 May in Paris).
    expect(body.amountsNote).toBe('Atteintes et montants figés au calcul de la campagne le 01/05/2025.');
  });

  it('an indicator not declared reads « Non déclaré » in both cases', () => {
    const none = { ...current, indicators: [{ ...current.indicators[0]!, value: null }] };
    expect(recapBody(none, null).indicators[0]!.value).toBe('Non déclaré');
    const frozenNone = { ...frozen, indicators: [{ ...frozen.indicators[0]!, value: null }] };
    expect(recapBody(current, frozenNone).indicators[0]!.value).toBe('Non déclaré');
  });
});
