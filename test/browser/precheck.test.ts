/**
 * The pré-contrôle in the console: a compliant piece arrives with what the pre-check found already
 * ticked (the agent decides in fewer actions than ticking every item), and a piece in another
 * professional's name is flagged « contradiction détectée » in the queue and in red on the review
 * screen, before the agent reads it.
 */
import type { Browser } from 'playwright-core';
import { invoice } from '../../server/src/seed/documents';
import { ACCOUNTS, done, gql, launch, login, releaseMyPieces, screen } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const PENDING = `query { justificatifQueue(filter: { view: TO_PROCESS }, first: 100) { nodes {
  id professional { id firstName lastName } campaign { referenceYear scheme } indicator { code checklist { code required } }
  precheck { status contradictions findings { item status } } } } }`;

async function until<T>(what: string, probe: () => Promise<T | null | undefined>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

test('a compliant piece is decided in fewer actions with the pre-check than by ticking every item', async () => {
  const page = await login(browser, ACCOUNTS.conseiller);
  await releaseMyPieces(page);
  // The demo's pieces are pre-checked by the server's background loop after the first start.
  const piece = await until('a pre-checked compliant piece', async () => {
    const nodes = (await gql(page, PENDING)).justificatifQueue.nodes as Json[];
    return nodes.find(
      (n) =>
        n.precheck?.status === 'DONE' &&
        n.indicator.checklist
          .filter((c: Json) => c.required)
          .every((c: Json) => n.precheck.findings.some((f: Json) => f.item === c.code && f.status === 'FOUND')),
    );
  });
  await page.goto(`/justificatifs/${piece.id}?vue=TO_PROCESS`);
  await page.getByTestId('precheck-summary').waitFor();
  expect(await page.getByTestId('precheck-summary').innerText()).toMatch(/élément.* trouvé/);
  const required = (piece.indicator.checklist as Json[]).filter((c) => c.required);
  let actions = 0;
  for (const item of required) {
    const box = page.locator(`#check-${item.code}`);
    if (!(await box.isChecked())) {
      await box.check();
      actions += 1;
    }
  }
  // Evidence is one click away: the document shows where the name was read.
  await page
    .getByRole('button', { name: /^Voir sur la pièce/ })
    .first()
    .click();
  await screen(page, '21-precheck-conforme');
  await page.getByRole('button', { name: 'Valider', exact: true }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^Confirmer/ })
    .click();
  actions += 2;
  await page.getByText(new RegExp(`Justificatif n° ${piece.id} validé`)).waitFor();
  const without = required.length + 2; // every required item ticked, then Valider and Confirmer
  console.log(`pré-contrôle : ${actions} actions pour décider une pièce conforme, ${without} sans pré-contrôle`);
  expect(actions).toBeLessThan(without);
  expect(actions).toBe(2);
  await done(page);
});

test('another professional’s invoice is flagged before the agent reads it', async () => {
  const page = await login(browser, ACCOUNTS.conseiller);
  // A professional of the caisse with a LOG_DMP piece pending in a campaign in instruction; the earlier
  // scenarios may have taken or decided the first ones, so ask each pending campaign for that indicator.
  const pending = (await gql(page, PENDING.replace('TO_PROCESS', 'ALL_PENDING'))).justificatifQueue.nodes as Json[];
  const campaigns = [
    ...new Map(pending.map((n) => [`${n.campaign.scheme}-${n.campaign.referenceYear}`, n.campaign])).values(),
  ];
  let target: Json | undefined;
  for (const campaign of campaigns) {
    const found = await gql(
      page,
      `query T($year: Int!, $scheme: Scheme!) { justificatifQueue(filter: { view: ALL_PENDING, campaignYear: $year, scheme: $scheme, indicatorCode: "LOG_DMP" }, first: 100) {
        nodes { professional { id lastName } campaign { referenceYear scheme } } } }`,
      { year: campaign.referenceYear, scheme: campaign.scheme },
    );
    target ??= (found.justificatifQueue.nodes as Json[]).find((n) => n.professional.lastName !== 'Roux');
  }
  if (!target) throw new Error('no LOG_DMP piece pending in the demo queue');
  const bytes = await invoice(
    'Dr Julien Roux, médecin généraliste',
    { publisherName: 'Odontia Systèmes', softwareName: 'DentiCloud', version: '2.1' },
    'OD-9001',
    `14/03/${target.campaign.referenceYear}`,
  );
  const fileId = await page.evaluate(async (base64) => {
    const form = new FormData();
    const raw = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    form.append('file', new Blob([raw], { type: 'application/pdf' }), 'facture-autre-professionnel.pdf');
    const response = await fetch('/api/files', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'x-mcbo-csrf': '1' },
      body: form,
    });
    return ((await response.json()) as { id: string }).id;
  }, bytes.toString('base64'));
  const received = await gql(
    page,
    `mutation R($input: ReceiveJustificatifInput!) { receiveJustificatif(input: $input) { justificatif { id } } }`,
    {
      input: {
        professionalId: target.professional.id,
        campaignYear: target.campaign.referenceYear,
        scheme: target.campaign.scheme,
        indicatorCode: 'LOG_DMP',
        channel: 'EMAIL',
        fileId,
      },
    },
  );
  const id = received.receiveJustificatif.justificatif.id as string;
  await until('the new piece read', async () =>
    ((await gql(page, PENDING)).justificatifQueue.nodes as Json[]).some(
      (n) => n.id === id && n.precheck?.contradictions > 0,
    ),
  );

  await page.goto('/justificatifs?vue=TO_PROCESS');
  await page.locator('label[for="filtre-contradiction"]').click();
  await page.waitForURL(/contradiction=1/);
  const row = page.locator('table tbody tr', { hasText: 'Contradiction détectée' }).first();
  await row.waitFor();
  await screen(page, '21-precheck-file-contradiction');
  await page.goto(`/justificatifs/${id}?vue=TO_PROCESS`);
  const summary = page.getByTestId('precheck-summary');
  await summary.waitFor();
  expect(await summary.innerText()).toMatch(/contradiction/);
  await page.getByText('La pièce est au nom de « Julien Roux »', { exact: false }).first().waitFor();
  expect(await page.locator('#check-NOMINATIVE').isChecked()).toBe(false);
  await screen(page, '21-precheck-contradiction');
  await done(page);
});
