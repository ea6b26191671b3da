/**
 * Generates the rows of a batch of professionals, in memory and without a database: the professional,
 * then for each campaign that concerns them a declaration with its values, transmissions, justificatifs
 * (with their history), payments and contacts. Each declaration is evaluated by the real rules before
 * it is written, so the stored atteinte and rémunération are what the server would compute.
 */
import type { IndicatorDefinition } from '../campaigns/referentiel/referentiel.types';
import type { IndicatorValueData, JustificatifData, ProfessionalData } from '../campaigns/rules/types';
import type {
  CampaignStatus,
  DeclarationStatus,
  JustificatifStatus,
  Profession,
  RejectionReason,
  Scheme,
} from '../common/enums';
import type { ContactLog } from '../contacts/contact-log.entity';
import type { Declaration, DeclarationTransmission, IndicatorValue } from '../declarations/declaration.entity';
import { evaluateDeclaration, type EvaluationInput, type EvaluationResult } from '../declarations/evaluation';
import { parisDay } from '../declarations/evaluation-inputs';
import type { ChecklistEntry, Justificatif, JustificatifHistory } from '../justificatifs/justificatif.entity';
import type { Payment } from '../payments/payment.entity';
import { searchKey } from '../professionals/normalize';
import type { Professional } from '../professionals/professional.entity';
import type { BulkRow } from '../db/bulk';
import type { DemoDocument, PieceDocuments } from './documents';
import { ADELI_PROFESSIONS, adeliNumber, amNumber, rppsNumber } from './identifiers';
import type { Prng } from './prng';
import {
  FIRST_NAMES,
  LAST_NAMES,
  PROFESSION_WEIGHTS,
  SPECIALTIES,
  STREETS,
  phonePrefix,
  type CaisseSeed,
} from './reference-data';
import type { CampaignScript, PieceOutcome, Scenario, ValueScript } from './scenarios';
import { generateValue, rate, softwareData, type CatalogueEntry, type GeneratedValue, type ValueMode } from './values';

/** A campaign as the generator needs it (from the database, or from the référentiel files in tests). */
export interface SeedCampaign {
  id: number;
  key: string; // `${scheme}-${referenceYear}`
  scheme: Scheme;
  referenceYear: number;
  status: CampaignStatus;
  professions: Profession[];
  closesOn: string;
  paymentDate: string | null;
  conventions: Partial<Record<Profession, string>>;
  indicators: { id: number; code: string; definition: IndicatorDefinition }[];
  referentiel: EvaluationInput['referentiel'];
}

export interface IdCounters {
  professional: number;
  declaration: number;
  transmission: number;
  value: number;
  justificatif: number;
}

export interface GenerationContext {
  caisses: CaisseSeed[];
  /** Demo runs put most professionals in 211 and 751; national runs weight caisses by population. */
  national: boolean;
  /** In reference-year order. */
  campaigns: SeedCampaign[];
  catalogue: CatalogueEntry[];
  /** Agent ids by `${role}:${caisseCode}`. */
  agents: Map<string, number>;
  documents: PieceDocuments & { compliant: DemoDocument[] };
  /** Documents in the showcase professionals' own names, by `${scenario}|${software}|${version}`. */
  personalDocuments: Map<string, PieceDocuments>;
  today: Date;
  ids: IdCounters;
}

export interface BatchRows {
  professionals: BulkRow<Professional>[];
  declarations: BulkRow<Declaration>[];
  transmissions: BulkRow<DeclarationTransmission>[];
  values: BulkRow<IndicatorValue>[];
  justificatifs: BulkRow<Justificatif>[];
  history: BulkRow<JustificatifHistory>[];
  payments: BulkRow<Payment>[];
  contacts: BulkRow<ContactLog>[];
}

export const emptyBatch = (): BatchRows => ({
  professionals: [],
  declarations: [],
  transmissions: [],
  values: [],
  justificatifs: [],
  history: [],
  payments: [],
  contacts: [],
});

export function batchRowCount(batch: BatchRows): number {
  return Object.values(batch).reduce((sum: number, rows: unknown[]) => sum + rows.length, 0);
}

