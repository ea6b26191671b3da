/**
 * The raw floor: node:http + mysql2, no framework, no ORM, no GraphQL. It authenticates the same
 * bearer token, runs the SQL the services run (hand-written, each statement once) and answers the
 * same JSON as the API for the bench operations. The business rules are the server's own pure
 * functions (evaluation, nodes): the floor measures everything the API adds around them.
 *
 *   npx tsx --tsconfig server/tsconfig.json bench/floor.ts   (env DATABASE_URL, PORT, DB_POOL_SIZE)
 *
 * POST /floor/<op> with the operation's variables as JSON body; answers { data: { <root>: … } }
 * and X-Sql-Statements like the API.
 */
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import http from 'node:http';
import mysql, { type Pool, type PoolConnection, type ResultSetHeader } from 'mysql2/promise';
import {
  Permission,
  effectiveCaisses,
  requirePermission,
  type AuthenticatedAgent,
} from '../server/src/agents/authorization';
import { agentSummary } from '../server/src/agents/agent-summary';
import type { AuditDetails } from '../server/src/audit/audit-event.entity';
import { campaignNode, indicatorNode } from '../server/src/campaigns/campaign.nodes';
import type { Campaign } from '../server/src/campaigns/campaign.entity';
import type { Indicator } from '../server/src/campaigns/indicator.entity';
import { decodeCursor, pageSize, toPage } from '../server/src/common/pagination';
import type { Declaration, IndicatorValue } from '../server/src/declarations/declaration.entity';
import { indicatorNodes, remunerationNode } from '../server/src/declarations/declaration.nodes';
import { evaluateDeclaration } from '../server/src/declarations/evaluation';
import { assembleEvaluationInputs, type EvaluationRowSource } from '../server/src/declarations/evaluation-inputs';
import { storedEvaluationChanges, storedOf } from '../server/src/declarations/stored-evaluation';
import type { Justificatif } from '../server/src/justificatifs/justificatif.entity';
import { checkTransition, heldByAnother } from '../server/src/justificatifs/justificatif.machine';
import { justificatifNode } from '../server/src/justificatifs/justificatif.nodes';
import { parseSearchQuery } from '../server/src/professionals/identifiers';
import { nameSearchPatterns } from '../server/src/professionals/name-search';
import type { Professional } from '../server/src/professionals/professional.entity';
import { bucketDayThresholds } from '../server/src/progress/age-buckets';
import { utcDay } from '../server/src/progress/counters';
import { counterStatement, splitCounterRows, type CounterRow } from '../server/src/progress/progress.service';
import { assembleProgress } from '../server/src/progress/progress.assembly';
import type { SoftwarePublisher } from '../server/src/software/software.entity';
import { FILE, PROGRESS, QUEUE, SEARCH, VALIDATE } from './operations';
import { project, rootSelection } from './project';

// ------------------------------------------------------------------------------------------------
// Rows: snake_case columns to the entities' camelCase, JSON text parsed, tinyint booleans.

const JSON_COLUMNS = new Set([
  'professions',
  'conventions',
  'settings',
  'remuneration',
  'sources',
  'definition',
  'value',
  'values',
  'rejection_reasons',
  'checklist',
  'reasons',
  'details',
]);
const BOOL_COLUMNS = new Set([
  'national_scope',
  'active',
  'neutralised',
  'honour_attestation',
  'conditions_acknowledged',
  'uses_amelipro',
  'dmp_compatible',
  'lap_certified',
]);
const camel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

function entity<T>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    let v = value;
    if (JSON_COLUMNS.has(key) && typeof v === 'string') v = JSON.parse(v);
    else if (BOOL_COLUMNS.has(key) && v !== null) v = Boolean(v);
    out[camel(key)] = v;
  }
  return out as T;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** One request's SQL: every statement counted, like the API's X-Sql-Statements. */
class Sql {
  statements = 0;
  constructor(private readonly runner: Pool | PoolConnection) {}
  async rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    this.statements += 1;
    const [rows] = await this.runner.query(sql, params);
    return rows as T[];
  }
  async entities<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.rows(sql, params)).map((r) => entity<T>(r));
  }
  async exec(sql: string, params: unknown[] = []): Promise<ResultSetHeader> {
    this.statements += 1;
    const [result] = await this.runner.query(sql, params);
    return result as ResultSetHeader;
  }
}

