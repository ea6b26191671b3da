/**
 * Loads a référentiel file into the database: the campaign (unique year + scheme) and its indicators
 * (unique campaign + code), idempotently. Status is derived from the calendar only up to CLOSED:
 * COMPUTED and PAID are set by the operations that compute and pay a campaign.
 */
import type { EntityManager } from 'typeorm';
import type { CampaignStatus } from '../common/enums';
import { Campaign } from './campaign.entity';
import { Indicator } from './indicator.entity';
import type { ReferentielFile } from './referentiel/referentiel.types';

/** UPCOMING before the window, OPEN during it (closing day included), CLOSED after. */
export function campaignStatusOn(
  file: ReferentielFile,
  today: string,
): Extract<CampaignStatus, 'UPCOMING' | 'OPEN' | 'CLOSED'> {
  if (today < file.campaign.window.opensOn) return 'UPCOMING';
  if (today <= file.campaign.window.closesOn) return 'OPEN';
  return 'CLOSED';
}

export async function importReferentiel(em: EntityManager, file: ReferentielFile, today: string): Promise<Campaign> {
  const repo = em.getRepository(Campaign);
  const { campaign: c } = file;
  const existing = await repo.findOneBy({ referenceYear: c.referenceYear, scheme: c.scheme });
  const calendarStatus = campaignStatusOn(file, today);
  const status: CampaignStatus =
    existing && (existing.status === 'COMPUTED' || existing.status === 'PAID') ? existing.status : calendarStatus;
  const fields = {
    referenceYear: c.referenceYear,
    scheme: c.scheme,
    label: c.label,
    professions: c.professions,
    opensOn: c.window.opensOn,
    plannedClosesOn: c.window.plannedClosesOn,
    closesOn: c.window.closesOn,
    paymentDate: c.paymentDate,
    paymentPeriodLabel: c.paymentPeriodLabel,
    status,
    conventions: c.conventions,
    settings: file.settings,
    remuneration: file.remuneration,
    sources: c.sources,
    referentielVersion: file.referentielVersion,
  };
  let campaignId: number;
  if (existing) {
    await repo.update({ id: existing.id }, fields);
    campaignId = existing.id;
  } else {
    campaignId = Number((await repo.insert({ ...fields, computedAt: null })).identifiers[0]?.id);
  }
  const indicators = em.getRepository(Indicator);
  const current = new Map((await indicators.findBy({ campaignId })).map((i) => [i.code, i]));
  for (const d of file.indicators) {
    const row = {
      campaignId,
      code: d.code,
      label: d.label,
      helpText: d.helpText,
      group: d.group,
      kind: d.kind,
      valueType: d.valueType,
      justificatifPolicy: d.justificatif.policy,
      professions: d.professions ?? null,
      neutralised: !!d.neutralised,
      displayOrder: d.displayOrder,
      definition: d,
    };
    const found = current.get(d.code);
    if (found) await indicators.update({ id: found.id }, row);
    else await indicators.insert(row);
  }
  return repo.findOneByOrFail({ id: campaignId });
}
