import { Agent, AgentSession, LoginAttempt } from '../agents/agent.entity';
import { AuditChain, AuditEvent } from '../audit/audit-event.entity';
import { Campaign } from '../campaigns/campaign.entity';
import { CampaignHistory, CampaignRun } from '../campaigns/lifecycle/campaign-run.entity';
import { DeclarationSnapshot } from '../campaigns/lifecycle/declaration-snapshot.entity';
import { Indicator } from '../campaigns/indicator.entity';
import { Communication, RelanceWave } from '../communications/communication.entity';
import { ControlCase, ControlCaseHistory, ControlItem, ControlPlan } from '../controls/control.entity';
import { ContactLog } from '../contacts/contact-log.entity';
import { Declaration, DeclarationTransmission, IndicatorValue } from '../declarations/declaration.entity';
import { FileOwner } from '../files/file-owner.entity';
import { StoredFile } from '../files/stored-file.entity';
import { ImportRun } from '../imports/import-run.entity';
import { Justificatif, JustificatifHistory } from '../justificatifs/justificatif.entity';
import { InternalNote } from '../notes/internal-note.entity';
import { OpinionRequest } from '../opinions/opinion-request.entity';
import { SavedQueueView } from '../justificatifs/saved-view.entity';
import { Payment } from '../payments/payment.entity';
import { Regularisation } from '../payments/regularisation.entity';
import { Precheck, PrecheckPage } from '../precheck/precheck.entity';
import { Caisse } from '../professionals/caisse.entity';
import { Professional } from '../professionals/professional.entity';
import { ReferentielChange, Software, SoftwarePublisher } from '../software/software.entity';
import { Lease } from './lease';

export const ENTITIES = [
  Agent,
  AgentSession,
  LoginAttempt,
  AuditEvent,
  AuditChain,
  Caisse,
  Professional,
  Campaign,
  Indicator,
  SoftwarePublisher,
  Software,
  Declaration,
  DeclarationTransmission,
  IndicatorValue,
  Justificatif,
  JustificatifHistory,
  StoredFile,
  FileOwner,
  Payment,
  ContactLog,
  ImportRun,
  Communication,
  RelanceWave,
  Precheck,
  PrecheckPage,
  Lease,
  CampaignRun,
  CampaignHistory,
  DeclarationSnapshot,
  Regularisation,
  ReferentielChange,
  ControlPlan,
  ControlCase,
  ControlItem,
  ControlCaseHistory,
  InternalNote,
  SavedQueueView,
  OpinionRequest,
];