const inList = (values: readonly unknown[]) => values.map(() => '?').join(',');

// ------------------------------------------------------------------------------------------------
// Authentication: the session row and its agent, as authenticateToken does.

const IDLE_MS = 30 * 60_000;
const TOUCH_INTERVAL_MS = 60_000;

interface SessionRow {
  id: string;
  agentId: number;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}
interface AgentRow {
  id: number;
  email: string;
  displayName: string;
  role: AuthenticatedAgent['role'];
  caisseCode: string;
  nationalScope: boolean;
  active: boolean;
}

async function authenticate(sql: Sql, header: string | undefined): Promise<AuthenticatedAgent | null> {
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
  if (!token || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const id = createHash('sha256').update(token).digest('hex');
  const [session] = await sql.entities<SessionRow>('SELECT * FROM agent_session WHERE id = ? LIMIT 1', [id]);
  const now = Date.now();
  if (!session || session.revokedAt) return null;
  if (now >= session.expiresAt.getTime() || now >= session.lastSeenAt.getTime() + IDLE_MS) return null;
  const [agent] = await sql.entities<AgentRow>('SELECT * FROM agent WHERE id = ? LIMIT 1', [session.agentId]);
  if (!agent || !agent.active) return null;
  if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await sql.exec('UPDATE agent_session SET last_seen_at = ? WHERE id = ?', [new Date(now), id]);
  }
  return { ...agent, sessionId: id };
}

// ------------------------------------------------------------------------------------------------
// Audit: the same statement as recordAudit — one unchained insert inside the caller's transaction
// (the linker chains it later, off the request's path).

async function audit(
  sql: Sql,
  input: {
    agentId: number;
    action: string;
    targetType: string;
    targetId: number;
    caisseCode: string;
    professionalId: number;
    details?: AuditDetails | null;
  },
) {
  const at = new Date();
  at.setMilliseconds(0);
  await sql.exec(
    'INSERT INTO audit_event (at, agent_id, action, target_type, target_id, caisse_code, professional_id, details) VALUES (?,?,?,?,?,?,?,?)',
    [
      at,
      input.agentId,
      input.action,
      input.targetType,
      String(input.targetId),
      input.caisseCode,
      input.professionalId,
      input.details ? JSON.stringify(input.details) : null,
    ],
  );
}

async function transaction<T>(pool: Pool, outer: Sql, work: (sql: Sql) => Promise<T>): Promise<T> {
  const conn = await pool.getConnection();
  const sql = new Sql(conn);
  try {
    await sql.exec('START TRANSACTION');
    const result = await work(sql);
    await sql.exec('COMMIT');
    return result;
  } catch (error) {
    await conn.query('ROLLBACK');
    throw error;
  } finally {
    outer.statements += sql.statements;
    conn.release();
  }
}

// ------------------------------------------------------------------------------------------------
// (a) Search

interface SearchVars {
  filter?: { query?: string; caisseCode?: string } | null;
  first?: number | null;
  after?: string | null;
}

