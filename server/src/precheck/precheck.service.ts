/**
 * The pré-contrôle's lifecycle: PENDING written with the receipt, claimed (RUNNING with a lease),
 * completed (DONE or UNREADABLE with findings, or retried, then FAILED). Each step is one conditional
 * UPDATE, so two workers never both complete a piece, and a worker killed mid-way leaves a lease that
 * expires and is claimed again: nothing lost, nothing written twice.
 */
import { Brackets, In, type DataSource, type EntityManager } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity';
import { Indicator } from '../campaigns/indicator.entity';
import { Justificatif } from '../justificatifs/justificatif.entity';
import { Professional } from '../professionals/professional.entity';
import { Software, SoftwarePublisher } from '../software/software.entity';
import { precheckFindings } from './findings';
import { Precheck, PrecheckPage, type StoredWord } from './precheck.entity';
import type {
  CatalogueName,
  ConfirmationItem,
  Extraction,
  PrecheckConfirmation,
  PrecheckExpectation,
  Word,
} from './precheck.types';

export const MAX_ATTEMPTS = 3;
export const DEFAULT_LEASE_MS = 5 * 60_000;
/** Words kept per page (a dense A4 page has 400–700): the rest is not stored. */
export const MAX_WORDS_PER_PAGE = 1200;

/** Called in the receipt's transaction: the job exists if and only if the piece does. */
export async function enqueuePrecheck(em: EntityManager, justificatif: { id: number; fileId: string | null }) {
  if (!justificatif.fileId) return;
  await em
    .getRepository(Precheck)
    .insert({ justificatifId: justificatif.id, fileId: justificatif.fileId, status: 'PENDING', attempts: 0 });
}

export interface Claim {
  id: number;
  justificatifId: number;
  fileId: string;
  attempt: number;
}

/** Takes the oldest job that is pending or whose lease has expired; null when there is none. */
export async function claimPrecheck(
  db: DataSource,
  leaseMs = DEFAULT_LEASE_MS,
  now = new Date(),
): Promise<Claim | null> {
  const repo = db.getRepository(Precheck);
  for (let tries = 0; tries < 5; tries += 1) {
    const candidate = await repo
      .createQueryBuilder('p')
      .where(
        new Brackets((qb) =>
          qb
            .where('p.status = :pending', { pending: 'PENDING' })
            .orWhere('(p.status = :running AND p.leaseUntil < :now)', { running: 'RUNNING', now }),
        ),
      )
      .orderBy('p.id', 'ASC')
      .take(1)
      .getOne();
    if (!candidate) return null;
    const update = await repo
      .createQueryBuilder()
      .update(Precheck)
      .set({ status: 'RUNNING', attempts: candidate.attempts + 1, leaseUntil: new Date(now.getTime() + leaseMs) })
      .where('id = :id AND attempts = :attempts AND status = :status', {
        id: candidate.id,
        attempts: candidate.attempts,
        status: candidate.status,
      })
      .execute();
    if (update.affected) {
      return {
        id: candidate.id,
        justificatifId: candidate.justificatifId,
        fileId: candidate.fileId,
        attempt: candidate.attempts + 1,
      };
    }
  }
  return null;
}

/** What the piece must show: checklist (référentiel), holder, declared software, catalogue, reference year. */
export async function precheckExpectation(em: EntityManager, justificatifId: number): Promise<PrecheckExpectation> {
  const j = await em.getRepository(Justificatif).findOneByOrFail({ id: justificatifId });
  const [professional, indicator, campaign, publishers, software] = await Promise.all([
    em.getRepository(Professional).findOneByOrFail({ id: j.professionalId }),
    em.getRepository(Indicator).findOneByOrFail({ id: j.indicatorId }),
    em.getRepository(Campaign).findOneByOrFail({ id: j.campaignId }),
    em.getRepository(SoftwarePublisher).find({ select: { id: true, name: true, aliases: true } }),
    em.getRepository(Software).find({
      select: { id: true, name: true, version: true, publisherId: true, aliases: true },
    }),
  ]);
  const declaredSoftware = software.find((s) => s.id === j.declaredSoftwareId) ?? null;
  const declaredPublisher = publishers.find((p) => p.id === (j.declaredPublisherId ?? declaredSoftware?.publisherId));
  return {
    checklist: indicator.definition.justificatif.checklist ?? [],
    holder: { firstName: professional.firstName, lastName: professional.lastName },
    declared:
      declaredPublisher && declaredSoftware
        ? { publisher: declaredPublisher.name, software: declaredSoftware.name, version: declaredSoftware.version }
        : null,
    catalogue: {
      publishers: publishers.map((p) => ({ name: p.name, aliases: p.aliases ?? [] })),
      software: catalogueNames(software),
    },
    referenceYear: campaign.referenceYear,
  };
}

/** One entry per software name (the catalogue has a row per version), with every alias of its rows. */
function catalogueNames(rows: { name: string; aliases: string[] | null }[]): CatalogueName[] {
  const byName = new Map<string, Set<string>>();
  for (const row of rows) {
    const aliases = byName.get(row.name) ?? new Set<string>();
    for (const alias of row.aliases ?? []) aliases.add(alias);
    byName.set(row.name, aliases);
  }
  return [...byName].map(([name, aliases]) => ({ name, aliases: [...aliases] }));
}

