/**
 * The agents' pace, measured in the real browser and printed after the suite (scripts/test-browser.mjs
 * reads test/browser/screenshots/pace.json). These are figures, not assertions on time: the assertions
 * are on what must hold whatever the machine's speed (compressed assets, the queue not re-fetched whole).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ACCOUNTS, DOCUMENT_SHOWN, PASSWORD, SHOTS, done, launch, login, newContext, releaseMyPieces } from './helpers';

let browser: Browser;
const figures: { what: string; value: string; target: string }[] = [];

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  fs.mkdirSync(SHOTS, { recursive: true });
  fs.writeFileSync(path.join(SHOTS, 'pace.json'), JSON.stringify(figures, null, 2));
});

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Bytes on the wire (as encoded) of the page's responses, counted through the DevTools protocol. */
async function wireCounter(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  let graphqlBytes = 0;
  const urls = new Map<string, string>();
  cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    if (urls.get(e.requestId)?.includes('/graphql')) graphqlBytes += e.encodedDataLength;
  });
  return {
    cdp,
    reset() {
      bytes = 0;
      graphqlBytes = 0;
    },
    get bytes() {
      return bytes;
    },
    get graphqlBytes() {
      return graphqlBytes;
    },
  };
}

test('cold login page on a slow link (400 ms, 400 kbit/s): compressed, within budget', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  const wire = await wireCounter(page);
  await wire.cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 400,
    downloadThroughput: (400 * 1000) / 8,
    uploadThroughput: (400 * 1000) / 8,
  });
  // Scripts and sheets over 1 kB (smaller ones are not worth compressing) with their encoding.
  const encodings: string[] = [];
  page.on('response', (r) => {
    const big = Number(r.headers()['content-length'] ?? Infinity) > 1024;
    if (/\.(js|css)$/.test(new URL(r.url()).pathname) && big) {
      encodings.push(r.headers()['content-encoding'] ?? 'none');
    }
  });
  const started = Date.now();
  await page.goto('/', { waitUntil: 'load', timeout: 110_000 });
  await page.getByLabel('Adresse électronique').waitFor();
  const elapsed = Date.now() - started;
  figures.push({ what: 'page de connexion à froid, lien lent', value: seconds(elapsed), target: '≤ 10 s' });
  figures.push({ what: '… octets transférés', value: `${Math.round(wire.bytes / 1024)} kio`, target: '' });
  // Every script and sheet came compressed.
  expect(encodings.length).toBeGreaterThan(0);
  expect(encodings.filter((e) => e !== 'br' && e !== 'gzip')).toEqual([]);
  await context.close();
});

test('review page to network idle, and decision → next piece ready', async () => {
  const page = await login(browser, ACCOUNTS.conseiller);
  await releaseMyPieces(page);
  await page.goto('/justificatifs?vue=TO_PROCESS');
  const firstLink = page.locator('table tbody tr').first().getByRole('link').first();
  await firstLink.waitFor();
  const href = await firstLink.getAttribute('href');
  expect(href).toMatch(/\/justificatifs\/\d+/);

  await page.goto('/');
  // When the document is shown (a PDF's first page drawn, or the image in the page), by the page's own clock
  // from its navigation.
  await page.addInitScript((selector) => {
    const seen = () => {
      if (!document.querySelector(selector)) return false;
      (window as unknown as { mcboDocumentAt: number }).mcboDocumentAt = performance.now();
      return true;
    };
    const observer = new MutationObserver(() => seen() && observer.disconnect());
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-painted'] });
  }, DOCUMENT_SHOWN);
  const started = Date.now();
  await page.goto(href!, { waitUntil: 'networkidle' });
  await page.locator(DOCUMENT_SHOWN).first().waitFor();
  figures.push({
    what: 'page de revue jusqu’au réseau au repos',
    value: seconds(Date.now() - started),
    target: '≤ 1,5 s',
  });
  const documentAt = await page.evaluate(() => (window as unknown as { mcboDocumentAt?: number }).mcboDocumentAt);
  figures.push({
    what: '… dont document affiché (première page dessinée)',
    value: documentAt === undefined ? '—' : seconds(documentAt),
    target: '',
  });

  // Validate it (checklist ticked), then time until the next piece's document is shown.
  const boxes = page.locator('input[name="checklist"]');
  for (let i = 0; i < (await boxes.count()); i += 1) {
    if (await boxes.nth(i).isChecked()) continue; // found by the pre-check
    await boxes.nth(i).focus();
    await page.keyboard.press('Space');
  }
  const wire = await wireCounter(page);
  await page.getByRole('button', { name: 'Valider', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  const here = new URL(page.url()).pathname;
  wire.reset();
  const decided = Date.now();
  await dialog.getByRole('button', { name: /^Confirmer/ }).click();
  await page.waitForURL((url) => url.pathname !== here && /\/justificatifs\/\d+$/.test(url.pathname));
  await page.locator(DOCUMENT_SHOWN).first().waitFor();
  figures.push({ what: 'décision → pièce suivante prête', value: seconds(Date.now() - decided), target: '≤ 1 s' });
  figures.push({
    what: '… réponses GraphQL pendant ce passage',
    value: `${Math.round(wire.graphqlBytes / 1024)} kio`,
    target: 'file non rechargée en entier',
  });
  await done(page);
});

test('login as each role: the first screen after the form', async () => {
  for (const [role, email] of Object.entries(ACCOUNTS)) {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('Adresse électronique').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    const started = Date.now();
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    figures.push({ what: `connexion → premier écran (${role})`, value: seconds(Date.now() - started), target: '' });
    await context.close();
  }
});
