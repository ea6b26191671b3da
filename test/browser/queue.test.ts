/**
 * The queue as the conseiller works it and as the superviseur steers it (issue 17): filters in the
 * URL, tab counts that agree with « N sur M », DSFR pagination over the keyset, « Traités » newest
 * first with « par moi », saved views; the dashboard's counts that open the list behind them, the
 * conseillers' workload, and the bulk reassignment with its preview. Axe at 1440 and 390 px.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { ACCOUNTS, done, launch, login, screen, releaseMyPieces } from './helpers';

// Each step waits for a real server on a shared machine, and axe runs on every screen at two widths.
jest.setTimeout(400_000);

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** « 1–25 sur 123 · page 1 sur 5 » → { from, to, total } once the list has loaded. */
async function range(page: Page) {
  const text = (await page.getByTestId('queue-range').textContent())!;
  const m = /^(\d+)–(\d+) sur (\d+)/.exec(text.replace(/\s/g, ' '))!;
  return { from: Number(m[1]), to: Number(m[2]), total: Number(m[3]), text };
}

/** The count shown in a tab's name, « À traiter (11) » → 11. */
async function tabCount(page: Page, label: string) {
  const name = (await page.getByRole('tab', { name: new RegExp(`^${label} \\(\\d+\\)$`) }).textContent())!;
  return Number(/\((\d+)\)/.exec(name)![1]);
}

async function settled(page: Page) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.locator('[data-testid="queue-range"], .fr-tabs__panel p:has-text("Aucun")').first().waitFor();
}

/** Ticks a DSFR checkbox from the keyboard (its label covers the box for the pointer). */
async function tick(page: Page, box: Locator) {
  await box.focus();
  await page.keyboard.press('Space');
  expect(await box.isChecked()).toBe(true);
}