async function search(sql: Sql, agent: AuthenticatedAgent | null, vars: SearchVars) {
  const me = requirePermission(agent, Permission.READ_PROFESSIONALS);
  const limit = pageSize(vars.first);
  const cursor = decodeCursor(vars.after, ['string', 'number'] as const);
  const caisses = effectiveCaisses(me, vars.filter?.caisseCode);
  const where: string[] = ['1 = 1'];
  const params: unknown[] = [];
  if (caisses) {
    if (caisses.length === 0) return { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] };
    where.push(`p.caisse_code IN (${inList(caisses)})`);
    params.push(...caisses);
  }
  const text = vars.filter?.query?.trim();
  if (text) {
    const parsed = parseSearchQuery(text);
    if (parsed.kind === 'MALFORMED_IDENTIFIER') throw new HttpError(200, 'BAD_USER_INPUT', 'Identifiant mal formé');
    if (parsed.kind === 'IDENTIFIER') {
      const columns = parsed.candidates.map((k) =>
        k === 'RPPS' ? 'p.rpps' : k === 'ADELI' ? 'p.adeli' : 'p.am_number',
      );
      where.push(`(${columns.map((c) => `${c} = ?`).join(' OR ')})`);
      params.push(...columns.map(() => parsed.value));
    } else {
      const patterns = nameSearchPatterns(parsed.value);
      where.push(`(${patterns.map(() => "p.search_name LIKE ? ESCAPE '!'").join(' OR ')})`);
      params.push(...patterns);
    }
  }
  const [count] = await sql.rows<{ cnt: number }>(
    `SELECT COUNT(1) AS cnt FROM professional p WHERE ${where.join(' AND ')}`,
    params,
  );
  const pageWhere = [...where];
  const pageParams = [...params];
  if (cursor) {
    pageWhere.push('(p.search_name > ? OR (p.search_name = ? AND p.id > ?))');
    pageParams.push(cursor[0], cursor[0], cursor[1]);
  }
  const rows = await sql.entities<Professional>(
    `SELECT * FROM professional p WHERE ${pageWhere.join(' AND ')} ORDER BY p.search_name ASC, p.id ASC LIMIT ${limit + 1}`,
    pageParams,
  );
  const page = toPage(rows, limit, (r) => [r.searchName, r.id]);
  const codes = [...new Set(page.nodes.map((p) => p.caisseCode))];
  const caisseRows = codes.length
    ? await sql.rows<{ code: string; name: string }>(`SELECT * FROM caisse WHERE code IN (${inList(codes)})`, codes)
    : [];
  const caisseByCode = new Map(caisseRows.map((c) => [c.code, c]));
  return {
    totalCount: Number(count?.cnt ?? 0),
    pageInfo: page.pageInfo,
    nodes: page.nodes.map((p) => ({ ...p, id: String(p.id), caisse: caisseByCode.get(p.caisseCode) })),
  };
}

// ------------------------------------------------------------------------------------------------
// (b) A professional's file: every campaign's declaration, evaluated by the rules

async function file(pool: Pool, sql: Sql, agent: AuthenticatedAgent | null, vars: { id: string }) {
  const me = requirePermission(agent, Permission.READ_PROFESSIONALS);
  const id = Number(vars.id);
  const [professional] = await sql.entities<Professional>('SELECT * FROM professional WHERE id IN (?)', [id]);
  if (!professional || !(me.nationalScope || me.caisseCode === professional.caisseCode)) return null;
  await transaction(pool, sql, (tx) =>
    audit(tx, {
      agentId: me.id,
      action: 'PROFESSIONAL_VIEWED',
      targetType: 'PROFESSIONAL',
      targetId: id,
      caisseCode: professional.caisseCode,
      professionalId: id,
    }),
  );
  const [caisses, campaigns, declarations, justificatifs, payments, contacts] = await Promise.all([
    sql.rows('SELECT * FROM caisse WHERE code IN (?)', [professional.caisseCode]),
    sql.entities<Campaign>('SELECT * FROM campaign ORDER BY reference_year DESC, scheme ASC'),
    sql.entities<Declaration>('SELECT * FROM declaration WHERE professional_id IN (?) ORDER BY campaign_id DESC', [id]),
    sql.entities<Justificatif>(
      'SELECT * FROM justificatif WHERE professional_id IN (?) ORDER BY received_at DESC, id DESC',
      [id],
    ),
    sql.entities('SELECT * FROM payment WHERE professional_id IN (?) ORDER BY paid_on DESC, id DESC', [id]),
    sql.entities('SELECT * FROM contact_log WHERE professional_id IN (?) ORDER BY at DESC, id DESC', [id]),
  ]);
  const declarationIds = declarations.map((d) => d.id);
  const campaignIds = [
    ...new Set([...declarations.map((d) => d.campaignId), ...justificatifs.map((j) => j.campaignId)]),
  ];
  const [values, indicators] = await Promise.all([
    declarationIds.length
      ? sql.entities<IndicatorValue>(
          `SELECT * FROM indicator_value WHERE declaration_id IN (${inList(declarationIds)}) ORDER BY id ASC`,
          declarationIds,
        )
      : [],
    campaignIds.length
      ? sql.entities<Indicator>(
          `SELECT * FROM indicator WHERE campaign_id IN (${inList(campaignIds)}) ORDER BY display_order ASC`,
          campaignIds,
        )
      : [],
  ]);
  const inputs = await assembleEvaluationInputs(
    inHand(sql, { declarations, campaigns, professionals: [professional], values, justificatifs, indicators }),
    declarations.map((d) => d.id),
  );
  return {
    ...professional,
    id: String(professional.id),
    caisse: caisses[0],
    campaigns: campaigns.filter((c) => c.professions.includes(professional.profession)).map(campaignNode),
    declarations: declarations.map((declaration) => {
      const loaded = inputs.get(declaration.id)!;
      const evaluated = { loaded, evaluation: evaluateDeclaration(loaded.input) };
      return {
        ...declaration,
        id: String(declaration.id),
        campaign: campaignNode(loaded.campaign),
        indicators: indicatorNodes(evaluated).map((node) => ({
          ...node,
          indicator: indicatorNode(loaded.indicators.find((i) => i.id === node.indicatorId)!),
          justificatifs: justificatifs
            .filter((j) => j.campaignId === node.campaignId && j.indicatorId === node.indicatorId)
            .map((j) => justificatifNode(j)),
        })),
        remuneration: remunerationNode(evaluated.evaluation),
      };
    }),
    payments,
    contacts,
  };
}

