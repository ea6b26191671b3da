/**
 * Campaign completion for supervisors: a handful of grouped queries over the scope, whatever the
 * number of professionals. Figures are computed in SQL; labels and rates here.
 */
import { Permission, effectiveCaisses, requirePermission } from '../agents/authorization';
import { campaignNode } from '../campaigns/campaign.nodes';
import { Indicator } from '../campaigns/indicator.entity';
import type { Profession, Scheme } from '../common/enums';
import { AppError, ErrorCode, badInput } from '../common/errors';
import { Declaration, IndicatorValue } from '../declarations/declaration.entity';
import type { RequestContext } from '../common/request-context';
import { Justificatif } from '../justificatifs/justificatif.entity';
import { Payment } from '../payments/payment.entity';
import { Professional } from '../professionals/professional.entity';
import { In, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { bucketDayThresholds } from './age-buckets';
import { utcDay } from './counters';
import { assembleProgress } from './progress.assembly';
import type { CampaignProgressNode } from './progress.types';

const num = (v: unknown) => Number(v ?? 0);

function scoped<T extends ObjectLiteral>(
  q: SelectQueryBuilder<T>,
  alias: string,
  caisses: string[] | null,
  profession: Profession | null | undefined,
) {
  if (caisses) q.andWhere(`${alias}.caisseCode IN (:...caisses)`, { caisses });
  if (profession) q.andWhere(`${alias}.profession = :profession`, { profession });
  return q;
}

type Row = { caisse: string; profession: Profession };

export async function campaignProgress(
  ctx: RequestContext,
  year: number,
  scheme: Scheme | null | undefined,
  caisseCode: string | null | undefined,
  profession: Profession | null | undefined,
): Promise<CampaignProgressNode> {
  const agent = requirePermission(ctx.agent, Permission.READ_DASHBOARDS);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw badInput(`Année de campagne invalide : ${year}.`, 'campaignYear');
  const campaigns = (await ctx.loaders.campaigns()).filter(
    (c) => c.referenceYear === year && (!scheme || c.scheme === scheme),
  );
  if (campaigns.length === 0) {
    throw new AppError(ErrorCode.NOT_FOUND, `Aucune campagne ${scheme ?? ''} ${year}.`.replace('  ', ' '), {
      field: 'campaignYear',
    });
  }
  const campaignIds = campaigns.map((c) => c.id);
  const professions = [...new Set(campaigns.flatMap((c) => c.professions))].filter(
    (p) => !profession || p === profession,
  );
  const caisses = effectiveCaisses(agent, caisseCode);
  const db = ctx.db;
  const noRows = caisses !== null && caisses.length === 0;

  const [counted, indicators, caisseRows] = noRows
    ? [{ concerned: [], declarations: [], justificatifs: [], achievements: [], paidCents: 0 }, [], []]
    : await Promise.all([
        counterRows(db, { campaignIds, professions, caisses, profession, today: utcDay(new Date()) }),
        db
          .getRepository(Indicator)
          .find({ where: { campaignId: In(campaignIds) }, order: { campaignId: 'ASC', displayOrder: 'ASC' } }),
        caisses
          ? ctx.db.query(
              'SELECT code, name FROM caisse WHERE code IN (' + caisses.map(() => '?').join(',') + ')',
              caisses,
            )
          : ctx.db.query('SELECT code, name FROM caisse'),
      ]);
  const { concerned, declarations, justificatifs, achievements } = counted;
  const paid = { total: counted.paidCents };

  return {
    campaigns: campaigns.map(campaignNode),
    caisseCode: caisseCode ?? null,
    profession: profession ?? null,
    ...assembleProgress({
      campaigns,
      concerned,
      declarations,
      justificatifs,
      achievements,
      indicators,
      paidCents: paid.total,
      caisseNames: caisseRows as { code: string; name: string }[],
      profession,
    }),
  };
}

/**
 * The same rows grouped from the base tables (a pass over every row of the scope): what the counters
 * replace, kept to prove them equal (the integration tests compare both answers).
 */
export async function baseTableRows(db: DataSource | EntityManager, scope: ProgressScope) {
  const { campaignIds, professions, caisses, profession } = scope;
  const [t8, t16, t31] = bucketDayThresholds(scope.today).map((d) => new Date(`${d}T00:00:00Z`));
  const achievementQuery = db
    .getRepository(IndicatorValue)
    .createQueryBuilder('v')
    .select('v.indicatorId', 'indicatorId')
    .addSelect('v.achievement', 'achievement')
    .addSelect('COUNT(*)', 'n')
    .where('v.campaignId IN (:...campaignIds)', { campaignIds });
  if (caisses || profession) {
    achievementQuery.innerJoin(Declaration, 'd', 'd.id = v.declarationId AND d.campaignId IN (:...campaignIds)');
    scoped(achievementQuery, 'd', caisses, profession as Profession | null);
  }
  const paidQuery = db
    .getRepository(Payment)
    .createQueryBuilder('pay')
    .select('SUM(pay.amountCents)', 'total')
    .where('pay.campaignId IN (:...campaignIds)', { campaignIds })
    .andWhere("pay.status <> 'CANCELLED'");
  if (caisses) paidQuery.andWhere('pay.caisseCode IN (:...caisses)', { caisses });
  if (profession)
    paidQuery
      .innerJoin(Professional, 'p', 'p.id = pay.professionalId')
      .andWhere('p.profession = :profession', { profession });
  const [concerned, declarations, justificatifs, achievements, paid] = await Promise.all([
    scoped(
      db
        .getRepository(Professional)
        .createQueryBuilder('p')
        .select('p.caisseCode', 'caisse')
        .addSelect('p.profession', 'profession')
        .addSelect('COUNT(*)', 'n')
        .where(professions.length ? 'p.profession IN (:...professions)' : '1 = 0', { professions }),
      'p',
      caisses,
      null,
    )
      .groupBy('p.caisseCode')
      .addGroupBy('p.profession')
      .getRawMany<Row & { n: string }>(),
    scoped(
      db
        .getRepository(Declaration)
        .createQueryBuilder('d')
        .select('d.caisseCode', 'caisse')
        .addSelect('d.profession', 'profession')
        .addSelect('d.status', 'status')
        .addSelect('COUNT(*)', 'n')
        .addSelect('SUM(d.projectedRemunerationCents)', 'projected')
        .addSelect('SUM(COALESCE(d.computedRemunerationCents, 0))', 'computed')
        .where('d.campaignId IN (:...campaignIds)', { campaignIds }),
      'd',
      caisses,
      profession as Profession | null,
    )
      .groupBy('d.caisseCode')
      .addGroupBy('d.profession')
      .addGroupBy('d.status')
      .getRawMany<Row & { status: string; n: string; projected: string; computed: string }>(),
    scoped(
      db
        .getRepository(Justificatif)
        .createQueryBuilder('j')
        .select('j.caisseCode', 'caisse')
        .addSelect('j.profession', 'profession')
        .addSelect('j.status', 'status')
        .addSelect(
          'CASE WHEN j.receivedAt >= :t8 THEN 0 WHEN j.receivedAt >= :t16 THEN 1 WHEN j.receivedAt >= :t31 THEN 2 ELSE 3 END',
          'bucket',
        )
        .addSelect('COUNT(*)', 'n')
        .where('j.campaignId IN (:...campaignIds)', { campaignIds })
        .setParameters({ t8, t16, t31 }),
      'j',
      caisses,
      profession as Profession | null,
    )
      .groupBy('j.caisseCode')
      .addGroupBy('j.profession')
      .addGroupBy('j.status')
      .addGroupBy('bucket')
      .getRawMany<Row & { status: string; bucket: string; n: string }>(),
    achievementQuery
      .groupBy('v.indicatorId')
      .addGroupBy('v.achievement')
      .getRawMany<{ indicatorId: string; achievement: string; n: string }>(),
    paidQuery.getRawOne<{ total: string | null }>(),
  ]);
  return { concerned, declarations, justificatifs, achievements, paidCents: num(paid?.total) };
}

export interface ProgressScope {
  campaignIds: number[];
  /** The campaigns' professions (already narrowed to the requested one). */
  professions: string[];
  caisses: string[] | null;
  profession: string | null | undefined;
  /** UTC day the backlog's age is measured on. */
  today: string;
}

/**
 * The grouped rows of the dashboard, read from the progress counters (a few rows per caisse and
 * profession, whatever the number of professionals) in one statement: what the assembly needs, nothing
 * recomputed.
 */
export async function counterRows(db: DataSource | EntityManager, scope: ProgressScope) {
  const statement = counterStatement(scope);
  return splitCounterRows((await db.query(statement.sql, statement.params)) as CounterRow[]);
}

/** One row of the counter statement: `kind` says which of the dashboard's groupings it belongs to. */
export interface CounterRow {
  kind: 'PROFESSIONAL' | 'DECLARATION' | 'JUSTIFICATIF' | 'ACHIEVEMENT' | 'PAYMENT';
  caisse: string | null;
  profession: string | null;
  status: string | null;
  indicatorId: number | string | null;
  /** The count; for JUSTIFICATIF, of the first age bucket (n1–n3: the others). */
  n: number | string | null;
  projected: number | string | null;
  computed: number | string | null;
  n1: number | string | null;
  n2: number | string | null;
  n3: number | string | null;
}

/** The counter statement's rows, sorted into the groupings the assembly reads (pure). */
export function splitCounterRows(rows: CounterRow[]) {
  type Grouped = Row & { status: string; n: string; projected: string; computed: string; bucket: string };
  const concerned: (Row & { n: string })[] = [];
  const declarations: Grouped[] = [];
  const justificatifs: Grouped[] = [];
  const achievements: { indicatorId: string; achievement: string; n: string }[] = [];
  let paidCents = 0;
  for (const r of rows) {
    const grouped = (n: unknown, bucket = 0) => ({
      caisse: r.caisse!,
      profession: r.profession as Profession,
      status: r.status!,
      n: String(n ?? 0),
      projected: String(r.projected ?? 0),
      computed: String(r.computed ?? 0),
      bucket: String(bucket),
    });
    if (r.kind === 'PROFESSIONAL') concerned.push(grouped(r.n));
    else if (r.kind === 'DECLARATION') declarations.push(grouped(r.n));
    else if (r.kind === 'JUSTIFICATIF')
      [r.n, r.n1, r.n2, r.n3].forEach((n, bucket) => num(n) !== 0 && justificatifs.push(grouped(n, bucket)));
    else if (r.kind === 'ACHIEVEMENT')
      achievements.push({ indicatorId: String(r.indicatorId), achievement: r.status!, n: String(r.n ?? 0) });
    else paidCents = num(r.projected);
  }
  return { concerned, declarations, justificatifs, achievements, paidCents };
}

/**
 * The counter statement of a scope: the five groupings as one `UNION ALL`, one round trip (shared with the
 * bench's floor, which runs it by hand).
 */
export function counterStatement(scope: ProgressScope): { sql: string; params: unknown[] } {
  const list = (values: readonly unknown[]) => values.map(() => '?').join(',');
  const ids = list(scope.campaignIds);
  const where = (kind: string, campaigns: boolean) => {
    const params: unknown[] = [kind, ...(campaigns ? scope.campaignIds : [])];
    let sql = `WHERE c.kind = ? AND c.campaign_id IN (${campaigns ? ids : '0'})`;
    if (scope.caisses) {
      sql += ` AND c.caisse_code IN (${list(scope.caisses)})`;
      params.push(...scope.caisses);
    }
    if (!campaigns) {
      sql += scope.professions.length ? ` AND c.profession IN (${list(scope.professions)})` : ' AND 1 = 0';
      params.push(...scope.professions);
    } else if (scope.profession) {
      sql += ' AND c.profession = ?';
      params.push(scope.profession);
    }
    return { sql, params };
  };
  const [t8 = '', t16 = '', t31 = ''] = bucketDayThresholds(scope.today);
  const concerned = where('PROFESSIONAL', false);
  const declarations = where('DECLARATION', true);
  const justificatifs = where('JUSTIFICATIF', true);
  const achievements = where('ACHIEVEMENT', true);
  const paid = where('PAYMENT', true);
  // Every branch has the same columns: kind, caisse, profession, status, indicatorId, n, projected, computed,
  // and n1–n3. Each groups in the primary key's order (indicator_id is 0 outside ACHIEVEMENT), so none needs a
  // temporary table; the backlog's four age buckets are summed side by side (n, n1, n2, n3) rather than grouped.
  const ages: [from: string | null, to: string | null][] = [
    [t8, null],
    [t16, t8],
    [t31, t16],
    [null, t31],
  ];
  const [b0, b1, b2, b3] = ages.map(
    ([from, to]) =>
      `SUM(CASE WHEN ${[from !== null && 'c.received_day >= ?', to !== null && 'c.received_day < ?'].filter(Boolean).join(' AND ')} THEN c.n ELSE 0 END)`,
  );
  const ageParams = ages.flatMap((range) => range.filter((day) => day !== null));
  const parts = [
    `SELECT 'PROFESSIONAL' AS kind, c.caisse_code AS caisse, c.profession AS profession, NULL AS status, NULL AS indicatorId, SUM(c.n) AS n, NULL AS projected, NULL AS computed, NULL AS n1, NULL AS n2, NULL AS n3 FROM progress_counter c ${concerned.sql} GROUP BY c.caisse_code, c.profession HAVING SUM(c.n) <> 0`,
    `SELECT 'DECLARATION', c.caisse_code, c.profession, c.status, NULL, SUM(c.n), SUM(c.amount_cents), SUM(c.computed_cents), NULL, NULL, NULL FROM progress_counter c ${declarations.sql} GROUP BY c.caisse_code, c.profession, c.indicator_id, c.status HAVING SUM(c.n) <> 0`,
    `SELECT 'JUSTIFICATIF', c.caisse_code, c.profession, c.status, NULL, ${b0}, NULL, NULL, ${b1}, ${b2}, ${b3} FROM progress_counter c ${justificatifs.sql} GROUP BY c.caisse_code, c.profession, c.indicator_id, c.status HAVING SUM(c.n) <> 0`,
    `SELECT 'ACHIEVEMENT', NULL, NULL, c.status, c.indicator_id, SUM(c.n), NULL, NULL, NULL, NULL, NULL FROM progress_counter c ${achievements.sql} GROUP BY c.indicator_id, c.status HAVING SUM(c.n) <> 0`,
    `SELECT 'PAYMENT', NULL, NULL, NULL, NULL, NULL, SUM(c.amount_cents), NULL, NULL, NULL, NULL FROM progress_counter c ${paid.sql} AND c.status <> 'CANCELLED'`,
  ];
  return {
    sql: parts.join(' UNION ALL '),
    params: [
      ...concerned.params,
      ...declarations.params,
      ...ageParams,
      ...justificatifs.params,
      ...achievements.params,
      ...paid.params,
    ],
  };
}
