/**
 * A supervisor imports a national feed from the console: picks the kind, drops the CSV, follows the run
 * to its end, reads the rejected rows with their reasons, and finds the run in the list. The same file
 * again changes nothing. Agents without the permission see neither the menu entry nor the screen.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ACCOUNTS, done, launch, login, screen, tableRows } from './helpers';

const FIXTURE = path.resolve(__dirname, '..', 'fixtures', 'imports', 'professionals.csv');

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** Sends the fixture and waits for its run, shown under the form, to end. */
async function importFixture(page: Page) {
  const shown = page.locator('section.mcbo-import-run');
  const previous = (await shown.count()) ? await shown.getAttribute('data-run-id') : null;
  await page.getByLabel('Type de flux').selectOption('PROFESSIONALS');
  await page.getByLabel(/Fichier CSV/).setInputFiles(FIXTURE);
  await page.getByRole('button', { name: 'Importer' }).click();
  const run = page.locator(`section.mcbo-import-run${previous ? `:not([data-run-id="${previous}"])` : ''}`);
  await run.getByText('Terminé').waitFor({ timeout: 60_000 });
  return (await run.getByTestId('import-summary').textContent())!.replace(/\s+/g, ' ').trim();
}

test('a supervisor imports a professionals file, reads the rejections, and a second run changes nothing', async () => {
  const page = await login(browser, ACCOUNTS.superviseur);
  await page.getByRole('link', { name: 'Imports' }).click();
  await page.getByRole('heading', { name: 'Imports de flux', level: 1 }).waitFor();
  // Before a file is chosen, « Importer » is disabled and says why; the kind's columns and template are shown.
  expect(await page.getByRole('button', { name: 'Importer' }).isDisabled()).toBe(true);
  await page.getByText('Choisissez d’abord un fichier à importer.').waitFor();
  const template = page.getByRole('link', { name: /Télécharger le modèle CSV/ });
  expect(await template.getAttribute('download')).toBe('modele-professionals.csv');
  expect(decodeURIComponent((await template.getAttribute('href'))!)).toMatch(
    /^data:text\/csv;charset=utf-8,am_number;rpps;/,
  );

  const first = await importFixture(page);
  // Five rows: one of caisse 751, outside the supervisor's caisse; one whose ADELI the demo data
  // already gives to another professional. The three others are new.
  expect(first).toBe('Insérées : 3 · mises à jour : 0 · inchangées : 0 · rejetées : 2');
  await expect(page.getByTestId('import-progress').textContent()).resolves.toMatch(/^100 % — 5 lignes lues/);
  const rejected = await tableRows(page, /Lignes rejetées/);
  expect(rejected.map(([line, column]) => [line, column])).toEqual([
    ['5', 'caisse_code'],
    ['6', 'adeli'],
  ]);
  expect(rejected[0]![2]).toBe('Caisse 751 hors de votre périmètre (caisse 211).');
  expect(rejected[1]![2]).toMatch(/^ADELI 210000005 déjà attribué au professionnel de N° AM \d{9}\.$/);
  await page.getByRole('link', { name: 'Télécharger le rapport des lignes rejetées' }).waitFor();
  await screen(page, '23-superviseur-import');

  const second = await importFixture(page);
  expect(second).toBe('Insérées : 0 · mises à jour : 0 · inchangées : 3 · rejetées : 2');
  const runs = await tableRows(page, 'Derniers imports');
  expect(runs.length).toBeGreaterThanOrEqual(2);
  // Who ran each import: the superviseur, by name.
  expect(runs.slice(0, 2).map((r) => r[3])).toEqual([expect.stringMatching(/\S/), expect.stringMatching(/\S/)]);
  expect(runs[0]![3]).not.toBe('ligne de commande');
  expect(runs.slice(0, 2).map((r) => [r[1], r[2], r[4], r[5]])).toEqual([
    ['Professionnels de santé', 'professionals.csv', 'Terminé', '5'],
    ['Professionnels de santé', 'professionals.csv', 'Terminé', '5'],
  ]);
  await done(page);
});

test('a conseiller has no imports menu and is refused the screen', async () => {
  const page = await login(browser, ACCOUNTS.conseiller);
  expect(await page.getByRole('link', { name: 'Imports' }).count()).toBe(0);
  await page.goto('/imports');
  await page.getByRole('heading', { name: 'Accès non autorisé', level: 1 }).waitFor();
  await done(page);
});
