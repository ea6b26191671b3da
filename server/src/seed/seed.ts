/**
 * Deterministic synthetic dataset: caisses, software catalogue, campaigns from the référentiel,
 * professionals with their declarations evaluated by the real rules, justificatifs in every state with
 * real documents, payments, contacts and the demo agents. Rows are generated per batch of professionals
 * and written in multi-row INSERTs, one transaction per batch, so a national run stays in minutes.
 */
import argon2 from 'argon2';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { Agent } from '../agents/agent.entity';
import { Campaign } from '../campaigns/campaign.entity';
import { Indicator } from '../campaigns/indicator.entity';
import { importReferentiel } from '../campaigns/referentiel.service';
import { loadReferentielDirectory } from '../campaigns/referentiel/load';
import type { JustificatifData } from '../campaigns/rules/types';
import type { AgentRole, Profession, RejectionReason } from '../common/enums';
import { ContactLog } from '../contacts/contact-log.entity';
import { Declaration, DeclarationTransmission, IndicatorValue } from '../declarations/declaration.entity';
import { evaluateDeclaration } from '../declarations/evaluation';
import { referentielOf } from '../declarations/evaluation-inputs';
import type { FileStorage } from '../files/storage';
import { StoredFile } from '../files/stored-file.entity';
import { Justificatif, JustificatifHistory } from '../justificatifs/justificatif.entity';
import { Payment } from '../payments/payment.entity';
import { Caisse } from '../professionals/caisse.entity';
import { searchKey } from '../professionals/normalize';
import { Professional } from '../professionals/professional.entity';
import { Software, SoftwarePublisher } from '../software/software.entity';
import { demoDocuments, type DemoDocument } from './documents';
import { Prng } from './prng';
import {
  DEMO_CAISSES,
  FIRST_NAMES,
  LAST_NAMES,
  PARAMEDICAL,
  PROFESSION_WEIGHTS,
  SOFTWARE_CATALOGUE,
  SPECIALTIES,
  STREETS,
  nationalCaisses,
  type CaisseSeed,
} from './reference-data';
import { generateValue, type CatalogueEntry } from './values';

export const DEMO_PASSWORD = 'Demo-mcbo-2026!';
export const DEMO_PROFESSIONALS = 1500;
/** Above this many professionals the dataset spreads over every caisse of France. */
const NATIONAL_THRESHOLD = 5000;
const BATCH_PROFESSIONALS = 250;

export interface SeedOptions {
  professionals: number;
  seed?: number;
  today?: Date;
  log?: (message: string) => void;
}

export interface DemoAccount {
  email: string;
  role: AgentRole;
  caisseCode: string;
  nationalScope: boolean;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  ...(['211', '751'] as const).flatMap((caisseCode) =>
    (['CONSEILLER', 'DAM', 'SUPERVISEUR', 'ADMIN'] as const).map((role) => ({
      email: `${role.toLowerCase()}.${caisseCode}@demo.mcbo.fr`,
      role,
      caisseCode,
      nationalScope: false,
    })),
  ),
  { email: 'superviseur.national@demo.mcbo.fr', role: 'SUPERVISEUR', caisseCode: '751', nationalScope: true },
];

const ROLE_NAMES: Record<AgentRole, string> = {
  CONSEILLER: 'Conseillère',
  DAM: 'Délégué',
  SUPERVISEUR: 'Superviseure',
  ADMIN: 'Administrateur',
};

type Row<E> = Partial<E> & { id?: number | string };

/** Multi-row INSERTs sized under both dialects' placeholder limits. */
async function insertChunked<E extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<E>, rows: Row<E>[]) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).length;
  const size = Math.max(1, Math.min(1000, Math.floor(30000 / columns)));
  for (let i = 0; i < rows.length; i += size) {
    // updateEntity(false): no read-back of generated columns, which SQLite would do with one OR per row.
    await em
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + size) as never)
      .updateEntity(false)
      .execute();
  }
}

