/**
 * CSV exports over HTTP: the three files, their caisse scope, permissions, parameter errors (typed,
 * nothing sent, nothing audited) and continuation past the first page of the queue.
 */
import { AuditEvent } from '../audit/audit-event.entity';
import type { Campaign } from '../campaigns/campaign.entity';
import { Payment } from '../payments/payment.entity';
import type { Professional } from '../professionals/professional.entity';
import { startTestApp, type TestApp } from '../test-support/test-app';
import {
  createCaisses,
  createCampaign,
  createProfessional,
  createSoftware,
  declare,
  receivedJustificatif,
  softwareValue,
} from '../test-support/world';

jest.setTimeout(60_000);

/** Justificatifs of the Dijon dentist: more than one page of the queue (pages of 100). */
const DIJON_JUSTIFICATIFS = 130;

describe('CSV exports', () => {
  let t: TestApp;
  let campaign: Campaign;
  let dijon: Professional;
  let paris: Professional;
  let supervisor211: string;
  let nationalAdmin: string;
  let conseiller: string;

  const download = async (path: string, token: string | null) => {
    const response = await fetch(`${t.url}/api/exports/${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString('utf8');
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      disposition: response.headers.get('content-disposition'),
      text,
      lines: text
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n'),
    };
  };
  const exportAudits = () => t.db.getRepository(AuditEvent).countBy({ action: 'EXPORT_DOWNLOADED' });

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.db.manager;
    await createCaisses(em);
    campaign = await createCampaign(em, 'fami-2024.json', 'CLOSED');
    dijon = await createProfessional(em, { profession: 'CHIRURGIEN_DENTISTE', caisseCode: '211', lastName: 'Dupont' });
    paris = await createProfessional(em, { profession: 'CHIRURGIEN_DENTISTE', caisseCode: '751', lastName: 'Martin' });
    const software = await createSoftware(em, 'Éditions Santé', 'Dentalia', '4.2');
    for (const p of [dijon, paris]) {
      await declare(em, p, campaign, { LOG_DMP: { data: softwareValue(software), source: 'DECLARED' } });
    }
    for (let i = 0; i < DIJON_JUSTIFICATIFS; i++) await receivedJustificatif(em, dijon, campaign, 'LOG_DMP');
    await receivedJustificatif(em, paris, campaign, 'LOG_DMP');
    await em.getRepository(Payment).insert([
      {
        professionalId: dijon.id,
        campaignId: campaign.id,
        caisseCode: '211',
        kind: 'INITIAL',
        amountCents: 105_000,
        paidOn: '2025-05-15',
        status: 'SENT',
        reference: 'PAY-TEST-1',
      },
      {
        professionalId: dijon.id,
        campaignId: campaign.id,
        caisseCode: '211',
        kind: 'REGULARISATION',
        amountCents: 4_050,
        paidOn: '2025-09-15',
        status: 'SENT',
        reference: 'PAY-TEST-2',
      },
    ]);
    supervisor211 = await t.login((await t.createAgent({ role: 'SUPERVISEUR', caisseCode: '211' })).email);
    nationalAdmin = await t.login(
      (await t.createAgent({ role: 'ADMIN', caisseCode: '211', nationalScope: true })).email,
    );
    conseiller = await t.login((await t.createAgent({ role: 'CONSEILLER', caisseCode: '211' })).email);
  });
  afterAll(async () => t.stop());

  it('streams the whole justificatif queue of the caisse, past the first page, as a French CSV', async () => {
    const before = await exportAudits();
    const csv = await download('justificatifs?campaignYear=2024&scheme=FAMI', supervisor211);
    expect(csv.status).toBe(200);
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    expect(csv.disposition).toMatch(/^attachment; filename="justificatifs-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    expect(csv.lines[0]).toBe(
      'Identifiant;Reçu le (heure de Paris);Ancienneté (jours);Canal;Statut;Caisse;Profession;Campagne;Code indicateur;Indicateur;N° AM;RPPS;Nom;Prénom;Motifs de rejet;Décidé le (heure de Paris)',
    );
    const rows = csv.lines.slice(1).map((l) => l.split(';'));
    expect(rows).toHaveLength(DIJON_JUSTIFICATIFS);
    expect(new Set(rows.map((r) => r[0])).size).toBe(DIJON_JUSTIFICATIFS);
    expect(new Set(rows.map((r) => `${r[5]}|${r[8]}|${r[10]}|${r[12]}`))).toEqual(
      new Set([`211|LOG_DMP|${dijon.amNumber}|Dupont`]),
    );
    // Labels, not codes; dates in Paris time.
    expect(new Set(rows.map((r) => `${r[3]}|${r[4]}|${r[6]}`))).toEqual(new Set(['courriel|Reçu|Chirurgien-dentiste']));
    expect(rows[0]![9]).not.toMatch(/^[A-Z_]+$/);
    expect(rows[0]![1]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(await exportAudits()).toBe(before + 1);
  });

  it('gives a national agent every caisse, and narrows to the caisse asked', async () => {
    const all = await download('justificatifs', nationalAdmin);
    expect(all.lines).toHaveLength(1 + DIJON_JUSTIFICATIFS + 1);
    const parisOnly = await download('justificatifs?caisseCode=751', nationalAdmin);
    expect(parisOnly.lines.slice(1).map((l) => l.split(';')[10])).toEqual([paris.amNumber]);
  });

  it('exports the rémunérations of the campaign with the amounts paid, within the caisse', async () => {
    const csv = await download('remunerations?campaignYear=2024&scheme=FAMI', supervisor211);
    expect(csv.status).toBe(200);
    expect(csv.disposition).toMatch(/filename="remunerations-2024-fami-/);
    expect(csv.lines[0]).toBe(
      'N° AM;RPPS;ADELI;Nom;Prénom;Profession;Caisse;Statut de la déclaration;Rémunération projetée (€);Rémunération calculée (€);Montant versé (€)',
    );
    expect(csv.lines).toHaveLength(2);
    const row = csv.lines[1]!.split(';');
    expect(row[0]).toBe(dijon.amNumber);
    expect(row[6]).toBe('211');
    expect(row[5]).toBe('Chirurgien-dentiste');
    expect(['Non commencée', 'Commencée', 'Transmise']).toContain(row[7]);
    expect(row[10]).toBe('1090,50');
  });

  it('exports campaign progress with its total line and breakdowns', async () => {
    const csv = await download('progress?campaignYear=2024&scheme=FAMI', nationalAdmin);
    expect(csv.status).toBe(200);
    expect(csv.lines[0]!.split(';')[0]).toBe('Ventilation');
    const total = csv.lines[1]!.split(';');
    expect(total.slice(0, 3)).toEqual(['Total', '', 'Périmètre']);
    expect(Number(total[6])).toBe(DIJON_JUSTIFICATIFS + 1);
    const caisses = csv.lines.filter((l) => l.startsWith('Caisse;')).map((l) => l.split(';')[1]);
    expect(caisses.sort()).toEqual(['211', '751']);
    const logDmp = csv.lines.find((l) => l.startsWith('Indicateur;LOG_DMP;'))!.split(';');
    expect(logDmp).toHaveLength(csv.lines[0]!.split(';').length);
    // Both dentists declared the software; every piece is still pending.
    expect(logDmp.slice(9).map(Number)).toEqual([0, 0, 0, 2]);
  });

  it.each([
    ['progress without a campaign year', 'progress', 400, 'BAD_USER_INPUT'],
    ['a campaign year that is not a number', 'progress?campaignYear=deux-mille', 400, 'BAD_USER_INPUT'],
    ['rémunérations without a scheme', 'remunerations?campaignYear=2024', 400, 'BAD_USER_INPUT'],
    ['an unknown profession', 'justificatifs?profession=SORCIER', 400, 'BAD_USER_INPUT'],
    ['an unknown campaign', 'remunerations?campaignYear=2031&scheme=FAMI', 404, 'NOT_FOUND'],
    ['a malformed caisse code', 'justificatifs?caisseCode=75', 400, 'BAD_USER_INPUT'],
  ])('refuses %s with a typed error, sends no file and audits nothing', async (_, path, status, code) => {
    const before = await exportAudits();
    const csv = await download(path, supervisor211);
    expect(csv.status).toBe(status);
    expect(csv.disposition).toBeNull();
    expect(JSON.parse(csv.text)).toMatchObject({ error: { code } });
    expect(await exportAudits()).toBe(before);
  });

  it('exports nothing of a caisse outside the agent’s scope', async () => {
    const csv = await download('justificatifs?caisseCode=751', supervisor211);
    expect(csv.status).toBe(200);
    expect(csv.lines).toHaveLength(1);
  });

  it('refuses agents without the export permission, and anonymous callers', async () => {
    const asConseiller = await download('justificatifs', conseiller);
    expect(asConseiller.status).toBe(403);
    expect(JSON.parse(asConseiller.text)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const anonymous = await download('justificatifs', null);
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.text)).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });
});
