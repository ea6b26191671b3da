/**
 * Every rejection reason: the row is reported with its line, column and a French reason, and the good
 * rows of the same file still go through. File-level problems fail the run with one message. A crash
 * between batches leaves whole batches only, and the same file again completes the import.
 */
import { Indicator } from '../campaigns/indicator.entity';
import { IndicatorValue } from '../declarations/declaration.entity';
import { Professional } from '../professionals/professional.entity';
import { openTestDatabase, type TestDatabase } from '../test-support/test-db';
import { createCampaign, declare } from '../test-support/world';
import { counts, fixture, fixtureWorld, importCsv, insertProfessionals } from './import-test-kit';
import type { ImportKind } from './import-kinds';

jest.setTimeout(60_000);

/** The CSV feeds (the Annuaire Santé extract has its own suite: kinds/annuaire-sante.int.test.ts). */
type CsvKind = Exclude<ImportKind, 'ANNUAIRE_SANTE'>;

const HEADERS: Record<CsvKind, string> = {
  PROFESSIONALS:
    'am_number;rpps;adeli;last_name;first_name;profession;specialty;caisse_code;address_line;postal_code;commune;installation_date;email;phone;uses_amelipro',
  DMP_TRACES: 'am_number;campaign_year;scheme;publisher;software;version',
  MSSANTE: 'am_number;campaign_year;scheme;messaging_type',
  BILLING: 'am_number;campaign_year;scheme;fse_count;acts_total;sesam_vitale_compliant',
  ANNUAIRE: 'am_number;campaign_year;scheme;hours_published',
  DECLARATIONS:
    'am_number;campaign_year;scheme;transmitted_at;channel;honour_attestation;conditions_acknowledged;indicator_code;value;count;publisher;software;version',
  PAYMENTS: 'reference;am_number;campaign_year;scheme;kind;amount_eur;paid_on;status',
};

/** A valid row of each kind (dentist 211000001, FAMI 2024), changed by `over` column → value. */
const BASE: Record<CsvKind, Record<string, string>> = {
  PROFESSIONALS: {
    am_number: '211000099',
    rpps: '10000000099',
    adeli: '',
    last_name: 'Nouveau',
    first_name: 'Paul',
    profession: 'CHIRURGIEN_DENTISTE',
    specialty: '',
    caisse_code: '211',
    address_line: '1 rue Neuve',
    postal_code: '21000',
    commune: 'Dijon',
    installation_date: '2020-01-01',
    email: '',
    phone: '',
    uses_amelipro: 'oui',
  },
  DMP_TRACES: {
    am_number: '211000001',
    campaign_year: '2024',
    scheme: 'FAMI',
    publisher: 'Dentalia Soft',
    software: 'Dentalia',
    version: '5.2',
  },
  MSSANTE: { am_number: '211000001', campaign_year: '2024', scheme: 'FAMI', messaging_type: 'MSSANTE_PERSONAL' },
  BILLING: {
    am_number: '211000001',
    campaign_year: '2024',
    scheme: 'FAMI',
    fse_count: '10',
    acts_total: '20',
    sesam_vitale_compliant: 'oui',
  },
  ANNUAIRE: { am_number: '211000001', campaign_year: '2024', scheme: 'FAMI', hours_published: 'oui' },
  DECLARATIONS: {
    am_number: '211000001',
    campaign_year: '2024',
    scheme: 'FAMI',
    transmitted_at: '2025-02-01T10:00:00Z',
    channel: 'AMELIPRO',
    honour_attestation: 'oui',
    conditions_acknowledged: 'oui',
    indicator_code: 'PEC',
    value: 'CPTS',
    count: '',
    publisher: '',
    software: '',
    version: '',
  },
  PAYMENTS: {
    reference: 'PAY-TEST-1',
    am_number: '211000001',
    campaign_year: '2024',
    scheme: 'FAMI',
    kind: 'INITIAL',
    amount_eur: '100',
    paid_on: '2025-05-15',
    status: '',
  },
};

