import { auditServer } from 'graphql-http';
import { startTestApp, type TestApp } from '../../server/src/test-support/test-app';

describe('GraphQL over HTTP compliance (graphql-http audit)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.stop());

  it('fails no MUST of the spec', async () => {
    const results = await auditServer({ url: `${t.url}/graphql`, fetchFn: fetch });
    const failures = results.filter((r) => r.status === 'error').map((r) => `${r.id} ${r.name}`);
    expect(failures).toEqual([]);
    expect(results.filter((r) => r.status === 'ok').length).toBeGreaterThan(40);
  });
});
