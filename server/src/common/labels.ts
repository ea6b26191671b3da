/**
 * French labels of the domain enumerations, one copy for the server and the benchmark. Keyed by the
 * enumerations the schema is built from: a new value fails to compile until it has its label.
 * (The console keys its own labels by the enums generated from the schema, client/src/format.ts.)
 */
import type { Profession } from './enums';

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