async function nextId(db: DataSource, table: string): Promise<number> {
  const rows: { m: number | string | null }[] = await db.query(`SELECT MAX(id) AS m FROM ${table}`);
  return Number(rows[0]?.m ?? 0) + 1;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const daysBefore = (d: Date, days: number) => new Date(d.getTime() - days * 86_400_000);

interface CampaignContext {
  campaign: Campaign;
  indicators: Indicator[];
  referentiel: ReturnType<typeof referentielOf>;
}

export async function seedDatabase(db: DataSource, storage: FileStorage, options: SeedOptions) {
  const prng = new Prng(options.seed ?? 42);
  const today = options.today ?? new Date();
  const log = options.log ?? (() => {});
  const started = Date.now();
  const caisses = options.professionals > NATIONAL_THRESHOLD ? nationalCaisses() : DEMO_CAISSES;

  // Reference data, once.
  await db.transaction(async (em) => {
    const existing = new Set((await em.getRepository(Caisse).find()).map((c) => c.code));
    await insertChunked(
      em,
      Caisse,
      caisses.filter((c) => !existing.has(c.code)).map(({ code, name, departement }) => ({ code, name, departement })),
    );
    if ((await em.getRepository(SoftwarePublisher).count()) === 0) {
      for (const publisherName of [...new Set(SOFTWARE_CATALOGUE.map(([p]) => p))]) {
        const publisher = await em.getRepository(SoftwarePublisher).save({ name: publisherName });
        for (const [p, name, versions, dmpCompatible, lapCertified] of SOFTWARE_CATALOGUE) {
          if (p !== publisherName) continue;
          for (const version of versions) {
            await em
              .getRepository(Software)
              .insert({ publisherId: publisher.id, name, version, dmpCompatible, lapCertified });
          }
        }
      }
    }
    for (const file of loadReferentielDirectory()) await importReferentiel(em, file, isoDay(today));
  });
  const campaigns = await settleCampaignStatuses(db);
  const catalogue = await loadCatalogue(db);
  const agents = await ensureAgents(db);
  const documents = await storeDocuments(db, storage);
  log(`référentiel : ${campaigns.length} campagnes ; catalogue : ${catalogue.length} logiciels`);

  const ids = {
    professional: await nextId(db, 'professional'),
    declaration: await nextId(db, 'declaration'),
    transmission: await nextId(db, 'declaration_transmission'),
    value: await nextId(db, 'indicator_value'),
    justificatif: await nextId(db, 'justificatif'),
  };
  let written = 0;
  for (let offset = 0; offset < options.professionals; offset += BATCH_PROFESSIONALS) {
    const count = Math.min(BATCH_PROFESSIONALS, options.professionals - offset);
    const batch = generateBatch(prng, count, { caisses, campaigns, catalogue, agents, documents, today, ids });
    await db.transaction(async (em) => {
      await insertChunked(em, Professional, batch.professionals);
      await insertChunked(em, Declaration, batch.declarations);
      await insertChunked(em, DeclarationTransmission, batch.transmissions);
      await insertChunked(em, IndicatorValue, batch.values);
      await insertChunked(em, Justificatif, batch.justificatifs);
      await insertChunked(em, JustificatifHistory, batch.history);
      await insertChunked(em, Payment, batch.payments);
      await insertChunked(em, ContactLog, batch.contacts);
    });
    written += count;
    const seconds = (Date.now() - started) / 1000;
    const rate = written / seconds;
    if (written === options.professionals || (offset / BATCH_PROFESSIONALS) % 20 === 19) {
      log(
        `${written}/${options.professionals} professionnels — ${Math.round(rate)}/s, reste ≈ ${Math.round((options.professionals - written) / rate)} s`,
      );
    }
  }
  return { professionals: written, seconds: (Date.now() - started) / 1000 };
}

/**
 * COMPUTED and PAID are set by operations, not by the calendar. The demo keeps the most recent
 * campaign of each scheme that asks for documents in instruction (CLOSED, queue live) and marks the
 * older ones paid.
 */
async function settleCampaignStatuses(db: DataSource): Promise<CampaignContext[]> {
  const campaigns = await db.getRepository(Campaign).find({ order: { referenceYear: 'ASC', scheme: 'ASC' } });
  const indicators = await db.getRepository(Indicator).find({ order: { displayOrder: 'ASC' } });
  const maxYear = Math.max(...campaigns.map((c) => c.referenceYear));
  const inInstruction = new Set<number>();
  for (const scheme of new Set(campaigns.map((c) => c.scheme))) {
    const latest = campaigns.filter((c) => c.scheme === scheme).at(-1)!;
    const asksDocuments = indicators.some((i) => i.campaignId === latest.id && i.justificatifPolicy === 'DOCUMENT');
    if (asksDocuments && latest.referenceYear >= maxYear - 3) inInstruction.add(latest.id);
  }
  for (const campaign of campaigns) {
    if (campaign.status !== 'CLOSED') continue;
    if (!inInstruction.has(campaign.id)) {
      campaign.status = 'PAID';
      campaign.computedAt = new Date(`${campaign.referenceYear + 1}-05-15T00:00:00Z`);
      await db.getRepository(Campaign).update({ id: campaign.id }, { status: 'PAID', computedAt: campaign.computedAt });
    }
  }
  return campaigns.map((campaign) => {
    const own = indicators.filter((i) => i.campaignId === campaign.id);
    return { campaign, indicators: own, referentiel: referentielOf(campaign, own) };
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
  }));
}