const DAY = 86_400_000;
const daysBefore = (d: Date, days: number) => new Date(d.getTime() - days * DAY);
const earliest = (...dates: Date[]) => new Date(Math.min(...dates.map((d) => d.getTime())));
/** A time during office hours (8:00–18:00 in Paris, roughly 7:00–17:00 UTC) on the day `days` after `day`. */
const officeHours = (prng: Prng, day: Date, days = 0) =>
  new Date(Math.floor(day.getTime() / DAY) * DAY + days * DAY + prng.int(7 * 3600, 17 * 3600) * 1000);

const RANDOM_REJECTIONS: RejectionReason[][] = [
  ['DMP_MENTION_MISSING'],
  ['NOT_NOMINATIVE', 'ACQUISITION_DATE_MISSING'],
  ['UNRELATED_TO_INDICATOR'],
  ['ILLEGIBLE'],
  ['PUBLISHER_DIFFERS_FROM_DECLARATION'],
  ['WEB_DMP_ONLY'],
];

const REJECTION_COMMENTS: Partial<Record<RejectionReason, string>> = {
  DMP_MENTION_MISSING:
    'La facture ne porte pas la mention « DMP compatible » : merci d’envoyer l’attestation de l’éditeur.',
  NOT_NOMINATIVE: 'Le devis n’est pas à votre nom et ne porte pas de date d’acquisition : merci d’envoyer la facture.',
  UNRELATED_TO_INDICATOR: 'Le document reçu ne concerne pas le logiciel métier.',
  ILLEGIBLE: 'Photo illisible : merci de renvoyer un scan net du document.',
  PUBLISHER_DIFFERS_FROM_DECLARATION: 'La facture est d’un autre éditeur que celui déclaré.',
  WEB_DMP_ONLY: 'Le « Web DMP » ne vaut pas compatibilité DMP du logiciel.',
};

const CONTACT_SUBJECTS = [
  'Relance justificatif logiciel',
  'Présentation du FAMI',
  'Question sur la messagerie sécurisée',
  'Envoi du récapitulatif',
  'Aide à la saisie de la déclaration',
];

/**
 * Which campaigns the demo shows as paid. COMPUTED and PAID are states set by operations, not by the
 * calendar: the demo keeps the most recent campaign of each scheme that asks for documents in
 * instruction (CLOSED, queue live) and marks the older closed ones paid.
 */
export function demoCampaignStatuses(
  campaigns: { id: number; scheme: Scheme; referenceYear: number; status: CampaignStatus; asksDocuments: boolean }[],
): Map<number, CampaignStatus> {
  const maxYear = Math.max(...campaigns.map((c) => c.referenceYear));
  const inInstruction = new Set<number>();
  for (const scheme of new Set(campaigns.map((c) => c.scheme))) {
    const latest = campaigns
      .filter((c) => c.scheme === scheme)
      .reduce((a, b) => (b.referenceYear > a.referenceYear ? b : a));
    if (latest.asksDocuments && latest.referenceYear >= maxYear - 3) inInstruction.add(latest.id);
  }
  return new Map(
    campaigns.map((c) => [c.id, c.status === 'CLOSED' && !inInstruction.has(c.id) ? 'PAID' : c.status] as const),
  );
}

/** Generates `count` professionals; the first ones are the showcase `scenarios` when given. */
export function generateBatch(
  prng: Prng,
  count: number,
  ctx: GenerationContext,
  scenarios: Scenario[] = [],
): BatchRows {
  const out = emptyBatch();
  for (let n = 0; n < count; n += 1) generateProfessional(prng, ctx, out, scenarios[n]);
  return out;
}

function pickCaisse(prng: Prng, ctx: GenerationContext): CaisseSeed {
  if (!ctx.national) {
    // 211 and 751 come first in the demo list and hold 60 % of the professionals.
    if (prng.chance(0.6)) return ctx.caisses[prng.chance(0.5) ? 0 : 1]!;
    return prng.pick(ctx.caisses);
  }
  return prng.weighted(ctx.caisses.map((c) => [c, c.weight] as const));
}

