// Helpers shared by the two commands. Node built-ins only: they run before dependencies exist.
import { execSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: process.env, ...options });
  if (result.status !== 0) {
    const error = new Error(`${cmd} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    error.exitCode = result.status ?? 1;
    throw error;
  }
}

const stampFile = path.join(ROOT, 'node_modules', '.mcbo-install-stamp');
const lockHash = () =>
  crypto
    .createHash('sha256')
    .update(
      fs.existsSync(path.join(ROOT, 'package-lock.json')) ? fs.readFileSync(path.join(ROOT, 'package-lock.json')) : '',
    )
    .update(
      ['package.json', 'server/package.json', 'client/package.json']
        .map((f) => fs.readFileSync(path.join(ROOT, f), 'utf8'))
        .join('\n'),
    )
    .digest('hex');

/** Installs dependencies when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const wanted = lockHash();
  const installed = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : '';
  if (installed === wanted && fs.existsSync(path.join(ROOT, 'node_modules', 'better-sqlite3'))) return;
  console.log('› Installation des dépendances (better-sqlite3 se compile, ~2 min la première fois)…');
  // `npm install` rather than `npm ci`: it follows the lock file, and it tolerates the platform-specific
  // optional packages that npm leaves out of a lock written on another platform.
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error']);
  fs.writeFileSync(stampFile, wanted);
}

/** Newest modification time under a folder (ignoring build output), to rebuild only when sources changed. */
export function newestMtime(dir, ignore = ['node_modules', 'dist']) {
  let newest = 0;
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      if (ignore.includes(entry.name)) continue;
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  if (!fs.existsSync(dir)) return newest;
  if (fs.statSync(dir).isFile()) return fs.statSync(dir).mtimeMs;
  walk(dir);
  return newest;
}

/** Rebuilds an output when any of its sources is newer. */
export function buildIfStale(label, sources, output, args) {
  const outputTime = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
  if (outputTime > Math.max(...sources.map((d) => newestMtime(path.join(ROOT, d))))) return;
  console.log(`› Construction : ${label}…`);
  run('npm', args);
  fs.utimesSync(output, new Date(), new Date());
}

export function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

export function commandExists(name) {
  try {
    execSync(`command -v ${name}`, { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
}