/** Both widths of the issue: desktop and phone. */
async function bothWidths(page: Page, name: string) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await screen(page, `${name}-1440`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screen(page, `${name}-390`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('a conseiller filters, pages, reads « Traités » newest first and keeps a view', async () => {
  const page = await login(browser, ACCOUNTS.conseiller);
  await releaseMyPieces(page);
  await page.goto('/justificatifs?vue=TO_PROCESS');
  await settled(page);
  // The tab's count and the list's « sur N » agree, for the same filter.
  expect((await range(page)).total).toBe(await tabCount(page, 'À traiter'));
  await bothWidths(page, '60-file-a-traiter');

  // Pages: forwards, backwards, last, over the keyset cursors in the URL.
  const all = await range(page);
  if (all.total > 25) {
    const firstRow = await page.locator('table tbody tr').first().textContent();
    await page.getByRole('link', { name: 'Page suivante' }).first().click();
    await page.waitForURL(/page=2/);
    await settled(page);
    expect(await range(page)).toMatchObject({ from: 26, total: all.total });
    await page.getByRole('link', { name: 'Page précédente' }).first().click();
    await page.waitForURL((url) => !url.searchParams.has('page'));
    await settled(page);
    expect(await page.locator('table tbody tr').first().textContent()).toBe(firstRow);
    await page.getByRole('link', { name: 'Dernière page' }).first().click();
    await page.waitForURL(/fin=1/);
    await settled(page);
    expect((await range(page)).to).toBe(all.total);
  }

  // A filter: the URL holds it, the count follows, the tab still agrees.
  await page.getByLabel('Ancienneté').selectOption({ label: 'Plus de 30 jours' });
  await page.waitForURL(/ageMin=31/);
  await settled(page);
  const old = await page.locator('[data-testid="queue-range"]').count();
  if (old) expect((await range(page)).total).toBe(await tabCount(page, 'À traiter'));
  for (const age of await page.locator('table tbody tr td:nth-child(2)').allTextContents())
    expect(Number(/^(\d+)/.exec(age)![1])).toBeGreaterThanOrEqual(31);
  await page.getByLabel('Ordre', { exact: true }).selectOption({ label: 'Les plus récents d’abord' });
  await page.waitForURL(/tri=recents/);
  await settled(page);
  const ages = (await page.locator('table tbody tr td:nth-child(2)').allTextContents()).map((a) => parseInt(a, 10));
  expect([...ages].sort((a, b) => a - b)).toEqual(ages);

  // A saved view: kept by the server, opened from « Mes vues », deleted.
  await page.getByLabel('Nom de la vue').fill('Plus de 30 jours, récents');
  await page.getByRole('button', { name: 'Enregistrer la vue' }).click();
  await page.getByText('Vue « Plus de 30 jours, récents » enregistrée.').waitFor();
  await page.goto('/justificatifs');
  await page.getByRole('link', { name: 'Plus de 30 jours, récents' }).click();
  await page.waitForURL((url) => url.searchParams.get('ageMin') === '31' && url.searchParams.get('tri') === 'recents');
  await settled(page);
  await screen(page, '61-file-vue-enregistree');
  await page.getByRole('button', { name: 'Supprimer la vue « Plus de 30 jours, récents »' }).click();
  await page.getByText('Aucune vue enregistrée.').waitFor();

  // « Traités »: newest first by default (not 2019's pieces), and « par moi ».
  await page.goto('/justificatifs?vue=PROCESSED');
  await settled(page);
  expect(
    await page
      .getByRole('table')
      .getByText(/les plus récents d’abord/)
      .count(),
  ).toBe(1);
  const processed = (await page.locator('table tbody tr td:nth-child(2)').allTextContents()).map((a) =>
    parseInt(a, 10),
  );
  expect([...processed].sort((a, b) => a - b)).toEqual(processed);
  // The box writes the URL, which then checks it (the URL holds the state).
  await page.getByLabel('Décidés par moi').focus();
  await page.keyboard.press('Space');
  await page.waitForURL(/parmoi=1/);
  await page.locator('#par-moi:checked').waitFor();
  await settled(page);
  const mine = await page.locator('[data-testid="queue-range"]').count();
  if (mine) expect((await range(page)).total).toBe(await tabCount(page, 'Traités'));
  await page.setViewportSize({ width: 390, height: 844 });
  await screen(page, '62-file-traites-par-moi-390');
  // On a phone the filters and saved views fold behind one button, the list first.
  const fold = page.getByRole('button', { name: /^Filtres et vues/ });
  expect(await fold.getAttribute('aria-expanded')).toBe('false');
  expect(await page.locator('#filtre-campagne').isVisible()).toBe(false);
  await fold.click();
  await page.locator('#filtre-campagne').waitFor();
  expect(await fold.getAttribute('aria-expanded')).toBe('true');
  await screen(page, '62-file-filtres-telephone', { fullPage: false });
  await page.setViewportSize({ width: 1440, height: 900 });
  expect(await fold.isVisible()).toBe(false);
  await done(page);
});

test('a superviseur drills down from the dashboard and reassigns a selection after its preview', async () => {
  const page = await login(browser, ACCOUNTS.superviseur);
  await page.getByRole('heading', { name: 'Charge des conseillers' }).waitFor();
  await page.getByRole('table', { name: /Pièces prises et décisions par jour/ }).waitFor();
  await bothWidths(page, '63-supervision-charge');

  // A backlog count opens the list behind it, with the same figure.
  const bucket = page.getByRole('link', { name: /en attente depuis 8 à 15 jours : voir la liste/ });
  const count = Number(await bucket.textContent());
  await bucket.click();
  await page.waitForURL((url) => url.pathname === '/justificatifs' && url.searchParams.get('ageMin') === '8');
  expect(new URL(page.url()).searchParams.get('vue')).toBe('ALL_PENDING');
  await settled(page);
  if (count > 0) expect((await range(page)).total).toBe(count);
  else await page.getByText('Aucun justificatif en attente.').waitFor();

  // Bulk: two free pieces to the conseiller, after the preview, then released again.
  await page.goto('/justificatifs?vue=ALL_PENDING&prises=non&tri=recents');
  await settled(page);
  const boxes = page.locator('table tbody input[type="checkbox"]');
  await tick(page, boxes.nth(0));
  await tick(page, boxes.nth(1));
  await page.getByText('2 pièces sélectionnées.').waitFor();
  await page.getByLabel('Réattribuer à').selectOption({ label: 'Sophie Garnier' });
  await page.getByRole('button', { name: 'Réattribuer la sélection…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Réattribuer 2 pièces à Sophie Garnier' });
  await dialog.waitFor();
  expect(await dialog.getByTestId('bulk-preview').textContent()).toContain(
    '2 pièces libres → attribuées à Sophie Garnier',
  );
  await screen(page, '64-reattribution-apercu', { fullPage: false });
  await dialog.getByRole('button', { name: 'Confirmer' }).click();
  await page.getByText('2 pièces traitées sur 2.').waitFor();
  await screen(page, '65-reattribution-faite');

  // The pieces are now Sophie Garnier's: release them from her list.
  await page.goto('/justificatifs?vue=ALL_PENDING&prises=oui&tri=recents');
  await settled(page);
  const held = await range(page);
  expect(held.total).toBeGreaterThanOrEqual(2);
  await tick(page, page.locator('table tbody input[type="checkbox"]').nth(0));
  await page.getByLabel('Réattribuer à').selectOption({ label: 'Personne : libérer les pièces' });
  await page.getByRole('button', { name: 'Libérer la sélection…' }).click();
  await page.getByRole('dialog', { name: 'Libérer 1 pièce' }).getByRole('button', { name: 'Confirmer' }).click();
  await page.getByText('1 pièce traitée sur 1.').waitFor();
  await done(page);
});
