/**
 * Référentiel administration through the API: the catalogue read by every agent, edits by a national
 * administrator only (typed refusals for unknown, duplicate, stale), the re-evaluation of open
 * campaigns' declarations an edit affects, and a computed campaign keeping its snapshot.
 */
import { AuditEvent } from '../audit/audit-event.entity';
import { Campaign } from '../campaigns/campaign.entity';
import { Declaration, IndicatorValue } from '../declarations/declaration.entity';
import { startTestApp, type Loose, type TestApp } from '../test-support/test-app';
import {
  createCaisses,
  createCampaign,
  createProfessional,
  createSoftware,
  declare,
  softwareValue,
} from '../test-support/world';
import { ReferentielChange, Software } from './software.entity';

const UPSERT = `mutation U($input: SoftwareInput!) { upsertSoftware(input: $input) {
  __typename
  ... on SoftwareSaved { reevaluated summary software { id name version revision dmpCompatible dmpCompatibleSince lapCertified updatedBy publisher { name } } }
  ... on ReferentielRefused { code message }
} }`;
const LAP = `mutation L($v: Int!, $s: [String!]!) { setLapExemptions(year: 2021, scheme: FORFAIT_STRUCTURE, expectedVersion: $v, specialties: $s) {
  __typename
  ... on LapExemptionsSaved { specialties campaignVersion reevaluated summary }
  ... on ReferentielRefused { code message }
} }`;

