/** Writes schema/schema.graphql from the type-graphql resolvers (committed; a test checks it is current). */
import 'reflect-metadata';
import fs from 'node:fs';
import { printSchemaWithDirectives } from './print-schema';
import { SCHEMA_FILE, getSchema } from '../graphql/schema';

async function main() {
  const sdl = printSchemaWithDirectives(await getSchema());
  fs.writeFileSync(SCHEMA_FILE, sdl);
  console.log(`wrote ${SCHEMA_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
