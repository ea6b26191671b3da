// `npm start`: install if needed, build what changed, then run the server, which migrates,
// loads the demo data on first run, serves API and console, and prints the URL and demo accounts.
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ROOT, buildIfStale, ensureDependencies } from './lib.mjs';

ensureDependencies();
buildIfStale('serveur', ['server/src'], path.join(ROOT, 'server/dist/main.js'), ['run', 'build', '-w', 'server']);
buildIfStale('console', ['client/src', 'client/index.html', 'schema'], path.join(ROOT, 'client/dist/index.html'), [
  'run',
  'build',
  '-w',
  'client',
]);

const child = spawn(process.execPath, ['server/dist/main.js'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { MCBO_SEED_ON_FIRST_RUN: 'true', LOG_LEVEL: 'warn', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
