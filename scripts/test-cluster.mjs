// `npm run test:cluster`: multi-writer on a local 3-node MariaDB Galera cluster (test/cluster/).
// Installs Debian's galera-4 and rsync when missing (as root); mariadb-server must be installed (its
// service is never started or touched: the suite runs its own mariadbd processes on free loopback ports).
import fs from 'node:fs';
import { ensureDependencies, isRoot, run } from './lib.mjs';

const PROVIDER = '/usr/lib/galera/libgalera_smm.so';

function ensurePackages() {
  const missing = [];
  if (!fs.existsSync(PROVIDER)) missing.push('galera-4');
  if (!fs.existsSync('/usr/bin/rsync')) missing.push('rsync');
  if (!fs.existsSync('/usr/sbin/mariadbd')) {
    console.error('✗ mariadbd absent : installez le paquet Debian « mariadb-server ».');
    process.exit(1);
  }
  if (missing.length === 0) return;
  if (!isRoot()) {
    console.error(`✗ Paquets absents : ${missing.join(', ')} (apt-get install ${missing.join(' ')}).`);
    process.exit(1);
  }
  console.log(`› Installation de ${missing.join(', ')} (paquets Debian)…`);
  run('sh', [
    '-c',
    `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')} >/dev/null`,
  ]);
}

ensureDependencies();
ensurePackages();
const started = Date.now();
let failed = false;
try {
  run('npx', ['jest', '--config', 'test/cluster/jest.config.js', '--runInBand', '--ci', ...process.argv.slice(2)]);
} catch {
  failed = true;
}
console.log(`cluster: ${failed ? 'FAILED' : 'passed'} in ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(failed ? 1 : 0);