/** The rules' inputs from rows already in hand (publishers read on demand), assembled by the server's own pure function. */
function inHand(
  sql: Sql,
  rows: {
    declarations: Declaration[];
    campaigns: Campaign[];
    professionals: Professional[];
    values: IndicatorValue[];
    justificatifs: Justificatif[];
    indicators: Indicator[];
  },
): EvaluationRowSource {
  return {
    declarations: async (ids) => rows.declarations.filter((d) => ids.includes(d.id)),
    campaigns: async () => rows.campaigns,
    professionals: async () => rows.professionals,
    values: async () => rows.values,
    justificatifs: async () => rows.justificatifs,
    declarationsOf: async () => rows.declarations,
    indicators: async () => rows.indicators,
    controlItems: async () => [],
    publishers: (ids) =>
      sql.entities<SoftwarePublisher>(`SELECT * FROM software_publisher WHERE id IN (${inList(ids)})`, ids),
  };
}

// ------------------------------------------------------------------------------------------------
// (c) A page of the justificatif queue

interface QueueVars {
  filter?: { view?: string; campaignYear?: number; scheme?: string; caisseCode?: string } | null;
  first?: number | null;
}

async function queue(sql: Sql, agent: AuthenticatedAgent | null, vars: QueueVars) {
  const me = requirePermission(agent, Permission.READ_DOCUMENTS);
  const limit = pageSize(vars.first);
  const view = vars.filter?.view ?? 'TO_PROCESS';
  const caisses = effectiveCaisses(me, vars.filter?.caisseCode);
  const where: string[] = [];
  const params: unknown[] = [];
  if (view === 'PROCESSED') where.push("j.status IN ('VALIDATED','REJECTED')");
  else where.push("j.status = 'RECEIVED'");
  if (view === 'TO_PROCESS') where.push('j.assigned_agent_id IS NULL');
  if (view === 'MINE') {
    where.push('j.assigned_agent_id = ?');
    params.push(me.id);
  }
  if (caisses) {
    where.push(`j.caisse_code IN (${inList(caisses)})`);
    params.push(...caisses);
  }
  let campaigns: Campaign[] = [];
  if (vars.filter?.campaignYear) {
    campaigns = await sql.entities<Campaign>('SELECT * FROM campaign ORDER BY reference_year DESC, scheme ASC');
    const ids = campaigns
      .filter(
        (c) =>
          c.referenceYear === vars.filter?.campaignYear && (!vars.filter.scheme || c.scheme === vars.filter.scheme),
      )
      .map((c) => c.id);
    where.push(`j.campaign_id IN (${inList(ids)})`);
    params.push(...ids);
  }
  const [count] = await sql.rows<{ cnt: number }>(
    `SELECT COUNT(1) AS cnt FROM justificatif j WHERE ${where.join(' AND ')}`,
    params,
  );
  const rows = await sql.entities<Justificatif>(
    `SELECT * FROM justificatif j WHERE ${where.join(' AND ')} ORDER BY j.received_at ASC, j.id ASC LIMIT ${limit + 1}`,
    params,
  );
  const now = Date.now();
  const page = toPage(
    rows.map((r) => justificatifNode(r, now)),
    limit,
    (n) => [n.receivedAt.toISOString(), Number(n.id)],
  );
  const professionalIds = [...new Set(page.nodes.map((n) => n.professionalId))];
  const campaignIds = [...new Set(page.nodes.map((n) => n.campaignId))];
  const agentIds = [...new Set(page.nodes.map((n) => n.assignedAgentId).filter((a): a is number => a !== null))];
  const [professionals, indicators, agents] = await Promise.all([
    professionalIds.length
      ? sql.entities<Professional>(
          `SELECT * FROM professional WHERE id IN (${inList(professionalIds)})`,
          professionalIds,
        )
      : [],
    campaignIds.length
      ? sql.entities<Indicator>(
          `SELECT * FROM indicator WHERE campaign_id IN (${inList(campaignIds)}) ORDER BY display_order ASC`,
          campaignIds,
        )
      : [],
    agentIds.length ? sql.entities<AgentRow>(`SELECT * FROM agent WHERE id IN (${inList(agentIds)})`, agentIds) : [],
  ]);
  const professionalById = new Map(professionals.map((p) => [p.id, p]));
  const indicatorById = new Map(indicators.map((i) => [i.id, i]));
  const agentById = new Map(agents.map((a) => [a.id, a]));
  return {
    totalCount: Number(count?.cnt ?? 0),
    pageInfo: page.pageInfo,
    nodes: page.nodes.map((n) => ({
      ...n,
      professional: { ...professionalById.get(n.professionalId), id: String(n.professionalId) },
      indicator: indicatorNode(indicatorById.get(n.indicatorId)!),
      assignedTo: n.assignedAgentId ? agentSummary(agentById.get(n.assignedAgentId) as never) : null,
    })),
  };
}

