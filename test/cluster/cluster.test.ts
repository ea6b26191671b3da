/**
 * Multi-writer on a 3-node MariaDB Galera cluster: one server process per node, each writing to its
 * own node. Checks race-safe decisions across nodes, a 30-second mixed load, a node killed (kill -9)
 * and rejoined by IST under load, then identical row counts and a verified audit on every node.
 * Figures are printed as `cluster:` lines (docs/scaling.md quotes them). Run: npm run test:cluster.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import argon2 from 'argon2';
import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { Agent } from '../../server/src/agents/agent.entity';
import { verifyAuditChains } from '../../server/src/audit/audit-verify';
import { createDataSource } from '../../server/src/db/data-source';
import { detectGalera, isGalera } from '../../server/src/db/galera';
import type { Professional } from '../../server/src/professionals/professional.entity';
import {
  createCaisses,
  createCampaign,
  createProfessional,
  receivedJustificatif,
} from '../../server/src/test-support/world';
import { GaleraCluster } from './galera';
import { gql, startServer, type ServerProcess } from '../support/server-process';

const PASSWORD = 'Cluster-mcbo-2026!';
const DATABASE = 'mcbo';
const LOAD_SECONDS = Number(process.env.CLUSTER_LOAD_SECONDS ?? 30);
/** CLUSTER_SINGLE_WRITER=1: every server writes to node 1 (single writer behind a proxy), for comparison. */
const SINGLE_WRITER = process.env.CLUSTER_SINGLE_WRITER === '1';
const writerOf = (n: number) => (SINGLE_WRITER ? 1 : n);

const LOGIN = 'mutation L($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';
const VIEW = 'query P($id: ID!) { professional(id: $id) { id } }';
const QUEUE = 'query { justificatifQueue(first: 20) { totalCount nodes { id } } }';
const CONTACT = 'mutation C($input: ContactInput!) { logContact(input: $input) { id } }';
const VALIDATE = `mutation V($id: ID!, $v: Int!, $checklist: [ChecklistItemInput!]) {
  validateJustificatif(id: $id, expectedVersion: $v, checklist: $checklist) { justificatif { id status version } }
}`;
const CHECKLIST = [
  'DOCUMENT_TYPE',
  'PUBLISHER_IDENTIFIED',
  'SOFTWARE_NAME',
  'ACQUISITION_DATE',
  'NOMINATIVE',
  'DMP_COMPATIBLE_MENTION',
  'CONNECTOR_OR_PACK_STATED',
].map((code) => ({ code, checked: true }));

