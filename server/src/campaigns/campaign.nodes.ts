/** Campaigns and indicators as the API shows them. */
import type { Campaign } from './campaign.entity';
import type { CampaignNode, IndicatorNode } from './campaign.types';
import type { Indicator } from './indicator.entity';
import type { Amount } from './referentiel/referentiel.types';

export function campaignNode(c: Campaign): CampaignNode {
  return {
    ...c,
    id: String(c.id),
    pointValueCents: c.remuneration.pointValueCents ?? null,
    remunerationUnit: c.remuneration.unit,
  };
}

const euros = (cents: number) =>
  `${(cents / 100).toLocaleString('fr-FR', { minimumFractionDigits: cents % 100 ? 2 : 0 }).replace(/\u202f/g, ' ')} €`;

export function amountLabel(amount: Amount | undefined): string {
  if (!amount) return 'Sans montant propre';
  if (!amount.known) return `Montant non connu (${amount.note})`;
  return 'cents' in amount ? euros(amount.cents) : `${amount.points} points`;
}

export function indicatorNode(i: Indicator): IndicatorNode {
  const d = i.definition;
  return {
    id: String(i.id),
    campaignId: i.campaignId,
    code: i.code,
    label: i.label,
    helpText: i.helpText,
    group: i.group,
    kind: i.kind,
    valueType: i.valueType,
    professions: i.professions,
    justificatifPolicy: i.justificatifPolicy,
    neutralised: i.neutralised,
    neutralisedReason: d.neutralised?.reason ?? null,
    amountLabel: amountLabel(d.amount),
    checklist: (d.justificatif.checklist ?? []).map((c) => ({ ...c })),
    displayOrder: i.displayOrder,
  };
}
