/**
 * Runs every example of docs/api.md: each operation must validate against the schema and, executed
 * as the role its heading names, answer without error (or with the error the doc announces) and contain
 * the documented answer where the doc shows one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { getSchema } from '../../server/src/graphql/schema';
import { startTestApp, type TestApp } from '../../server/src/test-support/test-app';
import {
  createCaisses,
  createCampaign,
  createProfessional,
  createSoftware,
  declare,
  receivedJustificatif,
  softwareValue,
} from '../../server/src/test-support/world';

interface Example {
  title: string;
  role: 'CONSEILLER' | 'DAM' | 'SUPERVISEUR';
  query: string;
  variables: string;
  expectedError: string | null;
  /** The documented answer (a subset of `data`), with `{{…}}` placeholders. */
  expectedAnswer: string | null;
}

function readExamples(): Example[] {
  const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'api.md'), 'utf8');
  return doc
    .split(/^### /m)
    .slice(1)
    .map((section) => {
      const title = section.split('\n')[0]!.trim();
      const role = /\((conseiller|DAM|superviseur)\)/i.exec(title)?.[1]?.toUpperCase() as Example['role'];
      const query = /```graphql\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
      const variables = /```json\n([\s\S]*?)```/.exec(section)?.[1] ?? '{}';
      const expectedError = /Expected error: `([A-Z_]+)`/.exec(section)?.[1] ?? null;
      const expectedAnswer = /Expected answer:\s*\n+```json\n([\s\S]*?)```/.exec(section)?.[1] ?? null;
      return { title, role, query, variables, expectedError, expectedAnswer };
    });
}

describe('docs/api.md examples', () => {
  const examples = readExamples();
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const values: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.db.manager;
    await createCaisses(em);
    const campaign = await createCampaign(em, 'fami-2024.json', 'CLOSED');
    const dentist = await createProfessional(em, { profession: 'CHIRURGIEN_DENTISTE', caisseCode: '211' });
    await declare(em, dentist, campaign, {
      LOG_DMP: {
        data: softwareValue(await createSoftware(em, 'Éditions Santé', 'Dentalia', '4.2')),
        source: 'DECLARED',
      },
    });
    const justificatif = await receivedJustificatif(em, dentist, campaign, 'LOG_DMP');
    for (const role of ['CONSEILLER', 'DAM', 'SUPERVISEUR'] as const) {
      const agent = await t.createAgent({ role, caisseCode: '211' });
      tokens[role] = await t.login(agent.email);
      if (role === 'CONSEILLER') values.meId = String(agent.id);
    }
    const upload = new FormData();
    upload.append('file', new Blob([Buffer.from('%PDF-1.4\n% facture éditeur\n')]), 'facture.pdf');
    const stored = await fetch(`${t.url}/api/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.CONSEILLER}`, 'x-mcbo-csrf': '1' },
      body: upload,
    });
    Object.assign(values, {
      dentistId: String(dentist.id),
      dentistRpps: dentist.rpps!,
      justificatifId: String(justificatif.id),
      fileId: ((await stored.json()) as { id: string }).id,
    });
  });
  afterAll(async () => t.stop());

  it('documents at least eight operations', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  it.each(readExamples().map((e) => [e.title, e] as const))(
    '%s validates against the schema',
    async (_title, example) => {
      expect(validate(await getSchema(), parse(example.query)).map((e) => e.message)).toEqual([]);
    },
  );

  it.each(readExamples().map((e) => [e.title, e] as const))('%s runs as documented', async (_title, example) => {
    const fill = (text: string) =>
      JSON.parse(text.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => values[key] ?? `missing:${key}`));
    const variables = fill(example.variables);
    const result = await t.gql(example.query, variables, tokens[example.role]);
    if (example.expectedError) {
      expect(result.errors?.[0]?.extensions?.code).toBe(example.expectedError);
    } else {
      expect(result.errors).toBeUndefined();
      expect(result.data).toBeTruthy();
      if (example.expectedAnswer) expect(result.data).toMatchObject(fill(example.expectedAnswer));
    }
  });
});