const log = (line: string) => process.stdout.write(`cluster: ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Tally {
  total: number;
  byOutcome: Record<string, number>;
}
const errorsOf = (t: Tally) => t.total - (t.byOutcome.OK ?? 0) - (t.byOutcome.CONFLICT ?? 0);

describe('multi-writer on a 3-node Galera cluster', () => {
  const suiteStart = Date.now();
  let cluster: GaleraCluster;
  let servers: ServerProcess[] = [];
  let dataDir: string;
  let world: DataSource;
  const professionals: Professional[] = [];
  const racePieces: number[] = [];
  const loadPieces: number[] = [];
  const tokens: { conseillers: string[]; dam: string } = { conseillers: [], dam: '' };

  beforeAll(async () => {
    cluster = await GaleraCluster.create();
    let t = Date.now();
    await cluster.bootstrap();
    log(`node 1 bootstrapped in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    t = Date.now();
    cluster.startNode(2);
    cluster.startNode(3);
    await Promise.all([cluster.waitSynced(2, 300_000), cluster.waitSynced(3, 300_000)]);
    log(`nodes 2 and 3 joined (SST) in ${((Date.now() - t) / 1000).toFixed(1)} s`);

    const admin = await mysql.createConnection(cluster.url(1));
    await admin.query(`CREATE DATABASE ${DATABASE} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    const settings = {
      url: cluster.url(1, DATABASE),
      sqlitePath: '',
      poolSize: 4,
      queueLimit: 0,
      connectTimeoutMs: 5000,
    };
    world = await createDataSource(settings);
    await world.initialize();
    await world.runMigrations({ transaction: 'each' });
    await detectGalera(world);
    const em = world.manager;
    await createCaisses(em);
    const campaign = await createCampaign(em, 'fami-2024.json', 'CLOSED');
    for (let i = 0; i < 20; i += 1) {
      professionals.push(await createProfessional(em, { profession: 'CHIRURGIEN_DENTISTE', caisseCode: '211' }));
    }
    for (let i = 0; i < 45; i += 1) {
      const j = await receivedJustificatif(em, professionals[i % professionals.length]!, campaign, 'LOG_DMP');
      (i < 5 ? racePieces : loadPieces).push(j.id);
    }
    const passwordHash = await argon2.hash(PASSWORD, { type: argon2.argon2id });
    const agents = world.getRepository(Agent);
    const emails = ['c1', 'c2', 'c3'].map((c) => `${c}.conseiller@cpam-cluster.fr`);
    for (const [i, email] of [...emails, 'dam@cpam-cluster.fr'].entries()) {
      await agents.insert({
        email,
        passwordHash,
        displayName: `Agent ${i}`,
        role: i < 3 ? 'CONSEILLER' : 'DAM',
        caisseCode: '211',
        nationalScope: false,
        active: true,
      });
    }

    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcbo-cluster-files-'));
    t = Date.now();
    servers = await Promise.all(
      [1, 2, 3].map((n) => startServer(cluster.url(writerOf(n), DATABASE), dataDir, `n${n}`)),
    );
    log(SINGLE_WRITER ? 'single writer: every server on node 1' : 'multi-writer: server n on node n');
    log(`3 servers ready in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    // Each session is opened through one node and used at once through the others (read-your-writes).
    for (const [i, email] of emails.entries()) {
      const answer = await gql(servers[i]!.url, LOGIN, { email, password: PASSWORD });
      tokens.conseillers.push((answer.data?.login as { token: string }).token);
    }
    const dam = await gql(servers[2]!.url, LOGIN, { email: 'dam@cpam-cluster.fr', password: PASSWORD });
    tokens.dam = (dam.data?.login as { token: string }).token;
  }, 600_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    if (world?.isInitialized) await world.destroy();
    await cluster?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    log(`suite took ${((Date.now() - suiteStart) / 1000).toFixed(0)} s`);
  }, 120_000);

  it('runs on a synced 3-node cluster, which the server detects', async () => {
    expect(await cluster.status(1, 'wsrep_cluster_size')).toBe('3');
    expect(isGalera(world)).toBe(true);
    expect(tokens.conseillers).toHaveLength(3);
    expect(tokens.dam).toBeTruthy();
  });

  it('a session opened through one node is known at once on the others', async () => {
    for (let round = 0; round < 5; round += 1) {
      const login = await gql(servers[round % 3]!.url, LOGIN, {
        email: 'c1.conseiller@cpam-cluster.fr',
        password: PASSWORD,
      });
      const token = (login.data?.login as { token: string }).token;
      const reads = await Promise.all(servers.map((s) => gql(s.url, 'query { me { email } }', {}, token)));
      expect(reads.map((r) => r.outcome)).toEqual(['OK', 'OK', 'OK']);
    }
  });

  it('30 simultaneous decisions on one piece through 3 nodes: 1 wins, 29 CONFLICT, no internal error', async () => {
    const outcomes: Record<string, number> = {};
    for (const id of racePieces) {
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          gql(servers[i % 3]!.url, VALIDATE, { id: String(id), v: 1, checklist: CHECKLIST }, tokens.conseillers[i % 3]),
        ),
      );
      const byOutcome = answers.reduce<Record<string, number>>((acc, a) => {
        acc[a.outcome] = (acc[a.outcome] ?? 0) + 1;
        outcomes[a.outcome] = (outcomes[a.outcome] ?? 0) + 1;
        return acc;
      }, {});
      expect(byOutcome).toEqual({ OK: 1, CONFLICT: 29 });
    }
    log(`race: ${racePieces.length} pieces × 30 decisions: ${JSON.stringify(outcomes)}`);
  });

  /** Workers loop until the deadline: consultations (audited), contacts, decisions, queue reads. */
  async function load(targets: ServerProcess[], seconds: number, during?: () => Promise<void>): Promise<Tally> {
    const tally: Tally = { total: 0, byOutcome: {} };
    const deadline = Date.now() + seconds * 1000;
    const worker = async (w: number) => {
      const server = targets[w % targets.length]!;
      for (let i = 0; Date.now() < deadline && i < 100_000; i += 1) {
        const r = Math.random();
        const professional = professionals[Math.floor(Math.random() * professionals.length)]!;
        let answer;
        if (r < 0.55) answer = await gql(server.url, VIEW, { id: String(professional.id) }, tokens.conseillers[w % 3]);
        else if (r < 0.75)
          answer = await gql(
            server.url,
            CONTACT,
            {
              input: {
                channel: 'CALL',
                subject: 'Relance',
                notes: `Appel ${w}-${i}`,
                professionalId: String(professional.id),
              },
            },
            tokens.dam,
          );
        else if (r < 0.9) {
          const id = loadPieces[Math.floor(Math.random() * loadPieces.length)]!;
          answer = await gql(
            server.url,
            VALIDATE,
            { id: String(id), v: 1, checklist: CHECKLIST },
            tokens.conseillers[w % 3],
          );
        } else answer = await gql(server.url, QUEUE, {}, tokens.conseillers[w % 3]);
        tally.total += 1;
        tally.byOutcome[answer.outcome] = (tally.byOutcome[answer.outcome] ?? 0) + 1;
      }
    };
    await Promise.all([...Array.from({ length: 3 * targets.length }, (_, w) => worker(w)), during?.()]);
    return tally;
  }

  it(`a ${LOAD_SECONDS}-second mixed load on 3 writers: < 1 % errors, no INTERNAL_SERVER_ERROR`, async () => {
    const tally = await load(servers, LOAD_SECONDS);
    log(
      `mixed load ${LOAD_SECONDS} s, 9 clients over 3 nodes: ${tally.total} requests (${(tally.total / LOAD_SECONDS).toFixed(0)}/s), ` +
        `${JSON.stringify(tally.byOutcome)}, errors ${((100 * errorsOf(tally)) / tally.total).toFixed(2)} %`,
    );
    if (tally.byOutcome.INTERNAL_SERVER_ERROR) {
      // What the servers logged, so that an internal error found here can be understood afterwards.
      for (const [n, server] of servers.entries())
        log(
          `server ${n + 1} errors:\n${server
            .output()
            .split('\n')
            .filter((l) => /error/i.test(l))
            .slice(-20)
            .join('\n')}`,
        );
    }
    expect(tally.byOutcome.INTERNAL_SERVER_ERROR ?? 0).toBe(0);
    expect(errorsOf(tally) / tally.total).toBeLessThan(0.01);
  }, 120_000);

  it('a node killed (kill -9) under load rejoins by IST; its server serves again', async () => {
    let rejoinSeconds = 0;
    const tally = await load(servers.slice(0, 2), 20, async () => {
      await sleep(3000);
      await cluster.kill(3);
      await sleep(4000);
      const t = Date.now();
      cluster.startNode(3);
      await cluster.waitSynced(3, 300_000);
      rejoinSeconds = (Date.now() - t) / 1000;
    });
    log(
      `kill -9 of node 3 under load on nodes 1-2: ${tally.total} requests, ${JSON.stringify(tally.byOutcome)}; ` +
        `node 3 rejoined in ${rejoinSeconds.toFixed(1)} s (IST: ${cluster.joinedByIst(3)})`,
    );
    if (!cluster.joinedByIst(3)) log(`node 3 transfer log:\n${cluster.transferLines(3).slice(-25).join('\n')}`);
    expect(cluster.joinedByIst(3)).toBe(true);
    expect(tally.byOutcome.INTERNAL_SERVER_ERROR ?? 0).toBe(0);
    expect(errorsOf(tally) / tally.total).toBeLessThan(0.01);
    // Server 3 lost its connections with the node; it reconnects by itself.
    let answer = await gql(servers[2]!.url, VIEW, { id: String(professionals[0]!.id) }, tokens.conseillers[2]);
    for (let i = 0; i < 30 && answer.outcome !== 'OK'; i += 1) {
      await sleep(1000);
      answer = await gql(servers[2]!.url, VIEW, { id: String(professionals[0]!.id) }, tokens.conseillers[2]);
    }
    expect(answer.outcome).toBe('OK');
  }, 420_000);

  it('every node holds the same rows and a verified audit, every event linked', async () => {
    // The linker (one of the three servers) links what the load recorded.
    let verdict = await verifyAuditChains(world);
    for (let i = 0; i < 60 && verdict.unlinked > 0; i += 1) {
      await sleep(500);
      verdict = await verifyAuditChains(world);
    }
    expect(verdict).toMatchObject({ ok: true, unlinked: 0 });
    const counts: Record<string, number>[] = [];
    for (const n of [1, 2, 3]) {
      const connection = await mysql.createConnection(cluster.url(n, DATABASE));
      try {
        await connection.query('SET SESSION wsrep_sync_wait = 1');
        const [tables] = await connection.query(
          'SELECT table_name AS t FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name',
          [DATABASE],
        );
        const row: Record<string, number> = {};
        for (const { t } of tables as { t: string }[]) {
          const [[c]] = (await connection.query(`SELECT COUNT(*) AS c FROM \`${t}\``)) as [{ c: number }[], unknown];
          row[t] = Number(c!.c);
        }
        counts.push(row);
      } finally {
        await connection.end();
      }
      const node = await createDataSource({
        url: cluster.url(n, DATABASE),
        sqlitePath: '',
        poolSize: 2,
        queueLimit: 0,
        connectTimeoutMs: 5000,
      });
      await node.initialize();
      try {
        const onNode = await verifyAuditChains(node);
        expect(onNode).toMatchObject({ ok: true, unlinked: 0, count: verdict.count });
      } finally {
        await node.destroy();
      }
    }
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[2]).toEqual(counts[0]);
    log(
      `consistency: ${Object.keys(counts[0]!).length} tables identical on 3 nodes; audit ${verdict.count} events in ` +
        `${verdict.chains.length} chains verified on each`,
    );
  }, 180_000);
});