function phone(prng: Prng, departement: string): string {
  if (prng.chance(0.3)) return `0${prng.pick(['6', '7'])}${String(prng.int(0, 99_999_999)).padStart(8, '0')}`;
  const prefix = phonePrefix(departement);
  const rest = 10 - prefix.length;
  return `${prefix}${String(prng.int(0, 10 ** rest - 1)).padStart(rest, '0')}`;
}

function generateProfessional(prng: Prng, ctx: GenerationContext, out: BatchRows, scenario?: Scenario) {
  const id = ctx.ids.professional++;
  const caisse = scenario ? ctx.caisses.find((c) => c.code === scenario.caisseCode)! : pickCaisse(prng, ctx);
  const profession = scenario?.profession ?? prng.weighted(PROFESSION_WEIGHTS);
  const [commune, postalCode] = scenario
    ? caisse.communes[scenario.commune % caisse.communes.length]!
    : prng.pick(caisse.communes);
  const lastName = scenario?.lastName ?? prng.pick(LAST_NAMES);
  const firstName = scenario?.firstName ?? prng.pick(FIRST_NAMES);
  const installed =
    scenario?.installed ??
    `${prng.chance(0.06) ? 2024 : prng.int(1985, 2023)}-${String(prng.int(1, 12)).padStart(2, '0')}`;
  const communeKey = searchKey(commune);
  const professional: BulkRow<Professional> & ProfessionalRow = {
    id,
    amNumber: amNumber(caisse.departement, id),
    rpps: rppsNumber(id),
    adeli: ADELI_PROFESSIONS.includes(profession) ? adeliNumber(caisse.departement, id) : null,
    lastName,
    firstName,
    searchName: searchKey(`${lastName} ${firstName}`),
    profession,
    specialty: profession === 'MEDECIN_SPECIALISTE' ? (scenario?.specialty ?? prng.pick(SPECIALTIES)) : null,
    caisseCode: caisse.code,
    addressLine: `${prng.int(1, 120)} ${prng.pick(STREETS)}`,
    postalCode,
    commune,
    communeKey,
    installationDate: `${installed}-01`,
    email: `${searchKey(firstName).toLowerCase().replace(/ /g, '-')}.${searchKey(lastName).toLowerCase().replace(/ /g, '-')}@cabinet-${communeKey.toLowerCase().replace(/ /g, '-')}.example`,
    phone: phone(prng, caisse.departement),
    usesAmelipro: scenario?.usesAmelipro ?? prng.chance(0.95),
  };
  out.professionals.push(professional);
  generateCampaigns(prng, professional, Number(installed.slice(0, 4)), ctx, out, scenario);
}

interface ProfessionalRow {
  id: number;
  profession: Profession;
  specialty: string | null;
  caisseCode: string;
  usesAmelipro: boolean;
  firstName: string;
  lastName: string;
}

function softwareFor(prng: Prng, catalogue: CatalogueEntry[], profession: Profession): CatalogueEntry {
  const own = catalogue.filter((s) => s.professions.includes(profession));
  const pool = own.length > 0 ? own : catalogue;
  const medecin = profession === 'MEDECIN_GENERALISTE' || profession === 'MEDECIN_SPECIALISTE';
  // Most use a compliant product (LAP certified for médecins); some do not.
  const compliant = pool.filter((s) => s.dmpCompatible && (!medecin || s.lapCertified));
  return prng.pick(compliant.length > 0 && prng.chance(0.9) ? compliant : pool);
}

function nextSoftware(prng: Prng, current: CatalogueEntry, catalogue: CatalogueEntry[], profession: Profession) {
  if (!prng.chance(0.12)) return current;
  // A change between campaigns: another version of the same product, or another product (often another publisher).
  const versions = catalogue.filter(
    (s) => s.softwareName === current.softwareName && s.softwareId !== current.softwareId,
  );
  return versions.length > 0 && prng.chance(0.5) ? prng.pick(versions) : softwareFor(prng, catalogue, profession);
}

function scriptedSoftware(catalogue: CatalogueEntry[], [name, version]: [string, string]): CatalogueEntry {
  const entry = catalogue.find((s) => s.softwareName === name && s.version === version);
  if (!entry) throw new Error(`Logiciel ${name} ${version} absent du catalogue`);
  return entry;
}

