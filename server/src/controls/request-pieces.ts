/**
 * The request for pieces through the communications outbox: the letter or e-mail (which indicators, what the
 * pieces must show, where to send them, the deadline) is rendered with the campaign's CONTROL_PIECES_REQUEST
 * template and written by `enqueueMessage` in the caller's transaction — the transition's. The message exists
 * if and only if the transition committed; the worker sends it afterwards.
 */
import type { EntityManager } from 'typeorm';
import { Indicator } from '../campaigns/indicator.entity';
import { checklistLabels } from '../communications/notices';
import { compose, composeContext, enqueueMessage } from '../communications/outbox';
import { Professional } from '../professionals/professional.entity';
import type { ControlCase, ControlRequestChannel, ControlRequestDelivery } from './control.entity';

/** What every controlled piece must show when the indicator's référentiel names no checklist. */
export const DEFAULT_CONTROL_CHECKLIST = [
  'votre nom (ou celui de votre structure) et la date du document',
  'la situation que vous avez déclarée, pendant l’année de la campagne',
];

export interface PiecesRequest {
  delivery: ControlRequestDelivery;
  communicationId: number;
}

export async function requestPieces(
  em: EntityManager,
  controlCase: ControlCase,
  channel: ControlRequestChannel,
  deadline: string,
  agentId: number,
  now = new Date(),
): Promise<PiecesRequest> {
  const professional = await em.getRepository(Professional).findOneByOrFail({ id: controlCase.professionalId });
  const indicators = (await em.getRepository(Indicator).findBy({ campaignId: controlCase.campaignId }))
    .filter((i) => controlCase.indicatorCodes.includes(i.code))
    .sort((a, b) => controlCase.indicatorCodes.indexOf(a.code) - controlCase.indicatorCodes.indexOf(b.code));
  const checklist = [...new Set(indicators.flatMap(checklistLabels))];
  const ctx = await composeContext(em, controlCase.campaignId, controlCase.caisseCode, now);
  const message = compose(ctx, 'CONTROL_PIECES_REQUEST', professional, {
    indicators: indicators.map((i) => ({ label: i.definition.shortLabel ?? i.label })),
    checklist: checklist.length > 0 ? checklist : DEFAULT_CONTROL_CHECKLIST,
    deadline,
  });
  // The référentiel loader refuses a campaign with honour indicators and no such template: unreachable.
  if (!message) throw new Error(`No CONTROL_PIECES_REQUEST template for campaign ${controlCase.campaignId}`);
  const communicationId = await enqueueMessage(em, {
    professional,
    campaignId: controlCase.campaignId,
    kind: 'CONTROL_PIECES_REQUEST',
    subject: message.subject,
    body: message.body,
    letterhead: message.letterhead,
    createdByAgentId: agentId,
    preferLetter: channel === 'LETTER',
    now,
  });
  return { delivery: 'QUEUED', communicationId };
}
