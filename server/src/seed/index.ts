import type { DataSource } from 'typeorm';
import { Agent } from '../agents/agent.entity';
import type { FileStorage } from '../files/storage';
import { Caisse } from '../professionals/caisse.entity';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PROFESSIONALS, seedDatabase } from './seed';

export { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDatabase } from './seed';

/** First run of `npm start`: an empty database receives the demo dataset. */
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

/** The start banner: where the console is and, when they exist, the demo accounts. */
export async function demoAccountsBanner(db: DataSource, port: number): Promise<string> {
  const lines = [
    '',
    `  Ma Convention — back office CPAM : http://localhost:${port}`,
    `  API GraphQL : http://localhost:${port}/graphql`,
  ];
  const existing = await db
    .getRepository(Agent)
    .find({ where: DEMO_ACCOUNTS.map((a) => ({ email: a.email, active: true })) });
  if (existing.length > 0) {
    lines.push('', `  Comptes de démonstration (mot de passe : ${DEMO_PASSWORD})`);
    for (const account of DEMO_ACCOUNTS.filter((a) => existing.some((e) => e.email === a.email))) {
      lines.push(
        `    ${account.email.padEnd(36)} ${account.role.padEnd(12)} caisse ${account.caisseCode}${account.nationalScope ? ' (national)' : ''}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
