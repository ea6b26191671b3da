import { loadReferentielDirectory } from '../campaigns/referentiel/load';
import { PROFESSIONS } from '../common/enums';
import { AGE_BUCKETS, bucketOf } from '../progress/age-buckets';
import { ADELI_PATTERN, AM_NUMBER_PATTERN, RPPS_PATTERN } from '../professionals/identifiers';
import { demoDocuments } from './documents';
import {
  demoCampaignStatuses,
  emptyBatch,
  generateBatch,
  type BatchRows,
  type GenerationContext,
  type SeedCampaign,
} from './generate';
import { Prng } from './prng';
import { DEMO_CAISSES, SOFTWARE_CATALOGUE, nationalCaisses } from './reference-data';
import { SCENARIOS } from './scenarios';
import type { CatalogueEntry } from './values';

/*
 * A generation context without a database: the référentiel files with made-up ids, the seed catalogue,
 * the demo caisses and the demo campaign statuses.
 */
function fixtureCampaigns(): SeedCampaign[] {
  const files = loadReferentielDirectory().sort(
    (a, b) => a.campaign.referenceYear - b.campaign.referenceYear || a.campaign.scheme.localeCompare(b.campaign.scheme),
  );
  let indicatorId = 1;
  const campaigns: SeedCampaign[] = files.map((file, index) => ({
    id: index + 1,
    key: `${file.campaign.scheme}-${file.campaign.referenceYear}`,
    scheme: file.campaign.scheme,
    referenceYear: file.campaign.referenceYear,
    status: 'CLOSED',
    professions: file.campaign.professions,
    closesOn: file.campaign.window.closesOn,
    paymentDate: file.campaign.paymentDate,
    conventions: file.campaign.conventions,
    indicators: [...file.indicators]
      .sort((a, b) => a.displayOrder - b.displayOrder)
      .map((definition) => ({ id: indicatorId++, code: definition.code, definition })),
    referentiel: {
      campaign: file.campaign,
      settings: file.settings,
      remuneration: file.remuneration,
      indicators: file.indicators,
    },
  }));
  const statuses = demoCampaignStatuses(
    campaigns.map((c) => ({
      ...c,
      asksDocuments: c.indicators.some((i) => i.definition.justificatif.policy === 'DOCUMENT'),
    })),
  );
  for (const campaign of campaigns) campaign.status = statuses.get(campaign.id)!;
  return campaigns;
}

function fixtureCatalogue(): CatalogueEntry[] {
  let softwareId = 1;
  return SOFTWARE_CATALOGUE.flatMap((entry) =>
    entry.versions.map((version) => ({
      softwareId: softwareId++,
      softwareName: entry.name,
      version,
      publisherId: [...new Set(SOFTWARE_CATALOGUE.map((s) => s.publisher))].indexOf(entry.publisher) + 1,
      publisherName: entry.publisher,
      dmpCompatible: entry.dmpCompatible,
      lapCertified: entry.lapCertified,
      professions: entry.professions,
    })),
  );
}

let library: ReturnType<typeof demoDocuments> | null = null;

async function fixtureContext(today = new Date('2026-11-22T09:00:00Z')): Promise<GenerationContext> {
  library ??= demoDocuments();
  const { shared } = await library;
  return {
    caisses: DEMO_CAISSES,
    national: false,
    campaigns: fixtureCampaigns(),
    catalogue: fixtureCatalogue(),
    agents: new Map([
      ['CONSEILLER:211', 1],
      ['DAM:211', 2],
      ['CONSEILLER:751', 5],
      ['DAM:751', 6],
    ]),
    documents: shared,
    personalDocuments: new Map(),
    today,
    ids: { professional: 1, declaration: 1, transmission: 1, value: 1, justificatif: 1 },
  };
}

/** Generates `count` professionals in batches of 500, as the seed does, into one set of rows. */
async function generate(
  count: number,
  seed = 42,
  withScenarios = true,
): Promise<{ rows: BatchRows; ctx: GenerationContext }> {
  const ctx = await fixtureContext();
  const prng = new Prng(seed);
  const rows = emptyBatch();
  for (let offset = 0; offset < count; offset += 500) {
    const batch = generateBatch(
      prng,
      Math.min(500, count - offset),
      ctx,
      offset === 0 && withScenarios ? SCENARIOS : [],
    );
    for (const key of Object.keys(rows) as (keyof BatchRows)[]) (rows[key] as unknown[]).push(...batch[key]);
  }
  return { rows, ctx };
}

