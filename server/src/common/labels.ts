/**
 * French labels of the domain enumerations, one copy for the server and the benchmark. Keyed by the
 * enumerations the schema is built from: a new value fails to compile until it has its label.
 * (The console keys its own labels by the enums generated from the schema, client/src/format.ts.)
 */
import type { Profession, RejectionReason } from './enums';

export const PROFESSION_LABELS: Record<Profession, string> = {
  MEDECIN_GENERALISTE: 'Médecin généraliste',
  MEDECIN_SPECIALISTE: 'Médecin spécialiste',
  CHIRURGIEN_DENTISTE: 'Chirurgien-dentiste',
  INFIRMIER: 'Infirmier',
  MASSEUR_KINESITHERAPEUTE: 'Masseur-kinésithérapeute',
  SAGE_FEMME: 'Sage-femme',
  ORTHOPHONISTE: 'Orthophoniste',
  ORTHOPTISTE: 'Orthoptiste',
  PEDICURE_PODOLOGUE: 'Pédicure-podologue',
};

/** The profession as a group (dashboards: « Chirurgiens-dentistes »). */
export const PROFESSION_PLURAL_LABELS: Record<Profession, string> = {
  MEDECIN_GENERALISTE: 'Médecins généralistes',
  MEDECIN_SPECIALISTE: 'Médecins spécialistes',
  CHIRURGIEN_DENTISTE: 'Chirurgiens-dentistes',
  INFIRMIER: 'Infirmiers',
  MASSEUR_KINESITHERAPEUTE: 'Masseurs-kinésithérapeutes',
  SAGE_FEMME: 'Sages-femmes',
  ORTHOPHONISTE: 'Orthophonistes',
  ORTHOPTISTE: 'Orthoptistes',
  PEDICURE_PODOLOGUE: 'Pédicures-podologues',
};

/** The conseiller's motifs of rejection, as the professional reads them. */
export const REJECTION_REASON_LABELS: Record<RejectionReason, string> = {
  PUBLISHER_MISSING: 'Éditeur du logiciel non identifiable',
  SOFTWARE_NAME_MISSING: 'Nom du logiciel absent',
  ACQUISITION_DATE_MISSING: "Date d'acquisition absente",
  NOT_NOMINATIVE: 'Justificatif non nominatif',
  DMP_MENTION_MISSING: 'Mention « DMP compatible » absente',
  CONNECTOR_OR_PACK_NOT_STATED: 'Connecteur ou pack complémentaire non précisé',
  VERSION_MISSING: 'Version du logiciel absente',
  DOCUMENT_TYPE_NOT_ACCEPTED: 'Type de document non recevable',
  PUBLISHER_DIFFERS_FROM_DECLARATION: 'Éditeur différent de celui déclaré',
  WEB_DMP_ONLY: 'Web DMP seul (ne valide pas la compatibilité DMP)',
  LAP_NOT_CERTIFIED: 'LAP non certifié HAS',
  ILLEGIBLE: 'Document illisible',
  OTHER_PROFESSIONAL: "Document au nom d'un autre professionnel",
  UNRELATED_TO_INDICATOR: "Document sans rapport avec l'indicateur",
  RECEIVED_AFTER_DEADLINE: 'Reçu après la date limite',
};
