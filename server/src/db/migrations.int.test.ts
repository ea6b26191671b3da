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

  it('start with no audit chain: each is created by its first linked event', async () => {
    const rows: unknown[] = await t.db.query('SELECT * FROM audit_chain');
    expect(rows).toHaveLength(0);
  });
});
