/**
 * Rows of one table found by one column, through SQL built from the entity metadata and values
 * converted by TypeORM's own driver (dates, booleans, JSON per dialect). For the lookups every request
 * makes (the session and its agent, the DataLoaders): building a query with TypeORM's query builder
 * costs more CPU than the indexed read itself (measured in docs/performance.md).
 */
import { EntityManager, type DataSource, type EntityMetadata, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { chunks } from './bulk';

/** The pool, or a transaction's manager (whose queries run on the transaction's connection). */
export type Queryable = DataSource | EntityManager;

const dataSourceOf = (db: Queryable): DataSource => (db instanceof EntityManager ? db.connection : db);

export type SortOrder<E> = [keyof E & string, 'ASC' | 'DESC'][];

interface Table {
  metadata: EntityMetadata;
  select: string;
  escape(name: string): string;
  column(property: string): string;
}
const tables = new WeakMap<DataSource, Map<unknown, Table>>();

function tableOf(db: DataSource, entity: EntityTarget<ObjectLiteral>): Table {
  let byEntity = tables.get(db);
  if (!byEntity) {
    byEntity = new Map();
    tables.set(db, byEntity);
  }
  let table = byEntity.get(entity);
  if (!table) {
    const metadata = db.getMetadata(entity);
    const escape = (name: string) => db.driver.escape(name);
    table = {
      metadata,
      escape,
      select: `SELECT ${metadata.columns.map((c) => escape(c.databaseName)).join(', ')} FROM ${escape(metadata.tableName)}`,
      column(property) {
        const column = metadata.findColumnWithPropertyName(property);
        if (!column) throw new Error(`${metadata.name}.${property}: unknown column`);
        return escape(column.databaseName);
      },
    };
    byEntity.set(entity, table);
  }
  return table;
}

function hydrate<E>(
  db: DataSource,
  metadata: EntityMetadata,
  row: Record<string, unknown>,
  columns: readonly ColumnMetadata[] = metadata.columns,
): E {
  const entity = metadata.create() as ObjectLiteral;
  for (const column of columns) {
    column.setEntityValue(entity, db.driver.prepareHydratedValue(row[column.databaseName], column));
  }
  return entity as E;
}

/**
 * `SELECT <every column> FROM <table> <alias>` and the hydration of its rows, for a hand-written query
 * over one table (filters and keyset written in SQL, rows still typed entities).
 */
export function selectFrom<E extends ObjectLiteral>(db: DataSource, entity: EntityTarget<E>, alias: string) {
  const table = tableOf(db, entity);
  return {
    sql: `${table.select} ${alias}`,
    hydrate: (rows: Record<string, unknown>[]) => rows.map((row) => hydrate<E>(db, table.metadata, row)),
  };
}

/**
 * Every row whose `property` is one of `keys`, in `order`. `omit`: columns left out of the SELECT and
 * of the entities (an import batch reads tens of thousands of value rows whose timestamps nobody reads).
 */
export async function findWhereIn<E extends ObjectLiteral>(
  db: Queryable,
  entity: EntityTarget<E>,
  property: keyof E & string,
  keys: readonly (string | number)[],
  order: SortOrder<E> = [],
  omit: readonly (keyof E & string)[] = [],
): Promise<E[]> {
  if (keys.length === 0) return [];
  const source = dataSourceOf(db);
  const table = tableOf(source, entity);
  const columns = omit.length
    ? table.metadata.columns.filter((c) => !omit.includes(c.propertyName as keyof E & string))
    : table.metadata.columns;
  const select = omit.length
    ? `SELECT ${columns.map((c) => table.escape(c.databaseName)).join(', ')} FROM ${table.escape(table.metadata.tableName)}`
    : table.select;
  const orderBy = order.length
    ? ` ORDER BY ${order.map(([p, direction]) => `${table.column(p)} ${direction}`).join(', ')}`
    : '';
  const rows: E[] = [];
  const slices = chunks([...keys]);
  for (const slice of slices) {
    const sql = `${select} WHERE ${table.column(property)} IN (${slice.map(() => '?').join(', ')})${orderBy}`;
    for (const row of (await db.query(sql, slice)) as Record<string, unknown>[]) {
      rows.push(hydrate<E>(source, table.metadata, row, columns));
    }
  }
  // Several slices are each in order; merged, they are not, which only very large batches reach.
  return slices.length > 1 && order.length ? sortRows(rows, order) : rows;
}

/** The row whose `property` is `key`, or null. */
export async function findByKey<E extends ObjectLiteral>(
  db: Queryable,
  entity: EntityTarget<E>,
  property: keyof E & string,
  key: string | number,
): Promise<E | null> {
  const source = dataSourceOf(db);
  const table = tableOf(source, entity);
  const rows = (await db.query(`${table.select} WHERE ${table.column(property)} = ? LIMIT 1`, [key])) as Record<
    string,
    unknown
  >[];
  return rows[0] ? hydrate<E>(source, table.metadata, rows[0]) : null;
}

function sortRows<E extends ObjectLiteral>(rows: E[], order: SortOrder<E>): E[] {
  const value = (v: unknown) => (v instanceof Date ? v.getTime() : (v as string | number));
  return rows.sort((a, b) => {
    for (const [p, direction] of order) {
      const [x, y] = [value(a[p]), value(b[p])];
      if (x === y) continue;
      return (x < y ? -1 : 1) * (direction === 'ASC' ? 1 : -1);
    }
    return 0;
  });
}
