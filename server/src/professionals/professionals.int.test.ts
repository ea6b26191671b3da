import type { Campaign } from '../campaigns/campaign.entity';
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

const SEARCH = `query S($filter: ProfessionalFilter, $first: Int, $after: String) {
  professionals(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id lastName firstName amNumber rpps caisseCode }
  }
}`;

/** The console's professional file, nested as deep as it goes. */
const FILE_PAGE = `query F($first: Int) {
  professionals(filter: { caisseCode: "211" }, first: $first) {
    nodes {
      id lastName caisse { name }
      campaigns { referenceYear scheme }
      declaration(campaignYear: 2024, scheme: FAMI) {
        status
        indicators {
          indicator { code label checklist { code } }
          value { display } source atteinte { status reason } validatedMention
          justificatifRequired { required reason }
          justificatifs { id status history { action agent { displayName } } }
        }
        remuneration { totalCents lines { label amountCents reason } }
        transmissions { channel }
      }
      payments { amountCents campaign { label } }
      contacts { subject agent { displayName } }
    }
  }
}`;

describe('professionals', () => {
  let t: TestApp;
  let token: string;
  let campaign: Campaign;
  const dentists: Professional[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.db.manager;
    await createCaisses(em);
    campaign = await createCampaign(em, 'fami-2024.json', 'CLOSED');
    const software = await createSoftware(em, 'Éditions Santé', 'Dentalia', '4.2');
    // One transaction for the 101 files: one commit instead of hundreds on a loaded machine.
    await t.db.transaction(async (tx) => {
      for (let i = 0; i < 101; i += 1) {
        const p = await createProfessional(tx, {
          profession: 'CHIRURGIEN_DENTISTE',
          caisseCode: '211',
          lastName: i === 0 ? 'Lefèvre' : `Martin${String(i).padStart(3, '0')}`,
          firstName: i === 0 ? 'Éloïse' : 'Paul',
        });
        await declare(tx, p, campaign, { LOG_DMP: { data: softwareValue(software), source: 'DECLARED' } });
        if (i % 3 === 0) await receivedJustificatif(tx, p, campaign, 'LOG_DMP');
        dentists.push(p);
      }
    });
    await createProfessional(em, {
      profession: 'INFIRMIER',
      caisseCode: '751',
      lastName: 'Lefebvre',
      firstName: 'Anne',
    });
    const dam = await t.createAgent({ role: 'DAM', caisseCode: '211' });
    token = await t.login(dam.email);
  });
  afterAll(async () => t.stop());

  it('finds by name prefix regardless of accents and case', async () => {
    const result = await t.gql<{ professionals: Loose }>(SEARCH, { filter: { query: 'lefevre' } }, token);
    expect(result.data?.professionals.nodes.map((n: Loose) => n.lastName)).toEqual(['Lefèvre']);
  });

  it('finds exactly one professional by RPPS and by N° AM', async () => {
    const target = dentists[5]!;
    for (const query of [target.rpps!, target.amNumber]) {
      const result = await t.gql<{ professionals: Loose }>(SEARCH, { filter: { query } }, token);
      expect(result.data?.professionals.nodes.map((n: Loose) => n.id)).toEqual([String(target.id)]);
    }
  });

  it('answers a malformed identifier with BAD_USER_INPUT', async () => {
    const result = await t.gql(SEARCH, { filter: { query: '12345' } }, token);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
  });

  it('never shows another caisse: search, totals and the file read as unknown', async () => {
    const byName = await t.gql<{ professionals: Loose }>(SEARCH, { filter: { query: 'Lefebvre' } }, token);
    expect(byName.data?.professionals).toMatchObject({ totalCount: 0, nodes: [] });
    const asked = await t.gql<{ professionals: Loose }>(SEARCH, { filter: { caisseCode: '751' } }, token);
    expect(asked.data?.professionals.totalCount).toBe(0);
    const paris = await t.db.query("SELECT id FROM professional WHERE caisse_code = '751'");
    const file = await t.gql(`query { professional(id: "${paris[0].id}") { id } }`, {}, token);
    expect(file.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('pages with cursors over every row exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const result: Loose = await t.gql(SEARCH, { filter: { caisseCode: '211' }, first: 40, after }, token);
      seen.push(...result.data.professionals.nodes.map((n: Loose) => n.id));
      expect(result.data.professionals.totalCount).toBe(101);
      if (!result.data.professionals.pageInfo.hasNextPage) break;
      after = result.data.professionals.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(101);
    expect(new Set(seen).size).toBe(101);
  });

  it.each([
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ after: 'not-a-cursor' }, 'after'],
  ])('rejects bad paging %j', async (variables, field) => {
    const result = await t.gql(SEARCH, { filter: {}, ...variables }, token);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('filters by campaign: a justificatif to process', async () => {
    const result = await t.gql<{ professionals: Loose }>(
      SEARCH,
      { filter: { campaignYear: 2024, scheme: 'FAMI', hasJustificatifToProcess: true }, first: 100 },
      token,
    );
    expect(result.data?.professionals.totalCount).toBe(34);
  });

  it('answers an unknown campaign with NOT_FOUND', async () => {
    const result = await t.gql(
      SEARCH,
      { filter: { campaignYear: 2031, scheme: 'FAMI', declarationStatus: 'TRANSMITTED' } },
      token,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('costs the same number of SQL statements for 100 professional files as for 1 (no N+1)', async () => {
    const one = await t.gql<{ professionals: Loose }>(FILE_PAGE, { first: 1 }, token);
    const hundred = await t.gql<{ professionals: Loose }>(FILE_PAGE, { first: 100 }, token);
    expect(one.errors).toBeUndefined();
    expect(hundred.errors).toBeUndefined();
    expect(hundred.data?.professionals.nodes).toHaveLength(100);
    const withJustificatifs = hundred.data?.professionals.nodes.filter((n: Loose) =>
      n.declaration.indicators.some((i: Loose) => i.justificatifs.length > 0),
    );
    expect(withJustificatifs.length).toBeGreaterThan(30);
    expect(one.sqlStatements).toBeGreaterThan(0);
    expect(hundred.sqlStatements).toBe(one.sqlStatements);
  });

  it('explains each indicator and the rémunération of a declaration', async () => {
    const result = await t.gql<{ professional: Loose }>(
      `query { professional(id: "${dentists[1]!.id}") { declaration(campaignYear: 2024, scheme: FAMI) {
        indicators { indicator { code } atteinte { status reason } justificatifRequired { required reason } value { display } source }
        remuneration { totalCents complete lines { label amountCents reason } } } } }`,
      {},
      token,
    );
    const declaration = result.data?.professional.declaration;
    const logDmp = declaration.indicators.find((i: Loose) => i.indicator.code === 'LOG_DMP');
    expect(logDmp).toMatchObject({ source: 'DECLARED', justificatifRequired: { required: true } });
    expect(logDmp.atteinte.status).toBe('PENDING_JUSTIFICATIF');
    expect(logDmp.atteinte.reason.length).toBeGreaterThan(5);
    expect(declaration.remuneration.lines.length).toBeGreaterThan(0);
    expect(declaration.remuneration.totalCents).toBe(0);
  });
});
