// `npm run bench -- [--professionals 20000] [--duration 10] [--connections 8] [--only a1,b,…]`:
// the harness is TypeScript (bench/run.ts), run with tsx and the server's tsconfig (decorators).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const result = spawnSync(
  'npx',
  ['tsx', '--tsconfig', 'server/tsconfig.json', 'bench/run.ts', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