describe('référentiel administration', () => {
  let t: TestApp;
  let admin: string;
  let conseiller: string;
  let localAdmin: string;
  let softwareId: number;
  let openDeclarationId: number;
  let computedDeclarationId: number;

  const lapDeclarationIds = new Map<string, number>();
  const lapAchievement = async (key: string) =>
    (await t.db.getRepository(IndicatorValue).findBy({ declarationId: lapDeclarationIds.get(key)! }))[0]?.achievement;

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.db.manager;
    await createCaisses(em);
    const open = await createCampaign(em, 'fami-2024.json', 'OPEN');
    const computed = await createCampaign(em, 'fami-2023.json', 'COMPUTED');
    await createCampaign(em, 'forfait-structure-2021.json', 'CLOSED');
    const found = await createSoftware(em, 'Éditions Santé', 'Dentalia', '4.2');
    softwareId = found.software.id;
    await createSoftware(em, 'Logidoc', 'MédiPlus', '2.0');
    const dentist = await createProfessional(em, { profession: 'CHIRURGIEN_DENTISTE', caisseCode: '211' });
    const value = { data: softwareValue(found), source: 'DECLARED' as const };
    openDeclarationId = (await declare(em, dentist, open, { LOG_DMP: value })).id;
    computedDeclarationId = (await declare(em, dentist, computed, { LOG_DMP: value })).id;
    const noLap = await createSoftware(em, 'Cardiosoft', 'Cardio', '1.0');
    await em.getRepository(Software).update({ id: noLap.software.id }, { lapCertified: false });
    noLap.software.lapCertified = false;
    const forfait = await em
      .getRepository(Campaign)
      .findOneByOrFail({ referenceYear: 2021, scheme: 'FORFAIT_STRUCTURE' });
    // Without a code the label names the specialty; with one (Annuaire Santé), the code does.
    const doctors: [string, string | null][] = [
      ['cardiologie', null],
      ['dermatologie', null],
      ['anesthésie-réanimation', 'SM04'],
      ['cardiologie', 'SM05'],
    ];
    for (const [specialty, specialtyCode] of doctors) {
      const doctor = await createProfessional(em, {
        profession: 'MEDECIN_SPECIALISTE',
        caisseCode: '211',
        specialty,
        specialtyCode,
      });
      const declaration = await declare(em, doctor, forfait, {
        LOG_LAP_DMP: { data: softwareValue(noLap), source: 'DECLARED' },
      });
      lapDeclarationIds.set(specialtyCode ?? specialty, declaration.id);
    }
    // Imported from the Annuaire Santé: a code, which the exemption list names (not the label).
    const coded = await createProfessional(em, {
      profession: 'MEDECIN_SPECIALISTE',
      caisseCode: '211',
      specialty: 'cardiologie',
      specialtyCode: 'SM04',
    });
    await declare(em, coded, forfait, { LOG_LAP_DMP: { data: softwareValue(noLap), source: 'DECLARED' } });
    admin = await t.login((await t.createAgent({ role: 'ADMIN', caisseCode: '751', nationalScope: true })).email);
    localAdmin = await t.login((await t.createAgent({ role: 'ADMIN', caisseCode: '211' })).email);
    conseiller = await t.login((await t.createAgent({ role: 'CONSEILLER', caisseCode: '211' })).email);
  });
  afterAll(async () => t.stop());

  it('every agent reads the catalogue, searched by software or publisher, page by page', async () => {
    const all = await t.gql<Loose>(
      `{ softwareCatalogue(first: 1) { totalCount nodes { name } pageInfo { hasNextPage endCursor } } }`,
      {},
      conseiller,
    );
    expect(all.data!.softwareCatalogue).toMatchObject({
      totalCount: 3,
      nodes: [{ name: 'Dentalia' }],
      pageInfo: { hasNextPage: true },
    });
    const next = await t.gql<Loose>(
      `query N($after: String) { softwareCatalogue(first: 1, after: $after) { nodes { name } pageInfo { hasNextPage } } }`,
      { after: all.data!.softwareCatalogue.pageInfo.endCursor },
      conseiller,
    );
    expect(next.data!.softwareCatalogue).toMatchObject({
      nodes: [{ name: 'MédiPlus' }],
      pageInfo: { hasNextPage: true },
    });
    const byPublisher = await t.gql<Loose>(
      `{ softwareCatalogue(search: "logidoc") { totalCount nodes { name publisher { name } } } }`,
      {},
      conseiller,
    );
    expect(byPublisher.data!.softwareCatalogue.nodes).toEqual([{ name: 'MédiPlus', publisher: { name: 'Logidoc' } }]);
    const none = await t.gql<Loose>(`{ softwareCatalogue(search: "100%_") { totalCount } }`, {}, conseiller);
    expect(none.data!.softwareCatalogue.totalCount).toBe(0);
  });

  it('only a national administrator edits; refusals are typed and change nothing', async () => {
    const input = {
      publisherName: 'Éditions Santé',
      name: 'Dentalia',
      version: '5.0',
      dmpCompatible: true,
      lapCertified: true,
    };
    for (const token of [conseiller, localAdmin]) {
      expect((await t.gql(UPSERT, { input }, token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const unknown = await t.gql<Loose>(UPSERT, { input: { ...input, id: '999', expectedRevision: 1 } }, admin);
    expect(unknown.data!.upsertSoftware).toMatchObject({ __typename: 'ReferentielRefused', code: 'UNKNOWN_SOFTWARE' });
    const duplicate = await t.gql<Loose>(UPSERT, { input: { ...input, version: '4.2' } }, admin);
    expect(duplicate.data!.upsertSoftware.code).toBe('DUPLICATE_SOFTWARE');
    const renamed = await t.gql<Loose>(
      UPSERT,
      { input: { ...input, id: String(softwareId), expectedRevision: 1 } },
      admin,
    );
    expect(renamed.data!.upsertSoftware.code).toBe('IDENTITY_IS_FIXED');
    const blank = await t.gql<Loose>(UPSERT, { input: { ...input, name: '  ' } }, admin);
    expect(blank.data!.upsertSoftware).toEqual({
      __typename: 'ReferentielRefused',
      code: 'INVALID_INPUT',
      message: 'Le nom du logiciel est obligatoire.',
    });
    expect(await t.db.getRepository(ReferentielChange).count()).toBe(0);
  });

  it('adds a new version, versioned with its author', async () => {
    const input = {
      publisherName: 'Éditions Santé',
      name: 'Dentalia',
      version: '5.0',
      dmpCompatible: true,
      dmpCompatibleSince: '2024-03-01',
      lapCertified: false,
    };
    const result = await t.gql<Loose>(UPSERT, { input }, admin);
    expect(result.data!.upsertSoftware).toMatchObject({
      __typename: 'SoftwareSaved',
      reevaluated: 0,
      software: {
        version: '5.0',
        revision: 1,
        dmpCompatibleSince: '2024-03-01',
        updatedBy: 'Agent ADMIN 751',
        publisher: { name: 'Éditions Santé' },
      },
    });
  });

  it('marking an entry not DMP-compatible re-evaluates the open campaign only; the computed one keeps its values', async () => {
    const before = await t.db.getRepository(Declaration).findOneByOrFail({ id: computedDeclarationId });
    const result = await t.gql<Loose>(
      UPSERT,
      {
        input: {
          id: String(softwareId),
          expectedRevision: 1,
          publisherName: 'Éditions Santé',
          name: 'Dentalia',
          version: '4.2',
          dmpCompatible: false,
          lapCertified: true,
        },
      },
      admin,
    );
    expect(result.data!.upsertSoftware).toMatchObject({
      reevaluated: 1,
      software: { revision: 2, dmpCompatible: false },
    });
    expect(result.data!.upsertSoftware.summary).toBe(
      '1 déclaration de campagnes ouvertes réévaluée ; les campagnes calculées gardent leur calcul.',
    );
    const openValue = (await t.db.getRepository(IndicatorValue).findBy({ declarationId: openDeclarationId })).find(
      (v) => v.value?.type === 'SOFTWARE',
    )!;
    expect(openValue).toMatchObject({
      achievement: 'NOT_ACHIEVED',
      achievementReason: 'Logiciel Dentalia 4.2 (Éditions Santé) non compatible DMP',
    });
    const computedValue = (
      await t.db.getRepository(IndicatorValue).findBy({ declarationId: computedDeclarationId })
    ).find((v) => v.value?.type === 'SOFTWARE')!;
    expect(computedValue.value).toMatchObject({ dmpCompatible: true });
    expect(await t.db.getRepository(Declaration).findOneByOrFail({ id: computedDeclarationId })).toEqual(before);

    const stale = await t.gql<Loose>(
      UPSERT,
      {
        input: {
          id: String(softwareId),
          expectedRevision: 1,
          publisherName: 'Éditions Santé',
          name: 'Dentalia',
          version: '4.2',
          dmpCompatible: true,
          lapCertified: true,
        },
      },
      admin,
    );
    expect(stale.data!.upsertSoftware.code).toBe('STALE_VERSION');
    const history = await t.db
      .getRepository(ReferentielChange)
      .find({ where: { kind: 'SOFTWARE', targetId: String(softwareId) } });
    expect(history).toMatchObject([
      { revision: 2, before: { dmpCompatible: true }, after: { dmpCompatible: false }, reevaluated: 1 },
    ]);
    expect(await t.db.getRepository(AuditEvent).countBy({ action: 'SOFTWARE_UPDATED' })).toBe(1);
  });

  it('sets the LAP exemptions and re-evaluates the specialties it changes', async () => {
    const campaign = await t.db
      .getRepository(Campaign)
      .findOneByOrFail({ referenceYear: 2021, scheme: 'FORFAIT_STRUCTURE' });
    expect(await lapAchievement('SM04')).toBe('NOT_ACHIEVED');
    const result = await t.gql<Loose>(LAP, { v: campaign.version, s: [' cardiologie', 'cardiologie', 'sm04'] }, admin);
    // The cardiologist without a code (by label) and the two SM04 (by code: the anesthésiste and the
    // cardiologist imported with SM04); not SM05, whose label is « cardiologie ».
    expect(result.data!.setLapExemptions).toMatchObject({
      specialties: ['cardiologie', 'SM04'],
      campaignVersion: campaign.version + 1,
      reevaluated: 3,
    });
    expect(await lapAchievement('SM04')).toBe('PENDING_JUSTIFICATIF');
    expect(await lapAchievement('cardiologie')).toBe('PENDING_JUSTIFICATIF');
    expect(await lapAchievement('SM05')).toBe('NOT_ACHIEVED');
    expect(await lapAchievement('dermatologie')).toBe('NOT_ACHIEVED');
    const read = await t.gql<Loose>(
      `{ campaign(year: 2021, scheme: FORFAIT_STRUCTURE) { lapExemptions version } }`,
      {},
      conseiller,
    );
    expect(read.data!.campaign).toEqual({ lapExemptions: ['cardiologie', 'SM04'], version: campaign.version + 1 });
    const stale = await t.gql<Loose>(LAP, { v: campaign.version, s: [] }, admin);
    expect(stale.data!.setLapExemptions.code).toBe('STALE_VERSION');
    const fami = await t.gql<Loose>(
      `mutation { setLapExemptions(year: 2023, scheme: FAMI, expectedVersion: 1, specialties: []) { ... on ReferentielRefused { code } } }`,
      {},
      admin,
    );
    expect(fami.data!.setLapExemptions.code).toBe('CAMPAIGN_COMPUTED');
    expect(await t.db.getRepository(AuditEvent).countBy({ action: 'LAP_EXEMPTIONS_SET' })).toBe(1);
  });

  it('matches the exemption on the Annuaire Santé code, and keeps the history of each edit', async () => {
    const campaign = await t.db
      .getRepository(Campaign)
      .findOneByOrFail({ referenceYear: 2021, scheme: 'FORFAIT_STRUCTURE' });
    const set = async (version: number, specialties: string[]) =>
      (await t.gql<Loose>(LAP, { v: version, s: specialties }, admin)).data!.setLapExemptions;
    const cleared = await set(campaign.version, []);
    // « cardiologie » names the cardiologist without a code only: the one imported with SM04 is named by his code.
    const byLabel = await set(cleared.campaignVersion, ['cardiologie']);
    expect(byLabel).toMatchObject({ specialties: ['cardiologie'], reevaluated: 1 });
    // « SM04 » concerns the two professionals with that code, whatever their label.
    const byCode = await set(byLabel.campaignVersion, ['cardiologie', 'SM04']);
    expect(byCode).toMatchObject({ specialties: ['cardiologie', 'SM04'], reevaluated: 2 });
    const history = await t.gql<Loose>(
      `query H($id: ID!) { referentielChanges(kind: LAP_EXEMPTIONS, targetId: $id) { revision author reevaluated summary } }`,
      { id: String(campaign.id) },
      conseiller,
    );
    expect(history.data!.referentielChanges.slice(0, 2)).toMatchObject([
      { reevaluated: 2, summary: 'Spécialité ajoutée : SM04' },
      { reevaluated: 1, summary: 'Spécialité ajoutée : cardiologie' },
    ]);
    expect(history.data!.referentielChanges[0].author).toEqual(expect.any(String));
  });

  it('records the messaging type of a catalogue entry', async () => {
    const added = await t.gql<Loose>(
      `mutation { upsertSoftware(input: { publisherName: "Apicrypt SA", name: "Apimail", version: "3", dmpCompatible: false, lapCertified: false, messagingType: APICRYPT_V2 }) {
        ... on SoftwareSaved { software { id messagingType revision } } ... on ReferentielRefused { code message } } }`,
      {},
      admin,
    );
    const software = added.data!.upsertSoftware.software;
    expect(software).toMatchObject({ messagingType: 'APICRYPT_V2', revision: 1 });
    const history = await t.gql<Loose>(
      `query H($id: ID!) { referentielChanges(kind: SOFTWARE, targetId: $id) { summary reevaluated } }`,
      { id: software.id },
      conseiller,
    );
    expect(history.data!.referentielChanges).toEqual([
      {
        summary: 'Ajout au catalogue (DMP : non ; LAP certifié : non ; messagerie : Apicrypt V2)',
        reevaluated: 0,
      },
    ]);
  });
});
