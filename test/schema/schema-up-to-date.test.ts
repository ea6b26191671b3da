import fs from 'node:fs';
import { printSchemaWithDirectives } from '../../server/src/cli/print-schema';
import { SCHEMA_FILE, getSchema } from '../../server/src/graphql/schema';

describe('schema/schema.graphql', () => {
  it('matches the SDL emitted by the resolvers (run `npm run schema:emit` after an API change)', async () => {
    const emitted = printSchemaWithDirectives(await getSchema());
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(emitted);
  });
});
