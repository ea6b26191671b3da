/**
 * Multi-row writes (imports, seed, recomputation): one INSERT (or upsert) statement per slice of rows, sized under the
 * placeholder limits (SQLite 32 766 bound variables, MySQL 65 535). Values go through TypeORM's own
 * conversion (dates, JSON, booleans per dialect); table and column names come from the entity metadata.
 */
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

const MAX_PARAMETERS = 30_000;
const MAX_ROWS_PER_STATEMENT = 2_000;

export type BulkRow<E> = { [K in keyof E]?: E[K] | null };

const isSqlite = (em: EntityManager) => em.connection.options.type === 'better-sqlite3';

function columnsOf<E extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<E>, properties: string[]) {
  const metadata = em.connection.getMetadata(entity);
  const columns = properties.map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name}.${property}: unknown column`);
    return column;
  });
  return { metadata, columns };
}

function parameterOf(em: EntityManager, column: ColumnMetadata, raw: unknown): unknown {
  if (raw === undefined || raw === null) return null;
  let value: unknown = em.connection.driver.preparePersistentValue(raw, column);
  if (typeof value === 'boolean') value = value ? 1 : 0;
  return value ?? null;
}

type Run = (sql: string, parameters: unknown[]) => Promise<unknown>;

interface PreparingConnection {
  execute(sql: string, parameters: unknown[], callback: (error: Error | null) => void): void;
}

/**
 * How a statement is sent: through TypeORM (the driver escapes every parameter into the SQL text), or,
 * when `prepared` and on MySQL inside a transaction, as a server-side prepared statement on the
 * transaction's connection (binary protocol: parameters travel as they are). Escaping megabytes of JSON
 * text costs more CPU than inserting it; a prepared statement costs one round trip the first time its
 * text is seen on a connection, so it suits statements whose shape repeats (fixed-size batches).
 */
async function runnerOf(em: EntityManager, prepared: boolean): Promise<Run> {
  const runner = em.queryRunner;
  if (!prepared || isSqlite(em) || !runner || runner.isReleased || !runner.isTransactionActive)
    return (sql, parameters) => em.query(sql, parameters);
  const connection = (await runner.connect()) as PreparingConnection;
  return (sql, parameters) =>
    new Promise<void>((resolve, reject) =>
      connection.execute(sql, parameters, (error) => (error ? reject(error) : resolve())),
    );
}

async function writeSlices<E extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<E>,
  rows: BulkRow<E>[],
  tail: (escape: (name: string) => string, columns: ColumnMetadata[]) => string,
  prepared = false,
): Promise<void> {
  if (rows.length === 0) return;
  const properties = Object.keys(rows[0]!);
  const { metadata, columns } = columnsOf(em, entity, properties);
  const escape = (name: string) => em.connection.driver.escape(name);
  const head = `INSERT INTO ${escape(metadata.tableName)} (${columns.map((c) => escape(c.databaseName)).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const suffix = tail(escape, columns);
  const perStatement = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / columns.length)));
  const run = await runnerOf(em, prepared);
  for (let start = 0; start < rows.length; start += perStatement) {
    const slice = rows.slice(start, start + perStatement);
    const parameters: unknown[] = [];
    for (const row of slice) {
      for (const column of columns)
        parameters.push(parameterOf(em, column, (row as ObjectLiteral)[column.propertyName]));
    }
    await run(`${head}${new Array(slice.length).fill(tuple).join(', ')}${suffix}`, parameters);
  }
}

/** Inserts rows that all carry the same properties as the first one. */
export function bulkInsert<E extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<E>, rows: BulkRow<E>[]) {
  return writeSlices(em, entity, rows, () => '');
}

/**
 * Inserts rows, or updates `update` properties of the row that already holds the same unique key
 * (`conflict`: the properties of one unique index). The caller makes sure no other unique index can
 * conflict (MySQL would update on any of them). `touch` properties are set to the current time.
 * `prepared`: sent as a prepared statement on MySQL inside a transaction (large text values, see runnerOf).
 */
export function bulkUpsert<E extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<E>,
  rows: BulkRow<E>[],
  conflict: (keyof E & string)[],
  update: (keyof E & string)[],
  touch: (keyof E & string)[] = [],
  options: { prepared?: boolean } = {},
) {
  const sqlite = isSqlite(em);
  return writeSlices(
    em,
    entity,
    rows,
    (escape) => {
      const { columns: conflictColumns } = columnsOf(em, entity, conflict);
      const { columns: updateColumns } = columnsOf(em, entity, update);
      const { columns: touchColumns } = columnsOf(em, entity, touch);
      if (sqlite) {
        const sets = [
          ...updateColumns.map((c) => `${escape(c.databaseName)} = excluded.${escape(c.databaseName)}`),
          ...touchColumns.map((c) => `${escape(c.databaseName)} = CURRENT_TIMESTAMP`),
        ];
        return ` ON CONFLICT (${conflictColumns.map((c) => escape(c.databaseName)).join(', ')}) DO UPDATE SET ${sets.join(', ')}`;
      }
      const sets = [
        ...updateColumns.map((c) => `${escape(c.databaseName)} = VALUES(${escape(c.databaseName)})`),
        ...touchColumns.map((c) => `${escape(c.databaseName)} = CURRENT_TIMESTAMP(6)`),
      ];
      return ` ON DUPLICATE KEY UPDATE ${sets.join(', ')}`;
    },
    options.prepared,
  );
}

/**
 * Sets properties of rows found by id, each row its own values, in one UPDATE per slice
 * (`SET col = CASE id WHEN ? THEN ? … END … WHERE id IN (…)`): one round trip for a thousand rows
 * whose values all differ, in both dialects.
 */
export async function bulkUpdateById<E extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<E>,
  rows: ({ id: number } & BulkRow<E>)[],
  properties: (keyof E & string)[],
): Promise<void> {
  if (rows.length === 0) return;
  const { metadata, columns } = columnsOf(em, entity, properties);
  const escape = (name: string) => em.connection.driver.escape(name);
  const id = escape(metadata.findColumnWithPropertyName('id')!.databaseName);
  // Per row: 2 parameters per column (id, value) and 1 for the IN list.
  const perStatement = Math.max(
    1,
    Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / (2 * columns.length + 1))),
  );
  for (let start = 0; start < rows.length; start += perStatement) {
    const slice = rows.slice(start, start + perStatement);
    const parameters: unknown[] = [];
    const sets = columns.map((column) => {
      for (const row of slice)
        parameters.push(row.id, parameterOf(em, column, (row as ObjectLiteral)[column.propertyName]));
      return `${escape(column.databaseName)} = CASE ${id}${' WHEN ? THEN ?'.repeat(slice.length)} END`;
    });
    parameters.push(...slice.map((row) => row.id));
    await em.query(
      `UPDATE ${escape(metadata.tableName)} SET ${sets.join(', ')} WHERE ${id} IN (${slice.map(() => '?').join(', ')})`,
      parameters,
    );
  }
}

/** Splits a list for `IN (…)` clauses. */
export function chunks<T>(items: readonly T[], size = 5_000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