// ------------------------------------------------------------------------------------------------
// (d) Campaign progress: the same counter statements, figures assembled by the same function; the raw
// group-by over the base tables they replace is kept below for the report's ANALYZE and the target

/** The raw group-by over the base tables that the counters replace, exported for ANALYZE in the report. */
export function progressStatements(campaignIds: number[], professions: string[], caisses: string[] | null) {
  const scope = (alias: string) => (caisses ? ` AND ${alias}.caisse_code IN (${inList(caisses)})` : '');
  const c = caisses ?? [];
  const [t8, t16, t31] = bucketDayThresholds(utcDay(new Date())).map((d) => new Date(`${d}T00:00:00Z`));
  const ids = inList(campaignIds);
  return {
    concerned: {
      sql: `SELECT p.caisse_code AS caisse, p.profession AS profession, COUNT(*) AS n FROM professional p WHERE ${professions.length ? `p.profession IN (${inList(professions)})` : '1 = 0'}${scope('p')} GROUP BY p.caisse_code, p.profession`,
      params: [...professions, ...c],
    },
    declarations: {
      sql: `SELECT d.caisse_code AS caisse, d.profession AS profession, d.status AS status, COUNT(*) AS n, SUM(d.projected_remuneration_cents) AS projected, SUM(COALESCE(d.computed_remuneration_cents, 0)) AS computed FROM declaration d WHERE d.campaign_id IN (${ids})${scope('d')} GROUP BY d.caisse_code, d.profession, d.status`,
      params: [...campaignIds, ...c],
    },
    justificatifs: {
      sql: `SELECT j.caisse_code AS caisse, j.profession AS profession, j.status AS status, CASE WHEN j.received_at >= ? THEN 0 WHEN j.received_at >= ? THEN 1 WHEN j.received_at >= ? THEN 2 ELSE 3 END AS bucket, COUNT(*) AS n FROM justificatif j WHERE j.campaign_id IN (${ids})${scope('j')} GROUP BY j.caisse_code, j.profession, j.status, bucket`,
      params: [t8, t16, t31, ...campaignIds, ...c],
    },
    achievements: {
      sql: caisses
        ? `SELECT v.indicator_id AS indicatorId, v.achievement AS achievement, COUNT(*) AS n FROM indicator_value v INNER JOIN declaration d ON d.id = v.declaration_id AND d.campaign_id IN (${ids}) WHERE v.campaign_id IN (${ids})${scope('d')} GROUP BY v.indicator_id, v.achievement`
        : `SELECT v.indicator_id AS indicatorId, v.achievement AS achievement, COUNT(*) AS n FROM indicator_value v WHERE v.campaign_id IN (${ids}) GROUP BY v.indicator_id, v.achievement`,
      params: caisses ? [...campaignIds, ...campaignIds, ...c] : [...campaignIds, ...c],
    },
    indicators: {
      sql: `SELECT * FROM indicator WHERE campaign_id IN (${ids}) ORDER BY campaign_id ASC, display_order ASC`,
      params: [...campaignIds],
    },
    paid: {
      sql: `SELECT SUM(pay.amount_cents) AS total FROM payment pay WHERE pay.campaign_id IN (${ids}) AND pay.status <> 'CANCELLED'${scope('pay')}`,
      params: [...campaignIds, ...c],
    },
    caisses: {
      sql: caisses
        ? `SELECT code, name FROM caisse WHERE code IN (${inList(caisses)})`
        : 'SELECT code, name FROM caisse',
      params: [...c],
    },
  };
}

