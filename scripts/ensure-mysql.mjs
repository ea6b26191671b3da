// Makes sure a MySQL-compatible server answers for the test run: TEST_DATABASE_URL when given,
// else MariaDB on 127.0.0.1:3306 (root, empty password), started or installed when we can.
import { spawnSync } from 'node:child_process';
import { commandExists, isRoot } from './lib.mjs';

const sh = (script) => spawnSync('/bin/sh', ['-c', script], { stdio: 'inherit' }).status === 0;
const quiet = (script) => spawnSync('/bin/sh', ['-c', script], { stdio: 'ignore' }).status === 0;

async function canConnect(url) {
  const { default: mysql } = await import('mysql2/promise');
  try {
    const c = await mysql.createConnection({ uri: url, connectTimeout: 3000 });
    await c.query('SELECT 1');
    await c.end();
    return true;
  } catch (error) {
    return error;
  }
}

export async function ensureMysql() {
  const url = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306';
  let status = await canConnect(url);
  if (status === true) return url;
  if (process.env.TEST_DATABASE_URL) {
    throw new Error(`TEST_DATABASE_URL (${url}) injoignable : ${status.code ?? ''} ${status.message}`);
  }
  if (!commandExists('mariadbd') && !quiet('test -x /usr/sbin/mariadbd')) {
    if (!isRoot())
      throw new Error(
        'Aucun serveur MySQL/MariaDB sur 127.0.0.1:3306 et mariadb-server absent (installation impossible sans root).',
      );
    console.log('› Installation de mariadb-server (Debian)…');
    if (!sh('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server >/dev/null')) {
      throw new Error('apt-get install mariadb-server a échoué.');
    }
  }
  console.log('› Démarrage de MariaDB…');
  sh('install -d -o mysql -g mysql -m 0755 /run/mysqld 2>/dev/null || true');
  sh('start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql');
  for (let i = 0; i < 60; i += 1) {
    if (quiet('mariadb-admin -uroot ping')) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  status = await canConnect(url);
  if (status === true) return url;
  // A fresh Debian install lets root in only through the unix socket: open TCP with an empty password.
  sh(
    `mariadb -uroot -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket; CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY ''; GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION; FLUSH PRIVILEGES;"`,
  );
  status = await canConnect(url);
  if (status === true) return url;
  throw new Error(`MariaDB injoignable sur 127.0.0.1:3306 : ${status.code ?? ''} ${status.message}`);
}
