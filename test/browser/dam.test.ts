/**
 * A DAM prepares a visit: searches by name, then by RPPS (Enter on an exact identifier opens the file),
 * reads the file (campaigns, rémunération, payments, recap PDF) and logs the contact.
 */
import type { Browser } from 'playwright-core';
import { ACCOUNTS, done, launch, login, screen } from './helpers';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

test('a DAM finds a professional by RPPS and logs a contact', async () => {
  const page = await login(browser, ACCOUNTS.dam);
  await page.getByRole('heading', { name: 'Rechercher un professionnel', level: 1 }).waitFor();
  await screen(page, '10-dam-recherche');

  // A name: a table of results, and the address holds the search.
  const box = page.getByRole('searchbox', { name: /Nom, N° AM, RPPS ou ADELI/ });
  await box.fill('Lefèvre');
  await box.press('Enter');
  const results = page.locator('table tbody tr');
  await results.first().waitFor();
  expect(new URL(page.url()).searchParams.get('q')).toBe('Lefèvre');
  await page.getByLabel('Profession', { exact: true }).selectOption('CHIRURGIEN_DENTISTE');
  await page.waitForURL(/profession=CHIRURGIEN_DENTISTE/);
  const eloise = results.filter({ hasText: 'Éloïse' }).first();
  await eloise.waitFor();
  await screen(page, '11-dam-resultats');

  // Her RPPS, from the RPPS column of the table.
  const headers = await page.locator('table thead th').allInnerTexts();
  const rppsColumn = headers.findIndex((h) => h.trim() === 'RPPS');
  expect(rppsColumn).toBeGreaterThanOrEqual(0);
  const rpps = (await eloise.locator('td, th').nth(rppsColumn).innerText()).trim();
  expect(rpps).toMatch(/^\d{11}$/);

  // Enter on an exact identifier opens the file directly.
  await box.fill(rpps);
  await box.press('Enter');
  await page.waitForURL(/\/professionnels\/\d+/);
  await page.getByRole('heading', { name: /LEFÈVRE Éloïse/, level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'Campagnes' }).waitFor();
  expect(await page.locator('main').innerText()).toContain(rpps);

  // The most recent campaign first: every indicator with its value, source and atteinte, and the rémunération.
  const tabs = page.getByRole('tab');
  expect(await tabs.count()).toBeGreaterThan(1);
  expect(await tabs.first().getAttribute('aria-selected')).toBe('true');
  const indicators = page.getByRole('table', { name: /^Indicateurs/ });
  await indicators.waitFor();
  expect(await indicators.locator('tbody tr').count()).toBeGreaterThan(3);
  await page
    .getByText(/Rémunération/)
    .first()
    .waitFor();
  await screen(page, '12-dam-dossier');

  // The recap PDF of the campaign shown.
  const recap = page.getByRole('link', { name: /récapitulatif/i });
  const href = await recap.getAttribute('href');
  expect(href).toMatch(/^\/api\/recap\/\d+\/\d{4}\/(FAMI|FORFAIT_STRUCTURE|ROSP)$/);
  const pdf = await page.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toMatch(/application\/pdf/);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // An older campaign, with the arrow keys of the tab list: the validated mention where it applies.
  await tabs.first().focus();
  await page.keyboard.press('ArrowRight');
  // The selection follows the key press at React's next render, not synchronously.
  await tabs.nth(1).and(page.locator('[aria-selected="true"]')).waitFor({ timeout: 5_000 });
  expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true');
  await page.getByRole('table', { name: /^Indicateurs/ }).waitFor();
  await page.getByText('pièce justificative validée par la CPAM').first().waitFor();
  await screen(page, '13-dam-dossier-campagne-precedente');

  // No payment yet for her: the section says so.
  await page.getByRole('heading', { name: 'Paiements' }).waitFor();
  // The contact, logged and listed.
  await page.getByLabel('Canal').selectOption('VISIT');
  await page.getByLabel('Objet').fill('Visite : relance du justificatif logiciel');
  await page.getByLabel('Notes').fill('La facture sera renvoyée avec la mention « DMP compatible ».');
  await page.getByRole('button', { name: 'Consigner l’échange' }).click();
  await page.getByText('Échange consigné.', { exact: true }).waitFor();
  const contacts = page.getByRole('table', { name: /échanges/i });
  await contacts.getByText('Visite : relance du justificatif logiciel').waitFor();
  expect(await contacts.locator('tbody tr').first().innerText()).toMatch(/Visite[\s\S]*Julien Moreau/);
  await screen(page, '14-dam-echange-consigne');
  await done(page);
});

test('a file shows the payments over the years as a chart and a table', async () => {
  const page = await login(browser, ACCOUNTS.dam);
  const box = page.getByRole('searchbox', { name: /Nom, N° AM, RPPS ou ADELI/ });
  await box.fill('legare');
  await box.press('Enter');
  await page.getByRole('link', { name: /LÉGARÉ Jérôme/ }).click();
  await page.getByRole('heading', { name: /LÉGARÉ Jérôme/, level: 1 }).waitFor();
  await page.getByRole('img', { name: /Montants payés par année/ }).waitFor();
  const payments = page.getByRole('table', { name: /paiements/i });
  await payments.waitFor();
  const amounts = await payments.locator('tbody tr').allInnerTexts();
  expect(amounts.length).toBeGreaterThanOrEqual(2);
  // Money as agents read it: « 3 360,00 € ».
  for (const row of amounts) expect(row).toMatch(/\d{1,3}(\s\d{3})*,\d{2}\s€/);
  await page.locator('#paiements, h2:has-text("Paiements")').first().scrollIntoViewIfNeeded();
  await screen(page, '16-dam-paiements');
  await done(page);
});

test('a search without result, and an identifier that matches nobody, say so', async () => {
  const page = await login(browser, ACCOUNTS.dam);
  const box = page.getByRole('searchbox', { name: /Nom, N° AM, RPPS ou ADELI/ });
  await box.fill('10000000000');
  await box.press('Enter');
  await page.getByText('Aucun professionnel ne correspond à la recherche.').waitFor();
  expect(new URL(page.url()).pathname).toBe('/professionnels');
  await screen(page, '15-dam-aucun-resultat');
  await done(page);
});
