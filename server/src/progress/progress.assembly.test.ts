import { assembleProgress, type ProgressRows } from './progress.assembly';

const empty: ProgressRows = {
  campaigns: [{ id: 1, label: 'FAMI 2024' }],
  concerned: [],
  declarations: [],
  justificatifs: [],
  achievements: [],
  indicators: [],
  paidCents: null,
  caisseNames: [
    { code: '211', name: 'CPAM de la Somme' },
    { code: '751', name: 'CPAM de Paris' },
  ],
};

const rows: ProgressRows = {
  ...empty,
  concerned: [
    { caisse: '751', profession: 'MEDECIN_GENERALISTE', n: '10' },
    { caisse: '211', profession: 'MEDECIN_GENERALISTE', n: 4 },
    { caisse: '211', profession: 'INFIRMIER', n: '3' },
  ],
  declarations: [
    { caisse: '751', profession: 'MEDECIN_GENERALISTE', status: 'NOT_STARTED', n: '6', projected: '0', computed: '0' },
    {
      caisse: '751',
      profession: 'MEDECIN_GENERALISTE',
      status: 'IN_PROGRESS',
      n: '2',
      projected: '1000',
      computed: null,
    },
    {
      caisse: '751',
      profession: 'MEDECIN_GENERALISTE',
      status: 'TRANSMITTED',
      n: '2',
      projected: '5000',
      computed: '4000',
    },
    { caisse: '211', profession: 'INFIRMIER', status: 'TRANSMITTED', n: 1, projected: 700, computed: 0 },
  ],
  justificatifs: [
    { caisse: '751', profession: 'MEDECIN_GENERALISTE', status: 'RECEIVED', bucket: '0', n: '2' },
    { caisse: '751', profession: 'MEDECIN_GENERALISTE', status: 'RECEIVED', bucket: '3', n: '1' },
    { caisse: '211', profession: 'INFIRMIER', status: 'RECEIVED', bucket: 1, n: 1 },
    { caisse: '751', profession: 'MEDECIN_GENERALISTE', status: 'VALIDATED', bucket: '0', n: '5' },
    { caisse: '211', profession: 'MEDECIN_GENERALISTE', status: 'REJECTED', bucket: '2', n: '1' },
  ],
  achievements: [
    { indicatorId: '7', achievement: 'ACHIEVED', n: '3' },
    { indicatorId: 7, achievement: 'NEUTRALISED', n: '1' },
    { indicatorId: '7', achievement: 'NOT_ACHIEVED', n: '2' },
    { indicatorId: '7', achievement: 'PENDING_JUSTIFICATIF', n: '2' },
  ],
  indicators: [
    { id: 7, campaignId: 1, code: 'MSS', label: 'Messagerie sécurisée' },
    { id: 8, campaignId: 1, code: 'DMP', label: 'Alimentation du DMP' },
    { id: 9, campaignId: 2, code: 'X', label: 'Indicateur hors requête' },
  ],
  paidCents: '12345',
};

describe('campaign progress assembly', () => {
  it.each<[string, ProgressRows, (r: ReturnType<typeof assembleProgress>) => unknown, unknown]>([
    ['sans données : tout à zéro', empty, (r) => [r.professionalsConcerned, r.paidCents, r.byCaisse], [0, 0, []]],
    ['professionnels concernés : somme des caisses', rows, (r) => r.professionalsConcerned, 17],
    ['déclarations commencées : tout sauf NOT_STARTED', rows, (r) => r.declarationsStarted, 5],
    ['déclarations transmises', rows, (r) => r.declarationsTransmitted, 3],
    [
      'montants projetés et calculés (calculé nul compté 0)',
      rows,
      (r) => [r.projectedCents, r.computedCents],
      [6700, 4000],
    ],
    ['payé lu en texte', rows, (r) => r.paidCents, 12345],
    [
      'justificatifs : reçus = en attente + validés + rejetés',
      rows,
      (r) => [r.justificatifs.received, r.justificatifs.pending, r.justificatifs.validated, r.justificatifs.rejected],
      [10, 4, 5, 1],
    ],
    [
      'stock par ancienneté : seuls les RECEIVED, par tranche',
      rows,
      (r) => r.justificatifs.pendingByAge.map((b) => [b.label, b.count]),
      [
        ['0 à 7 jours', 2],
        ['8 à 15 jours', 1],
        ['16 à 30 jours', 0],
        ['Plus de 30 jours', 1],
      ],
    ],
    [
      'atteinte : neutralisés comptés atteints, indicateur sans valeur à 0',
      rows,
      (r) => r.achievementByIndicator.map((a) => [a.code, a.achieved, a.achievementRate, a.campaignLabel]),
      [
        ['MSS', 3, 0.5, 'FAMI 2024'],
        ['DMP', 0, 0, 'FAMI 2024'],
        ['X', 0, 0, ''],
      ],
    ],
    [
      'ventilation par caisse : triée par code, libellé de la caisse',
      rows,
      (r) =>
        r.byCaisse.map((l) => [l.key, l.label, l.professionalsConcerned, l.justificatifsPending, l.projectedCents]),
      [
        ['211', 'CPAM de la Somme', 7, 1, 700],
        ['751', 'CPAM de Paris', 10, 3, 6000],
      ],
    ],
    [
      'ventilation par profession : libellé au pluriel, profession renseignée',
      rows,
      (r) => r.byProfession.map((l) => [l.key, l.profession, l.professionalsConcerned, l.declarationsTransmitted]),
      [
        ['INFIRMIER', 'INFIRMIER', 3, 1],
        ['MEDECIN_GENERALISTE', 'MEDECIN_GENERALISTE', 14, 2],
      ],
    ],
    [
      'une profession demandée : une seule ligne par profession',
      { ...rows, profession: 'MEDECIN_GENERALISTE' },
      (r) => r.byProfession.map((l) => l.key),
      ['MEDECIN_GENERALISTE'],
    ],
    [
      'caisse inconnue du référentiel : elle se dit inconnue, avec son code',
      { ...rows, caisseNames: [] },
      (r) => r.byCaisse.map((l) => l.label),
      ['Caisse inconnue (code 211)', 'Caisse inconnue (code 751)'],
    ],
  ])('%s', (_reason, input, pick, expected) => {
    expect(pick(assembleProgress(input))).toEqual(expected);
  });

  it('gives the caisse and profession breakdowns the same totals', () => {
    const r = assembleProgress(rows);
    const total = (lines: typeof r.byCaisse) =>
      lines.reduce((a, l) => a + l.projectedCents + l.justificatifsPending, 0);
    expect(total(r.byProfession)).toBe(total(r.byCaisse));
  });
});
