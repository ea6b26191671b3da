/**
 * Getting in and finding one's way: the login screen, errors in French, each role's landing screen,
 * what a role cannot open, an expired session, and the keyboard from the first Tab.
 */
import type { Browser } from 'playwright-core';
import { ACCOUNTS, PASSWORD, done, launch, login, newContext, screen } from './helpers';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

test('the login screen is accessible and answers a wrong password in French', async () => {
  const page = await (await newContext(browser)).newPage();
  await page.goto('/');
  await page.getByRole('heading', { name: 'Connexion', level: 1 }).waitFor();
  await expect(page.title()).resolves.toMatch(/^Connexion/);
  await screen(page, '01-connexion');

  await page.getByLabel('Adresse électronique').fill(ACCOUNTS.conseiller);
  await page.getByLabel('Mot de passe', { exact: true }).fill('mauvais-mot-de-passe');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const alert = page.getByRole('alert').filter({ hasText: /mot de passe/i });
  await alert.waitFor();
  // The server's French message, never a code or a stack trace.
  expect(await alert.innerText()).not.toMatch(/UNAUTHENTICATED|Error|at .*\.js/);
  await screen(page, '01-connexion-erreur');
  await done(page);
});

test('the keyboard starts at the skip link, with a visible focus', async () => {
  const page = await (await newContext(browser)).newPage();
  await page.goto('/');
  await page.getByRole('heading', { name: 'Connexion', level: 1 }).waitFor();
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  expect(await focused.innerText()).toMatch(/Contenu/);
  const outline = await focused.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  // Then the whole login by keyboard: fields, and Enter to submit.
  await page.getByLabel('Adresse électronique').focus();
  await page.keyboard.type(ACCOUNTS.dam);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  await done(page);
});

test.each([
  [ACCOUNTS.conseiller, '/justificatifs', 'Justificatifs'],
  [ACCOUNTS.dam, '/professionnels', 'Rechercher un professionnel'],
  [ACCOUNTS.superviseur, '/supervision', 'Supervision de campagne'],
  [ACCOUNTS.admin, '/supervision', 'Supervision de campagne'],
])('%s lands on %s', async (email, path, heading) => {
  const page = await login(browser, email);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  expect(new URL(page.url()).pathname).toBe(path);
  // The header names the agent, the role and the caisse.
  expect(await page.getByTestId('agent').innerText()).toMatch(/caisse 211/);
  await done(page);
});

test('a role sees only its screens; unknown addresses say so', async () => {
  const page = await login(browser, ACCOUNTS.dam);
  const nav = page.getByRole('navigation', { name: 'Menu principal' });
  await expect(nav.getByRole('link', { name: 'Supervision' }).count()).resolves.toBe(0);
  await page.goto('/supervision');
  await page.getByRole('heading', { name: 'Accès non autorisé', level: 1 }).waitFor();
  await screen(page, '90-acces-non-autorise');
  await page.goto('/nulle-part');
  await page.getByRole('heading', { name: 'Page introuvable', level: 1 }).waitFor();
  await screen(page, '91-page-introuvable');
  await page.goto('/professionnels/999999999');
  await page.getByRole('heading', { name: 'Dossier introuvable', level: 1 }).waitFor();
  await screen(page, '92-dossier-introuvable');
  await done(page);
});

test('an expired session goes to the login screen and comes back to the same screen', async () => {
  const page = await login(browser, ACCOUNTS.dam);
  await page.goto('/professionnels?q=lef');
  await page.locator('table tbody tr').first().waitFor();
  // The session ends server-side (expiry, logout elsewhere): the next request answers UNAUTHENTICATED.
  await page.context().clearCookies();
  await page.getByLabel('Profession', { exact: true }).selectOption('CHIRURGIEN_DENTISTE');
  await page.waitForURL(/\/connexion\?/);
  expect(new URL(page.url()).searchParams.get('retour')).toMatch(/^\/professionnels\?/);
  await page.getByText('Votre session a expiré').waitFor();
  await screen(page, '01-connexion-session-expiree');
  await page.getByLabel('Adresse électronique').fill(ACCOUNTS.dam);
  await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Rechercher un professionnel', level: 1 }).waitFor();
  expect(new URL(page.url()).searchParams.get('profession')).toBe('CHIRURGIEN_DENTISTE');
  await done(page);
});

test('logging out ends the session', async () => {
  const page = await login(browser, ACCOUNTS.superviseur);
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByRole('heading', { name: 'Connexion', level: 1 }).waitFor();
  await page.goto('/supervision');
  await page.getByRole('heading', { name: 'Connexion', level: 1 }).waitFor();
  await done(page);
});
