import type { CampaignStatus } from '../../gql/graphql';

export const CAMPAIGN_STATUS: Record<CampaignStatus, { label: string; severity: string }> = {
  UPCOMING: { label: 'À venir', severity: 'new' },
  OPEN: { label: 'Ouverte', severity: 'info' },
  CLOSED: { label: 'Close, en instruction', severity: 'warning' },
  COMPUTED: { label: 'Calculée', severity: 'success' },
  PAID: { label: 'Payée', severity: 'success' },
};

export const COMMAND_LABELS: Record<string, string> = {
  CLOSE: 'Clôture',
  COMPUTE_START: 'Calcul lancé',
  COMPUTE: 'Calcul terminé',
  MARK_PAID: 'Paiement',
};
