/**
 * Deterministic synthetic dataset: caisses, software catalogue, campaigns from the référentiel,
 * professionals with their declarations evaluated by the real rules, justificatifs in every state with
 * real documents, payments, contacts and the demo agents. Rows are generated per batch of professionals
 * (never the whole population in memory) and written in multi-row INSERTs, one transaction per batch;
 * on MySQL a few batches are written at once while the next one is generated.
 */
import argon2 from 'argon2';
import type { DataSource, EntityManager } from 'typeorm';
import { Agent } from '../agents/agent.entity';
import { Campaign } from '../campaigns/campaign.entity';
import { Indicator } from '../campaigns/indicator.entity';
import { importReferentiel } from '../campaigns/referentiel.service';
import { loadReferentielDirectory } from '../campaigns/referentiel/load';
import { loadTemplateDirectory } from '../communications/templates';
import type { IndicatorValueData } from '../campaigns/rules/types';
import type { AgentRole } from '../common/enums';
import { ContactLog } from '../contacts/contact-log.entity';
import { bulkInsert } from '../db/bulk';
import { Declaration, DeclarationTransmission, IndicatorValue } from '../declarations/declaration.entity';
import { referentielOf } from '../declarations/evaluation-inputs';
import type { FileStorage } from '../files/storage';
import { StoredFile } from '../files/stored-file.entity';
import { Justificatif, JustificatifHistory } from '../justificatifs/justificatif.entity';
import { Precheck } from '../precheck/precheck.entity';
import { Payment } from '../payments/payment.entity';
import { Caisse } from '../professionals/caisse.entity';
import { Professional } from '../professionals/professional.entity';
import { Software, SoftwarePublisher } from '../software/software.entity';
import { demoDocuments, personalDocuments, type DemoDocument, type PieceDocuments } from './documents';
import {
  batchRowCount,
  demoCampaignStatuses,
  generateBatch,
  type BatchRows,
  type GenerationContext,
  type SeedCampaign,
} from './generate';
import { Prng } from './prng';
import { DEMO_CAISSES, PUBLISHER_ALIASES, SOFTWARE_CATALOGUE, nationalCaisses } from './reference-data';
import { SCENARIOS, type Scenario } from './scenarios';
import type { CatalogueEntry } from './values';

export const DEMO_PASSWORD = 'Demo-mcbo-2026!';
export const DEMO_PROFESSIONALS = 1500;
/** Above this many professionals the dataset spreads over every caisse of France. */
export const NATIONAL_THRESHOLD = 5000;
const BATCH_PROFESSIONALS = 500;

export interface SeedOptions {
  professionals: number;
  seed?: number;
  /** The day the data is loaded: campaign statuses and recent dates are relative to it. */
  today?: Date;
  log?: (message: string) => void;
}

export interface SeedResult {
  professionals: number;
  rows: number;
  seconds: number;
}

export interface DemoAccount {
  email: string;
  role: AgentRole;
  caisseCode: string;
  nationalScope: boolean;
  displayName: string;
}

