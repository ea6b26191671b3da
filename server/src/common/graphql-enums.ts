/**
 * Registers the domain enumerations with type-graphql. The domain keeps `as const` arrays
 * (plain data for the rules); GraphQL gets an object map of the same values.
 */
import { registerEnumType } from 'type-graphql';
import * as E from './enums';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const ProfessionEnum = asEnum(E.PROFESSIONS);
export const SchemeEnum = asEnum(E.SCHEMES);
export const CampaignStatusEnum = asEnum(E.CAMPAIGN_STATUSES);
export const IndicatorGroupEnum = asEnum(E.INDICATOR_GROUPS);
export const IndicatorKindEnum = asEnum(E.INDICATOR_KINDS);
export const ValueTypeEnum = asEnum(E.VALUE_TYPES);
export const JustificatifPolicyEnum = asEnum(E.JUSTIFICATIF_POLICIES);
export const ValueSourceEnum = asEnum(E.VALUE_SOURCES);
export const PrefillOriginEnum = asEnum(E.PREFILL_ORIGINS);
export const DeclarationChannelEnum = asEnum(E.DECLARATION_CHANNELS);
export const DeclarationStatusEnum = asEnum(E.DECLARATION_STATUSES);
export const JustificatifChannelEnum = asEnum(E.JUSTIFICATIF_CHANNELS);
export const JustificatifStatusEnum = asEnum(E.JUSTIFICATIF_STATUSES);
export const RejectionReasonEnum = asEnum(E.REJECTION_REASONS);
export const AchievementStatusEnum = asEnum(E.ACHIEVEMENT_STATUSES);
export const PaymentKindEnum = asEnum(E.PAYMENT_KINDS);
export const PaymentStatusEnum = asEnum(E.PAYMENT_STATUSES);
export const ContactChannelEnum = asEnum(E.CONTACT_CHANNELS);
export const MessagingTypeEnum = asEnum(E.MESSAGING_TYPES);
export const JustificatifVerdictEnum = asEnum(E.JUSTIFICATIF_VERDICTS);

registerEnumType(ProfessionEnum, { name: 'Profession', description: 'Profession du professionnel de santé.' });
registerEnumType(SchemeEnum, { name: 'Scheme', description: 'Dispositif : forfait structure, FAMI, ROSP.' });
registerEnumType(CampaignStatusEnum, { name: 'CampaignStatus' });
registerEnumType(IndicatorGroupEnum, { name: 'IndicatorGroup' });
registerEnumType(IndicatorKindEnum, { name: 'IndicatorKind' });
registerEnumType(ValueTypeEnum, { name: 'ValueType' });
registerEnumType(JustificatifPolicyEnum, { name: 'JustificatifPolicy' });
registerEnumType(ValueSourceEnum, { name: 'ValueSource' });
registerEnumType(PrefillOriginEnum, { name: 'PrefillOrigin' });
registerEnumType(DeclarationChannelEnum, { name: 'DeclarationChannel' });
registerEnumType(DeclarationStatusEnum, { name: 'DeclarationStatus' });
registerEnumType(JustificatifChannelEnum, { name: 'JustificatifChannel' });
registerEnumType(JustificatifStatusEnum, { name: 'JustificatifStatus' });
registerEnumType(RejectionReasonEnum, {
  name: 'RejectionReason',
  description: 'Motifs de rejet : liste fermée tirée de ce que les règles exigent d’une pièce.',
});
registerEnumType(AchievementStatusEnum, { name: 'AchievementStatus' });
registerEnumType(PaymentKindEnum, { name: 'PaymentKind' });
registerEnumType(PaymentStatusEnum, { name: 'PaymentStatus' });
registerEnumType(ContactChannelEnum, { name: 'ContactChannel' });
registerEnumType(MessagingTypeEnum, { name: 'MessagingType' });
registerEnumType(JustificatifVerdictEnum, { name: 'JustificatifVerdict', description: 'Décision sur une pièce.' });
