/**
 * A throw-away 3-node MariaDB Galera cluster on loopback, from Debian's mariadb-server and galera-4:
 * its own ports (found free), data directories, sockets and pid files under one temporary folder — it
 * never touches the MariaDB every other suite uses on 3306. Node 1 bootstraps the cluster, nodes 2 and
 * 3 join it by SST (rsync); a node killed and restarted rejoins by IST. Every mariadbd it starts is
 * killed on stop(), and on the test process's exit whatever happened.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { freePort } from '../support/free-port';

export const GALERA_PROVIDER = '/usr/lib/galera/libgalera_smm.so';

interface NodePorts {
  sql: number;
  gcomm: number;
  ist: number;
  sst: number;
}

export interface GaleraNode {
  n: number;
  dir: string;
  ports: NodePorts;
  process: ChildProcess | null;
}

const started = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class GaleraCluster {
  readonly nodes: GaleraNode[] = [];
  /** Size of each node's error log when it was last started: what follows is that start's story. */
  private readonly logStart = new Map<number, number>();

  private constructor(readonly base: string) {}

  /** Creates the folders and configuration of three nodes; nothing runs yet. */
  static async create(): Promise<GaleraCluster> {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'mcbo-galera-'));
    fs.chmodSync(base, 0o755);
    const cluster = new GaleraCluster(base);
    for (let n = 1; n <= 3; n += 1) {
      const ports = { sql: await freePort(), gcomm: await freePort(), ist: await freePort(), sst: await freePort() };
      cluster.nodes.push({ n, dir: path.join(base, `n${n}`), ports, process: null });
    }
    for (const node of cluster.nodes) {
      fs.mkdirSync(path.join(node.dir, 'data'), { recursive: true });
      fs.writeFileSync(path.join(node.dir, 'my.cnf'), cluster.config(node));
    }
    cluster.chown();
    return cluster;
  }

  url(n: number, database = ''): string {
    return `mysql://root@127.0.0.1:${this.nodes[n - 1]!.ports.sql}/${database}`;
  }

  private config(node: GaleraNode): string {
    const peers = this.nodes.map((p) => `127.0.0.1:${p.ports.gcomm}`).join(',');
    const d = node.dir;
    return `[mysqld]
${process.getuid?.() === 0 ? 'user=mysql' : ''}
datadir=${d}/data
socket=${d}/mysqld.sock
pid-file=${d}/mysqld.pid
port=${node.ports.sql}
bind-address=127.0.0.1
log-error=${d}/error.log
skip-name-resolve
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
innodb_buffer_pool_size=128M
innodb_log_file_size=64M
innodb_flush_log_at_trx_commit=2
performance_schema=OFF
max_connections=300
wsrep_on=ON
wsrep_provider=${GALERA_PROVIDER}
wsrep_cluster_address=gcomm://${peers}
wsrep_cluster_name=mcbo_test_${path.basename(this.base)}
wsrep_node_address=127.0.0.1:${node.ports.gcomm}
wsrep_node_name=n${node.n}
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:${node.ports.gcomm};ist.recv_addr=127.0.0.1:${node.ports.ist};gcache.size=128M;gcache.dir=${d}/data"
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:${node.ports.sst}
wsrep_slave_threads=2
`;
  }

  /** mariadbd runs as mysql when the suite runs as root (rsync SST refuses root-owned targets). */
  private chown(): void {
    if (process.getuid?.() === 0) spawnSync('chown', ['-R', 'mysql:mysql', this.base]);
  }

  /** Node 1: system tables, then a new cluster. */
  async bootstrap(): Promise<void> {
    const node = this.nodes[0]!;
    const install = spawnSync(
      'mariadb-install-db',
      [`--defaults-file=${node.dir}/my.cnf`, '--auth-root-authentication-method=normal', '--skip-test-db'],
      { encoding: 'utf8' },
    );
    if (install.status !== 0) throw new Error(`mariadb-install-db failed:\n${install.stdout}\n${install.stderr}`);
    this.chown();
    this.spawnNode(node, ['--wsrep-new-cluster']);
    await this.waitSynced(1, 60_000);
  }

  /** Starts a node that joins the running cluster (SST when empty, IST when it has a state). */
  startNode(n: number): void {
    this.spawnNode(this.nodes[n - 1]!, []);
  }

  private spawnNode(node: GaleraNode, extra: string[]): void {
    const logFile = path.join(node.dir, 'error.log');
    this.logStart.set(node.n, fs.existsSync(logFile) ? fs.statSync(logFile).size : 0);
    const child = spawn('mariadbd', [`--defaults-file=${node.dir}/my.cnf`, ...extra], {
      stdio: 'ignore',
      cwd: node.dir,
    });
    started.add(child);
    child.once('exit', () => started.delete(child));
    node.process = child;
  }

  /** kill -9: the node vanishes mid-write, as a crashed machine would. */
  async kill(n: number): Promise<void> {
    const node = this.nodes[n - 1]!;
    const child = node.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    node.process = null;
  }

  async status(n: number, variable: string): Promise<string | null> {
    let connection: mysql.Connection | null = null;
    try {
      connection = await mysql.createConnection({ uri: this.url(n), connectTimeout: 2000 });
      const [rows] = await connection.query('SHOW STATUS LIKE ?', [variable]);
      return (rows as { Value: string }[])[0]?.Value ?? null;
    } catch {
      return null;
    } finally {
      await connection?.end().catch(() => undefined);
    }
  }

  /** Waits until the node accepts SQL and is Synced with the cluster. */
  async waitSynced(n: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if ((await this.status(n, 'wsrep_local_state_comment')) === 'Synced') return;
      const child = this.nodes[n - 1]!.process;
      if (!child || child.exitCode !== null) throw new Error(`node ${n} exited:\n${this.log(n)}`);
      if (Date.now() > deadline) throw new Error(`node ${n} not Synced after ${timeoutMs} ms:\n${this.log(n)}`);
      await sleep(500);
    }
  }

  /** The last lines of a node's error log, for failure messages. */
  log(n: number, lines = 30): string {
    const file = path.join(this.nodes[n - 1]!.dir, 'error.log');
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : '(no log)';
  }

  /** Whether a node's last start joined by IST (incremental) rather than a full SST. */
  joinedByIst(n: number): boolean {
    const file = path.join(this.nodes[n - 1]!.dir, 'error.log');
    const since = fs
      .readFileSync(file)
      .subarray(this.logStart.get(n) ?? 0)
      .toString('utf8');
    return /IST received/.test(since);
  }

  /** Stops every node (SIGTERM, then SIGKILL) and removes the folder. */
  async stop(): Promise<void> {
    await Promise.all(
      this.nodes.map(async (node) => {
        const child = node.process;
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(force);
      }),
    );
    fs.rmSync(this.base, { recursive: true, force: true });
  }
}