async function ensureAgents(db: DataSource): Promise<Map<string, number>> {
  const repo = db.getRepository(Agent);
  const hash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id });
  for (const account of DEMO_ACCOUNTS) {
    if (await repo.existsBy({ email: account.email })) continue;
    const label = account.nationalScope ? 'national' : account.caisseCode;
    await repo.insert({
      ...account,
      passwordHash: hash,
      displayName: `${ROLE_NAMES[account.role]} ${label}`,
      active: true,
    });
  }
  const byKey = new Map<string, number>();
  for (const agent of await repo.find())
    byKey.set(`${agent.role}:${agent.caisseCode}:${agent.nationalScope}`, agent.id);
  return byKey;
}

async function storeDocuments(db: DataSource, storage: FileStorage): Promise<DemoDocument[]> {
  const documents = await demoDocuments();
  for (const document of documents) {
    await storage.put(document.id, document.bytes);
    if (!(await db.getRepository(StoredFile).existsBy({ id: document.id }))) {
      await db.getRepository(StoredFile).insert({
        id: document.id,
        contentType: document.contentType,
        sizeBytes: document.bytes.length,
        originalName: document.originalName,
        uploadedByAgentId: null,
      });
    }
  }
  return documents;
}

interface BatchContext {
  caisses: CaisseSeed[];
  campaigns: CampaignContext[];
  catalogue: CatalogueEntry[];
  agents: Map<string, number>;
  documents: DemoDocument[];
  today: Date;
  ids: { professional: number; declaration: number; transmission: number; value: number; justificatif: number };
}

const REJECTIONS: RejectionReason[][] = [
  ['DMP_MENTION_MISSING'],
  ['NOT_NOMINATIVE', 'ACQUISITION_DATE_MISSING'],
  ['UNRELATED_TO_INDICATOR'],
  ['ILLEGIBLE'],
  ['PUBLISHER_DIFFERS_FROM_DECLARATION'],
];

function pickCaisse(prng: Prng, caisses: CaisseSeed[]): CaisseSeed {
  // The demo's 211 and 751 hold most professionals; national runs spread evenly.
  if (caisses.length <= DEMO_CAISSES.length && prng.chance(0.6)) return caisses[prng.chance(0.5) ? 0 : 1]!;
  return prng.pick(caisses);
}