const AGENT_NAMES: Record<string, string> = {
  'CONSEILLER:211': 'Sophie Garnier',
  'DAM:211': 'Julien Moreau',
  'SUPERVISEUR:211': 'Isabelle Fontaine',
  'ADMIN:211': 'Marc Lebrun',
  'CONSEILLER:751': 'Nadia Benali',
  'DAM:751': 'Thomas Nguyen',
  'SUPERVISEUR:751': 'Claire Dubreuil',
  'ADMIN:751': 'Paul Renard',
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  ...(['211', '751'] as const).flatMap((caisseCode) =>
    (['CONSEILLER', 'DAM', 'SUPERVISEUR', 'ADMIN'] as const).map((role) => ({
      email: `${role.toLowerCase()}.${caisseCode}@demo.mcbo.fr`,
      role,
      caisseCode,
      nationalScope: false,
      displayName: AGENT_NAMES[`${role}:${caisseCode}`]!,
    })),
  ),
  {
    email: 'superviseur.national@demo.mcbo.fr',
    role: 'SUPERVISEUR',
    caisseCode: '751',
    nationalScope: true,
    displayName: 'Hélène Marchal',
  },
];

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export async function seedDatabase(db: DataSource, storage: FileStorage, options: SeedOptions): Promise<SeedResult> {
  const prng = new Prng(options.seed ?? 42);
  const today = options.today ?? new Date();
  const log = options.log ?? (() => {});
  const started = Date.now();
  const national = options.professionals > NATIONAL_THRESHOLD;
  const caisses = national ? nationalCaisses() : DEMO_CAISSES;

  await db.transaction(async (em) => {
    await ensureCaisses(em, caisses);
    await ensureCatalogue(em);
    const referentiel = loadReferentielDirectory();
    loadTemplateDirectory(referentiel); // a campaign's messages are checked with it: a bad template stops the load
    for (const file of referentiel) await importReferentiel(em, file, isoDay(today));
  });
  const campaigns = await settleCampaignStatuses(db);
  const catalogue = await loadCatalogue(db);
  const agents = await ensureAgents(db, log);
  const ids = {
    professional: await nextId(db, 'professional'),
    declaration: await nextId(db, 'declaration'),
    transmission: await nextId(db, 'declaration_transmission'),
    value: await nextId(db, 'indicator_value'),
    justificatif: await nextId(db, 'justificatif'),
  };
  // The showcase professionals open an empty database (professional #1 of caisse 211 is always the same).
  const scenarios = ids.professional === 1 ? SCENARIOS.slice(0, options.professionals) : [];
  const library = await demoDocuments();
  const personal = await scenarioDocuments(scenarios, campaigns, catalogue, library.shared);
  await storeDocuments(db, storage, [...library.all, ...personal.documents]);
  log(
    `référentiel : ${campaigns.length} campagnes (${campaigns.map((c) => `${c.key} ${c.status}`).join(', ')}) ; ` +
      `${caisses.length} caisses ; ${catalogue.length} logiciels`,
  );

  // The demo's pending pieces are the ones a conseiller opens: each shows its own holder and software.
  const sharedDocuments = new Set(library.all.map((d) => d.id));
  const pieceNumbers = {
    next: 1001,
    prng: new Prng((options.seed ?? 42) + 1),
    yearOf: new Map(campaigns.map((c) => [c.id, c.referenceYear])),
  };

  const ctx: GenerationContext = {
    caisses,
    national,
    campaigns,
    catalogue,
    agents,
    documents: library.shared,
    personalDocuments: personal.byKey,
    today,
    ids,
  };
  // SQLite has one connection: batches are written one after the other. MySQL takes a few at once.
  const mysql = db.options.type !== 'better-sqlite3';
  // MySQL: one batch is written while the next is generated. SQLite has one connection: one at a time,
  // with a larger page cache and no fsync per commit for the duration of the load (restored after).
  const parallel = mysql ? 2 : 1;
  if (!mysql) await db.query('PRAGMA cache_size = -262144');
  if (!mysql) await db.query('PRAGMA synchronous = OFF');
  const inFlight: Promise<void>[] = [];
  let failure: unknown = null;
  let written = 0;
  let rows = 0;
  let lastReport = Date.now();
  let reported = -1;
  const report = (force: boolean) => {
    const now = Date.now();
    if ((!force && now - lastReport < 2000) || reported === written) return;
    lastReport = now;
    reported = written;
    const seconds = (now - started) / 1000;
    const perSecond = written / seconds;
    const eta = Math.round((options.professionals - written) / Math.max(perSecond, 1));
    log(
      `${written}/${options.professionals} professionnels, ${rows} lignes — ` +
        `${Math.round(perSecond)} professionnels/s, ${Math.round(rows / seconds)} lignes/s, reste ≈ ${eta} s`,
    );
  };

  try {
    for (let offset = 0; offset < options.professionals && !failure; offset += BATCH_PROFESSIONALS) {
      const count = Math.min(BATCH_PROFESSIONALS, options.professionals - offset);
      const batch = generateBatch(prng, count, ctx, offset === 0 ? scenarios : []);
      if (!national) await personalisePendingPieces(db, storage, batch, sharedDocuments, pieceNumbers);
      const write = db
        .transaction((em) => writeBatch(em, batch, mysql))
        .then(() => {
          written += count;
          rows += batchRowCount(batch);
          report(false);
        })
        .catch((error: unknown) => {
          failure ??= error;
        });
      inFlight.push(write);
      if (inFlight.length >= parallel) await inFlight.shift();
    }
  } finally {
    await Promise.all(inFlight);
    if (!mysql) await db.query('PRAGMA synchronous = NORMAL');
    if (!mysql) await db.query('PRAGMA cache_size = -2000');
  }
  if (failure) throw failure;
  report(true);
  return { professionals: written, rows, seconds: (Date.now() - started) / 1000 };
}

async function writeBatch(em: EntityManager, batch: BatchRows, mysql: boolean) {
  // Ids are generated unique: InnoDB may defer the unique-index checks of this bulk load.
  if (mysql) await em.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');
  try {
    await bulkInsert(em, Professional, batch.professionals);
    await bulkInsert(em, Declaration, batch.declarations);
    await bulkInsert(em, DeclarationTransmission, batch.transmissions);
    await bulkInsert(em, IndicatorValue, batch.values);
    await bulkInsert(em, Justificatif, batch.justificatifs);
    await bulkInsert(em, JustificatifHistory, batch.history);
    // Pieces still to check are pre-checked by the server's background loop, as at a receipt.
    await bulkInsert(
      em,
      Precheck,
      batch.justificatifs
        .filter((j) => j.status === 'RECEIVED' && j.fileId)
        .map((j) => ({ justificatifId: j.id, fileId: j.fileId, status: 'PENDING' as const, attempts: 0 })),
    );
    await bulkInsert(em, Payment, batch.payments);
    await bulkInsert(em, ContactLog, batch.contacts);
  } finally {
    if (mysql) await em.query('SET SESSION unique_checks = 1, foreign_key_checks = 1');
  }
}

