/** `npm run agent -- create|list|disable|enable …` (see agents/agent-cli.ts). */
import 'reflect-metadata';
import { runAgentCli } from '../agents/agent-cli';
import { runWithDatabase } from '../db/open';

runWithDatabase((db) => runAgentCli(db, process.argv.slice(2), { out: console.log, err: console.error }));
