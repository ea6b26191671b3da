import { DeclarationTransmission } from './declaration.entity';
import { ContactLog } from '../contacts/contact-log.entity';
import type { Professional } from '../professionals/professional.entity';
import { startTestApp, type Loose, type TestApp } from '../test-support/test-app';
import { createCaisses, createCampaign, createProfessional, receivedJustificatif } from '../test-support/world';

const PAPER = `mutation P($input: PaperDeclarationInput!) {
  recordPaperDeclaration(input: $input) {
    status transmissionCount lastChannel
    indicators { indicator { code } source value { display } atteinte { status reason } }
    remuneration { totalCents lines { label amountCents } }
  }
}`;
const CONTACT = `mutation C($input: ContactInput!) { logContact(input: $input) { id channel subject agent { displayName } } }`;
const PROGRESS = `query G($year: Int!, $caisse: String) {
  campaignProgress(campaignYear: $year, scheme: FAMI, caisseCode: $caisse) {
    professionalsConcerned declarationsStarted declarationsTransmitted projectedCents
    justificatifs { received pending pendingByAge { label count } }
    achievementByIndicator { code achieved notAchieved neutralised pendingJustificatif achievementRate }
    byCaisse { key professionalsConcerned justificatifsPending }
    byProfession { key label }
  }
}`;