async function progress(
  sql: Sql,
  agent: AuthenticatedAgent | null,
  vars: { year: number; scheme?: string | null; caisseCode?: string | null },
) {
  const me = requirePermission(agent, Permission.READ_DASHBOARDS);
  const all = await sql.entities<Campaign>('SELECT * FROM campaign ORDER BY reference_year DESC, scheme ASC');
  const campaigns = all.filter((c) => c.referenceYear === vars.year && (!vars.scheme || c.scheme === vars.scheme));
  const campaignIds = campaigns.map((c) => c.id);
  const professions = [...new Set(campaigns.flatMap((c) => c.professions))];
  const caisses = effectiveCaisses(me, vars.caisseCode);
  const s = progressStatements(campaignIds, professions, caisses);
  const c = counterStatement({ campaignIds, professions, caisses, profession: null, today: utcDay(new Date()) });
  const [counterRows, indicatorRows, caisseRows] = await Promise.all([
    sql.rows<CounterRow>(c.sql, c.params),
    sql.entities<Indicator>(s.indicators.sql, s.indicators.params),
    sql.rows<{ code: string; name: string }>(s.caisses.sql, s.caisses.params),
  ]);
  const { concerned, declarations, justificatifs, achievements, paidCents } = splitCounterRows(counterRows);
  return assembleProgress({
    campaigns,
    concerned,
    declarations,
    justificatifs,
    achievements,
    indicators: indicatorRows,
    paidCents,
    caisseNames: caisseRows,
  });
}

// ------------------------------------------------------------------------------------------------
// (e) Validate a justificatif: conditional update on the version, history, audit, re-evaluation

interface ValidateVars {
  id: string;
  expectedVersion: number;
  checklist?: { code: string; checked: boolean }[] | null;
}

