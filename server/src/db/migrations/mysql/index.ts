import { Initial1795346724424 } from './Initial1795346724424';
import { AuditProfessional1795347876061 } from './AuditProfessional1795347876061';
import { PaymentPeriodLabelLength1795351528108 } from './PaymentPeriodLabelLength1795351528108';
import { ImportRuns1795353669479 } from './ImportRuns1795353669479';
import { JustificatifCampaignIndex1795377471554 } from './JustificatifCampaignIndex1795377471554';
import { CampaignLifecycle1796181974967 } from './CampaignLifecycle1796181974967';
import { FileOwners1796181985402 } from './FileOwners1796181985402';
import { AnnuaireSanteImport1796182067995 } from './AnnuaireSanteImport1796182067995';
import { Controls1796182081892 } from './Controls1796182081892';
import { Communications1796182152067 } from './Communications1796182152067';
import { AuditChains1796182277984 } from './AuditChains1796182277984';
import { ReferentielAdministration1796184145853 } from './ReferentielAdministration1796184145853';
import { Precheck1796193243201 } from './Precheck1796193243201';
import { SoftwareMessagingType1796193270887 } from './SoftwareMessagingType1796193270887';
import { ControlRequestCommunication1796193314164 } from './ControlRequestCommunication1796193314164';
import { SavedQueueViews1796193570034 } from './SavedQueueViews1796193570034';
import { InternalNotes1796193653514 } from './InternalNotes1796193653514';
import { ProgressCounters1796194451651 } from './ProgressCounters1796194451651';
import { DeclarationSnapshot1796207097026 } from './DeclarationSnapshot1796207097026';
import { OpinionRequests1796207108992 } from './OpinionRequests1796207108992';
import { CampaignRunTotalBigint1796213144538 } from './CampaignRunTotalBigint1796213144538';

/** Ordered: TypeORM runs, in this order, what the migrations table does not record yet. */
export const MYSQL_MIGRATIONS = [Initial1795346724424, AuditProfessional1795347876061, PaymentPeriodLabelLength1795351528108, ImportRuns1795353669479, JustificatifCampaignIndex1795377471554, CampaignLifecycle1796181974967, FileOwners1796181985402, AnnuaireSanteImport1796182067995, Controls1796182081892, Communications1796182152067, AuditChains1796182277984, ReferentielAdministration1796184145853, Precheck1796193243201, SoftwareMessagingType1796193270887, ControlRequestCommunication1796193314164, SavedQueueViews1796193570034, InternalNotes1796193653514, ProgressCounters1796194451651, DeclarationSnapshot1796207097026, OpinionRequests1796207108992, CampaignRunTotalBigint1796213144538];
