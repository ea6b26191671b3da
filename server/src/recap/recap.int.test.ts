/**
 * The recap of a computed campaign prints what the computation froze: a référentiel edit made after
 * the computation (an indicator's label, the gate's label and amount) changes the rules' current
 * evaluation but not one character of the recap.
 */
import { Campaign } from '../campaigns/campaign.entity';
import { Indicator } from '../campaigns/indicator.entity';
import { runCampaignComputation } from '../campaigns/lifecycle/campaign-computation';
import { startComputation } from '../campaigns/lifecycle/campaign-lifecycle.service';
import { DeclarationSnapshot } from '../campaigns/lifecycle/declaration-snapshot.entity';
import { evaluateDeclaration } from '../declarations/evaluation';
import { loadEvaluationInputs } from '../declarations/evaluation-inputs';
import type { Professional } from '../professionals/professional.entity';
import { pdfPages } from '../test-support/pdf-text';
import { startTestApp, type TestApp } from '../test-support/test-app';
import { createCaisses, createCampaign, createProfessional, declare } from '../test-support/world';

const EDITED_LABEL = 'Libellé révisé après le calcul';
const EDITED_GATE = 'Socle révisé après le calcul';

describe('recap PDF of a computed campaign', () => {
  let t: TestApp;
  let dentist: Professional;
  let campaignId: number;
  let declarationId: number;
  let dam: string;

  const recapText = async () => {
    const response = await fetch(`${t.url}/api/recap/${dentist.id}/2024/FAMI`, {
      headers: { authorization: `Bearer ${dam}` },
    });
    expect(response.status).toBe(200);
    return (await pdfPages(new Uint8Array(await response.arrayBuffer()))).join('\n');
  };

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.db.manager;
    await createCaisses(em);
    const campaign = await createCampaign(em, 'fami-2024.json', 'CLOSED');
    campaignId = campaign.id;
    dentist = await createProfessional(em, { profession: 'CHIRURGIEN_DENTISTE', caisseCode: '211' });
    declarationId = (
      await declare(em, dentist, campaign, {
        CDC_SV: { data: { type: 'BOOLEAN', value: true }, source: 'DECLARED' },
        HORAIRES: { data: { type: 'BOOLEAN', value: true }, source: 'DECLARED' },
        ETUDIANT: { data: { type: 'BOOLEAN', value: false }, source: 'DECLARED' },
      })
    ).id;
    const started = await t.db.transaction(async (tx) => {
      const row = await tx.getRepository(Campaign).findOneByOrFail({ id: campaignId });
      return startComputation(tx, {
        campaign: row,
        expectedVersion: row.version,
        agentId: null,
        force: false,
        reason: null,
      });
    });
    if (!('run' in started)) throw new Error(started.refusal.message);
    await runCampaignComputation(t.db, started.run.id);
    dam = await t.login((await t.createAgent({ role: 'DAM', caisseCode: '211' })).email);
  });
  afterAll(async () => t.stop());

  it('reads the frozen snapshot: a référentiel edit after the computation does not change it', async () => {
    expect((await t.db.getRepository(Campaign).findOneByOrFail({ id: campaignId })).status).toBe('COMPUTED');
    const before = await recapText();
    expect(before).toMatch(/Atteintes et montants figés au calcul de la campagne le \d{2}\/\d{2}\/\d{4}\./);
    expect(before).toContain("Afficher ses horaires d'ouverture");
    expect(before).toContain('Socle : 5 indicateurs obligatoires');
    // The snapshot keeps each indicator's value as displayed, and the recap prints it.
    const frozen = await t.db.getRepository(DeclarationSnapshot).findOneByOrFail({ declarationId });
    expect(frozen.snapshot.indicators.find((i) => i.code === 'HORAIRES')).toMatchObject({
      value: 'Oui',
      mention: null,
    });
    expect(frozen.snapshot.indicators.find((i) => i.code === 'ETUDIANT')).toMatchObject({ value: 'Non' });

    // The référentiel changes after the computation: an indicator's label, the gate's label and amount.
    const horaires = await t.db.getRepository(Indicator).findOneByOrFail({ campaignId, code: 'HORAIRES' });
    await t.db
      .getRepository(Indicator)
      .update(
        { id: horaires.id },
        { label: EDITED_LABEL, definition: { ...horaires.definition, label: EDITED_LABEL } },
      );
    const campaign = await t.db.getRepository(Campaign).findOneByOrFail({ id: campaignId });
    await t.db.getRepository(Campaign).update(
      { id: campaignId },
      {
        remuneration: {
          ...campaign.remuneration,
          gateLabel: EDITED_GATE,
          gateAmount: { known: true, cents: 99_900 },
        },
      },
    );
    // The rules see the edit (so a recap that re-evaluated would print it)…
    const loaded = await loadEvaluationInputs(t.db.manager, [declarationId]);
    const evaluation = evaluateDeclaration(loaded.get(declarationId)!.input);
    expect(evaluation.indicators.map((e) => e.indicator.label)).toContain(EDITED_LABEL);
    expect(evaluation.remuneration.lines.map((l) => l.label)).toContain(EDITED_GATE);

    // …the recap of the computed campaign does not.
    const after = await recapText();
    expect(after).not.toContain(EDITED_LABEL);
    expect(after).not.toContain(EDITED_GATE);
    expect(after).toBe(before);
  });
});
