import { openTestDatabase, type TestDatabase } from '../test-support/test-db';

describe('migrations', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(async () => t.close());

  it('leave no difference between the entities and the migrated schema', async () => {
    const pending = await t.db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('are all recorded as applied', async () => {
    expect(await t.db.showMigrations()).toBe(false);
  });

  it('start the audit chain from the genesis row', async () => {
    const rows: { last_id: number }[] = await t.db.query('SELECT last_id FROM audit_head WHERE id = 1');
    expect(rows).toHaveLength(1);
    expect(Number(rows[0]?.last_id)).toBe(0);
  });
});
