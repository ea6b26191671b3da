/**
 * A conseiller works the queue: opens the oldest piece, checks it against the rule and validates it,
 * rejects the next one with a reason, and sees the server's answer each time; a decision that lost a
 * race says so and reloads the piece.
 */
import type { Browser, Page } from 'playwright-core';
import { ACCOUNTS, DOCUMENT_SHOWN, done, launch, login, screen } from './helpers';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const idOf = (page: Page) => new URL(page.url()).pathname.split('/').pop()!;

/** Opens the first piece of « À traiter » and waits for its document, shown from a blob. */
async function openFirstToProcess(page: Page): Promise<string> {
  await page.goto('/justificatifs?vue=TO_PROCESS');
  await page.locator('table tbody tr').first().waitFor();
  await page.locator('table tbody tr').first().getByRole('link').first().click();
  await page.waitForURL(/\/justificatifs\/\d+/);
  await waitForDocument(page);
  return idOf(page);
}

async function waitForDocument(page: Page) {
  await page.getByRole('heading', { name: /^Justificatif n° \d+/, level: 1 }).waitFor();
  const document = page.locator(DOCUMENT_SHOWN).first();
  await document.waitFor();
  // A scan is shown from a blob (the server's CSP sandboxes direct views); a PDF is drawn in the page.
  if ((await document.evaluate((el) => el.tagName)) === 'IMG')
    expect(await document.getAttribute('src')).toMatch(/^blob:/);
}

/** Ticks every item of the checklist with the keyboard (Space on each box), as an agent can. */
async function tickChecklist(page: Page) {
  const boxes = page.locator('input[name="checklist"]');
  const count = await boxes.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i += 1) {
    // What the pre-check found arrives ticked: only the others need a key press.
    if (await boxes.nth(i).isChecked()) continue;
    await boxes.nth(i).focus();
    await page.keyboard.press('Space');
    expect(await boxes.nth(i).isChecked()).toBe(true);
  }
}