describe('paper declarations, contacts and campaign progress', () => {
  let t: TestApp;
  let dentist: Professional;
  let parisDentist: Professional;
  let conseiller: string;
  let dam: string;
  let superviseur: string;

  const paperInput = (extra: Loose = {}) => ({
    input: {
      professionalId: String(dentist.id),
      campaignYear: 2024,
      scheme: 'FAMI',
      honourAttestation: true,
      conditionsAcknowledged: true,
      values: [
        { indicatorCode: 'HORAIRES', boolean: true },
        { indicatorCode: 'MSS', messagingType: 'MSSANTE_PERSONAL' },
        { indicatorCode: 'ALLER_VERS', text: 'École REP+ Dijon, EHPAD Les Tilleuls', count: 3 },
        { indicatorCode: 'ETUDIANT', boolean: true },
      ],
      ...extra,
    },
  });

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.db.manager;
    await createCaisses(em);
    const campaign = await createCampaign(em, 'fami-2024.json', 'CLOSED');
    dentist = await createProfessional(em, {
      profession: 'CHIRURGIEN_DENTISTE',
      caisseCode: '211',
      usesAmelipro: false,
    });
    parisDentist = await createProfessional(em, { profession: 'CHIRURGIEN_DENTISTE', caisseCode: '751' });
    await receivedJustificatif(em, parisDentist, campaign, 'LOG_DMP');
    conseiller = await t.login((await t.createAgent({ role: 'CONSEILLER', caisseCode: '211' })).email);
    dam = await t.login((await t.createAgent({ role: 'DAM', caisseCode: '211' })).email);
    superviseur = await t.login((await t.createAgent({ role: 'SUPERVISEUR', caisseCode: '211' })).email);
  });
  afterAll(async () => t.stop());

  it('enters a paper form: one PAPER transmission, declared values, atteinte and rémunération re-evaluated', async () => {
    const result = await t.gql<{ recordPaperDeclaration: Loose }>(PAPER, paperInput(), conseiller);
    expect(result.errors).toBeUndefined();
    const declaration = result.data!.recordPaperDeclaration;
    expect(declaration).toMatchObject({ status: 'TRANSMITTED', transmissionCount: 1, lastChannel: 'PAPER' });
    const allerVers = declaration.indicators.find((i: Loose) => i.indicator.code === 'ALLER_VERS');
    expect(allerVers).toMatchObject({ source: 'DECLARED', atteinte: { status: 'ACHIEVED' } });
    // Independents are paid whatever the socle: aller vers 300 € + student 350 €.
    expect(declaration.remuneration.totalCents).toBe(65000);
    expect(await t.db.getRepository(DeclarationTransmission).countBy({ channel: 'PAPER' })).toBe(1);
  });

  it.each([
    ['an unknown indicator', { values: [{ indicatorCode: 'NOPE', boolean: true }] }, 'BAD_USER_INPUT'],
    ['a computed indicator', { values: [{ indicatorCode: 'TX_FSE', boolean: true }] }, 'BAD_USER_INPUT'],
    ['a missing yes/no', { values: [{ indicatorCode: 'ETUDIANT' }] }, 'BAD_USER_INPUT'],
    [
      'an indicator given twice',
      {
        values: [
          { indicatorCode: 'ETUDIANT', boolean: true },
          { indicatorCode: 'ETUDIANT', boolean: false },
        ],
      },
      'BAD_USER_INPUT',
    ],
    ['no acknowledgement of the conditions', { conditionsAcknowledged: false }, 'BAD_USER_INPUT'],
    ['an unknown campaign', { campaignYear: 2031 }, 'NOT_FOUND'],
  ])('refuses %s and records nothing', async (_label, extra, code) => {
    const before = await t.db.getRepository(DeclarationTransmission).count();
    const result = await t.gql(PAPER, paperInput(extra), conseiller);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(await t.db.getRepository(DeclarationTransmission).count()).toBe(before);
  });

  it('keeps paper entry to conseillers of the caisse', async () => {
    expect((await t.gql(PAPER, paperInput(), dam)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = paperInput({ professionalId: String(parisDentist.id) });
    expect((await t.gql(PAPER, other, conseiller)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('logs a DAM contact, and refuses bad input or other roles', async () => {
    const ok = await t.gql<{ logContact: Loose }>(
      CONTACT,
      {
        input: {
          professionalId: String(dentist.id),
          channel: 'CALL',
          subject: 'Relance justificatif',
          notes: 'Rappel de la mention DMP.',
        },
      },
      dam,
    );
    expect(ok.data?.logContact).toMatchObject({ channel: 'CALL', subject: 'Relance justificatif' });
    const cases: [Loose, string, string][] = [
      [{ subject: '   ' }, dam, 'BAD_USER_INPUT'],
      [{ at: '2099-01-01T00:00:00.000Z' }, dam, 'BAD_USER_INPUT'],
      [{ professionalId: String(parisDentist.id) }, dam, 'NOT_FOUND'],
      [{}, conseiller, 'FORBIDDEN'],
    ];
    for (const [extra, token, code] of cases) {
      const result = await t.gql(
        CONTACT,
        { input: { professionalId: String(dentist.id), channel: 'VISIT', subject: 'Visite', notes: '', ...extra } },
        token,
      );
      expect(result.errors?.[0]?.extensions?.code).toBe(code);
    }
    expect(await t.db.getRepository(ContactLog).count()).toBe(1);
  });

  it('shows a supervisor the progress of their caisse only', async () => {
    const mine = await t.gql<{ campaignProgress: Loose }>(PROGRESS, { year: 2024 }, superviseur);
    expect(mine.errors).toBeUndefined();
    const progress = mine.data!.campaignProgress;
    expect(progress).toMatchObject({ professionalsConcerned: 1, declarationsTransmitted: 1, projectedCents: 65000 });
    expect(progress.justificatifs).toMatchObject({ received: 0, pending: 0 });
    expect(progress.byCaisse.map((c: Loose) => c.key)).toEqual(['211']);
    expect(progress.achievementByIndicator.find((i: Loose) => i.code === 'ETUDIANT')).toMatchObject({
      achieved: 1,
      achievementRate: 1,
    });
    const paris = await t.gql<{ campaignProgress: Loose }>(PROGRESS, { year: 2024, caisse: '751' }, superviseur);
    expect(paris.data?.campaignProgress).toMatchObject({ professionalsConcerned: 0, justificatifs: { pending: 0 } });
  });

  it('shows a national supervisor every caisse, with the backlog by age', async () => {
    const national = await t.login(
      (await t.createAgent({ role: 'SUPERVISEUR', caisseCode: '211', nationalScope: true })).email,
    );
    const result = await t.gql<{ campaignProgress: Loose }>(PROGRESS, { year: 2024 }, national);
    const progress = result.data!.campaignProgress;
    expect(progress.professionalsConcerned).toBe(2);
    expect(progress.justificatifs.pending).toBe(1);
    expect(progress.justificatifs.pendingByAge.map((b: Loose) => b.count)).toEqual([0, 1, 0, 0]);
  });

  it('refuses dashboards to a conseiller and an unknown campaign to anyone', async () => {
    expect((await t.gql(PROGRESS, { year: 2024 }, conseiller)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(PROGRESS, { year: 2031 }, superviseur)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(PROGRESS, { year: 2024, caisse: 'xx' }, superviseur)).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });
});
