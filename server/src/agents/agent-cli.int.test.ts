import { AuditEvent } from '../audit/audit-event.entity';
import { openTestDatabase, type TestDatabase } from '../test-support/test-db';
import { Agent } from './agent.entity';
import { runAgentCli } from './agent-cli';

describe('npm run agent', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(async () => t.close());

  async function run(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAgentCli(t.db, argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('creates an agent with a generated password printed once, audited as done from the command line', async () => {
    const result = await run(
      'create',
      '--email',
      'Admin.Un@Assurance-Maladie.fr',
      '--role',
      'admin',
      '--caisse',
      '211',
      '--national',
    );
    expect(result.code).toBe(0);
    expect(result.out).toMatch(
      /^Agent créé : #\d+ admin\.un@assurance-maladie\.fr — Admin Un — ADMIN, caisse 211 \(national\)/,
    );
    const password = /Mot de passe .* : (\S+)$/m.exec(result.out)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const agent = await t.db.getRepository(Agent).findOneByOrFail({ email: 'admin.un@assurance-maladie.fr' });
    expect(agent).toMatchObject({ role: 'ADMIN', nationalScope: true, active: true });
    expect(agent.passwordHash).not.toContain(password!);
    const event = await t.db
      .getRepository(AuditEvent)
      .findOneByOrFail({ action: 'AGENT_CREATED', targetId: String(agent.id) });
    expect(event).toMatchObject({ agentId: null, caisseCode: '211' });
    expect(event.details).toMatchObject({ via: 'cli' });
  });

  it('takes a given password and name, prints no password', async () => {
    const result = await run(
      'create',
      '--email',
      'c.deux@cpam.fr',
      '--role',
      'CONSEILLER',
      '--caisse',
      '2B1',
      '--name',
      'Camille Deux',
      '--password',
      'mot-de-passe-choisi',
    );
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).not.toMatch(/Mot de passe/);
  });

  it('lists, disables and re-enables', async () => {
    const list = await run('list');
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/c\.deux@cpam\.fr — Camille Deux — CONSEILLER, caisse 2B1/);

    expect(await run('disable', '--email', 'C.Deux@cpam.fr')).toMatchObject({
      code: 0,
      out: expect.stringMatching(/désactivé\.$/),
    });
    expect((await t.db.getRepository(Agent).findOneByOrFail({ email: 'c.deux@cpam.fr' })).active).toBe(false);
    expect((await run('list')).out).toMatch(/c\.deux@cpam\.fr .*\(DÉSACTIVÉ\)/);
    expect((await run('disable', '--email', 'c.deux@cpam.fr')).out).toMatch(/déjà désactivé/);
    expect((await run('enable', '--email', 'c.deux@cpam.fr')).code).toBe(0);
    expect((await t.db.getRepository(Agent).findOneByOrFail({ email: 'c.deux@cpam.fr' })).active).toBe(true);
  });

  it.each([
    [['create', '--email', 'x@cpam.fr', '--role', 'CONSEILLER'], 2, /--caisse/],
    [['create', '--email', 'x@cpam.fr', '--role', 'ROOT', '--caisse', '211'], 2, /Rôle inconnu.*\(--role\)/],
    [['create', '--email', 'x@cpam.fr', '--role', 'DAM', '--caisse', '21'], 2, /Code caisse invalide.*\(--caisse\)/],
    [
      ['create', '--email', 'x@cpam.fr', '--role', 'DAM', '--caisse', '211', '--password', 'court'],
      2,
      /au moins 12 caractères.*\(--password\)/,
    ],
    [['create', '--email', 'c.deux@cpam.fr', '--role', 'DAM', '--caisse', '211'], 1, /existe déjà/],
    [['disable', '--email', 'personne@cpam.fr'], 1, /introuvable/],
    [['disable'], 2, /--email/],
    [['promote', '--email', 'x@cpam.fr'], 2, /commande inconnue/],
    [['create', '--mail', 'x@cpam.fr'], 2, /option inconnue : --mail\./],
    [['create', '--email'], 2, /valeur manquante ou inattendue pour --email/],
    [['list', '--national=oui'], 2, /--national/],
    [[], 2, /commande manquante/],
  ])('refuses %j with exit code %i and a clear line', async (argv, code, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(code);
    expect(result.err.split('\n')[0]).toMatch(/^Erreur : /);
    expect(result.err).toMatch(message);
  });
});
