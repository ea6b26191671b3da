/**
 * An outage seen by an agent: while the API answers 503 SERVICE_UNAVAILABLE (the database down), the
 * screen says so in French and offers « Réessayer »; once the service is back, « Réessayer » brings the
 * answer without reloading the page or losing what was typed.
 */
import type { Browser, Route } from 'playwright-core';
import { ACCOUNTS, done, launch, login, screen } from './helpers';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const OUTAGE_MESSAGE =
  'Le service est momentanément indisponible : la base de données ne répond pas. Réessayez dans quelques secondes.';

/** What the server answers while its database is unreachable (server/src/common/outage.ts). */
const answerOutage = (route: Route) =>
  route.fulfill({
    status: 503,
    headers: { 'content-type': 'application/json', 'retry-after': '5' },
    body: JSON.stringify({
      errors: [{ message: OUTAGE_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 } }],
    }),
  });

test('a DAM searching during an outage is told so and retries once the service is back', async () => {
  const page = await login(browser, ACCOUNTS.dam);
  await page.getByRole('heading', { name: 'Rechercher un professionnel', level: 1 }).waitFor();

  let refused = 0;
  await page.route('**/graphql', async (route) => {
    refused += 1;
    await answerOutage(route);
  });
  const box = page.getByRole('searchbox', { name: /Nom, N° AM, RPPS ou ADELI/ });
  await box.fill('Lefèvre');
  await box.press('Enter');
  const alert = page.getByRole('alert').filter({ hasText: 'momentanément indisponible' });
  await alert.waitFor();
  expect(refused).toBeGreaterThan(0);
  // The server's French message, never a code.
  expect(await alert.innerText()).not.toMatch(/SERVICE_UNAVAILABLE|503/);
  const retry = alert.getByRole('button', { name: 'Réessayer' });
  await retry.waitFor();
  await screen(page, '90-panne-recherche');

  // The service is back: the same search, from the button, without retyping.
  await page.unroute('**/graphql');
  await retry.click();
  await page.locator('table tbody tr').first().waitFor();
  await expect(alert.count()).resolves.toBe(0);
  expect(await box.inputValue()).toBe('Lefèvre');
  await done(page);
});

test('a wrong answer to correct offers no « Réessayer »', async () => {
  const page = await login(browser, ACCOUNTS.dam);
  await page.getByRole('heading', { name: 'Rechercher un professionnel', level: 1 }).waitFor();
  await page.route('**/graphql', (route) =>
    route.fulfill({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        errors: [
          {
            message: 'Recherche trop courte : saisissez au moins deux caractères.',
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      }),
    }),
  );
  const box = page.getByRole('searchbox', { name: /Nom, N° AM, RPPS ou ADELI/ });
  await box.fill('Lefèvre');
  await box.press('Enter');
  const alert = page.getByRole('alert').filter({ hasText: 'Recherche trop courte' });
  await alert.waitFor();
  await expect(alert.getByRole('button', { name: 'Réessayer' }).count()).resolves.toBe(0);
  await page.unroute('**/graphql');
  await done(page);
});
