import { Initial1795346724424 } from './Initial1795346724424';
import { AuditProfessional1795347876061 } from './AuditProfessional1795347876061';
import { PaymentPeriodLabelLength1795351528108 } from './PaymentPeriodLabelLength1795351528108';
import { ImportRuns1795353669479 } from './ImportRuns1795353669479';
import { JustificatifCampaignIndex1795377471554 } from './JustificatifCampaignIndex1795377471554';
import { FileOwners1796181985402 } from './FileOwners1796181985402';
import { AnnuaireSanteImport1796182067995 } from './AnnuaireSanteImport1796182067995';
import { AuditChains1796182277984 } from './AuditChains1796182277984';
import { Precheck1796182453306 } from './Precheck1796182453306';

/** Ordered: TypeORM runs, in this order, what the migrations table does not record yet. */
export const MYSQL_MIGRATIONS = [Initial1795346724424, AuditProfessional1795347876061, PaymentPeriodLabelLength1795351528108, ImportRuns1795353669479, JustificatifCampaignIndex1795377471554, FileOwners1796181985402, AnnuaireSanteImport1796182067995, AuditChains1796182277984, Precheck1796182453306];
