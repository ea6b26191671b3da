/**
 * On a phone (390 px): the DSFR header folds the agent's name and « Se déconnecter » into its « Menu »
 * dialog, which opens, takes focus, closes on Escape and gives focus back; « Se déconnecter » there ends
 * the session. A professional's file is readable, and its tables scroll sideways from the keyboard.
 */
import type { Browser } from 'playwright-core';
import { ACCOUNTS, PASSWORD, done, launch, newContext, screen } from './helpers';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

test('a DAM on a phone finds her name and « Se déconnecter » in the header menu', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await page.getByLabel('Adresse électronique').fill(ACCOUNTS.dam);
  await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Rechercher un professionnel', level: 1 }).waitFor();

  // Folded: the tools are not on screen until the menu opens.
  expect(await page.getByRole('button', { name: 'Se déconnecter' }).count()).toBe(0);
  await expectFocusInSearch();
  await screen(page, '30-telephone-recherche');

  const open = page.getByRole('button', { name: 'Menu' });
  await open.click();
  const menu = page.getByRole('dialog');
  await menu.waitFor();
  // The agent's name, role and caisse.
  expect(await menu.getByTestId('agent-menu').innerText()).toMatch(/Julien Moreau[\s\S]*(Délégué|DAM)[\s\S]*211/);
  await menu.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  await menu.getByRole('link', { name: 'Professionnels' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Fermer', null, {
    timeout: 5000,
  });
  await screen(page, '31-telephone-menu', { fullPage: false });

  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'hidden' });
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('bouton-menu');

  // « Se déconnecter » from the menu ends the session: the login form, and the console asks again.
  await open.click();
  await menu.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByLabel('Adresse électronique').waitFor();
  await page.goto('/professionnels');
  await page.getByLabel('Adresse électronique').waitFor();
  expect(await page.getByRole('button', { name: 'Menu' }).count()).toBe(0);
  await done(page);

  async function expectFocusInSearch() {
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
  }
});

test('on a phone, a professional’s file reads, and its tables scroll sideways from the keyboard', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await page.getByLabel('Adresse électronique').fill(ACCOUNTS.dam);
  await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const box = page.getByRole('searchbox', { name: /Nom, N° AM, RPPS ou ADELI/ });
  await box.fill('legare');
  await box.press('Enter');
  await page.getByRole('link', { name: /LÉGARÉ Jérôme/ }).click();
  await page.getByRole('heading', { name: /LÉGARÉ Jérôme/, level: 1 }).waitFor();
  await page.getByRole('table', { name: /^Indicateurs/ }).waitFor();
  await page.getByRole('table', { name: /paiements/i }).waitFor();
  // axe at 390 px: no scrollable region that the keyboard cannot reach, nothing unreadable.
  await screen(page, '32-telephone-dossier');

  // Every table of the file is a focusable scrolling region; one wider than the phone scrolls with the arrows.
  const tables = page.locator('main .fr-table table');
  const count = await tables.count();
  expect(count).toBeGreaterThanOrEqual(3);
  let scrolled = 0;
  for (let i = 0; i < count; i += 1) {
    const table = tables.nth(i);
    expect(await table.getAttribute('tabindex')).toBe('0');
    const { scrollWidth, clientWidth } = await table.evaluate((t) => ({
      scrollWidth: t.scrollWidth,
      clientWidth: t.clientWidth,
    }));
    if (scrollWidth <= clientWidth + 1) continue;
    await table.focus();
    expect(await table.evaluate((t) => t === document.activeElement)).toBe(true);
    const before = await table.evaluate((t) => t.scrollLeft);
    for (let k = 0; k < 5; k += 1) await page.keyboard.press('ArrowRight');
    await page.waitForFunction((start) => (document.activeElement as HTMLElement).scrollLeft > start, before, {
      timeout: 5000,
    });
    scrolled += 1;
  }
  // At 390 px the indicators' table at least is wider than the screen.
  expect(scrolled).toBeGreaterThan(0);
  await done(page);
});
