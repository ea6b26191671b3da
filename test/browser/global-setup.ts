/** Once for the whole suite: the real server over a fresh SQLite directory with the demo data. */
import fs from 'node:fs';
import path from 'node:path';
import { startServer, type RunningServer } from './server-process';

declare global {
  var mcboBrowserServer: RunningServer | undefined;
}

export default async function globalSetup() {
  // This run's screenshots only: a screen that no longer exists leaves no stale picture behind.
  const shots = path.join(__dirname, 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  for (const file of fs.readdirSync(shots)) if (file.endsWith('.png')) fs.rmSync(path.join(shots, file));
  const server = await startServer();
  globalThis.mcboBrowserServer = server;
  // Tests run in band, in this process: they read the address from the environment.
  process.env.MCBO_BROWSER_URL = server.url;
  // The operator's CLI (npm run agent) acts on the same database: administration.test.ts makes a national admin.
  process.env.MCBO_BROWSER_DATA_DIR = server.dataDir;
}
