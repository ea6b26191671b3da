/**
 * Files for the payment system, from a computed campaign: the payment file per caisse, the
 * reconciliation of a payments import that differs on three professionals, scope and refusals.
 */
import { Campaign } from '../campaigns/campaign.entity';
import { runCampaignComputation } from '../campaigns/lifecycle/campaign-computation';
import { startComputation } from '../campaigns/lifecycle/campaign-lifecycle.service';
import { Declaration } from '../declarations/declaration.entity';
import { importCsv } from '../imports/import-test-kit';
import type { Professional } from '../professionals/professional.entity';
import { startTestApp, type TestApp } from '../test-support/test-app';
import { createCaisses, createCampaign, createProfessional, declare } from '../test-support/world';

const BOOL = (value: boolean) => ({ data: { type: 'BOOLEAN' as const, value }, source: 'DECLARED' as const });
const Q = 'campaignYear=2024&scheme=FAMI&caisseCode=211';

describe('payment file and reconciliation', () => {
  let t: TestApp;
  let campaignId: number;
  let dijon: Professional[];
  let superviseur211: string;
  let superviseur751: string;
  let conseiller: string;

  const download = async (path: string, token: string) => {
    const response = await fetch(`${t.url}/api/exports/${path}`, { headers: { authorization: `Bearer ${token}` } });
    const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
    return {
      status: response.status,
      disposition: response.headers.get('content-disposition'),
      text,
      rows: text
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n')
        .map((l) => l.split(';')),
    };
  };

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.db.manager;
    await createCaisses(em);
    const campaign = await createCampaign(em, 'fami-2024.json', 'CLOSED');
    campaignId = campaign.id;
    dijon = [];
    for (let i = 0; i < 6; i++) {
      const p = await createProfessional(em, { profession: 'CHIRURGIEN_DENTISTE', caisseCode: '211' });
      // Five paid, one (i = 5) not achieving anything.
      await declare(em, p, campaign, { ETUDIANT: BOOL(i !== 5) });
      dijon.push(p);
    }
    const paris = await createProfessional(em, { profession: 'CHIRURGIEN_DENTISTE', caisseCode: '751' });
    await declare(em, paris, campaign, { ETUDIANT: BOOL(true) });
    superviseur211 = await t.login((await t.createAgent({ role: 'SUPERVISEUR', caisseCode: '211' })).email);
    superviseur751 = await t.login((await t.createAgent({ role: 'SUPERVISEUR', caisseCode: '751' })).email);
    conseiller = await t.login((await t.createAgent({ role: 'CONSEILLER', caisseCode: '211' })).email);
  });
  afterAll(async () => t.stop());

  it('is refused before the computation, and to a conseiller', async () => {
    expect((await download(`payment-file?${Q}`, superviseur211)).status).toBe(409);
    expect((await download(`payment-file?${Q}`, conseiller)).status).toBe(403);
    expect((await download(`payment-file?campaignYear=2024&scheme=FAMI`, superviseur211)).status).toBe(400);
  });

  it('lists, per caisse, each paid professional with the total and its labelled lines in cents', async () => {
    const campaign = await t.db.getRepository(Campaign).findOneByOrFail({ id: campaignId });
    const started = await t.db.transaction((em) =>
      startComputation(em, { campaign, expectedVersion: 1, agentId: null, force: false, reason: null }),
    );
    if (!('run' in started)) throw new Error(started.refusal.message);
    await runCampaignComputation(t.db, started.run.id);

    const file = await download(`payment-file?${Q}`, superviseur211);
    expect(file.status).toBe(200);
    expect(file.disposition).toMatch(/paiement-2024-fami-211\.csv/);
    expect(file.rows[0]).toEqual([
      'type',
      'caisse',
      'numero_am',
      'rpps',
      'adeli',
      'nom',
      'prenom',
      'code_ligne',
      'libelle',
      'montant_centimes',
    ]);
    const totals = file.rows.filter((r) => r[0] === 'TOTAL');
    expect(totals.map((r) => r[2])).toEqual(dijon.slice(0, 5).map((p) => p.amNumber));
    expect(totals.every((r) => r[9] === '35000')).toBe(true);
    const lines = file.rows.filter((r) => r[0] === 'LIGNE' && r[2] === dijon[0]!.amNumber);
    expect(lines).toEqual([
      [
        'LIGNE',
        '211',
        dijon[0]!.amNumber,
        dijon[0]!.rpps,
        '',
        dijon[0]!.lastName,
        dijon[0]!.firstName,
        'ETUDIANT',
        expect.any(String),
        '35000',
      ],
    ]);
    // Another caisse's superviseur asking for 211 gets an empty file.
    expect((await download(`payment-file?${Q}`, superviseur751)).rows).toHaveLength(1);
  });

  it('reconciles a payments file that differs on three professionals, with both amounts', async () => {
    const due = new Map(
      (await t.db.getRepository(Declaration).findBy({ campaignId })).map((d) => [
        d.professionalId,
        d.computedRemunerationCents!,
      ]),
    );
    const euros = (cents: number) => (cents / 100).toFixed(2);
    const lines = ['reference;am_number;campaign_year;scheme;kind;amount_eur;paid_on;status'];
    dijon.forEach((p, i) => {
      const cents = i === 0 ? 30_000 : i === 1 ? 40_000 : due.get(p.id)!;
      if (i === 2 || cents === 0) return; // dijon[2] was never paid
      lines.push(`PAY-${i};${p.amNumber};2024;FAMI;INITIAL;${euros(cents)};2025-06-30;SENT`);
    });
    const imported = await importCsv(t.db, 'PAYMENTS', lines.join('\n') + '\n');
    expect(imported.run).toMatchObject({ status: 'COMPLETED', rejected: 0, inserted: 4 });

    const report = await download(`reconciliation?${Q}`, superviseur211);
    expect(report.status).toBe(200);
    expect(report.rows).toEqual([
      ['caisse', 'numero_am', 'rpps', 'adeli', 'nom', 'prenom', 'du_centimes', 'paye_centimes', 'ecart_centimes'],
      [
        '211',
        dijon[0]!.amNumber,
        dijon[0]!.rpps,
        '',
        dijon[0]!.lastName,
        dijon[0]!.firstName,
        '35000',
        '30000',
        '5000',
      ],
      [
        '211',
        dijon[1]!.amNumber,
        dijon[1]!.rpps,
        '',
        dijon[1]!.lastName,
        dijon[1]!.firstName,
        '35000',
        '40000',
        '-5000',
      ],
      ['211', dijon[2]!.amNumber, dijon[2]!.rpps, '', dijon[2]!.lastName, dijon[2]!.firstName, '35000', '0', '35000'],
    ]);
  });
});