function generateBatch(prng: Prng, count: number, ctx: BatchContext) {
  const out = {
    professionals: [] as Row<Professional>[],
    declarations: [] as Row<Declaration>[],
    transmissions: [] as Row<DeclarationTransmission>[],
    values: [] as Row<IndicatorValue>[],
    justificatifs: [] as Row<Justificatif>[],
    history: [] as Row<JustificatifHistory>[],
    payments: [] as Row<Payment>[],
    contacts: [] as Row<ContactLog>[],
  };
  for (let n = 0; n < count; n += 1) {
    const id = ctx.ids.professional++;
    const caisse = pickCaisse(prng, ctx.caisses);
    const profession = prng.weighted(PROFESSION_WEIGHTS);
    const [commune, postalCode] = prng.pick(caisse.communes);
    const lastName = prng.pick(LAST_NAMES);
    const firstName = prng.pick(FIRST_NAMES);
    const dept = caisse.departement.slice(0, 2);
    const installationYear = prng.chance(0.06) ? 2024 : prng.int(1990, 2023);
    const professional: Row<Professional> = {
      id,
      amNumber: `${dept}${String(id).padStart(7, '0')}`,
      rpps: String(10000000000 + id * 37),
      adeli: PARAMEDICAL.includes(profession)
        ? `${dept.replace(/[AB]/, '0')}${PARAMEDICAL.indexOf(profession) + 1}${String(id).padStart(6, '0')}`
        : null,
      lastName,
      firstName,
      searchName: searchKey(`${lastName} ${firstName}`),
      profession,
      specialty: profession === 'MEDECIN_SPECIALISTE' ? prng.pick(SPECIALTIES) : null,
      caisseCode: caisse.code,
      addressLine: `${prng.int(1, 120)} ${prng.pick(STREETS)}`,
      postalCode,
      commune,
      communeKey: searchKey(commune),
      installationDate: `${installationYear}-${String(prng.int(1, 12)).padStart(2, '0')}-01`,
      email: `${searchKey(firstName).toLowerCase()}.${searchKey(lastName).toLowerCase().replace(/ /g, '-')}.${id}@exemple-sante.fr`,
      phone: `0${prng.int(1, 5)}${String(prng.int(10000000, 99999999))}`,
      usesAmelipro: prng.chance(0.95),
    };
    out.professionals.push(professional);
    generateCampaigns(prng, professional as Professional & { profession: Profession }, installationYear, ctx, out);
  }
  return out;
}

