/**
 * Contrôle a posteriori in the browser: a superviseur draws a plan over the paid FAMI 2023 campaign, from the
 * preview to « Plan créé »; a conseiller takes a case, requests the pieces (the letter goes to the outbox),
 * attaches the piece received, concludes non compliant with a motif and sees the indu; the professional's file
 * shows the control and its indu. Both screens are checked with axe at 1440 and 390 px.
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

/** The screen at the two widths the console is checked at, desktop then phone. */
async function bothWidths(page: Page, name: string) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await screen(page, `${name}-1440`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screen(page, `${name}-390`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('a superviseur drives a plan from the preview to its creation', async () => {
  const page = await login(browser, ACCOUNTS.superviseur);
  await page.goto('/controles');
  await page.getByRole('heading', { name: 'Contrôles a posteriori', level: 1 }).waitFor();
  await page.getByLabel('Campagne', { exact: true }).fill('2023');
  await page.getByLabel('Dispositif', { exact: true }).selectOption('FAMI');
  await page.getByLabel('Taille de l’échantillon').fill('3');
  await page.getByRole('button', { name: 'Prévisualiser le tirage' }).click();
  const strata = await tableRows(page, 'Effectifs par strate');
  expect(strata.length).toBeGreaterThan(0);
  expect(strata.reduce((sum, row) => sum + Number(row[4]), 0)).toBe(3);
  await page.getByLabel('Libellé du plan').fill('Plan navigateur FAMI 2023');
  await page.getByRole('button', { name: /Créer le plan/ }).click();
  await page.getByText(/Plan créé : \d+ dossiers? de contrôle/).waitFor();
  await bothWidths(page, 'controles-plan-cree');
  await done(page);
}, 240_000);

test('a conseiller requests the pieces, attaches one, concludes non compliant and sees the indu', async () => {
  const page = await login(browser, ACCOUNTS.conseiller);
  await page.goto('/controles');
  await tableRows(page, /dossiers, les plus anciens d’abord/);
  await bothWidths(page, 'controles-file');
  await page.locator('table tbody tr').first().getByRole('link').click();
  await page.getByRole('heading', { name: /Contrôle n° \d+/, level: 1 }).waitFor();
  const title = (await page.locator('main h1').first().textContent())!;
  const caseNumber = /n° (\d+)/.exec(title)![1]!;

  await page.getByRole('button', { name: 'Prendre en charge' }).click();
  // The next action carries the version the take returned: wait for it.
  await page.getByRole('button', { name: 'Prendre en charge' }).waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Demander les pièces (courrier)' }).click();
  // The letter is in the communications outbox: its status is shown, with the deadline.
  await page
    .getByText(/Demande de pièces par courrier : (en file d’envoi|en cours d’envoi|envoyée|en échec)/)
    .waitFor();
  await page.getByText(/Réponse attendue au plus tard le/).waitFor();

  await page.getByLabel('Pièce reçue (PDF, JPEG ou PNG)').setInputFiles({
    name: 'justificatif.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% contrôle a posteriori\n%%EOF\n'),
  });
  await page.getByRole('button', { name: 'Attacher la pièce' }).click();
  await page.getByRole('heading', { name: 'Pièces reçues' }).waitFor();
  await bothWidths(page, 'controle-dossier-pieces');

  await page.getByRole('button', { name: 'Conclure…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Conclure le contrôle' });
  // DSFR draws radios and checkboxes on their labels: an agent clicks the label.
  await dialog.locator('label[for="outcome-NON_COMPLIANT"]').click();
  await dialog.locator('.fr-checkbox-group label').first().click();
  expect(await dialog.locator('.fr-checkbox-group input').first().isChecked()).toBe(true);
  await dialog.getByRole('button', { name: 'Confirmer : non conforme' }).click();
  await page.getByText('conclu non conforme').first().waitFor();
  const indu = page.getByRole('heading', { name: /^Indu : / });
  await indu.waitFor();
  await bothWidths(page, 'controle-dossier-conclu');

  // The professional's file shows the control and its indu.
  await page.getByRole('link', { name: 'dossier du professionnel' }).click();
  const section = page.getByRole('heading', { name: 'Contrôles a posteriori', level: 2 });
  await section.waitFor();
  await page.getByRole('link', { name: new RegExp(`Contrôle n° ${caseNumber}`) }).waitFor();
  await page
    .getByRole('heading', { name: /^Indu : /, level: 3 })
    .first()
    .waitFor();
  await screen(page, 'dossier-professionnel-controles');
  await done(page);
  // A whole control, five screens checked twice with axe, on a shared machine.
}, 300_000);