const r4 = (n: number) => Math.round(n * 10_000) / 10_000;

export function storedWords(words: Word[]): Map<number, StoredWord[]> {
  const pages = new Map<number, StoredWord[]>();
  for (const w of words) {
    const page = pages.get(w.p) ?? [];
    if (page.length < MAX_WORDS_PER_PAGE) page.push([w.t, w.l, r4(w.b.x), r4(w.b.y), r4(w.b.w), r4(w.b.h), w.c]);
    pages.set(w.p, page);
  }
  return pages;
}

/**
 * Writes the extraction and its findings, if this claim still holds the job (same attempt, still RUNNING).
 * Returns false when another worker took the job over after this one's lease expired.
 */
export async function completePrecheck(db: DataSource, claim: Claim, extraction: Extraction): Promise<boolean> {
  return db.transaction(async (em) => {
    const expectation = await precheckExpectation(em, claim.justificatifId);
    const outcome = precheckFindings(extraction, expectation);
    const update = await em
      .createQueryBuilder()
      .update(Precheck)
      .set({
        status: outcome.status,
        leaseUntil: null,
        source: extraction.source,
        pageCount: extraction.pageCount,
        confidence: extraction.confidence === null ? null : Math.round(extraction.confidence),
        findings: outcome.findings,
        contradictions: outcome.findings.filter((f) => f.status === 'CONTRADICTED').length,
        msPerPage: Math.round(extraction.secondsPerPage * 1000),
        error: null,
        completedAt: new Date(),
      })
      .where('id = :id AND attempts = :attempt AND status = :running', {
        id: claim.id,
        attempt: claim.attempt,
        running: 'RUNNING',
      })
      .execute();
    if (!update.affected) return false;
    const pages = em.getRepository(PrecheckPage);
    await pages.delete({ precheckId: claim.id });
    const rows = [...storedWords(extraction.words)].map(([page, words]) => ({ precheckId: claim.id, page, words }));
    if (rows.length) await pages.insert(rows);
    return true;
  });
}

/** A failed attempt: back to PENDING for another try, or FAILED after the last one (the agent reads the piece). */
export async function failPrecheck(db: DataSource, claim: Claim, error: string): Promise<void> {
  await db
    .createQueryBuilder()
    .update(Precheck)
    .set({
      status: claim.attempt >= MAX_ATTEMPTS ? 'FAILED' : 'PENDING',
      leaseUntil: null,
      error: error.slice(0, 2000),
      completedAt: claim.attempt >= MAX_ATTEMPTS ? new Date() : null,
    })
    .where('id = :id AND attempts = :attempt AND status = :running', {
      id: claim.id,
      attempt: claim.attempt,
      running: 'RUNNING',
    })
    .execute();
}

/** The words stored for a pré-contrôle, back as Words. */
export async function precheckWords(em: EntityManager, precheckId: number): Promise<Word[]> {
  const pages = await em.getRepository(PrecheckPage).find({ where: { precheckId }, order: { page: 'ASC' } });
  return pages.flatMap((p) => p.words.map(([t, l, x, y, w, h, c]) => ({ t, p: p.page, l, b: { x, y, w, h }, c })));
}

/**
 * The decision's confirmation record, in the decision's transaction: for each finding, what the agent
 * recorded. Nothing when the piece had no finished pré-contrôle at decision time.
 */
export function confirmationOf(
  findings: Precheck['findings'],
  decision: { action: 'VALIDATED' | 'REJECTED'; checklist: { code: string; checked: boolean }[] | null },
  agentId: number,
  at: Date,
): PrecheckConfirmation | null {
  if (!findings) return null;
  const ticks = new Map((decision.checklist ?? []).map((e) => [e.code, e.checked]));
  const items: ConfirmationItem[] = findings.map((f) => {
    const agentChecked = decision.checklist ? (ticks.get(f.item) ?? false) : null;
    const agreed =
      agentChecked === null
        ? f.status !== 'FOUND' || decision.action === 'VALIDATED'
        : agentChecked === (f.status === 'FOUND');
    return { item: f.item, precheck: f.status, agentChecked, agreed };
  });
  return { action: decision.action, agentId, at: at.toISOString(), items };
}

export async function recordPrecheckConfirmation(
  em: EntityManager,
  justificatifId: number,
  decision: { action: 'VALIDATED' | 'REJECTED'; checklist: { code: string; checked: boolean }[] | null },
  agentId: number,
  at: Date,
): Promise<void> {
  const row = await em.getRepository(Precheck).findOneBy({ justificatifId, status: In(['DONE', 'UNREADABLE']) });
  const confirmation = row ? confirmationOf(row.findings, decision, agentId, at) : null;
  if (row && confirmation) await em.getRepository(Precheck).update({ id: row.id }, { confirmation });
}

/** The words already read from the same file (a piece sent twice, the demo's shared documents): no second read. */
export async function reusableExtraction(db: DataSource, fileId: string): Promise<Extraction | null> {
  const done = await db
    .getRepository(Precheck)
    .findOne({ where: { fileId, status: In(['DONE', 'UNREADABLE']) }, order: { id: 'ASC' } });
  if (!done || !done.source) return null;
  const words = await precheckWords(db.manager, done.id);
  return {
    source: done.source,
    pageCount: done.pageCount ?? 1,
    words,
    confidence: done.confidence,
    secondsPerPage: 0,
  };
}