async function validate(pool: Pool, outer: Sql, agent: AuthenticatedAgent | null, vars: ValidateVars) {
  const me = requirePermission(agent, Permission.DECIDE_JUSTIFICATIFS);
  const id = Number(vars.id);
  return transaction(pool, outer, async (sql) => {
    const [row] = await sql.entities<Justificatif>('SELECT * FROM justificatif WHERE id = ? LIMIT 1', [id]);
    if (!row || !(me.nationalScope || me.caisseCode === row.caisseCode))
      throw new HttpError(200, 'NOT_FOUND', 'Justificatif introuvable');
    const [indicator] = await sql.entities<Indicator>('SELECT * FROM indicator WHERE id = ? LIMIT 1', [
      row.indicatorId,
    ]);
    const items = indicator!.definition.justificatif.checklist ?? [];
    const known = new Set(items.map((i) => i.code));
    const checklist = vars.checklist?.map((e) => ({ code: e.code, checked: e.checked })) ?? null;
    if (checklist?.some((e) => !known.has(e.code))) throw new HttpError(200, 'BAD_USER_INPUT', 'Élément inconnu');
    const [campaign] = await sql.entities<Campaign>('SELECT * FROM campaign WHERE id = ? LIMIT 1', [row.campaignId]);
    if (campaign!.status === 'COMPUTED' || campaign!.status === 'PAID')
      throw new HttpError(200, 'CAMPAIGN_CLOSED', 'Campagne calculée');
    const transition = checkTransition(row.status, 'VALIDATED');
    if (!transition.allowed) throw new HttpError(200, 'CONFLICT', transition.reason);
    if (heldByAnother(row.assignedAgentId, me.id)) throw new HttpError(200, 'CONFLICT', 'Pris en charge');
    if (row.version !== vars.expectedVersion) throw new HttpError(200, 'STALE_VERSION', 'Version');
    const now = new Date();
    now.setMilliseconds(0);
    const [value] = await sql.entities<IndicatorValue>(
      'SELECT * FROM indicator_value WHERE professional_id = ? AND campaign_id = ? AND indicator_id = ? LIMIT 1',
      [row.professionalId, row.campaignId, row.indicatorId],
    );
    const software = value?.value?.type === 'SOFTWARE' ? value.value : null;
    const update = await sql.exec(
      `UPDATE justificatif SET status = ?, decided_by_agent_id = ?, decided_at = ?, rejection_reasons = NULL, comment = NULL, checklist = ?, version = version + 1${software ? ', declared_software_id = ?, declared_publisher_id = ?' : ''} WHERE id = ? AND version = ? AND status = 'RECEIVED' AND (assigned_agent_id IS NULL OR assigned_agent_id = ?)`,
      [
        transition.to,
        me.id,
        now,
        checklist ? JSON.stringify(checklist) : null,
        ...(software ? [software.softwareId, software.publisherId] : []),
        id,
        vars.expectedVersion,
        me.id,
      ],
    );
    if (!update.affectedRows) throw new HttpError(200, 'CONFLICT', 'Déjà décidé');
    await sql.exec(
      'INSERT INTO justificatif_history (justificatif_id, action, from_status, to_status, agent_id, at, reasons, comment) VALUES (?,?,?,?,?,?,NULL,NULL)',
      [id, 'VALIDATED', row.status, transition.to, me.id, now],
    );
    await audit(sql, {
      agentId: me.id,
      action: 'JUSTIFICATIF_VALIDATED',
      targetType: 'JUSTIFICATIF',
      targetId: id,
      caisseCode: row.caisseCode,
      professionalId: row.professionalId,
    });
    const fresh: Justificatif = {
      ...row,
      status: transition.to,
      decidedByAgentId: me.id,
      decidedAt: now,
      checklist,
      version: row.version + 1,
      ...(software ? { declaredSoftwareId: software.softwareId, declaredPublisherId: software.publisherId } : {}),
    } as Justificatif;
    // Re-evaluation of the declaration, from the professional's rows (as loadEvaluationInputs).
    const [declarations, campaigns, professionals, justificatifs] = await Promise.all([
      sql.entities<Declaration>('SELECT * FROM declaration WHERE professional_id = ?', [row.professionalId]),
      sql.entities<Campaign>('SELECT * FROM campaign'),
      sql.entities<Professional>('SELECT * FROM professional WHERE id = ?', [row.professionalId]),
      sql.entities<Justificatif>('SELECT * FROM justificatif WHERE professional_id = ? ORDER BY id ASC', [
        row.professionalId,
      ]),
    ]);
    const declaration = declarations.find((d) => d.campaignId === row.campaignId);
    const result = {
      justificatif: { ...justificatifNode(fresh), decidedBy: agentSummary(me as never) },
      indicator: null as unknown,
      remuneration: null as unknown,
    };
    if (!declaration) return result;
    const campaignIds = [...new Set([declaration.campaignId, ...justificatifs.map((j) => j.campaignId)])];
    const [values, indicators] = await Promise.all([
      sql.entities<IndicatorValue>('SELECT * FROM indicator_value WHERE declaration_id = ? ORDER BY id ASC', [
        declaration.id,
      ]),
      sql.entities<Indicator>(
        `SELECT * FROM indicator WHERE campaign_id IN (${inList(campaignIds)}) ORDER BY display_order ASC`,
        campaignIds,
      ),
    ]);
    const loaded = (
      await assembleEvaluationInputs(
        inHand(sql, { declarations, campaigns, professionals, values, justificatifs, indicators }),
        [declaration.id],
      )
    ).get(declaration.id)!;
    const evaluation = evaluateDeclaration(loaded.input);
    const changes = storedEvaluationChanges(storedOf(loaded), evaluation);
    const rows = new Map(loaded.values.map((v) => [v.id, v]));
    for (const { id, achievement, achievementReason } of changes.values) {
      await sql.exec('UPDATE indicator_value SET achievement = ?, achievement_reason = ? WHERE id = ?', [
        achievement,
        achievementReason,
        id,
      ]);
      Object.assign(rows.get(id)!, { achievement, achievementReason });
    }
    if (changes.projectedRemunerationCents !== null) {
      await sql.exec('UPDATE declaration SET projected_remuneration_cents = ? WHERE id = ?', [
        changes.projectedRemunerationCents,
        declaration.id,
      ]);
    }
    result.indicator = indicatorNodes({ loaded, evaluation }).find((i) => i.indicatorId === row.indicatorId) ?? null;
    result.remuneration = remunerationNode(evaluation);
    return result;
  });
}

