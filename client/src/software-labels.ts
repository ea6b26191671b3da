/** French labels of the software catalogue's qualities, shared by the administration and the review screen. */
import type { MessagingType } from './gql/graphql';
import { frenchDate } from './format';

export const MESSAGING_LABELS: Record<MessagingType, string> = {
  MSSANTE_PERSONAL: 'MSSanté (boîte personnelle)',
  MSSANTE_ORGANISATIONAL: 'MSSanté (boîte organisationnelle)',
  APICRYPT_V2: 'Apicrypt V2',
  APICRYPT_V1: 'Apicrypt V1',
  OTHER_NOT_LISTED: 'Autre messagerie',
};

export const messagingLabel = (type: MessagingType | null | undefined) =>
  type ? MESSAGING_LABELS[type] : 'Non renseignée';

export const dmpLabel = (entry: { dmpCompatible: boolean; dmpCompatibleSince?: string | null }) =>
  entry.dmpCompatible
    ? `Compatible DMP${entry.dmpCompatibleSince ? ` depuis le ${frenchDate(entry.dmpCompatibleSince)}` : ''}`
    : 'Non compatible DMP';