test('a conseiller validates one justificatif and rejects another', async () => {
  const page = await login(browser, ACCOUNTS.conseiller);
  await page.getByRole('heading', { name: 'Justificatifs', level: 1 }).waitFor();
  await page.locator('table tbody tr').first().waitFor();
  await screen(page, '02-conseiller-a-traiter');
  for (const [tab, shot] of [
    ['Mes dossiers', '02-conseiller-mes-dossiers'],
    ['Traités', '02-conseiller-traites'],
  ] as const) {
    await page.getByRole('tab', { name: tab }).click();
    await page.waitForURL(/vue=(MINE|PROCESSED)/);
    await page.locator('table tbody tr, p:has-text("Aucun"), p:has-text("aucun")').first().waitFor();
    await screen(page, shot);
  }

  // The oldest piece: the document beside the rule, the declared value and the checklist.
  const first = await openFirstToProcess(page);
  await page.getByText(/^Valeur déclarée :/).waitFor();
  await page.getByText(/Raccourcis clavier/).waitFor();
  await screen(page, '03-conseiller-revue');

  // Validating with a required item unticked is refused on screen, before any request. The pré-contrôle
  // may already have ticked this piece's items: untick them, so that the refusal is what is tested.
  const boxes = page.locator('input[name="checklist"]');
  for (let i = 0; i < (await boxes.count()); i += 1) {
    if (!(await boxes.nth(i).isChecked())) continue;
    await boxes.nth(i).focus();
    await page.keyboard.press('Space');
  }
  await page.getByRole('button', { name: 'Valider', exact: true }).click();
  await page.getByText(/Validation impossible/).waitFor();

  await tickChecklist(page);
  await page.keyboard.press('v');
  const validateDialog = page.getByRole('dialog', { name: 'Valider ce justificatif ?' });
  await validateDialog.waitFor();
  await screen(page, '04-conseiller-confirmer-validation', { fullPage: false });
  await validateDialog.getByRole('button', { name: /^Confirmer/ }).click();

  // The server's answer, then the next piece opens by itself.
  const validated = page.locator('.mcbo-outcome').filter({ hasText: `Justificatif n° ${first} validé` });
  await validated.waitFor();
  expect(await validated.innerText()).toMatch(/Atteinte de l['’]indicateur/);
  await page.waitForURL((url) => !url.pathname.endsWith(`/${first}`));
  await waitForDocument(page);
  const second = idOf(page);
  expect(second).not.toBe(first);
  await screen(page, '05-conseiller-valide-suivant');

  // Reject with the keyboard shortcut; at least one reason is required.
  await page.locator('main').focus();
  await page.keyboard.press('r');
  const rejectDialog = page.getByRole('dialog', { name: 'Rejeter ce justificatif ?' });
  await rejectDialog.waitFor();
  await rejectDialog.getByRole('button', { name: /^Confirmer/ }).click();
  await rejectDialog.getByText('Choisissez au moins un motif de rejet.').waitFor();
  await rejectDialog.locator('label[for="reason-DMP_MENTION_MISSING"]').click();
  await rejectDialog
    .getByLabel(/Commentaire pour le professionnel/)
    .fill('Merci de renvoyer une facture portant la mention « DMP compatible ».');
  await screen(page, '06-conseiller-motifs-rejet', { fullPage: false });
  await rejectDialog.getByRole('button', { name: /^Confirmer/ }).click();
  const rejected = page.locator('.mcbo-outcome').filter({ hasText: `Justificatif n° ${second} rejeté` });
  await rejected.waitFor();
  expect(await rejected.innerText()).toMatch(/Atteinte de l['’]indicateur/);

  // Both decisions are the server's, as reread later.
  await page.goto(`/justificatifs/${first}`);
  await page.getByText(/Validé\s+par Sophie Garnier/).waitFor();
  await page.goto(`/justificatifs/${second}`);
  await page.getByText(/Rejeté\s+par Sophie Garnier/).waitFor();
  await page.getByText('Mention « DMP compatible » absente').first().waitFor();
  await screen(page, '07-conseiller-justificatif-rejete');

  // j and k walk through the queue.
  await page.goto(`/justificatifs?vue=TO_PROCESS`);
  await page.locator('table tbody tr').first().getByRole('link').first().click();
  await waitForDocument(page);
  const here = idOf(page);
  await page.locator('main').focus();
  await page.keyboard.press('j');
  await page.waitForURL((url) => !url.pathname.endsWith(`/${here}`));
  await waitForDocument(page);
  await page.locator('main').focus();
  await page.keyboard.press('k');
  await page.waitForURL((url) => url.pathname.endsWith(`/${here}`));
  await done(page);
});

test('a decision that lost the race says so and reloads the piece', async () => {
  const first = await login(browser, ACCOUNTS.conseiller);
  const id = await openFirstToProcess(first);
  const second = await login(browser, ACCOUNTS.conseiller);
  await second.goto(`/justificatifs/${id}`);
  await waitForDocument(second);

  // The first window decides.
  await tickChecklist(first);
  await first.getByRole('button', { name: 'Valider', exact: true }).click();
  await first
    .getByRole('dialog', { name: 'Valider ce justificatif ?' })
    .getByRole('button', { name: /^Confirmer/ })
    .click();
  await first
    .locator('.mcbo-outcome')
    .filter({ hasText: `Justificatif n° ${id} validé` })
    .waitFor();

  // The second window, still showing the piece as received, tries too.
  await tickChecklist(second);
  await second.getByRole('button', { name: 'Valider', exact: true }).click();
  await second
    .getByRole('dialog', { name: 'Valider ce justificatif ?' })
    .getByRole('button', { name: /^Confirmer/ })
    .click();
  const refused = second.locator('.mcbo-outcome').filter({ hasText: 'Décision non enregistrée' });
  await refused.waitFor();
  expect(await refused.innerText()).toMatch(/déjà été validé par Sophie Garnier|a changé depuis votre lecture/);
  // Reloaded: the piece now shows the decision that won, and no decision buttons.
  await second.getByText(/Validé\s+par Sophie Garnier/).waitFor();
  await expect(second.getByRole('button', { name: 'Valider', exact: true }).count()).resolves.toBe(0);
  await screen(second, '08-conseiller-conflit');
  await done(second);
  await done(first);
});

test('a conseiller reads a professional file but cannot log a contact', async () => {
  const page = await login(browser, ACCOUNTS.conseiller);
  await openFirstToProcess(page);
  await page.getByRole('link', { name: 'dossier du professionnel' }).click();
  await page.getByRole('heading', { name: 'Campagnes' }).waitFor();
  await expect(page.getByRole('button', { name: 'Consigner l’échange' }).count()).resolves.toBe(0);
  await done(page);
});
