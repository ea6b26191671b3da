/**
 * Declarations: evaluation for reads, recomputation in the transaction of every change, and the
 * paper form an agent enters for a professional who does not use amelipro.
 */
import type { EntityManager } from 'typeorm';
import { Permission, assertInScope, requirePermission } from '../agents/authorization';
import { recordAudit } from '../audit/audit.service';
import type { Campaign } from '../campaigns/campaign.entity';
import { assertCampaignOpenForDecisions, findCampaign } from '../campaigns/campaigns.service';
import { Indicator } from '../campaigns/indicator.entity';
import type { IndicatorDefinition } from '../campaigns/referentiel/referentiel.types';
import type { IndicatorValueData } from '../campaigns/rules/types';
import { MESSAGING_TYPES } from '../common/enums';
import { badInput, notFound } from '../common/errors';
import { parseId } from '../common/ids';
import type { RequestContext } from '../common/request-context';
import { Professional } from '../professionals/professional.entity';
import { Software, SoftwarePublisher } from '../software/software.entity';
import { Declaration, DeclarationTransmission, IndicatorValue } from './declaration.entity';
import type { PaperDeclarationInput, PaperIndicatorValueInput } from './declaration.types';
import { evaluateDeclaration } from './evaluation';
import { loadEvaluationInputs, type EvaluatedDeclaration } from './evaluation-inputs';
import { storedEvaluationChanges, storedOf } from './stored-evaluation';

/** Re-evaluates a declaration and stores the denormalised atteinte and projected rémunération. */
export async function recomputeDeclaration(em: EntityManager, declarationId: number): Promise<EvaluatedDeclaration> {
  const loaded = (await loadEvaluationInputs(em, [declarationId])).get(declarationId);
  if (!loaded) throw notFound('Déclaration');
  const evaluation = evaluateDeclaration(loaded.input);
  const changes = storedEvaluationChanges(storedOf(loaded), evaluation);
  const rows = new Map(loaded.values.map((row) => [row.id, row]));
  for (const { id, achievement, achievementReason } of changes.values) {
    await em.getRepository(IndicatorValue).update({ id }, { achievement, achievementReason });
    Object.assign(rows.get(id)!, { achievement, achievementReason });
  }
  if (changes.projectedRemunerationCents !== null) {
    const projectedRemunerationCents = changes.projectedRemunerationCents;
    await em.getRepository(Declaration).update({ id: declarationId }, { projectedRemunerationCents });
    loaded.declaration.projectedRemunerationCents = projectedRemunerationCents;
  }
  return { loaded, evaluation };
}

/** Finds or creates the declaration row, with one value row per indicator of the campaign. */
export async function ensureDeclaration(
  em: EntityManager,
  professional: Professional,
  campaign: Campaign,
): Promise<Declaration> {
  const repo = em.getRepository(Declaration);
  const existing = await repo.findOneBy({ professionalId: professional.id, campaignId: campaign.id });
  if (existing) return existing;
  const inserted = await repo.insert({
    professionalId: professional.id,
    campaignId: campaign.id,
    caisseCode: professional.caisseCode,
    profession: professional.profession,
    status: 'NOT_STARTED',
    transmissionCount: 0,
    honourAttestation: false,
    conditionsAcknowledged: false,
    projectedRemunerationCents: 0,
    version: 1,
  });
  const declarationId = Number(inserted.identifiers[0]?.id);
  const indicators = await em.getRepository(Indicator).findBy({ campaignId: campaign.id });
  if (indicators.length > 0) {
    await em.getRepository(IndicatorValue).insert(
      indicators.map((indicator) => ({
        declarationId,
        indicatorId: indicator.id,
        professionalId: professional.id,
        campaignId: campaign.id,
        value: null,
        source: null,
        prefillOrigin: null,
        achievement: 'NOT_ACHIEVED' as const,
        achievementReason: 'Indicateur non déclaré',
      })),
    );
  }
  return (await repo.findOneByOrFail({ id: declarationId }))!;
}

