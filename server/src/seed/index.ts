import type { DataSource } from 'typeorm';
import { Agent } from '../agents/agent.entity';
import type { FileStorage } from '../files/storage';
import { Caisse } from '../professionals/caisse.entity';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PROFESSIONALS, seedDatabase } from './seed';

export {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  DEMO_PROFESSIONALS,
  seedDatabase,
  type DemoAccount,
  type SeedOptions,
  type SeedResult,
} from './seed';
export { SCENARIOS } from './scenarios';

/** First run of `npm start`: an empty database (no caisse yet) receives the demo dataset. */
export async function loadDemoDataIfEmpty(
  db: DataSource,
  storage: FileStorage,
  log: (message: string) => void,
): Promise<boolean> {
  if ((await db.getRepository(Caisse).count()) > 0) return false;
  log('Premier démarrage : chargement des données de démonstration…');
  const { professionals, seconds } = await seedDatabase(db, storage, { professionals: DEMO_PROFESSIONALS, log });
  log(`Données de démonstration chargées : ${professionals} professionnels en ${seconds.toFixed(1)} s.`);
  return true;
}

/** The start banner: where the console is and, when they exist, the demo accounts and their password. */
export async function demoAccountsBanner(db: DataSource, port: number): Promise<string> {
  const lines = [
    '',
    `  Ma Convention — back office CPAM : http://localhost:${port}`,
    `  API GraphQL : http://localhost:${port}/graphql`,
  ];
  const existing = new Set(
    (
      await db.getRepository(Agent).find({
        select: { email: true },
        where: DEMO_ACCOUNTS.map((a) => ({ email: a.email, active: true })),
      })
    ).map((a) => a.email),
  );
  const accounts = DEMO_ACCOUNTS.filter((a) => existing.has(a.email));
  if (accounts.length > 0) {
    const rows = [
      ['Adresse électronique', 'Rôle', 'Caisse', 'Mot de passe'],
      ...accounts.map((a) => [
        a.email,
        a.role,
        a.nationalScope ? `${a.caisseCode} (national)` : a.caisseCode,
        DEMO_PASSWORD,
      ]),
    ];
    const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
    const format = (row: string[]) =>
      `    ${row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')}`.trimEnd();
    lines.push(
      '',
      '  Comptes de démonstration :',
      format(rows[0]!),
      `    ${widths.map((w) => '─'.repeat(w)).join('  ')}`,
    );
    lines.push(...rows.slice(1).map(format));
  }
  return `${lines.join('\n')}\n`;
}
