/**
 * A DAM prepares a visit: searches by name, then by RPPS (Enter on an exact identifier opens the file),
 * reads the file (campaigns, rémunération, payments, recap PDF) and logs the contact. The search takes
 * first name and surname in any order, without accents, and a commune; the box has the focus on arrival.
 */
import type { Browser, Page } from 'playwright-core';
import { ACCOUNTS, done, launch, login, screen, tableRows } from './helpers';

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

test('the search box has the focus after login; first name and surname in any order; by commune', async () => {
  const page = await login(browser, ACCOUNTS.dam);
  await page.getByRole('heading', { name: 'Rechercher un professionnel', level: 1 }).waitFor();
  // The DAM types at once: the box has the focus on arrival.
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');

  const box = page.getByRole('searchbox', { name: /Nom, N° AM, RPPS ou ADELI/ });
  const namesFor = async (query: string) => {
    await box.fill(query);
    // The previous query's table stays on screen until this one starts loading: read the rows only once this
    // query's answer has arrived (networkidle does not wait for a navigation inside the page).
    const answered = page.waitForResponse(
      (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes(JSON.stringify(query)),
    );
    await box.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === query);
    await answered;
    return resultNames(page);
  };
  // First name then surname, surname then first name, with or without accents.
  for (const query of ['eloise lefevre', 'lefevre eloise', 'Éloïse Lefèvre'])
    expect(await namesFor(query)).toContain('LEFÈVRE Éloïse');
  for (const query of ['hélène côté', 'cote helene']) expect(await namesFor(query)).toContain('CÔTÉ Hélène');
  await screen(page, '17-dam-prenom-nom');

  // Her commune, from the results; then the commune alone: every professional listed practises there.
  const rows = await tableRows(page, /professionnels? trouvés?/i);
  const headers = (await page.locator('table thead th').allInnerTexts()).map((h) => h.trim());
  const communeColumn = headers.indexOf('Commune');
  expect(communeColumn).toBeGreaterThanOrEqual(0);
  const commune = rows.find((r) => r[0]!.includes('CÔTÉ Hélène'))![communeColumn]!;
  expect(commune.length).toBeGreaterThan(1);
  await box.fill('');
  const communeBox = page.getByLabel(/Commune d’exercice/);
  // Typed as a DAM would: lower case, no accent.
  const typed = commune
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  await communeBox.fill(typed);
  const answered = page.waitForResponse(
    (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes(JSON.stringify(typed)),
  );
  await communeBox.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('commune') === typed && !url.searchParams.get('q'));
  await answered;
  await page.locator('table tbody tr').first().waitFor();
  const inCommune = await tableRows(page, /professionnels? trouvés?/i);
  expect(inCommune.length).toBeGreaterThan(0);
  for (const row of inCommune) expect(row[communeColumn]).toBe(commune);
  // And with a name within the commune: she is there, and only people of her commune.
  expect(await namesFor('helene cote')).toContain('CÔTÉ Hélène');
  for (const row of await tableRows(page, /professionnels? trouvés?/i)) expect(row[communeColumn]).toBe(commune);
  await screen(page, '18-dam-commune');
  await done(page);
});

/** The « Nom » cells of the results (the caller waits for the answer to the current address). */
async function resultNames(page: Page): Promise<string[]> {
  await page.locator('table tbody tr').first().waitFor();
  return (
    await page
      .locator('table tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.querySelector('th, td')?.textContent ?? ''))
  ).map((n) => n.trim());
}
