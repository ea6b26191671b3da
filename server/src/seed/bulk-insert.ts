/**
 * Multi-row INSERTs in raw SQL with placeholders, for the seed's large volumes. The query builder spends
 * more time building parameters than the database spends writing them; this keeps TypeORM's own value
 * conversion (driver.preparePersistentValue: dates, JSON, booleans per dialect) and drops the rest.
 */
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Under SQLite's 32 766 bound variables and MySQL's 65 535 placeholders. */
const MAX_PARAMETERS = 30_000;

export type Row<E> = { [K in keyof E]?: E[K] | null };

interface Statement {
  head: string;
  tuple: string;
  columns: ColumnMetadata[];
  rowsPerStatement: number;
}

export class BulkInserter {
  private readonly statements = new Map<unknown, Statement>();

  constructor(
    private readonly db: DataSource,
    private readonly maxRowsPerStatement = 1000,
  ) {}

  /** Inserts `rows` (all with the same properties as the first one) in as few statements as the limits allow. */
  async insert<E extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<E>, rows: Row<E>[]): Promise<number> {
    if (rows.length === 0) return 0;
    const statement = this.statementFor(entity, rows[0]!);
    const { columns, rowsPerStatement } = statement;
    const driver = this.db.driver;
    for (let start = 0; start < rows.length; start += rowsPerStatement) {
      const slice = rows.slice(start, start + rowsPerStatement);
      const parameters: unknown[] = new Array(slice.length * columns.length);
      let p = 0;
      for (const row of slice) {
        for (const column of columns) {
          const raw = (row as Record<string, unknown>)[column.propertyName];
          let value: unknown = raw === undefined || raw === null ? null : driver.preparePersistentValue(raw, column);
          if (typeof value === 'boolean') value = value ? 1 : 0;
          parameters[p++] = value ?? null;
        }
      }
      const sql = `${statement.head}${new Array(slice.length).fill(statement.tuple).join(',')}`;
      await em.query(sql, parameters);
    }
    return rows.length;
  }

  private statementFor<E extends ObjectLiteral>(entity: EntityTarget<E>, sample: Row<E>): Statement {
    const properties = Object.keys(sample);
    const key = `${this.db.getMetadata(entity).tableName}:${properties.join(',')}`;
    const cached = this.statements.get(key);
    if (cached) return cached;
    const metadata = this.db.getMetadata(entity);
    const columns = properties.map((property) => {
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`${metadata.name}.${property} : colonne inconnue`);
      return column;
    });
    const escape = (name: string) => this.db.driver.escape(name);
    const statement: Statement = {
      head: `INSERT INTO ${escape(metadata.tableName)} (${columns.map((c) => escape(c.databaseName)).join(',')}) VALUES `,
      tuple: `(${columns.map(() => '?').join(',')})`,
      columns,
      rowsPerStatement: Math.max(1, Math.min(this.maxRowsPerStatement, Math.floor(MAX_PARAMETERS / columns.length))),
    };
    this.statements.set(key, statement);
    return statement;
  }
}
