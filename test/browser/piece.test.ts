/**
 * Issue 17, the conseiller's piece: the document at page width with its zoom, one step from the document
 * to the checklist (« Aller à la vérification », key c), private notes on the piece and on the file,
 * confirmation dialogs that open on their primary action; and every screen of each role checked by axe
 * at 390 px, the file's tables scrollable with the keyboard.
 */
import type { Browser, Page } from 'playwright-core';
import { ACCOUNTS, DOCUMENT_SHOWN, done, launch, login, screen, releaseMyPieces } from './helpers';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

test('the piece: page-width document, one step to the checklist, notes, dialog on its primary action', async () => {
  const page = await login(browser, ACCOUNTS.conseiller);
  // pdf.js and its worker run within the server's CSP (no eval, the worker from the console's own files).
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  await releaseMyPieces(page);
  await page.goto('/justificatifs?vue=TO_PROCESS');
  await page.locator('table tbody tr').first().getByRole('link').first().click();
  await page.waitForURL(/\/justificatifs\/\d+/);
  const shown = page.locator(DOCUMENT_SHOWN).first();
  await shown.waitFor();

  // The document takes the width the checklist leaves: more than half the screen at 1366 px.
  const width = await shown.evaluate((el) => el.getBoundingClientRect().width);
  expect(width).toBeGreaterThan(1366 / 2);
  if ((await shown.evaluate((el) => el.tagName)) !== 'IMG') {
    // A PDF drawn by pdf.js: its canvas holds the screen's pixels, the text is selectable over it, and
    // the zoom draws the page again twice as wide (the pane scrolls).
    const canvas = shown.locator('canvas');
    const pixels = await canvas.evaluate((c: HTMLCanvasElement) => c.width / c.getBoundingClientRect().width);
    expect(pixels).toBeCloseTo(await page.evaluate(() => window.devicePixelRatio), 1);
    expect((await shown.locator('.textLayer').innerText()).trim().length).toBeGreaterThan(0);
    await page.getByRole('button', { name: '200 %' }).click();
    await page.waitForFunction(
      ([selector, before]) => {
        const el = document.querySelector(selector as string);
        return !!el && el.getBoundingClientRect().width > 1.9 * (before as number);
      },
      [DOCUMENT_SHOWN, width] as const,
    );
    expect(await page.getByRole('button', { name: '200 %' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Pleine largeur' }).click();
    await page.waitForFunction(
      ([selector, before]) =>
        Math.abs(document.querySelector(selector as string)!.getBoundingClientRect().width - (before as number)) < 2,
      [DOCUMENT_SHOWN, width] as const,
    );

    // Drawn again for the window: at page width and with the screen's pixels, on a wide screen and a phone.
    for (const [w, h] of [
      [1440, 900],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForFunction(() => {
        const pane = document.querySelector('.mcbo-pdf')!;
        const first = pane.querySelector('.mcbo-pdf-page')!;
        const canvas = first.querySelector('canvas')!;
        const shownWidth = first.getBoundingClientRect().width;
        return (
          pane.getBoundingClientRect().right <= window.innerWidth &&
          Math.abs(shownWidth - pane.clientWidth) < 2 &&
          Math.abs(canvas.width - Math.floor(shownWidth * window.devicePixelRatio)) < 2
        );
      });
      await screen(page, `40-piece-pdf-${w}`);
    }
    await page.setViewportSize({ width: 1366, height: 900 });
    expect(refused).toEqual([]);
  }

  // From the document's tools, one step to the checklist: the link, or the key c anywhere.
  await page.getByRole('link', { name: /Aller à la vérification/ }).click();
  expect(await focusedId(page)).toMatch(/^check-/);
  await page.locator('main').focus();
  await page.keyboard.press('c');
  expect(await focusedId(page)).toMatch(/^check-/);

  // A private note on the piece, then seen on the professional's file with the piece's number.
  const pieceId = new URL(page.url()).pathname.split('/').pop()!;
  const notes = page.locator('section.mcbo-notes');
  await notes.getByRole('button', { name: 'Ajouter l’annotation' }).click();
  await notes.getByText('L’annotation est vide.').waitFor();
  await notes.getByLabel(/Nouvelle annotation/).fill('Facture du cabinet secondaire : vérifier l’adresse.');
  await notes.getByRole('button', { name: 'Ajouter l’annotation' }).click();
  await notes.getByText('Facture du cabinet secondaire : vérifier l’adresse.').waitFor();
  await screen(page, '40-piece-document-notes');

  // The confirmation opens with focus on its primary action.
  await page.locator('main').focus();
  await page.keyboard.press('r');
  const dialog = page.getByRole('dialog', { name: 'Rejeter ce justificatif ?' });
  await dialog.waitFor();
  await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Confirmer le rejet');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });

  await page.getByRole('link', { name: 'dossier du professionnel' }).click();
  // The review page has its own notes section: wait for the file's before reading it.
  await page.waitForURL(/\/professionnels\/\d+/);
  await page.getByRole('heading', { name: 'Échanges' }).waitFor();
  const fileNotes = page.locator('section.mcbo-notes');
  await fileNotes.getByText('Facture du cabinet secondaire : vérifier l’adresse.').waitFor();
  expect(await fileNotes.innerText()).toContain(`justificatif n° ${pieceId}`);
  await done(page);
}, 300_000);

test('a PDF that cannot be read: said in French, beside the piece', async () => {
  const page = await login(browser, ACCOUNTS.conseiller);
  // Every document answers a damaged PDF: its header, then nothing a reader can use.
  await page.route('**/api/files/**', (route) =>
    route.fulfill({ status: 200, contentType: 'application/pdf', body: '%PDF-1.7\n%damaged\n' }),
  );
  await page.goto('/justificatifs?vue=PROCESSED');
  await page.locator('table tbody tr').first().getByRole('link').first().click();
  await page.waitForURL(/\/justificatifs\/\d+/);
  await page.getByText(/Ce PDF ne peut pas être lu/).waitFor();
  await page.getByRole('heading', { name: /^Justificatif n° \d+/, level: 1 }).waitFor();
  await done(page);
});

/** Each role's screens, at 390 px: saved and checked by axe (0 serious or critical violations). */
const PHONE_SCREENS: Record<keyof typeof ACCOUNTS, string[]> = {
  conseiller: ['/justificatifs?vue=TO_PROCESS', 'PIECE', 'FILE', '/professionnels'],
  dam: ['/professionnels', 'FILE'],
  superviseur: ['/supervision', '/imports', '/controles'],
  admin: ['/imports'],
};

test.each(Object.entries(PHONE_SCREENS))(
  'at 390 px, %s’s screens pass axe',
  async (role, paths) => {
    const page = await login(browser, ACCOUNTS[role as keyof typeof ACCOUNTS]);
    await page.setViewportSize({ width: 390, height: 844 });
    let piece: string | null = null;
    let file: string | null = null;
    for (const [i, target] of paths.entries()) {
      if (target === 'PIECE') {
        if (!piece) {
          await page.goto('/justificatifs?vue=PROCESSED');
          await page.locator('table tbody tr').first().waitFor();
          piece = await page.locator('table tbody tr').first().getByRole('link').first().getAttribute('href');
        }
      }
      if (target === 'PIECE') {
        await page.goto(piece!);
        await page.locator(DOCUMENT_SHOWN).first().waitFor();
        file = await page.getByRole('link', { name: 'dossier du professionnel' }).getAttribute('href');
      } else if (target === 'FILE') {
        if (!file) {
          await page.goto('/professionnels');
          const box = page.getByRole('searchbox', { name: /Nom, N° AM, RPPS ou ADELI/ });
          await box.fill('Lefèvre');
          await box.press('Enter');
          await page.locator('table tbody tr').first().waitFor();
          file = await page.locator('table tbody tr').first().getByRole('link').first().getAttribute('href');
        }
        await page.goto(file!);
        await page.getByRole('heading', { level: 1 }).waitFor();
        // The file's tables scroll inside themselves and take the keyboard's focus.
        const tables = page.locator('.fr-table > table');
        for (let t = 0; t < (await tables.count()); t += 1) {
          expect(await tables.nth(t).getAttribute('tabindex')).toBe('0');
        }
      } else {
        await page.goto(target);
        await page.locator('main h1').first().waitFor();
      }
      await screen(page, `41-telephone-${role}-${i}`);
    }
    await done(page);
  },
  600_000,
);