describe('demo data generator', () => {
  let rows: BatchRows;
  let ctx: GenerationContext;
  const campaignId = (key: string) => ctx.campaigns.find((c) => c.key === key)!.id;
  const indicatorId = (key: string, code: string) =>
    ctx.campaigns.find((c) => c.key === key)!.indicators.find((i) => i.code === code)!.id;
  const professionalNamed = (lastName: string) => rows.professionals.find((p) => p.lastName === lastName)!;
  const valueOf = (lastName: string, key: string, code: string) =>
    rows.values.find(
      (v) =>
        v.professionalId === professionalNamed(lastName).id &&
        v.campaignId === campaignId(key) &&
        v.indicatorId === indicatorId(key, code),
    );
  const piecesOf = (lastName: string, key: string) =>
    rows.justificatifs.filter(
      (j) => j.professionalId === professionalNamed(lastName).id && j.campaignId === campaignId(key),
    );

  beforeAll(async () => {
    ({ rows, ctx } = await generate(3000));
  });

  it('is deterministic for a seed, and differs for another seed', async () => {
    const first = (await generate(600)).rows;
    expect(JSON.stringify((await generate(600)).rows)).toBe(JSON.stringify(first));
    const other = (await generate(600, 43)).rows;
    expect(other.professionals.slice(SCENARIOS.length).map((p) => p.amNumber)).not.toEqual(
      first.professionals.slice(SCENARIOS.length).map((p) => p.amNumber),
    );
  });

  it('opens with the showcase professionals: #1 of caisse 211 is Éloïse Lefèvre', () => {
    expect(rows.professionals[0]).toMatchObject({
      id: 1,
      firstName: 'Éloïse',
      lastName: 'Lefèvre',
      searchName: 'LEFEVRE ELOISE',
      caisseCode: '211',
      commune: 'Dijon',
      communeKey: 'DIJON',
      profession: 'CHIRURGIEN_DENTISTE',
    });
    expect(rows.professionals.slice(0, SCENARIOS.length).map((p) => p.lastName)).toEqual(
      SCENARIOS.map((s) => s.lastName),
    );
  });

  describe.each(SCENARIOS.flatMap((s) => s.expect.map((e) => [s.key, s.lastName, e] as const)))(
    'showcase %s',
    (_key, lastName, expectation) => {
      it(`${expectation.campaign} ${expectation.indicator}: ${expectation.achievement}`, () => {
        const value = valueOf(lastName, expectation.campaign, expectation.indicator);
        expect(value?.achievement).toBe(expectation.achievement);
        expect(value?.achievementReason).toMatch(expectation.reason);
      });
    },
  );

  it('shows a publisher change (new piece received) and a version change (no new piece)', () => {
    expect(piecesOf('Lefèvre', 'FAMI-2023').map((j) => j.status)).toEqual(['VALIDATED']);
    expect(piecesOf('Lefèvre', 'FAMI-2024')).toEqual([
      expect.objectContaining({ status: 'RECEIVED', assignedAgentId: null }),
    ]);
    expect(piecesOf('Gaëtan', 'FAMI-2023').map((j) => j.status)).toEqual(['VALIDATED']);
    expect(piecesOf('Gaëtan', 'FAMI-2024')).toEqual([]);
    expect(piecesOf('Bréhier', 'FAMI-2024')).toEqual([
      expect.objectContaining({ status: 'RECEIVED', assignedAgentId: 1 }),
    ]);
  });

  it('keeps a rejected piece with its reasons and comment, then the one sent again', () => {
    const [rejected, validated] = piecesOf('Perrière', 'FAMI-2024');
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReasons: ['DMP_MENTION_MISSING'] });
    expect(rejected!.comment).toMatch(/DMP compatible/);
    expect(validated).toMatchObject({ status: 'VALIDATED', decidedByAgentId: 1 });
    expect(validated!.checklist!.every((c) => c.checked)).toBe(true);
    expect(validated!.receivedAt!.getTime()).toBeGreaterThan(rejected!.decidedAt!.getTime());
    const history = rows.history.filter((h) => h.justificatifId === rejected!.id);
    expect(history.map((h) => h.action)).toEqual(['RECEIVED', 'REJECTED']);
    expect(history[1]).toMatchObject({ reasons: ['DMP_MENTION_MISSING'], comment: rejected!.comment, agentId: 1 });
  });

  it('records a paper declaration entered by the conseiller', () => {
    const bérard = professionalNamed('Bérard');
    const declaration = rows.declarations.find((d) => d.professionalId === bérard.id)!;
    expect(declaration).toMatchObject({ status: 'TRANSMITTED', lastChannel: 'PAPER', honourAttestation: true });
    expect(rows.transmissions.filter((t) => t.declarationId === declaration.id)).toEqual([
      expect.objectContaining({ channel: 'PAPER', enteredByAgentId: 1 }),
    ]);
  });

  it('covers every profession, every declaration status and every atteinte', () => {
    expect(new Set(rows.professionals.map((p) => p.profession))).toEqual(new Set(PROFESSIONS));
    expect(new Set(rows.declarations.map((d) => d.status))).toEqual(new Set(['NOT_STARTED', 'STARTED', 'TRANSMITTED']));
    expect(new Set(rows.values.map((v) => v.achievement))).toEqual(
      new Set(['ACHIEVED', 'NOT_ACHIEVED', 'NEUTRALISED', 'PENDING_JUSTIFICATIF']),
    );
    expect(new Set(rows.values.map((v) => v.source))).toEqual(new Set(['PREFILLED', 'DECLARED', 'COMPUTED', null]));
    expect(rows.values.filter((v) => v.source === 'PREFILLED').every((v) => v.prefillOrigin)).toBe(true);
    expect(rows.professionals.filter((p) => !p.usesAmelipro).length).toBeGreaterThan(50);
  });

  it('exercises the rules across the population', () => {
    const reasons = rows.values.map((v) => v.achievementReason!);
    expect(reasons.some((r) => /Apicrypt V1/.test(r))).toBe(true);
    expect(reasons.some((r) => /Taux de FSE non atteint/i.test(r))).toBe(true);
    expect(reasons.some((r) => /Lieux d'intervention non renseignés/.test(r))).toBe(true);
    expect(reasons.some((r) => /non compatible DMP/.test(r))).toBe(true);
    expect(reasons.some((r) => /LAP/.test(r))).toBe(true);
    expect(reasons.some((r) => /Justificatif non validé au calcul/.test(r))).toBe(true);
  });

  it('writes values only for the indicators that concern the professional', () => {
    const infirmiers = new Set(rows.professionals.filter((p) => p.profession === 'INFIRMIER').map((p) => p.id));
    const pec = indicatorId('FAMI-2023', 'PEC'); // kinés and orthophonistes only
    expect(rows.values.some((v) => infirmiers.has(v.professionalId!) && v.indicatorId === pec)).toBe(false);
    const generalistes = new Set(
      rows.professionals.filter((p) => p.profession === 'MEDECIN_GENERALISTE').map((p) => p.id),
    );
    const fami = new Set([campaignId('FAMI-2023'), campaignId('FAMI-2024')]);
    expect(rows.declarations.some((d) => generalistes.has(d.professionalId!) && fami.has(d.campaignId!))).toBe(false);
  });

  it('gives justificatifs in every state, with one history row per transition', () => {
    const fami2024 = campaignId('FAMI-2024');
    const open = rows.justificatifs.filter((j) => j.campaignId === fami2024);
    expect(new Set(open.map((j) => j.status))).toEqual(new Set(['RECEIVED', 'VALIDATED', 'REJECTED']));
    expect(open.some((j) => j.status === 'RECEIVED' && j.assignedAgentId)).toBe(true);
    expect(open.some((j) => j.status === 'RECEIVED' && !j.assignedAgentId)).toBe(true);
    for (const piece of rows.justificatifs) {
      const actions = rows.history.filter((h) => h.justificatifId === piece.id).map((h) => h.action);
      expect(actions[0]).toBe('RECEIVED');
      if (piece.status !== 'RECEIVED') expect(actions.at(-1)).toBe(piece.status);
      if (piece.status === 'REJECTED') expect(piece.rejectionReasons!.length).toBeGreaterThan(0);
      expect(piece.decidedAt ?? piece.receivedAt!).toBeInstanceOf(Date);
      expect(piece.receivedAt!.getTime()).toBeLessThanOrEqual(ctx.today.getTime());
    }
  });

  it('spreads the pieces awaiting a check over every age bucket of the backlog', () => {
    const inInstruction = new Set(ctx.campaigns.filter((c) => c.status === 'CLOSED').map((c) => c.id));
    const ages = rows.justificatifs
      .filter((j) => j.status === 'RECEIVED' && inInstruction.has(j.campaignId!))
      .map((j) => Math.floor((ctx.today.getTime() - j.receivedAt!.getTime()) / 86_400_000));
    expect(Math.max(...ages)).toBeLessThanOrEqual(46);
    expect(new Set(ages.map(bucketOf))).toEqual(new Set(AGE_BUCKETS.map((_, index) => index)));
  });

  it('pays paid campaigns the computed rémunération (initial payment plus régularisations)', () => {
    const paid = new Set(ctx.campaigns.filter((c) => c.status === 'PAID').map((c) => c.id));
    const sums = new Map<string, number>();
    for (const p of rows.payments) {
      const key = `${p.professionalId}:${p.campaignId}`;
      sums.set(key, (sums.get(key) ?? 0) + p.amountCents!);
    }
    const earning = rows.declarations.filter((d) => paid.has(d.campaignId!) && d.computedRemunerationCents! > 0);
    expect(earning.length).toBeGreaterThan(500);
    for (const d of earning) expect(sums.get(`${d.professionalId}:${d.campaignId}`)).toBe(d.computedRemunerationCents);
    expect(sums.size).toBe(earning.length);
    expect(rows.payments.some((p) => p.kind === 'REGULARISATION')).toBe(true);
    expect(new Set(rows.payments.map((p) => p.reference)).size).toBe(rows.payments.length);
    const open = rows.declarations.filter((d) => !paid.has(d.campaignId!));
    expect(open.every((d) => d.computedRemunerationCents === null)).toBe(true);
  });

  it('gives unique identifiers in valid formats, ADELI for paramedical professions only', () => {
    const all = rows.professionals;
    expect(all.every((p) => AM_NUMBER_PATTERN.test(p.amNumber!) && RPPS_PATTERN.test(p.rpps!))).toBe(true);
    expect(new Set(all.map((p) => p.amNumber)).size).toBe(all.length);
    expect(new Set(all.map((p) => p.rpps)).size).toBe(all.length);
    const adeli = all.filter((p) => p.adeli);
    expect(adeli.every((p) => ADELI_PATTERN.test(p.adeli!))).toBe(true);
    expect(new Set(adeli.map((p) => p.adeli)).size).toBe(adeli.length);
    expect(adeli.some((p) => p.profession?.startsWith('MEDECIN') || p.profession === 'CHIRURGIEN_DENTISTE')).toBe(
      false,
    );
    expect(all.filter((p) => p.caisseCode === '2A1').every((p) => p.amNumber!.startsWith('2A'))).toBe(true);
  });

  it('puts most professionals in 211 and 751, in communes of their département', () => {
    const inDemoPair = rows.professionals.filter((p) => p.caisseCode === '211' || p.caisseCode === '751').length;
    expect(inDemoPair / rows.professionals.length).toBeGreaterThan(0.55);
    for (const p of rows.professionals) {
      const caisse = ctx.caisses.find((c) => c.code === p.caisseCode)!;
      expect(caisse.communes.some(([commune, postal]) => commune === p.commune && postal === p.postalCode)).toBe(true);
    }
  });

  it('spreads a national run over the caisses by population', async () => {
    const national = await fixtureContext();
    national.national = true;
    national.caisses = nationalCaisses();
    const batch = generateBatch(new Prng(1), 3000, national);
    const count = (code: string) => batch.professionals.filter((p) => p.caisseCode === code).length;
    expect(new Set(batch.professionals.map((p) => p.caisseCode)).size).toBeGreaterThan(90);
    expect(count('751')).toBeGreaterThan(count('481')); // Paris, Lozère
  });
});