function scriptedValue(prng: Prng, indicator: IndicatorDefinition, software: CatalogueEntry, script: ValueScript) {
  if (script === null) return null;
  const data: IndicatorValueData =
    script.data ??
    (indicator.valueType === 'SOFTWARE'
      ? softwareData(software)
      : indicator.valueType === 'RATE'
        ? rate(prng, 0)
        : generateValue(prng, indicator, software, 'ACHIEVING')!.data);
  const prefilled = script.source === 'PREFILLED' || script.source === 'COMPUTED';
  return { data, source: script.source, prefillOrigin: prefilled ? (indicator.prefillOrigin ?? null) : null };
}

type PieceStep = { status: JustificatifStatus; assigned: boolean };

function pieceSteps(outcome: PieceOutcome): PieceStep[] {
  const received = { status: 'RECEIVED', assigned: false } as const;
  switch (outcome) {
    case 'NONE':
      return [];
    case 'RECEIVED':
      return [received];
    case 'RECEIVED_ASSIGNED':
      return [{ status: 'RECEIVED', assigned: true }];
    case 'VALIDATED':
      return [{ status: 'VALIDATED', assigned: false }];
    case 'REJECTED':
      return [{ status: 'REJECTED', assigned: false }];
    case 'REJECTED_THEN_VALIDATED':
      return [
        { status: 'REJECTED', assigned: false },
        { status: 'VALIDATED', assigned: false },
      ];
    case 'REJECTED_THEN_RECEIVED':
      return [{ status: 'REJECTED', assigned: false }, received];
  }
}