async function nextId(db: DataSource, table: string): Promise<number> {
  const rows: { m: number | string | null }[] = await db.query(`SELECT MAX(id) AS m FROM ${table}`);
  return Number(rows[0]?.m ?? 0) + 1;
}

async function ensureCaisses(em: EntityManager, caisses: { code: string; name: string; departement: string }[]) {
  const existing = new Set((await em.getRepository(Caisse).find()).map((c) => c.code));
  const missing = caisses.filter((c) => !existing.has(c.code));
  if (missing.length > 0) {
    await em.getRepository(Caisse).insert(missing.map(({ code, name, departement }) => ({ code, name, departement })));
  }
}

/** Publishers and software of the seed catalogue that are not in the database yet. */
async function ensureCatalogue(em: EntityManager) {
  const publishers = em.getRepository(SoftwarePublisher);
  const software = em.getRepository(Software);
  const publisherIds = new Map((await publishers.find()).map((p) => [p.name, p.id]));
  const known = new Set((await software.find()).map((s) => `${s.publisherId}|${s.name}|${s.version}`));
  for (const entry of SOFTWARE_CATALOGUE) {
    let publisherId = publisherIds.get(entry.publisher);
    if (publisherId === undefined) {
      publisherId = (
        await publishers.save({ name: entry.publisher, aliases: PUBLISHER_ALIASES[entry.publisher] ?? null })
      ).id;
      publisherIds.set(entry.publisher, publisherId);
    }
    for (const version of entry.versions) {
      if (known.has(`${publisherId}|${entry.name}|${version}`)) continue;
      await software.insert({
        publisherId,
        name: entry.name,
        version,
        dmpCompatible: entry.dmpCompatible,
        lapCertified: entry.lapCertified,
        aliases: entry.aliases ?? null,
      });
    }
  }
}

async function settleCampaignStatuses(db: DataSource): Promise<SeedCampaign[]> {
  const campaigns = await db.getRepository(Campaign).find({ order: { referenceYear: 'ASC', scheme: 'ASC' } });
  const indicators = await db.getRepository(Indicator).find({ order: { displayOrder: 'ASC', id: 'ASC' } });
  const statuses = demoCampaignStatuses(
    campaigns.map((c) => ({
      ...c,
      asksDocuments: indicators.some((i) => i.campaignId === c.id && i.justificatifPolicy === 'DOCUMENT'),
    })),
  );
  for (const campaign of campaigns) {
    const status = statuses.get(campaign.id)!;
    if (status === campaign.status) continue;
    campaign.status = status;
    campaign.computedAt = new Date(`${campaign.referenceYear + 1}-05-15T00:00:00Z`);
    await db.getRepository(Campaign).update({ id: campaign.id }, { status, computedAt: campaign.computedAt });
  }
  return campaigns.map((campaign) => {
    const own = indicators.filter((i) => i.campaignId === campaign.id);
    return {
      id: campaign.id,
      key: `${campaign.scheme}-${campaign.referenceYear}`,
      scheme: campaign.scheme,
      referenceYear: campaign.referenceYear,
      status: campaign.status,
      professions: campaign.professions,
      closesOn: campaign.closesOn,
      paymentDate: campaign.paymentDate,
      conventions: campaign.conventions,
      indicators: own.map((i) => ({ id: i.id, code: i.code, definition: i.definition })),
      referentiel: referentielOf(campaign, own),
    };
  });
}

async function loadCatalogue(db: DataSource): Promise<CatalogueEntry[]> {
  const publishers = new Map((await db.getRepository(SoftwarePublisher).find()).map((p) => [p.id, p.name]));
  return (await db.getRepository(Software).find({ order: { id: 'ASC' } })).map((s) => ({
    softwareId: s.id,
    softwareName: s.name,
    version: s.version,
    publisherId: s.publisherId,
    publisherName: publishers.get(s.publisherId) ?? '',
    dmpCompatible: s.dmpCompatible,
    lapCertified: s.lapCertified,
    professions: SOFTWARE_CATALOGUE.find((c) => c.name === s.name)?.professions ?? [],
  }));
}

