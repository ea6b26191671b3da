/**
 * Each role does its job in the real console, in Chromium: a conseiller validates one justificatif
 * and rejects another, a DAM finds a professional by RPPS and logs a contact, a supervisor reads the
 * dashboard and exports a CSV. axe-core checks every screen; each screen is saved as a screenshot.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type RunningServer } from './server-process';

const SHOTS = path.join(__dirname, 'screenshots');
const PASSWORD = 'Demo-mcbo-2026!';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function screen(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    );
  expect({ screen: name, violations: serious }).toEqual({ screen: name, violations: [] });
}

async function login(email: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
    locale: 'fr-FR',
  });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  return page;
}

test('the login screen is accessible', async () => {
  const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Connexion' }).waitFor();
  await screen(page, '01-connexion');
  await page.getByLabel('Adresse électronique').fill('conseiller.211@demo.mcbo.fr');
  await page.getByLabel('Mot de passe').fill('mauvais-mot-de-passe');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByText('Identifiant ou mot de passe incorrect.').waitFor();
  await page.context().close();
});

test('a conseiller validates one justificatif and rejects another', async () => {
  const page = await login('conseiller.211@demo.mcbo.fr');
  await page.getByRole('heading', { name: 'Justificatifs', level: 1 }).waitFor();
  await page.locator('table tbody tr').first().waitFor();
  await screen(page, '02-file-justificatifs');

  await page.locator('table tbody tr td a').first().click();
  await page.getByRole('heading', { name: 'Ce que dit la règle' }).waitFor();
  await page.locator('.mcbo-document, .mcbo-document-img').waitFor();
  await screen(page, '03-revue-justificatif');
  // DSFR draws the box over the input: tick through the labels, as an agent does.
  for (const label of await page.locator('section[aria-label="Contrôle"] .fr-checkbox-group label').all())
    await label.click();
  await page.getByRole('button', { name: 'Valider', exact: true }).click();
  await page.getByRole('heading', { name: 'Valider ce justificatif ?' }).waitFor();
  await page.getByRole('button', { name: 'Confirmer' }).click();
  await page.getByText(/Justificatif validé\. Atteinte de l’indicateur/).waitFor();
  expect(await page.locator('.fr-badge').first().innerText()).toMatch(/Validé/i);
  await screen(page, '04-justificatif-valide');

  await page.getByRole('button', { name: 'Justificatif suivant' }).click();
  await page.getByRole('button', { name: 'Rejeter' }).waitFor();
  await page.keyboard.press('r');
  await page.getByRole('heading', { name: 'Rejeter ce justificatif ?' }).waitFor();
  await page.locator('label[for="reason-DMP_MENTION_MISSING"]').click();
  await page
    .getByLabel('Commentaire pour le professionnel')
    .fill('Merci de renvoyer une facture portant la mention DMP compatible.');
  await screen(page, '05-rejet-motifs');
  await page.getByRole('button', { name: 'Confirmer' }).click();
  await page.getByText(/Justificatif rejeté\. Atteinte de l’indicateur/).waitFor();
  await page.context().close();
});

test('a DAM finds a professional by RPPS and logs a contact', async () => {
  const page = await login('dam.211@demo.mcbo.fr');
  await page.getByRole('heading', { name: 'Rechercher un professionnel' }).waitFor();
  await screen(page, '06-recherche');
  await page.getByLabel('Nom, N° AM, RPPS ou ADELI').fill('Martin');
  await page.keyboard.press('Enter');
  await page.locator('table tbody tr').first().waitFor();
  await screen(page, '07-resultats');
  const rpps = (await page.locator('table tbody tr').first().locator('td').nth(3).innerText()).trim();
  expect(rpps).toMatch(/^\d{11}$/);

  await page.getByLabel('Nom, N° AM, RPPS ou ADELI').fill(rpps);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Campagnes' }).waitFor();
  await page
    .getByRole('table', { name: 'Indicateurs' })
    .or(page.getByText('Aucune déclaration pour cette campagne.'))
    .first()
    .waitFor();
  await screen(page, '08-dossier-professionnel');

  await page.getByLabel('Objet').fill('Relance du justificatif logiciel');
  await page.getByLabel('Notes').fill('Appel : la facture sera renvoyée avec la mention DMP compatible.');
  await page.getByRole('button', { name: 'Consigner l’échange' }).click();
  await page.getByText('Échange consigné.', { exact: true }).waitFor();
  await page.getByText('Relance du justificatif logiciel').first().waitFor();
  await page.context().close();
});

test('a supervisor reads the dashboard and exports a CSV', async () => {
  const page = await login('superviseur.211@demo.mcbo.fr');
  await page.getByRole('heading', { name: 'Supervision de campagne' }).waitFor();
  await page.getByText('Professionnels concernés').waitFor();
  await page.getByRole('table', { name: 'Atteinte par indicateur' }).waitFor();
  await screen(page, '09-supervision');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter en CSV : atteinte par indicateur' }).click(),
  ]);
  const content = fs.readFileSync((await download.path())!, 'utf8');
  expect(content.charCodeAt(0)).toBe(0xfeff);
  const [header, ...rows] = content.slice(1).trim().split('\r\n');
  expect(header).toBe('Campagne;Code;Indicateur;Atteints;Non atteints;Neutralisés;En attente;Taux (%)');
  expect(rows.length).toBeGreaterThan(3);
  await page.context().close();
});
