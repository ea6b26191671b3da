/**
 * Référentiel edits as pure checks: a catalogue entry's input, the exemption list of specialties, and
 * which specialties an exemption change concerns (the declarations to re-evaluate). French refusals.
 */
import type { MessagingType } from '../common/enums';

export const REFERENTIEL_REFUSALS = [
  'INVALID_INPUT',
  'UNKNOWN_SOFTWARE',
  'DUPLICATE_SOFTWARE',
  'IDENTITY_IS_FIXED',
  'STALE_VERSION',
  'CAMPAIGN_COMPUTED',
  'NO_LAP_EXEMPTION',
] as const;
export type ReferentielRefusalCode = (typeof REFERENTIEL_REFUSALS)[number];

export interface ReferentielRefusal {
  code: ReferentielRefusalCode;
  message: string;
}

export interface SoftwareInput {
  publisherName: string;
  name: string;
  version: string;
  dmpCompatible: boolean;
  dmpCompatibleSince: string | null;
  lapCertified: boolean;
  messagingType: MessagingType | null;
}

const invalid = (message: string): ReferentielRefusal => ({ code: 'INVALID_INPUT', message });

export function checkSoftwareInput(input: SoftwareInput): { value: SoftwareInput } | { refusal: ReferentielRefusal } {
  const publisherName = input.publisherName.trim().replace(/\s+/g, ' ');
  const name = input.name.trim().replace(/\s+/g, ' ');
  const version = input.version.trim();
  if (!publisherName) return { refusal: invalid("Le nom de l'éditeur est obligatoire.") };
  if (publisherName.length > 120) return { refusal: invalid("Nom de l'éditeur trop long (120 caractères au plus).") };
  if (!name) return { refusal: invalid('Le nom du logiciel est obligatoire.') };
  if (name.length > 120) return { refusal: invalid('Nom du logiciel trop long (120 caractères au plus).') };
  if (!version) return { refusal: invalid('La version est obligatoire.') };
  if (version.length > 40) return { refusal: invalid('Version trop longue (40 caractères au plus).') };
  if (input.dmpCompatibleSince !== null && !input.dmpCompatible) {
    return { refusal: invalid('Une date de compatibilité DMP demande un logiciel compatible DMP.') };
  }
  return { value: { ...input, publisherName, name, version } };
}

export const MAX_SPECIALTY_LENGTH = 64;

/** A specialty code of the TRE_R01 nomenclature (« SM54 », « SCD01 »), as the Annuaire Santé spells it. */
const SPECIALTY_CODE = /^[A-Z]{1,4}\d{1,4}$/i;

/**
 * Trimmed, codes in capitals, without duplicates, sorted: the list as stored. Entries are specialty codes
 * (matched against the professional's code); a label stays as written, for professionals without a code.
 */
export function normaliseSpecialties(list: readonly string[]): { value: string[] } | { refusal: ReferentielRefusal } {
  const cleaned = list.map((s) => s.trim()).map((s) => (SPECIALTY_CODE.test(s) ? s.toUpperCase() : s));
  const empty = cleaned.findIndex((s) => s.length === 0);
  if (empty >= 0) return { refusal: invalid(`Spécialité n° ${empty + 1} vide.`) };
  const tooLong = cleaned.find((s) => s.length > MAX_SPECIALTY_LENGTH);
  if (tooLong) {
    return {
      refusal: invalid(
        `Spécialité « ${tooLong.slice(0, 20)}… » trop longue (${MAX_SPECIALTY_LENGTH} caractères au plus).`,
      ),
    };
  }
  if (cleaned.length > 500) return { refusal: invalid('500 spécialités au plus.') };
  return { value: [...new Set(cleaned)].sort((a, b) => a.localeCompare(b, 'fr')) };
}

/** Specialties whose professionals see a different result: those added or removed. */
export function changedSpecialties(before: readonly string[], after: readonly string[]): string[] {
  const a = new Set(before);
  const b = new Set(after);
  return [...new Set([...before.filter((s) => !b.has(s)), ...after.filter((s) => !a.has(s))])].sort();
}

/** What a confirmation says about the re-evaluation. */
export function reevaluationSummary(count: number): string {
  if (count === 0) return "Aucune déclaration d'une campagne ouverte n'est concernée.";
  return `${count.toLocaleString('fr-FR').replace(/\u202f/g, ' ')} déclaration${count > 1 ? 's' : ''} de campagnes ouvertes réévaluée${count > 1 ? 's' : ''} ; les campagnes calculées gardent leur calcul.`;
}

const yesNo = (value: unknown) => (value ? 'oui' : 'non');

const MESSAGING_LABELS: Record<string, string> = {
  MSSANTE_PERSONAL: 'MSSanté (boîte personnelle)',
  MSSANTE_ORGANISATIONAL: 'MSSanté (boîte organisationnelle)',
  APICRYPT_V2: 'Apicrypt V2',
  APICRYPT_V1: 'Apicrypt V1',
  OTHER_NOT_LISTED: 'autre messagerie',
};

const messaging = (value: unknown) =>
  typeof value === 'string' ? (MESSAGING_LABELS[value] ?? value) : 'non renseignée';

const dmp = (record: Record<string, unknown>) =>
  record.dmpCompatible
    ? `oui${typeof record.dmpCompatibleSince === 'string' ? ` depuis le ${frenchDate(record.dmpCompatibleSince)}` : ''}`
    : 'non';

function frenchDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

const listOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** One French sentence saying what an edit of the référentiel changed (the history of an entry or a list). */
export function changeSummary(
  kind: 'SOFTWARE' | 'LAP_EXEMPTIONS',
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): string {
  if (kind === 'LAP_EXEMPTIONS') {
    const previous = listOf(before?.specialties);
    const next = listOf(after.specialties);
    const added = next.filter((s) => !previous.includes(s));
    const removed = previous.filter((s) => !next.includes(s));
    const plural = (list: string[], verb: string) =>
      `spécialité${list.length > 1 ? 's' : ''} ${verb}${list.length > 1 ? 's' : ''} : ${list.join(', ')}`;
    const parts = [
      added.length ? plural(added, 'ajoutée') : null,
      removed.length ? plural(removed, 'retirée') : null,
    ].filter((p): p is string => p !== null);
    if (parts.length === 0) return 'Liste inchangée';
    const sentence = parts.join(' ; ');
    return sentence.charAt(0).toUpperCase() + sentence.slice(1);
  }
  if (before === null) {
    return `Ajout au catalogue (DMP : ${dmp(after)} ; LAP certifié : ${yesNo(after.lapCertified)} ; messagerie : ${messaging(after.messagingType)})`;
  }
  const parts: string[] = [];
  if (before.dmpCompatible !== after.dmpCompatible || before.dmpCompatibleSince !== after.dmpCompatibleSince)
    parts.push(`DMP : ${dmp(before)} → ${dmp(after)}`);
  if (before.lapCertified !== after.lapCertified)
    parts.push(`LAP certifié : ${yesNo(before.lapCertified)} → ${yesNo(after.lapCertified)}`);
  if ((before.messagingType ?? null) !== (after.messagingType ?? null))
    parts.push(`messagerie : ${messaging(before.messagingType)} → ${messaging(after.messagingType)}`);
  if (parts.length === 0) return 'Aucune qualité modifiée';
  const sentence = parts.join(' ; ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
