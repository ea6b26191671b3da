/** Receipt of a piece sent by e-mail or post, entered by an agent: a new justificatif, RECEIVED. */
import { In } from 'typeorm';
import { Permission, assertInScope, requirePermission } from '../agents/authorization';
import { assertCampaignOpenForDecisions, findCampaign } from '../campaigns/campaigns.service';
import { Indicator } from '../campaigns/indicator.entity';
import { AppError, ErrorCode, badInput } from '../common/errors';
import { parseId } from '../common/ids';
import type { RequestContext } from '../common/request-context';
import { IndicatorValue } from '../declarations/declaration.entity';
import { ensureDeclaration } from '../declarations/declarations.service';
import { ownedByCaisse } from '../files/files.service';
import { Professional } from '../professionals/professional.entity';
import { Justificatif } from './justificatif.entity';
import type { ReceiveJustificatifInput } from './justificatif.types';
import { recordReceipt, type TransitionDone } from './transition';
import { enqueuePrecheck } from '../precheck/precheck.service';

export async function receiveJustificatif(
  ctx: RequestContext,
  input: ReceiveJustificatifInput,
): Promise<TransitionDone> {
  const agent = requirePermission(ctx.agent, Permission.RECEIVE_JUSTIFICATIFS);
  const professionalId = parseId(input.professionalId, 'Professionnel');
  if (!/^[a-f0-9]{64}$/.test(input.fileId)) throw badInput('Identifiant de fichier mal formé.', 'fileId');
  const receivedAt = input.receivedAt ?? new Date();
  if (Number.isNaN(receivedAt.getTime()) || receivedAt.getTime() > Date.now() + 60_000) {
    throw badInput('La date de réception ne peut pas être dans le futur.', 'receivedAt');
  }

  return ctx.db.transaction(async (em) => {
    const professional = assertInScope(
      agent,
      await em.getRepository(Professional).findOneBy({ id: professionalId }),
      'Professionnel',
    );
    const campaign = await findCampaign(em, input.campaignYear, input.scheme);
    assertCampaignOpenForDecisions(campaign);
    const indicator = await em
      .getRepository(Indicator)
      .findOneBy({ campaignId: campaign.id, code: input.indicatorCode });
    if (!indicator)
      throw badInput(`Indicateur inconnu pour cette campagne : « ${input.indicatorCode} ».`, 'indicatorCode');
    if (indicator.justificatifPolicy !== 'DOCUMENT' || !indicator.definition.justificatif.family) {
      throw badInput(`L'indicateur « ${indicator.label} » ne demande pas de pièce justificative.`, 'indicatorCode');
    }
    if (indicator.professions && !indicator.professions.includes(professional.profession)) {
      throw badInput(`L'indicateur « ${indicator.label} » ne concerne pas cette profession.`, 'indicatorCode');
    }
    // Another caisse's document reads like an unknown one: its id gives nothing.
    if (!(await ownedByCaisse(em, input.fileId, agent.caisseCode))) {
      throw badInput('Fichier introuvable : déposez-le d’abord (POST /api/files).', 'fileId');
    }
    const repo = em.getRepository(Justificatif);
    const duplicate = await repo.findOneBy({
      professionalId,
      campaignId: campaign.id,
      indicatorId: indicator.id,
      fileId: input.fileId,
      status: In(['RECEIVED', 'VALIDATED']),
    });
    if (duplicate)
      throw new AppError(ErrorCode.CONFLICT, 'Ce document est déjà enregistré pour cet indicateur.', {
        justificatifId: String(duplicate.id),
      });

    const declaration = await ensureDeclaration(em, professional, campaign);
    const value = await em
      .getRepository(IndicatorValue)
      .findOneBy({ declarationId: declaration.id, indicatorId: indicator.id });
    const software = value?.value?.type === 'SOFTWARE' ? value.value : null;
    const inserted = await repo.insert({
      professionalId,
      campaignId: campaign.id,
      indicatorId: indicator.id,
      caisseCode: professional.caisseCode,
      profession: professional.profession,
      family: indicator.definition.justificatif.family,
      receivedAt,
      channel: input.channel,
      fileId: input.fileId,
      status: 'RECEIVED',
      declaredSoftwareId: software?.softwareId ?? null,
      declaredPublisherId: software?.publisherId ?? null,
      version: 1,
    });
    const id = Number(inserted.identifiers[0]?.id);
    const row = await repo.findOneByOrFail({ id });
    return recordReceipt(em, row, {
      by: agent,
      // The pre-check's job exists if and only if the receipt committed.
      after: (tx) => enqueuePrecheck(tx, row),
      audit: { action: 'JUSTIFICATIF_RECEIVED', details: { channel: input.channel, fileId: input.fileId } },
    });
  });
}
