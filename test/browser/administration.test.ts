/**
 * Issue 15 in the console. A superviseur of the caisse goes back on a conseiller's decision (mandatory
 * reason, back to « reçu ») and the history shows both decisions. A national administrator (made with the
 * operator's CLI, as in production) creates an agent and changes its role, adds a software to the
 * catalogue with its messaging, sets an Annuaire Santé specialty code as LAP exemption, then computes the
 * campaign in instruction — pieces are still received, so the confirmation asks for « forcer » and a
 * reason — follows the progress to its end and finds the payment file. axe at 1440 and 390 px.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ACCOUNTS, PASSWORD, done, gql, launch, login, screen, tableRows } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..');
const NATIONAL_ADMIN = 'admin.national@demo.mcbo.fr';

let browser: Browser;

// Many screens, each checked by axe at two widths: more than the suite's default per test.
jest.setTimeout(600_000);

beforeAll(async () => {
  browser = await launch();
  execFileSync(
    process.execPath,
    [
      // Built by scripts/test-browser.mjs with the server.
      path.join(ROOT, 'server', 'dist', 'cli', 'agent.js'),
      'create',
      '--email',
      NATIONAL_ADMIN,
      '--role',
      'ADMIN',
      '--caisse',
      '751',
      '--national',
      '--name',
      'Administratrice nationale',
      '--password',
      PASSWORD,
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATA_DIR: process.env.MCBO_BROWSER_DATA_DIR,
        DATABASE_URL: '',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
      },
      stdio: 'pipe',
    },
  );
});

afterAll(async () => {
  await browser?.close();
});

/** The screen at 1440 px, then at 390 px (the phone), both checked by axe. */
async function bothWidths(page: Page, name: string) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await screen(page, `${name}-1440`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screen(page, `${name}-390`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('a superviseur goes back on a conseiller’s decision; the history keeps both decisions', async () => {
  const page = await login(browser, ACCOUNTS.superviseur);
  // A piece the conseiller decided in the campaign still in instruction (FAMI 2024): it can be reopened.
  const processed = await gql(
    page,
    `{ justificatifQueue(first: 1, filter: { view: PROCESSED, campaignYear: 2024, scheme: FAMI }) { nodes { id } } }`,
  );
  const pieceId = processed.justificatifQueue.nodes[0]!.id as string;
  await page.goto(`/justificatifs/${pieceId}?vue=PROCESSED`);
  const button = page.getByRole('button', { name: 'Revenir sur la décision' });
  await button.waitFor();
  expect(await button.isEnabled()).toBe(true);
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Revenir sur la décision' });
  const confirm = dialog.getByRole('button', { name: 'Confirmer le recours' });
  // No reason, no recours.
  expect(await confirm.isDisabled()).toBe(true);
  await dialog.getByLabel('Remettre à vérifier').check({ force: true });
  await dialog.getByLabel(/Motif du recours/).fill('Le professionnel a contesté : pièce lisible en page 2.');
  await screen(page, '60-superviseur-recours', { fullPage: false });
  await confirm.click();
  await page.getByText(/Décision revue : justificatif remis à vérifier\./).waitFor();
  await page.getByText(/remis à vérifier par .* motif : « Le professionnel a contesté/).waitFor();
  const history = await page.locator('ul.mcbo-reason li').allTextContents();
  expect(history.some((h) => /validé|rejeté/.test(h))).toBe(true);
  await bothWidths(page, '61-superviseur-historique-recours');
  await done(page);
});

// Skipped at commit time (deadline): its last run passed agents and catalogue, then stopped on the exemption
// screen, which opened a paid campaign (fixed since: it opens the campaign still editable); re-enable once a
// full run passes.
test('a national administrator manages agents, the catalogue, the exemptions and computes a campaign', async () => {
  const page = await login(browser, NATIONAL_ADMIN);
  await page.getByRole('link', { name: 'Administration' }).click();

  // Agents: create, then change the role.
  await page.getByRole('link', { name: 'Agents' }).click();
  await page.getByRole('heading', { name: 'Agents', level: 1 }).waitFor();
  await page.getByLabel('Nom affiché').fill('Camille Nouvelle');
  await page.getByLabel('Adresse électronique').fill('camille.nouvelle@demo.mcbo.fr');
  await page.getByLabel('Rôle', { exact: true }).selectOption('CONSEILLER');
  await page.getByLabel(/^Caisse/).fill('211');
  await page.getByRole('button', { name: 'Créer l’agent' }).click();
  await page.getByText(/Agent camille\.nouvelle@demo\.mcbo\.fr créé\. Mot de passe à lui transmettre/).waitFor();
  await bothWidths(page, '62-admin-agents');
  await page.getByRole('button', { name: 'Changer le rôle de Camille Nouvelle' }).click();
  const roleDialog = page.getByRole('dialog', { name: 'Changer le rôle de Camille Nouvelle' });
  await roleDialog.getByLabel('Nouveau rôle').selectOption('DAM');
  await roleDialog.getByRole('button', { name: 'Enregistrer le rôle' }).click();
  await roleDialog.waitFor({ state: 'hidden' });
  const agents = await tableRows(page, /^Agents \(/);
  expect(agents.find((row) => row[0]!.startsWith('Camille Nouvelle'))?.[1]).toBe('Délégué de l’Assurance Maladie');

  // Catalogue: a new software with its messaging; its history says so.
  await page.getByRole('link', { name: 'Catalogue des logiciels' }).click();
  await page.getByRole('button', { name: 'Ajouter un logiciel' }).click();
  const form = page.getByRole('dialog', { name: 'Ajouter un logiciel' });
  await form.getByLabel('Éditeur').fill('Éditions Recette');
  await form.getByLabel('Logiciel').fill('Recettia');
  await form.getByLabel('Version').fill('1.0');
  await form.getByLabel('Compatible DMP').check({ force: true });
  await form.getByLabel('Compatible DMP depuis le').fill('2024-03-01');
  await form.getByLabel('Messagerie sécurisée').selectOption('APICRYPT_V2');
  await screen(page, '63-admin-logiciel', { fullPage: false });
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByText(/Recettia 1\.0 enregistré\./).waitFor();
  await page.getByLabel('Rechercher un logiciel ou un éditeur').fill('Recettia');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await page.getByRole('table', { name: /1 entrée pour « Recettia »/ }).waitFor();
  const catalogue = await tableRows(page, /pour « Recettia »/);
  expect(catalogue[0]!.slice(0, 5)).toEqual([
    'Éditions Recette',
    'Recettia 1.0',
    'Compatible DMP depuis le 01/03/2024',
    'Non certifié',
    'Apicrypt V2',
  ]);
  await page.getByRole('button', { name: 'Historique de Recettia 1.0' }).click();
  await page
    .getByText('Ajout au catalogue (DMP : oui depuis le 01/03/2024 ; LAP certifié : non ; messagerie : Apicrypt V2)')
    .waitFor();
  await page.getByRole('button', { name: 'Fermer l’historique' }).click();
  await bothWidths(page, '64-admin-catalogue');

  // LAP exemption: an Annuaire Santé code on the forfait structure in instruction.
  await page.getByRole('link', { name: 'Exonérations LAP' }).click();
  await page.getByRole('heading', { name: 'Exonérations du LAP certifié' }).waitFor();
  await page.getByLabel(/Code de spécialité à ajouter/).fill('cardiologie');
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await page.getByText(/Saisissez un code de spécialité de l’Annuaire Santé/).waitFor();
  await page.getByLabel(/Code de spécialité à ajouter/).fill('sm02');
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await page.getByRole('button', { name: 'Retirer SM02' }).waitFor();
  await page.getByRole('button', { name: 'Enregistrer la liste' }).click();
  await page.getByText(/Liste enregistrée\./).waitFor();
  await page.getByText('Spécialité ajoutée : SM02').waitFor();
  await bothWidths(page, '65-admin-exonerations');

  // Lifecycle: compute FAMI 2024, in instruction with pieces still received: force and a reason.
  await page.getByRole('link', { name: 'Campagnes' }).click();
  await page.getByRole('button', { name: 'Ouvrir FAMI 2024 – chirurgiens-dentistes' }).click();
  await page.getByRole('button', { name: 'Calculer la campagne' }).click();
  const dialog = page.getByRole('dialog', { name: /Calculer la campagne FAMI 2024/ });
  await dialog.getByRole('table', { name: /Justificatifs reçus non vérifiés, par caisse/ }).waitFor();
  const confirm = dialog.getByRole('button', { name: 'Confirmer le calcul' });
  expect(await confirm.isDisabled()).toBe(true);
  await dialog.getByLabel(/Forcer le calcul/).check({ force: true });
  expect(await confirm.isDisabled()).toBe(true);
  await dialog.getByLabel(/Motif du calcul forcé/).fill('Calendrier national : paiement à date.');
  await screen(page, '66-admin-calcul-confirmation', { fullPage: false });
  await confirm.click();
  await page.getByTestId('campaign-run').waitFor();
  await page.getByRole('heading', { name: 'Calcul terminé' }).waitFor({ timeout: 120_000 });
  await page.getByRole('link', { name: /Fichier de paiement \(CSV\)/ }).waitFor();
  expect(await page.getByTestId('campaign-run').textContent()).toMatch(/calcul forcé avec \d+ justificatif/);
  await bothWidths(page, '67-admin-campagne-calculee');

  // On a phone the section's menu folds behind « Dans cette rubrique », and folds again once a link is taken.
  await page.setViewportSize({ width: 390, height: 844 });
  const rubrique = page.getByRole('button', { name: 'Dans cette rubrique' });
  expect(await rubrique.getAttribute('aria-expanded')).toBe('false');
  // (DSFR's collapse hides with a 0.3 s transition of its visibility.)
  await page.getByRole('link', { name: 'Agents' }).waitFor({ state: 'hidden' });
  await rubrique.click();
  expect(await rubrique.getAttribute('aria-expanded')).toBe('true');
  await page.getByRole('link', { name: 'Agents' }).waitFor();
  await page.emulateMedia({ reducedMotion: 'reduce' }); // the screenshot without the arrow's half-turn
  await screen(page, '68-admin-menu-telephone', { fullPage: false });
  await page.emulateMedia({ reducedMotion: null });
  await page.getByRole('link', { name: 'Agents' }).click();
  await page.getByRole('heading', { name: 'Agents', level: 1 }).waitFor();
  expect(await rubrique.getAttribute('aria-expanded')).toBe('false');
  await page.setViewportSize({ width: 1440, height: 900 });
  expect(await rubrique.isVisible()).toBe(false);
  await done(page);
});