function generateCampaigns(
  prng: Prng,
  professional: Professional,
  installationYear: number,
  ctx: BatchContext,
  out: ReturnType<typeof generateBatch>,
) {
  const justificatifs: JustificatifData[] = [];
  const firstYearByScheme = new Map<string, number>();
  let software = prng.pick(ctx.catalogue.filter((s) => s.dmpCompatible));
  const conseiller = ctx.agents.get(`CONSEILLER:${professional.caisseCode}:false`) ?? null;
  const dam = ctx.agents.get(`DAM:${professional.caisseCode}:false`) ?? null;

  for (const { campaign, indicators, referentiel } of ctx.campaigns) {
    if (!campaign.professions.includes(professional.profession)) continue;
    if (campaign.referenceYear < installationYear) continue;
    // Some professionals change software between campaigns: a version change, or a publisher change.
    if (prng.chance(0.12)) {
      const sameProduct = ctx.catalogue.filter(
        (s) => s.softwareName === software.softwareName && s.softwareId !== software.softwareId,
      );
      software = sameProduct.length && prng.chance(0.5) ? prng.pick(sameProduct) : prng.pick(ctx.catalogue);
    }
    const status = prng.weighted([
      ['TRANSMITTED', 85],
      ['STARTED', 7],
      ['NOT_STARTED', 8],
    ] as const);
    const declarationId = ctx.ids.declaration++;
    const applicable = indicators.filter((i) => !i.professions || i.professions.includes(professional.profession));
    const values = new Map(
      applicable.map((i) => [i.code, generateValue(prng, i.definition, software, status !== 'NOT_STARTED')]),
    );
    const firstYear = firstYearByScheme.get(campaign.scheme) ?? null;
    if (status === 'TRANSMITTED' && firstYear === null) firstYearByScheme.set(campaign.scheme, campaign.referenceYear);
    const professionalData = {
      profession: professional.profession,
      specialty: professional.specialty,
      installationYear,
    };
    const evaluate = () =>
      evaluateDeclaration({
        referentiel,
        campaignStatus: campaign.status,
        professional: professionalData,
        values: Object.fromEntries(
          [...values].filter(([, v]) => v).map(([code, v]) => [code, { data: v!.data, source: v!.source }]),
        ),
        justificatifs,
        firstDeclarationYearByFamily: Object.fromEntries(
          applicable
            .filter((i) => i.definition.justificatif.family)
            .map((i) => [i.definition.justificatif.family!, firstYear]),
        ),
      });

    // Pieces for the indicators whose declared value needs one.
    for (const result of evaluate().indicators) {
      if (!result.justificatif.required || result.justificatif.state !== 'AWAITED' || status !== 'TRANSMITTED')
        continue;
      if (prng.chance(0.12)) continue; // never sent
      const indicator = applicable.find((i) => i.code === result.indicator.code)!;
      const value = values.get(indicator.code);
      const declared = value?.data.type === 'SOFTWARE' ? value.data : null;
      const open = campaign.status === 'CLOSED';
      const outcome = open
        ? prng.weighted([
            ['RECEIVED', 50],
            ['VALIDATED', 25],
            ['REJECTED', 12],
            ['REJECTED_THEN_VALIDATED', 8],
            ['REJECTED_THEN_RECEIVED', 5],
          ] as const)
        : prng.weighted([
            ['VALIDATED', 80],
            ['REJECTED', 12],
            ['REJECTED_THEN_VALIDATED', 8],
          ] as const);
      const windowEnd = new Date(`${campaign.closesOn}T12:00:00Z`);
      const firstAt = open ? daysBefore(ctx.today, prng.int(1, 45)) : daysBefore(windowEnd, prng.int(5, 40));
      const steps = outcome.startsWith('REJECTED_THEN')
        ? ['REJECTED', outcome === 'REJECTED_THEN_VALIDATED' ? 'VALIDATED' : 'RECEIVED']
        : [outcome];
      steps.forEach((step, index) => {
        const id = ctx.ids.justificatif++;
        const receivedAt =
          index === 0 ? firstAt : new Date(Math.min(firstAt.getTime() + 10 * 86_400_000, ctx.today.getTime()));
        const decided = step !== 'RECEIVED';
        const decidedAt = new Date(Math.min(receivedAt.getTime() + prng.int(1, 9) * 86_400_000, ctx.today.getTime()));
        const assigned = !decided && conseiller && prng.chance(0.3) ? conseiller : null;
        const reasons = step === 'REJECTED' ? prng.pick(REJECTIONS) : null;
        const document =
          step === 'REJECTED' && reasons?.[0] === 'UNRELATED_TO_INDICATOR'
            ? ctx.documents[2]!
            : prng.pick([ctx.documents[0]!, ctx.documents[1]!, ctx.documents[3]!]);
        out.justificatifs.push({
          id,
          professionalId: professional.id,
          campaignId: campaign.id,
          indicatorId: indicator.id,
          caisseCode: professional.caisseCode,
          profession: professional.profession,
          family: indicator.definition.justificatif.family ?? indicator.code,
          receivedAt,
          channel: prng.weighted([
            ['AMELIPRO', 6],
            ['EMAIL', 3],
            ['POST', 1],
          ] as const),
          fileId: document.id,
          status: step as Justificatif['status'],
          assignedAgentId: assigned,
          assignedAt: assigned ? receivedAt : null,
          decidedByAgentId: decided ? conseiller : null,
          decidedAt: decided ? decidedAt : null,
          rejectionReasons: reasons,
          comment:
            step === 'REJECTED'
              ? 'Pièce non conforme : merci de renvoyer une facture ou une attestation de l’éditeur complète.'
              : null,
          checklist: null,
          declaredSoftwareId: declared?.softwareId ?? null,
          declaredPublisherId: declared?.publisherId ?? null,
          version: decided ? 2 : 1,
        });
        out.history.push({
          justificatifId: id,
          action: 'RECEIVED',
          fromStatus: null,
          toStatus: 'RECEIVED',
          agentId: null,
          at: receivedAt,
          reasons: null,
          comment: null,
        });
        if (assigned)
          out.history.push({
            justificatifId: id,
            action: 'ASSIGNED',
            fromStatus: 'RECEIVED',
            toStatus: 'RECEIVED',
            agentId: assigned,
            at: receivedAt,
            reasons: null,
            comment: null,
          });
        if (decided) {
          out.history.push({
            justificatifId: id,
            action: step as 'VALIDATED' | 'REJECTED',
            fromStatus: 'RECEIVED',
            toStatus: step as 'VALIDATED' | 'REJECTED',
            agentId: conseiller,
            at: decidedAt,
            reasons,
            comment: null,
          });
        }
        justificatifs.push({
          campaignYear: campaign.referenceYear,
          conventionId: campaign.conventions[professional.profession] ?? null,
          family: indicator.definition.justificatif.family ?? indicator.code,
          status: step as JustificatifData['status'],
          publisherId: declared?.publisherId ?? null,
          softwareId: declared?.softwareId ?? null,
        });
      });
    }

    const evaluation = evaluate();
    const computed = campaign.status === 'COMPUTED' || campaign.status === 'PAID';
    const total = evaluation.remuneration.totalCents;
    const transmissions = status === 'TRANSMITTED' ? prng.int(1, 3) : 0;
    const lastAt = new Date(`${campaign.closesOn}T10:00:00Z`);
    for (let t = 0; t < transmissions; t += 1) {
      const at = daysBefore(lastAt, (transmissions - t) * prng.int(2, 12));
      out.transmissions.push({
        id: ctx.ids.transmission++,
        declarationId,
        transmittedAt: at,
        channel: professional.usesAmelipro ? 'AMELIPRO' : 'PAPER',
        enteredByAgentId: professional.usesAmelipro ? null : conseiller,
        honourAttestation: true,
        conditionsAcknowledged: true,
        values: Object.fromEntries(
          [...values].filter(([, v]) => v && v.source === 'DECLARED').map(([code, v]) => [code, v!.data]),
        ),
      });
    }
    const first = transmissions ? out.transmissions[out.transmissions.length - transmissions]!.transmittedAt! : null;
    const last = transmissions ? out.transmissions[out.transmissions.length - 1]!.transmittedAt! : null;
    out.declarations.push({
      id: declarationId,
      professionalId: professional.id,
      campaignId: campaign.id,
      caisseCode: professional.caisseCode,
      profession: professional.profession,
      status,
      firstTransmittedAt: first,
      lastTransmittedAt: last,
      transmissionCount: transmissions,
      lastChannel: transmissions ? (professional.usesAmelipro ? 'AMELIPRO' : 'PAPER') : null,
      honourAttestation: status === 'TRANSMITTED',
      conditionsAcknowledged: status === 'TRANSMITTED',
      projectedRemunerationCents: total,
      computedRemunerationCents: computed ? total : null,
      version: 1 + transmissions,
    });
    const resultByCode = new Map(evaluation.indicators.map((r) => [r.indicator.code, r]));
    for (const indicator of applicable) {
      const value = values.get(indicator.code) ?? null;
      const result = resultByCode.get(indicator.code);
      out.values.push({
        id: ctx.ids.value++,
        declarationId,
        indicatorId: indicator.id,
        professionalId: professional.id,
        campaignId: campaign.id,
        value: value?.data ?? null,
        source: value?.source ?? null,
        prefillOrigin: value?.prefillOrigin ?? null,
        achievement: result?.achievement.status ?? 'NOT_ACHIEVED',
        achievementReason: (result?.achievement.reason ?? 'Indicateur non applicable').slice(0, 400),
      });
    }
    if (campaign.status === 'PAID' && total > 0) {
      const paidOn =
        campaign.paymentDate ?? `${campaign.referenceYear + 1}-06-${String(prng.int(10, 28)).padStart(2, '0')}`;
      out.payments.push({
        professionalId: professional.id,
        campaignId: campaign.id,
        caisseCode: professional.caisseCode,
        kind: 'INITIAL',
        amountCents: total,
        paidOn,
        status: 'SENT',
        reference: `PAI-${campaign.scheme.slice(0, 4)}-${campaign.referenceYear}-${professional.id}-1`,
      });
      if (prng.chance(0.04)) {
        out.payments.push({
          professionalId: professional.id,
          campaignId: campaign.id,
          caisseCode: professional.caisseCode,
          kind: 'REGULARISATION',
          amountCents: prng.pick([5000, 10000, 17500]),
          paidOn: `${campaign.referenceYear + 1}-11-${String(prng.int(10, 28)).padStart(2, '0')}`,
          status: 'SENT',
          reference: `PAI-${campaign.scheme.slice(0, 4)}-${campaign.referenceYear}-${professional.id}-2`,
        });
      }
    }
  }
  if (dam && prng.chance(0.12)) {
    out.contacts.push({
      professionalId: professional.id,
      agentId: dam,
      caisseCode: professional.caisseCode,
      at: daysBefore(ctx.today, prng.int(1, 200)),
      channel: prng.pick(['CALL', 'VISIT', 'EMAIL'] as const),
      subject: prng.pick([
        'Relance justificatif logiciel',
        'Présentation du FAMI',
        'Question sur la messagerie sécurisée',
        'Envoi du récapitulatif',
      ]),
      notes: 'Échange consigné lors de l’accompagnement de la campagne.',
      campaignId: null,
    });
  }
}
