/**
 * `npm run agent -- <command>`: agent management for the operator, through the same service as the
 * ADMIN mutations (same checks, same audit events, with `via: 'cli'` and no acting agent).
 */
import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import { AGENT_ROLES } from '../common/enums';
import { AppError } from '../common/errors';
import { Agent } from './agent.entity';
import { createAgent, findAgentByEmail, operatorContext, setAgentActive } from './agents.service';

export const AGENT_CLI_USAGE = `Usage : npm run agent -- <commande> [options]

  create --email <e-mail> --role <${AGENT_ROLES.join('|')}> --caisse <code> [--national] [--name <nom>] [--password <mot de passe>]
         Sans --password, un mot de passe est généré et affiché une seule fois.
  list   Liste les agents.
  disable --email <e-mail>
  enable  --email <e-mail>`;

export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Exit codes: 0 done, 1 refused by the rules (unknown agent, duplicate…), 2 the command line itself is wrong. */
export async function runAgentCli(db: DataSource, argv: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        email: { type: 'string' },
        role: { type: 'string' },
        caisse: { type: 'string' },
        national: { type: 'boolean', default: false },
        name: { type: 'string' },
        password: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usageError(io, describeParseError(error as Error & { code?: string }));
  }
  const { values, positionals } = parsed;
  const [command, ...extra] = positionals;
  if (values.help) {
    io.out(AGENT_CLI_USAGE);
    return 0;
  }
  if (!command) return usageError(io, 'commande manquante.');
  if (extra.length) return usageError(io, `argument inattendu : ${extra.join(' ')}.`);
  const ctx = operatorContext(db);

  try {
    switch (command) {
      case 'create': {
        const missing = (['email', 'role', 'caisse'] as const).filter((k) => !values[k]);
        if (missing.length)
          return usageError(io, `option(s) obligatoire(s) manquante(s) : ${missing.map((k) => `--${k}`).join(', ')}.`);
        const { agent, generatedPassword } = await createAgent(ctx, {
          email: values.email as string,
          role: values.role as string,
          caisseCode: values.caisse as string,
          nationalScope: values.national,
          displayName: values.name ?? null,
          password: values.password ?? null,
        });
        io.out(`Agent créé : #${agent.id} ${describe(agent)}`);
        if (generatedPassword)
          io.out(`Mot de passe (affiché une seule fois, à transmettre à l’agent) : ${generatedPassword}`);
        return 0;
      }
      case 'list': {
        const agents = await db.getRepository(Agent).find({ order: { id: 'ASC' } });
        if (agents.length === 0) io.out('Aucun agent.');
        for (const agent of agents) io.out(`#${agent.id}\t${describe(agent)}`);
        return 0;
      }
      case 'disable':
      case 'enable': {
        if (!values.email) return usageError(io, 'option obligatoire manquante : --email.');
        const found = await findAgentByEmail(ctx, values.email);
        const active = command === 'enable';
        const verb = active ? 'réactivé' : 'désactivé';
        if (found.active === active) {
          io.out(`Agent #${found.id} ${found.email} : déjà ${verb}, rien à faire.`);
        } else {
          await setAgentActive(ctx, found.id, active);
          io.out(`Agent #${found.id} ${found.email} ${verb}.`);
        }
        return 0;
      }
      default:
        return usageError(io, `commande inconnue : « ${command} ».`);
    }
  } catch (error) {
    if (error instanceof AppError) {
      const field = error.extensions.field ? ` (${cliOption(String(error.extensions.field))})` : '';
      io.err(`Erreur : ${error.message}${field}`);
      return error.extensions.code === 'BAD_USER_INPUT' ? 2 : 1;
    }
    throw error;
  }
}

function describe(agent: Agent): string {
  const flags = [agent.nationalScope ? 'national' : null, agent.active ? null : 'DÉSACTIVÉ'].filter(Boolean);
  return `${agent.email} — ${agent.displayName} — ${agent.role}, caisse ${agent.caisseCode}${flags.length ? ` (${flags.join(', ')})` : ''}`;
}

const cliOption = (field: string) =>
  ({ caisseCode: '--caisse', displayName: '--name', nationalScope: '--national' })[field] ?? `--${field}`;

/** node:util's parser speaks English; the operator reads French. */
function describeParseError(error: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `option inconnue : ${option}.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `valeur manquante ou inattendue pour ${option}.`;
    default:
      return error.message;
  }
}

function usageError(io: CliIO, message: string): number {
  io.err(`Erreur : ${message}`);
  io.err(AGENT_CLI_USAGE);
  return 2;
}
