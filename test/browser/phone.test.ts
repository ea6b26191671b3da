/**
 * On a phone (390 px): the DSFR header folds the agent's name and « Se déconnecter » into its « Menu »
 * dialog, which opens, takes focus, closes on Escape and gives focus back.
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
  expect(await menu.getByTestId('agent-menu').innerText()).toMatch(/Délégué|DAM/);
  await menu.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  await menu.getByRole('link', { name: 'Professionnels' }).waitFor();
  expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Fermer');
  await screen(page, '31-telephone-menu', { fullPage: false });

  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'hidden' });
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('bouton-menu');
  await done(page);

  async function expectFocusInSearch() {
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
  }
});
