/**
 * A supervisor reads the campaign dashboard of the caisse and exports its tables: each CSV is the
 * rows shown, UTF-8 with a BOM and `;` separators, as French spreadsheets open it.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { ACCOUNTS, done, launch, login, screen, tableRows } from './helpers';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** Clicks an export button and returns the file's name and its content, split in lines of cells. */
async function exportCsv(page: Page, button: string | RegExp) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const content = fs.readFileSync((await download.path())!, 'utf8');
  expect(content.charCodeAt(0)).toBe(0xfeff);
  expect(content.endsWith('\r\n')).toBe(true);
  const [header, ...rows] = content
    .slice(1)
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(';'));
  return { name: download.suggestedFilename(), header: header!, rows };
}

test('a supervisor reads the dashboard and exports a CSV', async () => {
  const page = await login(browser, ACCOUNTS.superviseur);
  await page.getByRole('heading', { name: 'Supervision de campagne', level: 1 }).waitFor();
  await page.getByText('Professionnels concernés').waitFor();
  const shown = await tableRows(page, 'Atteinte par indicateur');
  expect(shown.length).toBeGreaterThan(3);
  for (const heading of ['Entonnoir des déclarations', 'Stock de justificatifs par ancienneté', 'Montants'])
    await page.getByRole('heading', { name: heading }).waitFor();
  // Each chart has its text alternative.
  expect(await page.locator('figure[role="img"][aria-label]').count()).toBeGreaterThanOrEqual(4);
  await screen(page, '20-superviseur-tableau-de-bord');

  const csv = await exportCsv(page, 'Exporter en CSV : atteinte par indicateur');
  expect(csv.name).toMatch(/^atteinte-par-indicateur-.*\.csv$/);
  expect(csv.header).toEqual([
    'Campagne',
    'Code',
    'Indicateur',
    'Atteints',
    'Non atteints',
    'Neutralisés',
    'En attente',
    'Taux (%)',
  ]);
  // Exactly the rows displayed, cell for cell (the rate with a decimal comma, no « % »).
  expect(csv.rows.length).toBe(shown.length);
  csv.rows.forEach((row, i) => {
    expect(row.slice(0, 7)).toEqual(shown[i]!.slice(0, 7));
    expect(row[7]).toMatch(/^\d{1,3},\d$/);
  });

  // Every table has its export.
  for (const name of ['entonnoir des déclarations', 'stock par ancienneté', 'montants', 'avancement par profession']) {
    const file = await exportCsv(page, `Exporter en CSV : ${name}`);
    expect(file.rows.length).toBeGreaterThan(0);
  }
  const amounts = await exportCsv(page, 'Exporter en CSV : montants');
  for (const [, value] of amounts.rows) expect(value).toMatch(/^\d+,\d{2}$/);

  // The whole files come from the server, over the campaign shown: one row per professional of the caisse.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Rémunérations par professionnel' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^remunerations-\d{4}-[a-z_]+-\d{4}-\d{2}-\d{2}\.csv$/);
  const remunerations = fs.readFileSync((await download.path())!, 'utf8');
  expect(remunerations.charCodeAt(0)).toBe(0xfeff);
  const lines = remunerations.slice(1).trimEnd().split('\r\n');
  expect(lines[0]!.split(';').slice(0, 3)).toEqual(['N° AM', 'RPPS', 'ADELI']);
  const concerned = Number(
    (await page.getByText('Professionnels concernés').locator('..').textContent())!.replace(/\D/g, ''),
  );
  expect(lines.length - 1).toBe(concerned);
  expect(new Set(lines.slice(1).map((l) => l.split(';')[6]))).toEqual(new Set(['211']));

  // One profession: the address holds the filter, the figures follow.
  await page.getByLabel('Profession', { exact: true }).selectOption({ index: 1 });
  await page.waitForURL(/profession=/);
  await page.getByText(/Périmètre : caisse 211 · /).waitFor();
  await page.getByText('Professionnels concernés').waitFor();
  await screen(page, '21-superviseur-une-profession');
  await done(page);
});

test('a national supervisor narrows the dashboard to one caisse', async () => {
  const page = await login(browser, 'superviseur.national@demo.mcbo.fr');
  await page.getByText('Périmètre : France entière').waitFor();
  await page.getByRole('table', { name: 'Avancement par caisse' }).waitFor();
  expect((await tableRows(page, 'Avancement par caisse')).length).toBeGreaterThan(1);
  await screen(page, '22-superviseur-national');
  await page.getByLabel(/^Caisse/).fill('751');
  await page.getByRole('button', { name: 'Appliquer' }).click();
  await page.waitForURL(/caisse=751/);
  await page.getByText('Périmètre : caisse 751').waitFor();
  await page.getByText('Professionnels concernés').waitFor();
  await done(page);
});