// ------------------------------------------------------------------------------------------------
// HTTP

const OPERATIONS = {
  search: { query: SEARCH },
  file: { query: FILE },
  queue: { query: QUEUE },
  progress: { query: PROGRESS },
  validate: { query: VALIDATE },
} as const;
const selections = Object.fromEntries(
  Object.entries(OPERATIONS).map(([name, op]) => [name, rootSelection(op.query)]),
) as Record<keyof typeof OPERATIONS, ReturnType<typeof rootSelection>>;

export function createFloor(pool: Pool): http.Server {
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const sql = new Sql(pool);
      const name = (req.url ?? '').replace(/^\/floor\//, '') as keyof typeof OPERATIONS;
      const send = (status: number, body: unknown) => {
        const text = JSON.stringify(body);
        res.writeHead(status, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(text),
          'x-sql-statements': String(sql.statements),
        });
        res.end(text);
      };
      if (req.url === '/healthz') return send(200, { status: 'ok' });
      const selection = selections[name];
      if (!selection || req.method !== 'POST') return send(404, { error: 'unknown operation' });
      void (async () => {
        try {
          const vars = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
          const agent = await authenticate(sql, req.headers.authorization);
          const data =
            name === 'search'
              ? await search(sql, agent, vars)
              : name === 'file'
                ? await file(pool, sql, agent, vars)
                : name === 'queue'
                  ? await queue(sql, agent, vars)
                  : name === 'progress'
                    ? await progress(sql, agent, vars)
                    : await validate(pool, sql, agent, vars);
          send(200, { data: { [selection.field]: project(data, selection.selection) } });
        } catch (error) {
          const e = error as HttpError & { extensions?: { code?: string } };
          const code = e.code ?? e.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
          if (code === 'INTERNAL_SERVER_ERROR') console.error(error);
          send(e.status ?? 200, { errors: [{ message: e.message, extensions: { code } }], data: null });
        }
      })();
    });
  });
}

export function createFloorPool(url: string, size: number): Pool {
  return mysql.createPool({
    uri: url.replace(/^mariadb:/, 'mysql:'),
    connectionLimit: size,
    waitForConnections: true,
    timezone: 'Z',
    dateStrings: ['DATE'],
    charset: 'utf8mb4_unicode_ci',
  });
}

if (require.main === module) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const pool = createFloorPool(url, Number(process.env.DB_POOL_SIZE ?? 10));
  const server = createFloor(pool);
  server.listen(Number(process.env.PORT ?? 4100), '127.0.0.1', () => {
    console.log(`floor listening on ${process.env.PORT ?? 4100}`);
  });
  const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