const row = (kind: CsvKind, over: Record<string, string> = {}) =>
  HEADERS[kind]
    .split(';')
    .map((c) => {
      const v = over[c] ?? BASE[kind][c] ?? '';
      return /[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    })
    .join(';');

const MEDECIN = '210000100';

describe('imports: rejected rows and failed files', () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await openTestDatabase();
    await fixtureWorld(t.db.manager);
    await createCampaign(t.db.manager, 'fami-2023.json', 'CLOSED');
    await createCampaign(t.db.manager, 'forfait-structure-2021.json', 'COMPUTED');
    await createCampaign(t.db.manager, 'forfait-structure-2020.json', 'UPCOMING');
    await createCampaign(t.db.manager, 'rosp-2019.json', 'OPEN');
    await importCsv(t.db, 'PROFESSIONALS', fixture('professionals.csv'));
    await importCsv(t.db, 'PAYMENTS', fixture('payments.csv'));
    await insertProfessionals(t.db.manager, 1, { caisseCode: '211', profession: 'MEDECIN_GENERALISTE', start: 100 });
  });
  afterAll(async () => t.close());

  type Case = [string, CsvKind, Record<string, string>, string | null, RegExp, string[]?];
  const cases: Case[] = [
    [
      'malformed N° AM',
      'PROFESSIONALS',
      { am_number: '21100001X' },
      'am_number',
      /^N° Assurance Maladie mal formé : « 21100001X »/,
    ],
    [
      'malformed RPPS',
      'PROFESSIONALS',
      { rpps: '123' },
      'rpps',
      /^RPPS mal formé : « 123 » \(11 chiffres attendus\)\.$/,
    ],
    ['malformed ADELI', 'PROFESSIONALS', { adeli: '21A' }, 'adeli', /^ADELI mal formé/],
    ['unknown caisse', 'PROFESSIONALS', { caisse_code: '999' }, 'caisse_code', /^Caisse inconnue : « 999 »\.$/],
    ['malformed postal code', 'PROFESSIONALS', { postal_code: '2100' }, 'postal_code', /^Code postal mal formé/],
    ['invalid e-mail', 'PROFESSIONALS', { email: 'paul@' }, 'email', /^Adresse e-mail invalide/],
    ['impossible date', 'PROFESSIONALS', { installation_date: '31/02/2020' }, 'installation_date', /^Date inexistante/],
    [
      'malformed date',
      'PROFESSIONALS',
      { installation_date: '2020/01/01' },
      'installation_date',
      /^Date attendue au format/,
    ],
    [
      'installation in the future',
      'PROFESSIONALS',
      { installation_date: '2099-01-01' },
      'installation_date',
      /dans le futur/,
    ],
    [
      'unknown profession',
      'PROFESSIONALS',
      { profession: 'DENTISTE' },
      'profession',
      /^Profession inconnu\(e\) : « DENTISTE »/,
    ],
    [
      'missing value',
      'PROFESSIONALS',
      { last_name: '' },
      'last_name',
      /^Valeur obligatoire manquante \(colonne last_name\)\.$/,
    ],
    [
      'value too long',
      'PROFESSIONALS',
      { first_name: 'x'.repeat(101) },
      'first_name',
      /^Valeur trop longue : 101 caractères, 100 au plus\.$/,
    ],
    ['invalid yes/no', 'PROFESSIONALS', { uses_amelipro: 'peut-être' }, 'uses_amelipro', /^Oui\/non attendu/],
    [
      'RPPS of another professional',
      'PROFESSIONALS',
      { rpps: '10000000002' },
      'rpps',
      /^RPPS 10000000002 déjà attribué au professionnel de N° AM 211000002\.$/,
    ],
    [
      'caisse out of scope',
      'PROFESSIONALS',
      { caisse_code: '751', postal_code: '75011' },
      'caisse_code',
      /^Caisse 751 hors de votre périmètre \(caisse 211\)\.$/,
      ['211'],
    ],
    [
      'professional of another caisse moved in',
      'PROFESSIONALS',
      { am_number: '751000004', rpps: '10000000004' },
      'am_number',
      /^Professionnel rattaché à la caisse 751, hors de votre périmètre/,
      ['211'],
    ],
    [
      'unknown professional',
      'DMP_TRACES',
      { am_number: '211999999' },
      'am_number',
      /^Professionnel inconnu : aucun professionnel n'a le N° AM 211999999\.$/,
    ],
    ['unknown campaign', 'DMP_TRACES', { campaign_year: '2030' }, 'campaign_year', /^Campagne FAMI 2030 inconnue\.$/],
    ['malformed year', 'DMP_TRACES', { campaign_year: '24' }, 'campaign_year', /^Année de campagne invalide/],
    ['unknown scheme', 'DMP_TRACES', { scheme: 'FAMY' }, 'scheme', /^Dispositif inconnu : « FAMY »/],
    [
      'unknown publisher',
      'DMP_TRACES',
      { publisher: 'Inconnu SA' },
      'publisher',
      /^Éditeur inconnu du catalogue : « Inconnu SA »\.$/,
    ],
    [
      'unknown software',
      'DMP_TRACES',
      { software: 'Dentoplus' },
      'software',
      /^Logiciel inconnu du catalogue pour l'éditeur Dentalia Soft/,
    ],
    [
      'unknown version',
      'DMP_TRACES',
      { version: '9.9' },
      'version',
      /^Version inconnue du catalogue pour Dentalia \(Dentalia Soft\) : « 9\.9 »\.$/,
    ],
    [
      'profession not concerned',
      'DMP_TRACES',
      { am_number: '211000005' },
      'campaign_year',
      /ne concerne pas la profession du professionnel\.$/,
    ],
    [
      'campaign without such an indicator',
      'DMP_TRACES',
      { am_number: MEDECIN, campaign_year: '2019', scheme: 'ROSP' },
      'campaign_year',
      /n'a pas d'indicateur alimenté par les traces DMP \(type SOFTWARE\)\.$/,
    ],
    [
      'computed campaign',
      'DMP_TRACES',
      { am_number: MEDECIN, campaign_year: '2021', scheme: 'FORFAIT_STRUCTURE' },
      'campaign_year',
      /est calculée : ses valeurs sont figées\.$/,
    ],
    [
      'professional out of scope',
      'DMP_TRACES',
      { am_number: '751000004' },
      'am_number',
      /^Professionnel rattaché à la caisse 751, hors de votre périmètre \(caisse 211\)\.$/,
      ['211'],
    ],
    [
      'unknown messaging type',
      'MSSANTE',
      { messaging_type: 'GMAIL' },
      'messaging_type',
      /^Type de messagerie inconnu\(e\) : « GMAIL »/,
    ],
    [
      'more FSE than acts',
      'BILLING',
      { fse_count: '30' },
      'fse_count',
      /^Plus de FSE \(30\) que d'actes facturés \(20\)\.$/,
    ],
    [
      'count not a number',
      'BILLING',
      { acts_total: 'beaucoup' },
      'acts_total',
      /^Nombre total d'actes : nombre entier attendu/,
    ],
    ['count out of range', 'BILLING', { acts_total: '-5' }, 'acts_total', /^Nombre total d'actes hors limites/],
    [
      'invalid compliance flag',
      'BILLING',
      { sesam_vitale_compliant: 'bof' },
      'sesam_vitale_compliant',
      /^Oui\/non attendu/,
    ],
    [
      'indicator not for the profession',
      'ANNUAIRE',
      { am_number: '211000005', campaign_year: '2023' },
      'hours_published',
      /^L'indicateur HORAIRES ne concerne pas la profession du professionnel\.$/,
    ],
    [
      'unknown indicator',
      'DECLARATIONS',
      { indicator_code: 'XYZ' },
      'indicator_code',
      /^Indicateur inconnu pour la campagne FAMI 2024/,
    ],
    [
      'computed indicator',
      'DECLARATIONS',
      { indicator_code: 'TX_FSE' },
      'indicator_code',
      /^TX_FSE est calculé par l'Assurance Maladie : il ne se déclare pas\.$/,
    ],
    ['unknown choice', 'DECLARATIONS', { value: 'FOO' }, 'value', /^Choix inconnu pour PEC : « FOO »/],
    ['unknown channel', 'DECLARATIONS', { channel: 'FAX' }, 'channel', /^Canal inconnu\(e\)/],
    [
      'timestamp without time zone',
      'DECLARATIONS',
      { transmitted_at: '2025-02-01 10:00' },
      'transmitted_at',
      /^Horodatage attendu au format ISO 8601 avec fuseau/,
    ],
    [
      'timestamp in the future',
      'DECLARATIONS',
      { transmitted_at: '2099-02-01T10:00:00Z' },
      'transmitted_at',
      /^Transmission datée dans le futur/,
    ],
    [
      'campaign not open yet',
      'DECLARATIONS',
      {
        am_number: MEDECIN,
        campaign_year: '2020',
        scheme: 'FORFAIT_STRUCTURE',
        indicator_code: 'CODAGE',
        value: 'oui',
      },
      'campaign_year',
      /n'est pas encore ouverte\.$/,
    ],
    [
      'software columns missing',
      'DECLARATIONS',
      { indicator_code: 'LOG_DMP', value: '' },
      'publisher',
      /^Valeur obligatoire manquante \(colonne publisher\)\.$/,
    ],
    ['malformed reference', 'PAYMENTS', { reference: 'PAY 1' }, 'reference', /^Référence de paiement invalide/],
    ['unknown payment kind', 'PAYMENTS', { kind: 'BONUS' }, 'kind', /^Type de paiement inconnu\(e\)/],
    ['malformed amount', 'PAYMENTS', { amount_eur: '12,345' }, 'amount_eur', /^Montant en euros attendu/],
    [
      'negative initial payment',
      'PAYMENTS',
      { amount_eur: '-10' },
      'amount_eur',
      /^Un paiement initial doit être positif\.$/,
    ],
    [
      'paid before the campaign',
      'PAYMENTS',
      { paid_on: '2024-01-01' },
      'paid_on',
      /avant l'ouverture de la campagne \(2025-01-13\)\.$/,
    ],
    [
      'reference of another professional',
      'PAYMENTS',
      { reference: 'PAY-2025-000001', am_number: '211000002' },
      'reference',
      /déjà utilisée pour un autre professionnel\.$/,
    ],
    ['unknown payment status', 'PAYMENTS', { status: 'LOST' }, 'status', /^Statut de paiement inconnu\(e\)/],
  ];

  it.each(cases)(
    '%s (%s) is rejected with line, column and reason; good rows go on',
    // A rest parameter: with six named ones, Jest would take the sixth for a `done` callback and wait.
    async (...[, kind, over, column, reason, scope]: Case) => {
      const good = row(kind);
      const lines = [HEADERS[kind], row(kind, over)];
      // A good row after the bad one (professionals: another N° AM so it is not a duplicate key).
      if (kind === 'PROFESSIONALS') lines.push(row(kind, { am_number: '211000098', rpps: '10000000098' }));
      else if (kind === 'PAYMENTS') lines.push(row(kind, { reference: 'PAY-TEST-2' }));
      else if (kind !== 'DECLARATIONS' && !Object.keys(over).includes('am_number'))
        lines.push(good.replace('211000001', '211000002'));
      const result = await importCsv(t.db, kind, lines.join('\n'), { scope: scope ?? null });
      expect(result.error).toBeUndefined();
      const report = result.report.rows();
      expect(report).toHaveLength(1);
      expect(report[0]![0]).toBe('2');
      expect(report[0]![1]).toBe(column ?? '');
      expect(report[0]!.slice(3).join(';')).toMatch(reason);
      expect(result.run.rejected).toBe(1);
      expect(result.run.rowsRead).toBe(lines.length - 1);
      expect(result.run.inserted + result.run.updated + result.run.unchanged).toBe(lines.length - 2);
      expect(result.run.rejections[0]).toMatchObject({ line: 2, column });
    },
  );

  it.each<[string, string, RegExp]>([
    [
      'a line with too few fields',
      `${HEADERS.MSSANTE}\n211000001;2024;FAMI\n`,
      /^La ligne compte 3 champ\(s\), l'en-tête 4/,
    ],
    [
      'a duplicated key',
      `${HEADERS.MSSANTE}\n${row('MSSANTE')}\n${row('MSSANTE')}\n`,
      /^Ligne en double : même clé que la ligne 2 du fichier\.$/,
    ],
    [
      'characters after a closing quote',
      `${HEADERS.MSSANTE}\n211000001;2024;FAMI;"MSSANTE_PERSONAL"x\n`,
      /^Guillemets mal fermés/,
    ],
    [
      'a quote never closed',
      `${HEADERS.MSSANTE}\n211000001;2024;FAMI;"MSSANTE_PERSONAL\n`,
      /^Guillemet ouvrant jamais refermé/,
    ],
  ])('reports %s on its line', async (_label, content, reason) => {
    const result = await importCsv(t.db, 'MSSANTE', content);
    const report = result.report.rows();
    expect(report).toHaveLength(1);
    expect(report[0]![0]).toBe(content.includes('x\n') || !content.includes('"') ? report[0]![0] : '2');
    expect(report[0]!.slice(3).join(';')).toMatch(reason);
  });

  it('a transmission whose rows disagree on channel or attestations is rejected from the second row', async () => {
    const content = [
      HEADERS.DECLARATIONS,
      row('DECLARATIONS', { am_number: '211000002', transmitted_at: '2025-02-05T10:00:00Z' }),
      row('DECLARATIONS', {
        am_number: '211000002',
        transmitted_at: '2025-02-05T10:00:00Z',
        indicator_code: 'ETUDIANT',
        value: 'oui',
        honour_attestation: 'non',
      }),
    ].join('\n');
    const result = await importCsv(t.db, 'DECLARATIONS', content);
    expect(counts(result)).toMatchObject({ read: 2, inserted: 1, rejected: 1 });
    expect(result.report.rows()[0]!.slice(0, 2)).toEqual(['3', 'channel']);
    expect(result.report.rows()[0]![3]).toMatch(/^Même transmission que la ligne 2/);
  });

  it('a pre-fill never overwrites what the professional declared', async () => {
    const campaign = await createCampaign(t.db.manager, 'fami-2024.json', 'OPEN').catch(() => null);
    void campaign;
    const professional = await t.db.getRepository(Professional).findOneByOrFail({ amNumber: '211000003' });
    const fami = await t.db.getRepository(Indicator).findOneByOrFail({ code: 'MSS', definition: undefined });
    const mss = await t.db.getRepository(Indicator).findOneByOrFail({ campaignId: fami.campaignId, code: 'MSS' });
    const { Campaign } = await import('../campaigns/campaign.entity');
    const c = await t.db.getRepository(Campaign).findOneByOrFail({ id: mss.campaignId });
    await declare(t.db.manager, professional, c, {
      MSS: { data: { type: 'MESSAGING', messagingType: 'APICRYPT_V2' }, source: 'DECLARED' },
    });
    const result = await importCsv(
      t.db,
      'MSSANTE',
      `${HEADERS.MSSANTE}\n${row('MSSANTE', { am_number: '211000003', campaign_year: String(c.referenceYear), scheme: c.scheme })}\n`,
    );
    expect(counts(result)).toMatchObject({ read: 1, unchanged: 1, rejected: 0 });
    const value = await t.db
      .getRepository(IndicatorValue)
      .findOneByOrFail({ professionalId: professional.id, indicatorId: mss.id });
    expect(value).toMatchObject({ source: 'DECLARED', value: { type: 'MESSAGING', messagingType: 'APICRYPT_V2' } });
  });

  it.each<[string, string | Buffer, RegExp]>([
    [
      'an unknown column',
      'am_number;campaign_year;scheme;messaging;x\n',
      /^Colonne\(s\) inconnue\(s\) dans l'en-tête : « messaging », « x »/,
    ],
    [
      'a missing column',
      'am_number;campaign_year;scheme\n211000001;2024;FAMI\n',
      /^Colonne\(s\) obligatoire\(s\) absente\(s\) de l'en-tête : messaging_type\.$/,
    ],
    ['a repeated column', 'am_number;am_number;campaign_year;scheme;messaging_type\n', /^Colonne\(s\) en double/],
    ['an empty file', '', /^Fichier vide/],
    [
      'invalid UTF-8',
      Buffer.concat([
        Buffer.from(`${HEADERS.MSSANTE}\n211000001;2024;FAMI;`),
        Buffer.from([0xc3, 0x28]),
        Buffer.from('\n'),
      ]),
      /n'est pas encodé en UTF-8 valide/,
    ],
    ['a NUL character', `${HEADERS.MSSANTE}\n211000001;2024;FAMI;\u0000\n`, /^Caractère NUL à la ligne 2/],
  ])('a file with %s fails the run with a French message', async (_label, content, message) => {
    const result = await importCsv(t.db, 'MSSANTE', content);
    expect(result.run.status).toBe('FAILED');
    expect(result.run.errorMessage).toMatch(message);
  });

  it('a header alone completes with nothing read; a BOM, CRLF and blank lines are tolerated', async () => {
    expect((await importCsv(t.db, 'MSSANTE', `${HEADERS.MSSANTE}\r\n`)).run).toMatchObject({
      status: 'COMPLETED',
      rowsRead: 0,
    });
    const result = await importCsv(
      t.db,
      'MSSANTE',
      `\uFEFF${HEADERS.MSSANTE}\r\n\r\n${row('MSSANTE', { am_number: '211000002' })}\r\n\r\n`,
    );
    expect(counts(result)).toMatchObject({ read: 1, rejected: 0 });
  });

  it('a crash inside a batch leaves whole batches only; the same file again completes the import', async () => {
    const amNumbers = await insertProfessionals(t.db.manager, 35, {
      caisseCode: '211',
      profession: 'CHIRURGIEN_DENTISTE',
      start: 300_000,
    });
    const content = [HEADERS.ANNUAIRE, ...amNumbers.map((am) => `${am};2024;FAMI;oui`)].join('\n');
    const crashed = await importCsv(t.db, 'ANNUAIRE', content, {
      batchSize: 10,
      hooks: {
        beforeCommit: (batch) => {
          if (batch === 2) throw new Error('coupure de courant simulée');
        },
      },
    });
    expect(crashed.run).toMatchObject({ status: 'FAILED', batchesCommitted: 2, rowsRead: 20, inserted: 20 });
    expect(crashed.run.errorMessage).toMatch(/coupure de courant simulée/);
    const horaires = await t.db.getRepository(Indicator).find({ where: { code: 'HORAIRES' } });
    const written = async () =>
      (
        await t.db
          .getRepository(IndicatorValue)
          .find({ where: { source: 'PREFILLED', prefillOrigin: 'ANNUAIRE_SANTE' } })
      ).filter((v) => horaires.some((h) => h.id === v.indicatorId)).length;
    const before = await written();
    const resumed = await importCsv(t.db, 'ANNUAIRE', content, { batchSize: 10 });
    expect(resumed.run).toMatchObject({
      status: 'COMPLETED',
      rowsRead: 35,
      unchanged: 20,
      inserted: 15,
      rejected: 0,
      batchesCommitted: 4,
    });
    expect((await written()) - before).toBe(15);
  });

  it('parses files whatever the chunk boundaries (quotes, CRLF, multi-byte characters)', async () => {
    const content = `\uFEFF${HEADERS.PROFESSIONALS}\r\n${row('PROFESSIONALS', {
      am_number: '211000097',
      rpps: '10000000097',
      last_name: 'Ébène "dit" Œuf',
      address_line: '2 rue du Port;\r\nappartement 3',
    })}\r\n`;
    const result = await importCsv(t.db, 'PROFESSIONALS', content, { chunkSize: 1 });
    expect(counts(result)).toMatchObject({ read: 1, inserted: 1, rejected: 0 });
    expect(await t.db.getRepository(Professional).findOneByOrFail({ amNumber: '211000097' })).toMatchObject({
      lastName: 'Ébène "dit" Œuf',
      addressLine: '2 rue du Port;\r\nappartement 3',
      searchName: 'EBENE DIT OEUF PAUL',
    });
  });
});
