/**
 * Communications: a conseiller reads the notice the professional will receive before confirming a
 * rejection; a DAM opens that notice, as sent, from the professional's « Échanges »; a superviseur
 * previews a relance (counts, samples), confirms and launches it, and follows the wave.
 * Each new screen is checked with axe-core at 1440 px and at 390 px.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ACCOUNTS, SHOTS, done, launch, login, screen } from './helpers';

let browser: Browser;
// Two agents and four screens checked at two widths each: minutes on a loaded machine.
const LONG = 300_000;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** The screen at desktop width, then on a phone, then back. */
async function bothWidths(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await screen(page, `${name}-1440`, options);
  await page.setViewportSize({ width: 390, height: 844 });
  await screen(page, `${name}-390`, options);
  await page.setViewportSize({ width: 1440, height: 900 });
}

test(
  'the conseiller sees the notice before rejecting; the DAM opens it as sent from the file',
  async () => {
    const conseiller = await login(browser, ACCOUNTS.conseiller);
    await conseiller.goto('/justificatifs?vue=TO_PROCESS');
    await conseiller.locator('table tbody tr').first().getByRole('link').first().click();
    await conseiller.waitForURL(/\/justificatifs\/\d+/);
    await conseiller.getByRole('heading', { name: /^Justificatif n° \d+/, level: 1 }).waitFor();
    const fileLink = conseiller.getByRole('link', { name: 'dossier du professionnel' });
    const professionalPath = (await fileLink.getAttribute('href'))!;
    expect(professionalPath).toMatch(/^\/professionnels\/\d+$/);

    await conseiller.locator('main').focus();
    await conseiller.keyboard.press('r');
    const dialog = conseiller.getByRole('dialog', { name: 'Rejeter ce justificatif ?' });
    await dialog.waitFor();
    const preview = dialog.getByTestId('notice-preview');
    await preview.getByText('Choisissez un motif pour voir le message.').waitFor();
    await dialog.locator('label[for="reason-DMP_MENTION_MISSING"]').click();
    const comment = 'Merci de renvoyer la facture avec la mention « DMP compatible ».';
    await dialog.getByLabel(/Commentaire pour le professionnel/).fill(comment);
    // The server's rendering: the motif's label and the comment, once typing pauses.
    await preview.getByText(/Objet : /).waitFor();
    await preview.getByText(comment, { exact: false }).waitFor();
    expect(await preview.innerText()).toMatch(/DMP compatible/);
    await bothWidths(conseiller, '40-conseiller-apercu-notification', { fullPage: false });
    await dialog.getByRole('button', { name: 'Confirmer le rejet' }).click();
    await conseiller
      .locator('.mcbo-outcome')
      .filter({ hasText: /rejeté/ })
      .waitFor();
    await done(conseiller);

    // The DAM of the caisse: the notice is the newest exchange; the in-server worker sends it.
    const dam = await login(browser, ACCOUNTS.dam);
    await dam.goto(professionalPath);
    await dam.getByRole('heading', { name: 'Échanges' }).waitFor();
    const exchanges = dam.getByRole('table', { name: /Échanges avec le professionnel/ });
    const notice = exchanges.locator('tbody tr').first();
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/rejet/i);
    for (let i = 0; i < 30 && !/envoyé/i.test(await notice.innerText()); i++) {
      await dam.waitForTimeout(1000);
      await dam.reload();
      await exchanges.locator('tbody tr').first().waitFor();
    }
    expect(await notice.innerText()).toMatch(/envoyé/i);
    await bothWidths(dam, '41-dam-echanges');

    const [sent] = await Promise.all([
      dam.context().waitForEvent('page'),
      notice.getByRole('link', { name: 'Ouvrir' }).click(),
    ]);
    await sent.waitForLoadState();
    expect(await sent.locator('body').innerText()).toContain('DMP compatible');
    await sent.screenshot({ path: path.join(SHOTS, '42-dam-message-envoye.png') });
    await sent.close();
    await done(dam);
  },
  LONG,
);

test(
  'the superviseur previews a relance, confirms it, launches it and follows the wave',
  async () => {
    const page = await login(browser, ACCOUNTS.superviseur);
    await page.getByRole('link', { name: 'Relances' }).first().click();
    await page.getByRole('heading', { name: 'Relances', level: 1 }).waitFor();
    await page.getByLabel('Situation', { exact: true }).selectOption('DECLARATION_NON_TRANSMISE');
    await page.getByRole('button', { name: 'Prévisualiser la relance' }).click();
    const preview = page.getByTestId('relance-preview');
    await preview.waitFor();
    const target = Number(
      (await preview.locator('dt:has-text("Professionnels relancés") + dd').innerText()).replace(/\D/g, ''),
    );
    expect(target).toBeGreaterThan(0);
    expect(await preview.getByRole('article').count()).toBe(Math.min(3, target));
    await bothWidths(page, '43-superviseur-apercu-relance');

    await preview.getByRole('button', { name: /^Lancer la relance/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Lancer cette relance ?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/ne peut pas être annulé/);
    await bothWidths(page, '44-superviseur-confirmer-relance', { fullPage: false });
    await dialog.getByRole('button', { name: 'Confirmer le lancement' }).click();
    await page.getByText(/Relance lancée : \d+ messages mis en file d’envoi\./).waitFor();

    const waves = page.getByRole('table', { name: /Vagues de relance/ });
    const wave = waves.locator('tbody tr').first();
    await wave.waitFor();
    expect(await wave.innerText()).toMatch(/Déclaration non transmise/);
    expect(await wave.getByRole('link', { name: 'Courriers (PDF)' }).getAttribute('href')).toMatch(
      /^\/api\/relances\/\d+\/letters\.pdf$/,
    );
    await bothWidths(page, '45-superviseur-vagues');
    await done(page);
  },
  LONG,
);
