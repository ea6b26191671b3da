/**
 * Issue 17, « Demander un avis »: the conseiller asks the superviseur about a piece (the dialog states the
 * consequence and opens on its primary action), the superviseur finds it in « Avis demandés » with its
 * count and answers from the review page, the conseiller reads the answer in the piece's history and
 * decides. axe at 1440 and 390 px on each screen.
 */
import type { Browser, Page } from 'playwright-core';
import { ACCOUNTS, done, launch, login, screen } from './helpers';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const QUESTION = 'La facture ne porte que le nom du cabinet : est-elle assez nominative ?';
const ANSWER = 'Oui : le cabinet est individuel, la facture vaut pièce nominative.';

/** The screen at 1440 px, then at 390 px (axe on both), back to 1440. */
async function bothWidths(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await screen(page, `${name}-1440`, options);
  await page.setViewportSize({ width: 390, height: 844 });
  await screen(page, `${name}-390`, options);
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('a conseiller asks the superviseur, who answers from « Avis demandés »; the conseiller reads it and decides', async () => {
  const conseiller = await login(browser, ACCOUNTS.conseiller);
  await conseiller.goto('/justificatifs?vue=TO_PROCESS');
  await conseiller.locator('table tbody tr').first().getByRole('link').first().click();
  await conseiller.waitForURL(/\/justificatifs\/\d+/);
  const pieceId = new URL(conseiller.url()).pathname.split('/').pop()!;
  // Opening the piece takes it: the request is the holder's.
  await conseiller.getByText(/pris par Sophie Garnier/).waitFor();

  await conseiller.getByRole('button', { name: 'Demander un avis' }).click();
  const dialog = conseiller.getByRole('dialog', { name: 'Demander un avis sur cette pièce' });
  await dialog.waitFor();
  await conseiller.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Demander l’avis');
  await dialog.getByText(/aucun collègue ne peut la prendre ni la décider/).waitFor();
  // Nothing chosen: said beside the field, which takes the focus; nothing is sent.
  await dialog.getByRole('button', { name: 'Demander l’avis' }).click();
  await dialog.getByText('Choisissez l’agent à solliciter.').waitFor();
  expect(await conseiller.evaluate(() => document.activeElement?.id)).toBe('avis-agent');
  const options = await dialog.locator('#avis-agent optgroup[label="Superviseurs"] option').allTextContents();
  expect(options).toEqual(expect.arrayContaining(['Isabelle Fontaine', 'Hélène Marchal (national)']));
  // Nobody of another caisse (Claire Dubreuil, superviseur of 751; Nadia Benali, conseillère of 751).
  expect(await dialog.locator('#avis-agent').innerText()).not.toMatch(/Claire Dubreuil|Nadia Benali/);
  await dialog.locator('#avis-agent').selectOption({ label: 'Isabelle Fontaine' });
  await dialog.getByLabel(/Votre question/).fill(QUESTION);
  await bothWidths(conseiller, '50-avis-dialogue', { fullPage: false });
  await dialog.getByRole('button', { name: 'Demander l’avis' }).click();
  const opinions = conseiller.getByTestId('opinions');
  await opinions.getByText('Avis en attente').waitFor();
  // The piece now shows the request and « Demander un avis » is gone: the server's answer is still said.
  expect(
    await conseiller
      .getByText('Avis demandé à Isabelle Fontaine. La pièce reste prise par vous jusqu’à sa décision.')
      .isVisible(),
  ).toBe(true);
  await opinions.getByText(`« ${QUESTION} »`).waitFor();
  // While the opinion is awaited, no second request.
  expect(await conseiller.getByRole('button', { name: 'Demander un avis' }).count()).toBe(0);

  // The superviseur: the « Avis demandés » tab counts it, the row says so, the review page answers.
  const superviseur = await login(browser, ACCOUNTS.superviseur);
  await superviseur.goto('/justificatifs?vue=OPINION_ASKED');
  await superviseur.getByRole('tab', { name: /Avis demandés \(1\)/ }).waitFor();
  const row = superviseur
    .locator('table tbody tr')
    .filter({ has: superviseur.locator(`a[href^="/justificatifs/${pieceId}?"]`) });
  await row.getByText('Avis demandé').waitFor();
  await bothWidths(superviseur, '51-avis-file-superviseur');
  await row.getByRole('link').first().click();
  await superviseur.waitForURL(new RegExp(`/justificatifs/${pieceId}`));
  const asked = superviseur.getByTestId('opinions');
  await asked.getByText(`« ${QUESTION} »`).waitFor();
  await asked.getByRole('button', { name: 'Envoyer l’avis' }).click();
  await asked.getByText('Écrivez votre avis.').waitFor();
  await asked.getByLabel(/Votre avis/).fill(ANSWER);
  await bothWidths(superviseur, '52-avis-reponse');
  await asked.getByRole('button', { name: 'Envoyer l’avis' }).click();
  await asked.getByText('Avis donné').waitFor();
  await superviseur.goto('/justificatifs?vue=OPINION_ASKED');
  await superviseur.getByRole('tab', { name: /Avis demandés \(0\)/ }).waitFor();
  await done(superviseur);

  // The conseiller reads the answer with the piece's history, then decides.
  await conseiller.reload();
  await opinions.getByText(`« ${ANSWER} »`).waitFor();
  await conseiller.getByText(`avis donné par Isabelle Fontaine – réponse : « ${ANSWER} »`).waitFor();
  await bothWidths(conseiller, '53-avis-reponse-lue');
  await conseiller.locator('main').focus();
  await conseiller.keyboard.press('r');
  const reject = conseiller.getByRole('dialog', { name: 'Rejeter ce justificatif ?' });
  await reject.waitFor();
  await reject.locator('label[for="reason-DMP_MENTION_MISSING"]').click();
  await reject.getByRole('button', { name: 'Confirmer le rejet' }).click();
  await conseiller.goto(`/justificatifs/${pieceId}`);
  await conseiller.getByText(/Rejeté\s+par Sophie Garnier/).waitFor();
  await conseiller.getByTestId('opinions').getByText('Avis donné').waitFor();
  await done(conseiller);
}, 300_000);
