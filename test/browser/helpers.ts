/**
 * What every browser test needs: Debian's Chromium, a logged-in agent, and `screen()`, which saves a
 * screenshot of the screen and fails on any serious or critical axe-core violation.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const SHOTS = path.join(__dirname, 'screenshots');
export const PASSWORD = 'Demo-mcbo-2026!';
export const ACCOUNTS = {
  conseiller: 'conseiller.211@demo.mcbo.fr',
  dam: 'dam.211@demo.mcbo.fr',
  superviseur: 'superviseur.211@demo.mcbo.fr',
  admin: 'admin.211@demo.mcbo.fr',
} as const;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The piece's document once shown: a PDF's first page drawn by pdf.js (client/src/pages/review/PdfView.tsx
 * marks it data-painted), or the scan's image.
 */
export const DOCUMENT_SHOWN = '.mcbo-pdf-page[data-painted], img.mcbo-document-img';

export function baseUrl(): string {
  const url = process.env.MCBO_BROWSER_URL;
  if (!url) throw new Error('MCBO_BROWSER_URL is not set: run through test/browser/jest.config.js');
  return url;
}

export async function launch(): Promise<Browser> {
  fs.mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Uncaught errors of the pages of a context: a console must never throw at an agent. */
const pageErrors = new WeakMap<BrowserContext, string[]>();

export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  context.setDefaultTimeout(30_000);
  const errors: string[] = [];
  pageErrors.set(context, errors);
  context.on('page', (page) => page.on('pageerror', (error) => errors.push(error.message)));
  return context;
}

export function uncaughtErrors(context: BrowserContext): string[] {
  return pageErrors.get(context) ?? [];
}

/** Logs in through the login form, as an agent does, and waits for the role's landing screen. */
export async function login(browser: Browser, email: string): Promise<Page> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  await page.locator('main h1').first().waitFor();
  return page;
}

/** Closes the agent's context and fails the test if one of its pages threw. */
export async function done(page: Page) {
  const context = page.context();
  const errors = uncaughtErrors(context);
  await context.close();
  expect(errors).toEqual([]);
}

/** Saves the screen under test/browser/screenshots/ and checks it with axe-core (all its rules, WCAG 2.1 AA included). */
export async function screen(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // Fonts loaded, and no hover left over from the last click (a chart tooltip is not part of the screen).
  await page.evaluate(() => document.fonts.ready);
  await page.mouse.move(0, 0);
  // A dialog just closed fades out over 0.3 s (DSFR): the screen is the page once it has gone.
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('dialog.fr-modal:not(.fr-modal--opened)')).every(
      (d) => getComputedStyle(d).visibility === 'hidden' || getComputedStyle(d).display === 'none',
    ),
  );
  // A dialog is seen in the viewport it covers; a page, whole.
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
  const results = await new AxeBuilder({ page }).analyze();
  // Every violation fails, whatever its impact (minor and moderate included): the console's screens have none.
  const violations = results.violations.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')})`,
  );
  expect({ screen: name, violations }).toEqual({ screen: name, violations: [] });
}

/** The text of the cells of a table, row by row (header row excluded). */
export async function tableRows(page: Page, caption: string | RegExp): Promise<string[][]> {
  const table = page.getByRole('table', { name: caption });
  await table.waitFor();
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll('th, td')).map((cell) => (cell.textContent ?? '').trim())),
    );
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A GraphQL call with the page's session, as the console makes it; errors fail the test. */
export async function gql(page: Page, query: string, variables: Json = {}): Promise<Json> {
  const body = await page.evaluate(
    async ({ query, variables }) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
    { query, variables },
  );
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/**
 * Releases every piece the logged-in agent holds. The files share one database and opening a piece takes
 * it, so the scenarios before may have left the caisse's few received pieces all taken (« À traiter » empty);
 * a scenario that opens the queue's first free piece calls this first.
 */
export async function releaseMyPieces(page: Page): Promise<number> {
  const mine = await gql(page, '{ justificatifQueue(filter: { view: MINE }, first: 100) { nodes { id } } }');
  const ids = (mine.justificatifQueue.nodes as { id: string }[]).map((n) => n.id);
  for (const id of ids)
    await gql(page, 'mutation R($id: ID!) { assignJustificatif(id: $id, agentId: null) { id } }', { id });
  return ids.length;
}