/** The demo accounts (one argon2id hash, computed once, for all of them); agent ids by `${role}:${caisse}`. */
async function ensureAgents(db: DataSource, log: (m: string) => void): Promise<Map<string, number>> {
  const repo = db.getRepository(Agent);
  const existing = new Set((await repo.find({ select: { email: true } })).map((a) => a.email));
  const missing = DEMO_ACCOUNTS.filter((a) => !existing.has(a.email));
  if (missing.length > 0) {
    const passwordHash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id });
    await repo.insert(missing.map((account) => ({ ...account, passwordHash, active: true })));
    log(`${missing.length} comptes de démonstration créés`);
  }
  const byKey = new Map<string, number>();
  for (const agent of await repo.find({ where: { nationalScope: false }, order: { id: 'ASC' } })) {
    if (!byKey.has(`${agent.role}:${agent.caisseCode}`)) byKey.set(`${agent.role}:${agent.caisseCode}`, agent.id);
  }
  return byKey;
}

/**
 * Invoices in the showcase professionals' own names, one per software their pieces are about, keyed
 * `${scenario}|${software}|${version}`. A first piece rejected for the missing « DMP compatible » mention
 * is their own invoice without it; other flaws use the shared documents.
 */
async function scenarioDocuments(
  scenarios: Scenario[],
  campaigns: SeedCampaign[],
  catalogue: CatalogueEntry[],
  shared: PieceDocuments,
): Promise<{ byKey: Map<string, PieceDocuments>; documents: DemoDocument[] }> {
  const byKey = new Map<string, PieceDocuments>();
  const documents: DemoDocument[] = [];
  let number = 301;
  for (const scenario of scenarios) {
    for (const [campaignKey, script] of Object.entries(scenario.campaigns)) {
      if (!script.software || script.pieces === 'NONE') continue;
      const [name, version] = script.software;
      const entry = catalogue.find((s) => s.softwareName === name && s.version === version);
      const campaign = campaigns.find((c) => c.key === campaignKey);
      if (!entry || !campaign) continue;
      const { valid, flawed } = await personalDocuments(holderName(scenario), entry, campaign.referenceYear, number++);
      documents.push(valid, flawed);
      byKey.set(`${scenario.key}|${name}|${version}`, {
        valid,
        flawed: (reason) => (reason === 'DMP_MENTION_MISSING' ? flawed : shared.flawed(reason)),
      });
    }
  }
  return { byKey, documents };
}

const holderName = (p: { firstName?: string | null; lastName?: string | null; profession?: string | null }) =>
  `${p.profession?.startsWith('MEDECIN') || p.profession === 'CHIRURGIEN_DENTISTE' ? 'Dr ' : ''}${p.firstName} ${p.lastName}`;

/**
 * Gives each RECEIVED piece of a batch that carries a shared document (the national population shares a
 * handful) an invoice in its holder's name for the software they declared — three in four compliant,
 * one in four without the « DMP compatible » mention, for the conseiller to reject. Decided pieces keep
 * the shared documents: nobody reviews them again.
 */
async function personalisePendingPieces(
  db: DataSource,
  storage: FileStorage,
  batch: BatchRows,
  shared: Set<string>,
  numbers: { next: number; prng: Prng; yearOf: Map<number, number> },
) {
  const professionals = new Map(batch.professionals.map((p) => [p.id, p]));
  const software = new Map<string, Extract<IndicatorValueData, { type: 'SOFTWARE' }>>();
  for (const v of batch.values) {
    if (v.value?.type === 'SOFTWARE') software.set(`${v.professionalId}|${v.campaignId}|${v.indicatorId}`, v.value);
  }
  const documents: DemoDocument[] = [];
  for (const piece of batch.justificatifs) {
    if (piece.status !== 'RECEIVED' || !piece.fileId || !shared.has(piece.fileId)) continue;
    const declared = software.get(`${piece.professionalId}|${piece.campaignId}|${piece.indicatorId}`);
    const holder = professionals.get(piece.professionalId!);
    if (!declared || !holder) continue;
    const year = numbers.yearOf.get(piece.campaignId!)!;
    const { valid, flawed } = await personalDocuments(holderName(holder), declared, year, numbers.next++);
    const document = numbers.prng.int(1, 4) === 4 ? flawed : valid;
    documents.push(document);
    piece.fileId = document.id;
  }
  await storeDocuments(db, storage, documents);
}

async function storeDocuments(db: DataSource, storage: FileStorage, documents: DemoDocument[]) {
  const repo = db.getRepository(StoredFile);
  for (const document of new Map(documents.map((d) => [d.id, d])).values()) {
    await storage.put(document.id, document.bytes);
    if (await repo.existsBy({ id: document.id })) continue;
    await repo.insert({
      id: document.id,
      contentType: document.contentType,
      sizeBytes: document.bytes.length,
      originalName: document.originalName,
      uploadedByAgentId: null,
    });
  }
}
