/** A sent message and a launched wave of caisse 211, for the habilitation matrix and route tests. */
import type { EntityManager } from 'typeorm';
import type { Campaign } from '../campaigns/campaign.entity';
import { Communication, RelanceWave } from '../communications/communication.entity';
import { compose, composeContext, enqueueMessage } from '../communications/outbox';
import type { Professional } from '../professionals/professional.entity';

export async function communicationFixtures(em: EntityManager, professional: Professional, campaign: Campaign) {
  const now = new Date();
  const inserted = await em.getRepository(RelanceWave).insert({
    idempotencyKey: `fixture-${professional.id}-${now.getTime()}`,
    campaignId: campaign.id,
    situation: 'DECLARATION_NON_TRANSMISE',
    kind: 'RELANCE_DECLARATION',
    caisseCodes: [professional.caisseCode],
    professions: [],
    minAgeDays: null,
    excludeWithinDays: 14,
    launchedByAgentId: 1,
    launchedAt: now,
    targetCount: 1,
    excludedCount: 0,
  });
  const waveId = Number(inserted.identifiers[0]?.id);
  const ctx = await composeContext(em, campaign.id, professional.caisseCode, now);
  const composed = compose(ctx, 'RELANCE_DECLARATION', professional)!;
  const communicationId = await enqueueMessage(em, {
    professional,
    campaignId: campaign.id,
    kind: 'RELANCE_DECLARATION',
    ...composed,
    waveId,
    preferLetter: true,
  });
  await em.getRepository(Communication).update({ id: communicationId }, { status: 'SENT', sentAt: now });
  return { communicationId, waveId };
}
