import { AgentsResolver } from '../agents/agents.resolver';
import { AuditResolver } from '../audit/audit.resolver';
import { CampaignsResolver } from '../campaigns/campaigns.resolver';
import { CampaignLifecycleResolver } from '../campaigns/lifecycle/campaign-lifecycle.resolver';
import {
  CommunicationsResolver,
  ProfessionalCommunicationsResolver,
  RelanceWaveResolver,
} from '../communications/communications.resolver';
import { ControlPlanResolver, ControlsResolver, ProfessionalControlsResolver } from '../controls/controls.resolver';
import { ContactsResolver } from '../contacts/contacts.resolver';
import { DeclarationIndicatorResolver, DeclarationsResolver } from '../declarations/declarations.resolver';
import { JustificatifsResolver } from '../justificatifs/justificatifs.resolver';
import { PaymentsResolver } from '../payments/payments.resolver';
import { ProfessionalsResolver } from '../professionals/professionals.resolver';
import { ProgressResolver } from '../progress/progress.resolver';
import { WorkloadResolver } from '../progress/workload.resolver';
import { HealthResolver } from './health.resolver';
import { SoftwareResolver } from '../software/software.resolver';
import { ReversalResolver } from '../justificatifs/reversal.resolver';
import { QueueResolver } from '../justificatifs/queue.resolver';
import { ImportsResolver } from '../imports/imports.resolver';
import { JustificatifPrecheckResolver } from '../precheck/precheck.resolver';
import { InternalNotesResolver } from '../notes/internal-notes.resolver';
import { JustificatifOpinionsResolver, OpinionsResolver } from '../opinions/opinions.resolver';

/** Every resolver class of every domain. */
export const RESOLVERS = [
  HealthResolver,
  AgentsResolver,
  AuditResolver,
  ProfessionalsResolver,
  CampaignsResolver,
  CampaignLifecycleResolver,
  DeclarationsResolver,
  DeclarationIndicatorResolver,
  JustificatifsResolver,
  QueueResolver,
  PaymentsResolver,
  ContactsResolver,
  ProgressResolver,
  WorkloadResolver,
  ImportsResolver,
  SoftwareResolver,
  ReversalResolver,
  CommunicationsResolver,
  RelanceWaveResolver,
  ProfessionalCommunicationsResolver,
  ControlsResolver,
  ControlPlanResolver,
  ProfessionalControlsResolver,
  JustificatifPrecheckResolver,
  InternalNotesResolver,
  OpinionsResolver,
  JustificatifOpinionsResolver,
] as const;