function randomPieceOutcome(prng: Prng, inInstruction: boolean): PieceOutcome {
  if (prng.chance(0.1)) return 'NONE';
  return inInstruction
    ? prng.weighted([
        ['RECEIVED', 38],
        ['RECEIVED_ASSIGNED', 12],
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
}

function validationChecklist(indicator: IndicatorDefinition): ChecklistEntry[] | null {
  const items = indicator.justificatif.checklist ?? [];
  return items.length > 0 ? items.map((item) => ({ code: item.code, checked: true })) : null;
}

function generateCampaigns(
  prng: Prng,
  professional: ProfessionalRow,
  installationYear: number,
  ctx: GenerationContext,
  out: BatchRows,
  scenario?: Scenario,
) {
  const justificatifs: JustificatifData[] = [];
  const firstYearByScheme = new Map<string, number>();
  const firstScript = scenario && Object.values(scenario.campaigns).find((c) => c.software);
  let software = firstScript?.software
    ? scriptedSoftware(ctx.catalogue, firstScript.software)
    : softwareFor(prng, ctx.catalogue, professional.profession);
  const conseiller = ctx.agents.get(`CONSEILLER:${professional.caisseCode}`) ?? null;
  const dam = ctx.agents.get(`DAM:${professional.caisseCode}`) ?? null;
  const professionalData: ProfessionalData = {
    profession: professional.profession,
    specialty: professional.specialty,
    installationYear,
  };
  let lastCampaignId: number | null = null;

  for (const campaign of ctx.campaigns) {
    if (!campaign.professions.includes(professional.profession)) continue;
    if (campaign.referenceYear < installationYear) continue;
    const script: CampaignScript | undefined = scenario ? (scenario.campaigns[campaign.key] ?? {}) : undefined;
    software = script?.software
      ? scriptedSoftware(ctx.catalogue, script.software)
      : scenario
        ? software
        : nextSoftware(prng, software, ctx.catalogue, professional.profession);
    const status: DeclarationStatus =
      script?.status ??
      (script
        ? 'TRANSMITTED'
        : prng.weighted([
            ['TRANSMITTED', 85],
            ['STARTED', 7],
            ['NOT_STARTED', 8],
          ] as const));

    // Values first, evaluated for applicability: only the indicators that concern the professional get a row.
    const allValues = new Map<string, GeneratedValue | null>();
    for (const { code, definition } of campaign.indicators) {
      const scripted = script?.values && code in script.values;
      let value: GeneratedValue | null;
      if (scripted) value = scriptedValue(prng, definition, software, script.values![code]!);
      else if (script) {
        const declarativeOnly = definition.kind === 'DECLARATIVE';
        value =
          status === 'NOT_STARTED' && declarativeOnly ? null : generateValue(prng, definition, software, 'ACHIEVING');
      } else {
        const mode: ValueMode = status === 'NOT_STARTED' ? 'NOT_STARTED' : 'RANDOM';
        value = generateValue(prng, definition, software, mode);
      }
      allValues.set(code, value);
    }
    const firstYear = firstYearByScheme.get(campaign.scheme) ?? null;
    if (status === 'TRANSMITTED' && firstYear === null) firstYearByScheme.set(campaign.scheme, campaign.referenceYear);
    const families = campaign.indicators.map((i) => i.definition.justificatif.family).filter((f): f is string => !!f);
    const evaluate = (): EvaluationResult =>
      evaluateDeclaration({
        referentiel: campaign.referentiel,
        campaignStatus: campaign.status,
        professional: professionalData,
        values: Object.fromEntries(
          [...allValues].filter(([, v]) => v).map(([code, v]) => [code, { data: v!.data, source: v!.source }]),
        ),
        justificatifs,
        firstDeclarationYearByFamily: Object.fromEntries(families.map((f) => [f, firstYear])),
      });
    let evaluation = evaluate();
    if (evaluation.indicators.length === 0) continue;
    const declarationId = ctx.ids.declaration++;
    lastCampaignId = campaign.id;

    // Pieces for the declared values that need one.
    let sentPieces = false;
    if (status === 'TRANSMITTED') {
      for (const result of evaluation.indicators) {
        if (!result.justificatif.required || result.justificatif.state !== 'AWAITED') continue;
        const indicator = campaign.indicators.find((i) => i.code === result.indicator.code)!;
        const outcome = script
          ? (script.pieces ?? 'VALIDATED')
          : randomPieceOutcome(prng, campaign.status !== 'COMPUTED' && campaign.status !== 'PAID');
        const value = allValues.get(indicator.code) ?? null;
        const declared = value?.data.type === 'SOFTWARE' ? value.data : null;
        const personal =
          scenario && declared
            ? ctx.personalDocuments.get(`${scenario.key}|${declared.softwareName}|${declared.version}`)
            : undefined;
        sentPieces =
          writePieces(prng, ctx, out, justificatifs, {
            professional,
            campaign,
            indicator,
            declared,
            steps: pieceSteps(outcome),
            rejection: script?.rejection ?? prng.pick(RANDOM_REJECTIONS),
            conseiller,
            docs: personal ?? ctx.documents,
            personal: !!personal,
          }) || sentPieces;
      }
    }
    if (sentPieces) evaluation = evaluate();

    const computed = campaign.status === 'COMPUTED' || campaign.status === 'PAID';
    const total = evaluation.remuneration.totalCents;
    const transmissions = status === 'TRANSMITTED' ? (script ? 1 : prng.int(1, 3)) : 0;
    const channel = professional.usesAmelipro ? 'AMELIPRO' : 'PAPER';
    const lastAt = new Date(`${campaign.closesOn}T10:00:00Z`);
    const declaredValues = Object.fromEntries(
      [...allValues].filter(([, v]) => v && v.source === 'DECLARED').map(([code, v]) => [code, v!.data]),
    );
    const transmissionTimes: Date[] = [];
    for (let t = 0; t < transmissions; t += 1) {
      const at = new Date(
        daysBefore(lastAt, (transmissions - t) * prng.int(2, 12)).getTime() + prng.int(0, 36_000) * 1000,
      );
      transmissionTimes.push(at);
      out.transmissions.push({
        id: ctx.ids.transmission++,
        declarationId,
        transmittedAt: at,
        channel,
        enteredByAgentId: channel === 'PAPER' ? conseiller : null,
        honourAttestation: true,
        conditionsAcknowledged: true,
        values: declaredValues,
      });
    }
    out.declarations.push({
      id: declarationId,
      professionalId: professional.id,
      campaignId: campaign.id,
      caisseCode: professional.caisseCode,
      profession: professional.profession,
      status,
      firstTransmittedAt: transmissionTimes[0] ?? null,
      lastTransmittedAt: transmissionTimes.at(-1) ?? null,
      transmissionCount: transmissions,
      lastChannel: transmissions ? channel : null,
      honourAttestation: status === 'TRANSMITTED',
      conditionsAcknowledged: status === 'TRANSMITTED',
      projectedRemunerationCents: total,
      computedRemunerationCents: computed ? total : null,
      version: 1 + transmissions,
    });
    const idByCode = new Map(campaign.indicators.map((i) => [i.code, i.id]));
    for (const result of evaluation.indicators) {
      const code = result.indicator.code;
      const value = allValues.get(code) ?? null;
      out.values.push({
        id: ctx.ids.value++,
        declarationId,
        indicatorId: idByCode.get(code)!,
        professionalId: professional.id,
        campaignId: campaign.id,
        value: value?.data ?? null,
        source: value?.source ?? null,
        prefillOrigin: value?.prefillOrigin ?? null,
        achievement: result.achievement.status,
        achievementReason: result.achievement.reason.slice(0, 400),
      });
    }
    if (campaign.status === 'PAID' && total > 0)
      writePayments(prng, out, professional, campaign, evaluation, !scenario);
  }

  const subject = scenario?.contact ?? (dam && !scenario && prng.chance(0.12) ? prng.pick(CONTACT_SUBJECTS) : null);
  if (dam && subject) {
    out.contacts.push({
      professionalId: professional.id,
      agentId: dam,
      caisseCode: professional.caisseCode,
      at: officeHours(prng, ctx.today, -prng.int(1, 200)),
      channel: prng.pick(['CALL', 'VISIT', 'EMAIL'] as const),
      subject,
      notes: 'Échange consigné lors de l’accompagnement de la campagne.',
      campaignId: lastCampaignId,
    });
  }
}

interface PieceRequest {
  professional: ProfessionalRow;
  campaign: SeedCampaign;
  indicator: SeedCampaign['indicators'][number];
  declared: Extract<IndicatorValueData, { type: 'SOFTWARE' }> | null;
  steps: PieceStep[];
  rejection: RejectionReason[];
  conseiller: number | null;
  docs: PieceDocuments & { compliant?: DemoDocument[] };
  personal: boolean;
}

/** Writes the justificatifs of one indicator (a rejected piece, then the one sent again) and their history. */
function writePieces(
  prng: Prng,
  ctx: GenerationContext,
  out: BatchRows,
  justificatifs: JustificatifData[],
  request: PieceRequest,
): boolean {
  const { professional, campaign, indicator, declared, steps, conseiller } = request;
  if (steps.length === 0) return false;
  const inInstruction = campaign.status !== 'COMPUTED' && campaign.status !== 'PAID';
  const windowEnd = new Date(`${campaign.closesOn}T12:00:00Z`);
  const family = indicator.definition.justificatif.family ?? indicator.code;
  // In instruction: received over the last ~45 days, so that every age bucket of the backlog fills; a piece
  // rejected then sent again starts earlier so that its steps keep their order.
  let at = inInstruction
    ? officeHours(prng, ctx.today, -(steps.length > 1 ? prng.int(25, 45) : prng.int(0, 45)))
    : officeHours(prng, windowEnd, -prng.int(20, 50));
  for (const step of steps) {
    const id = ctx.ids.justificatif++;
    const receivedAt = earliest(at, ctx.today);
    const decided = step.status !== 'RECEIVED';
    const decidedAt = decided ? earliest(officeHours(prng, receivedAt, prng.int(1, 6)), ctx.today) : receivedAt;
    const rejected = step.status === 'REJECTED';
    const reasons = rejected ? request.rejection : null;
    const comment = rejected ? (REJECTION_COMMENTS[reasons![0]!] ?? 'Pièce non conforme.') : null;
    const assigned = step.assigned && conseiller ? conseiller : null;
    const document = rejected
      ? request.docs.flawed(reasons![0]!)
      : request.personal || !request.docs.compliant
        ? request.docs.valid
        : prng.pick(request.docs.compliant);
    const channel =
      rejected && reasons![0] === 'ILLEGIBLE'
        ? 'EMAIL'
        : prng.weighted([
            ['AMELIPRO', 6],
            ['EMAIL', 3],
            ['POST', 1],
          ] as const);
    out.justificatifs.push({
      id,
      professionalId: professional.id,
      campaignId: campaign.id,
      indicatorId: indicator.id,
      caisseCode: professional.caisseCode,
      profession: professional.profession,
      family,
      receivedAt,
      channel,
      fileId: document.id,
      status: step.status,
      assignedAgentId: assigned,
      assignedAt: assigned ? receivedAt : null,
      decidedByAgentId: decided ? conseiller : null,
      decidedAt: decided ? decidedAt : null,
      rejectionReasons: reasons,
      comment,
      checklist: step.status === 'VALIDATED' ? validationChecklist(indicator.definition) : null,
      declaredSoftwareId: declared?.softwareId ?? null,
      declaredPublisherId: declared?.publisherId ?? null,
      version: decided ? 2 : 1,
    });
    const history = (row: BulkRow<JustificatifHistory>) =>
      out.history.push({ justificatifId: id, agentId: null, reasons: null, comment: null, ...row });
    history({ action: 'RECEIVED', fromStatus: null, toStatus: 'RECEIVED', at: receivedAt });
    if (assigned)
      history({ action: 'ASSIGNED', fromStatus: 'RECEIVED', toStatus: 'RECEIVED', agentId: assigned, at: receivedAt });
    if (decided) {
      history({
        action: step.status as 'VALIDATED' | 'REJECTED',
        fromStatus: 'RECEIVED',
        toStatus: step.status,
        agentId: conseiller,
        at: decidedAt,
        reasons,
        comment,
      });
    }
    justificatifs.push({
      campaignYear: campaign.referenceYear,
      conventionId: campaign.conventions[professional.profession] ?? null,
      family,
      status: step.status,
      publisherId: declared?.publisherId ?? null,
      softwareId: declared?.softwareId ?? null,
      // As the evaluation loaders give them to the rules (evaluation-inputs.ts).
      publisherName: declared?.publisherName ?? null,
      decidedOn: decided ? parisDay(decidedAt) : null,
      rejectionReasons: rejected ? reasons : null,
    });
    // The piece sent again arrives a few days after the rejection.
    at = officeHours(prng, decidedAt, prng.int(2, 10));
  }
  return true;
}

/**
 * The initial payment is the computed rémunération; for a few professionals one indicator's amount came
 * later as a régularisation (a piece validated after the computation), so that the payments still add up
 * to the computed rémunération.
 */
function writePayments(
  prng: Prng,
  out: BatchRows,
  professional: ProfessionalRow,
  campaign: SeedCampaign,
  evaluation: EvaluationResult,
  mayRegularise: boolean,
) {
  const total = evaluation.remuneration.totalCents;
  const year = campaign.referenceYear + 1;
  const paidOn = campaign.paymentDate ?? `${year}-06-${String(prng.int(10, 28)).padStart(2, '0')}`;
  const late = evaluation.remuneration.lines.filter(
    (l) => l.indicatorCode && l.amountCents > 0 && l.amountCents < total,
  );
  const regularised = mayRegularise && late.length > 0 && prng.chance(0.05) ? prng.pick(late).amountCents : 0;
  const reference = (n: number) =>
    `PAI-${campaign.scheme.slice(0, 4)}-${campaign.referenceYear}-${professional.id}-${n}`;
  out.payments.push({
    professionalId: professional.id,
    campaignId: campaign.id,
    caisseCode: professional.caisseCode,
    kind: 'INITIAL',
    amountCents: total - regularised,
    paidOn,
    status: 'SENT',
    reference: reference(1),
  });
  if (regularised > 0) {
    out.payments.push({
      professionalId: professional.id,
      campaignId: campaign.id,
      caisseCode: professional.caisseCode,
      kind: 'REGULARISATION',
      amountCents: regularised,
      paidOn: `${year}-11-${String(prng.int(10, 28)).padStart(2, '0')}`,
      status: 'SENT',
      reference: reference(2),
    });
  }
}
