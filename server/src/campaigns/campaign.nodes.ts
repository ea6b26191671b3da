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

// `toLocaleString` with options builds a new formatter on every call: a professional's file labels every
// indicator's amount, and that was 1 % of its CPU (docs/performance.md). The same formats, built once.
const WHOLE_EUROS = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 0 });
const EUROS_AND_CENTS = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2 });

const euros = (cents: number) =>
  `${(cents % 100 ? EUROS_AND_CENTS : WHOLE_EUROS).format(cents / 100).replace(/\u202f/g, ' ')} €`;

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
    // Definitions stored before the référentiel named each item's motif answer null (the console suggests none).
    checklist: (d.justificatif.checklist ?? []).map((c) => ({ ...c, rejectionReason: c.rejectionReason ?? null })),
    displayOrder: i.displayOrder,
  };
}
