import { AgentsResolver } from '../agents/agents.resolver';
import { AuditResolver } from '../audit/audit.resolver';
import { CampaignsResolver } from '../campaigns/campaigns.resolver';
import { ContactsResolver } from '../contacts/contacts.resolver';
import { DeclarationIndicatorResolver, DeclarationsResolver } from '../declarations/declarations.resolver';
import { JustificatifsResolver } from '../justificatifs/justificatifs.resolver';
import { PaymentsResolver } from '../payments/payments.resolver';
import { ProfessionalsResolver } from '../professionals/professionals.resolver';
import { ProgressResolver } from '../progress/progress.resolver';
import { HealthResolver } from './health.resolver';
import { ImportsResolver } from '../imports/imports.resolver';
import { JustificatifPrecheckResolver } from '../precheck/precheck.resolver';

/** Every resolver class of every domain. */
export const RESOLVERS = [
  HealthResolver,
  AgentsResolver,
  AuditResolver,
  ProfessionalsResolver,
  CampaignsResolver,
  DeclarationsResolver,
  DeclarationIndicatorResolver,
  JustificatifsResolver,
  PaymentsResolver,
  ContactsResolver,
  ProgressResolver,
  ImportsResolver,
  JustificatifPrecheckResolver,
] as const;