async function paperValue(
  em: EntityManager,
  definition: IndicatorDefinition,
  input: PaperIndicatorValueInput,
): Promise<IndicatorValueData> {
  const field = `values.${definition.code}`;
  switch (definition.valueType) {
    case 'BOOLEAN':
      if (typeof input.boolean !== 'boolean') throw badInput(`${definition.label} : réponse oui/non attendue.`, field);
      return { type: 'BOOLEAN', value: input.boolean };
    case 'CHOICE':
      if (!input.choiceCode || !definition.choices?.some((c) => c.code === input.choiceCode)) {
        throw badInput(`${definition.label} : choix inconnu « ${input.choiceCode ?? ''} ».`, field);
      }
      return { type: 'CHOICE', code: input.choiceCode };
    case 'MESSAGING':
      if (!input.messagingType || !MESSAGING_TYPES.includes(input.messagingType)) {
        throw badInput(`${definition.label} : type de messagerie attendu.`, field);
      }
      return { type: 'MESSAGING', messagingType: input.messagingType };
    case 'TEXT': {
      const text = (input.text ?? '').trim();
      if (input.count !== null && input.count !== undefined && (!Number.isInteger(input.count) || input.count < 0)) {
        throw badInput(`${definition.label} : nombre d'interventions invalide.`, field);
      }
      if (text.length > 1000)
        throw badInput(`${definition.label} : texte trop long (1 000 caractères au plus).`, field);
      return {
        type: 'TEXT',
        text,
        ...(input.count !== null && input.count !== undefined ? { count: input.count } : {}),
      };
    }
    case 'SOFTWARE': {
      const software = input.softwareId
        ? await em.getRepository(Software).findOneBy({ id: parseId(input.softwareId, 'Logiciel') })
        : null;
      if (!software) throw badInput(`${definition.label} : logiciel inconnu du catalogue.`, field);
      const publisher = await em.getRepository(SoftwarePublisher).findOneByOrFail({ id: software.publisherId });
      return {
        type: 'SOFTWARE',
        softwareId: software.id,
        softwareName: software.name,
        version: software.version,
        publisherId: publisher.id,
        publisherName: publisher.name,
        dmpCompatible: software.dmpCompatible,
        lapCertified: software.lapCertified,
      };
    }
    case 'RATE':
      throw badInput(`${definition.label} : indicateur calculé, il ne se déclare pas.`, field);
  }
}

/** Enters a paper form: one transmission with channel PAPER, values DECLARED, atteinte recomputed. */
export async function recordPaperDeclaration(ctx: RequestContext, input: PaperDeclarationInput) {
  const agent = requirePermission(ctx.agent, Permission.ENTER_PAPER_DECLARATIONS);
  const professionalId = parseId(input.professionalId, 'Professionnel');
  if (!input.conditionsAcknowledged) {
    throw badInput('Le formulaire doit porter la prise de connaissance des conditions.', 'conditionsAcknowledged');
  }
  if (input.receivedAt && input.receivedAt.getTime() > Date.now() + 60_000) {
    throw badInput('La date de réception ne peut pas être dans le futur.', 'receivedAt');
  }
  return ctx.db.transaction(async (em) => {
    const professional = assertInScope(
      agent,
      await em.getRepository(Professional).findOneBy({ id: professionalId }),
      'Professionnel',
    );
    const campaign = await findCampaign(em, input.campaignYear, input.scheme);
    if (!campaign.professions.includes(professional.profession)) {
      throw badInput(`La campagne ${campaign.label} ne concerne pas cette profession.`, 'campaignYear');
    }
    assertCampaignOpenForDecisions(campaign);
    const indicators = await em.getRepository(Indicator).findBy({ campaignId: campaign.id });
    const byCode = new Map(indicators.map((i) => [i.code, i]));
    const seen = new Set<string>();
    const parsed: { indicator: Indicator; data: IndicatorValueData }[] = [];
    for (const value of input.values) {
      const indicator = byCode.get(value.indicatorCode);
      if (!indicator) throw badInput(`Indicateur inconnu pour cette campagne : « ${value.indicatorCode} ».`, 'values');
      if (seen.has(indicator.code)) throw badInput(`Indicateur saisi deux fois : ${indicator.code}.`, 'values');
      seen.add(indicator.code);
      parsed.push({ indicator, data: await paperValue(em, indicator.definition, value) });
    }
    const declaration = await ensureDeclaration(em, professional, campaign);
    const at = input.receivedAt ?? new Date();
    for (const { indicator, data } of parsed) {
      await em
        .getRepository(IndicatorValue)
        .update(
          { declarationId: declaration.id, indicatorId: indicator.id },
          { value: data, source: 'DECLARED', prefillOrigin: null },
        );
    }
    await em.getRepository(DeclarationTransmission).insert({
      declarationId: declaration.id,
      transmittedAt: at,
      channel: 'PAPER',
      enteredByAgentId: agent.id,
      honourAttestation: input.honourAttestation,
      conditionsAcknowledged: input.conditionsAcknowledged,
      values: Object.fromEntries(parsed.map(({ indicator, data }) => [indicator.code, data])),
    });
    await em.getRepository(Declaration).update(
      { id: declaration.id },
      {
        status: 'TRANSMITTED',
        firstTransmittedAt: declaration.firstTransmittedAt ?? at,
        lastTransmittedAt: at,
        transmissionCount: declaration.transmissionCount + 1,
        lastChannel: 'PAPER',
        honourAttestation: input.honourAttestation,
        conditionsAcknowledged: input.conditionsAcknowledged,
        version: declaration.version + 1,
      },
    );
    await recordAudit(em, {
      agentId: agent.id,
      action: 'PAPER_DECLARATION_ENTERED',
      targetType: 'PROFESSIONAL',
      targetId: professional.id,
      caisseCode: professional.caisseCode,
      details: { campaignId: campaign.id, indicators: parsed.map((p) => p.indicator.code) },
    });
    const evaluated = await recomputeDeclaration(em, declaration.id);
    return { declaration: evaluated.loaded.declaration, evaluated };
  });
}
