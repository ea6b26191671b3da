/**
 * The public Annuaire Santé extract (`PS_LibreAcces_Personne_activite`, RPPS and ADELI), line by line:
 * its columns, which lines the feed keeps (liberal activities of the professions we serve), and what one
 * activity line says of the professional and of the site. Pure functions over the raw line.
 */
import type { Profession } from '../../common/enums';
import { RPPS_PATTERN } from '../../professionals/identifiers';
import { maxLength, quote, reject, required, type RawRow } from '../fields';
import { SKIP, type ColumnSpec, type FileFormat } from '../handler';

/** Column names as the extract spells them (matched ignoring case, accents and apostrophe style). */
export const COL = {
  idType: "Type d'identifiant PP",
  id: 'Identifiant PP',
  nationalId: 'Identification nationale PP',
  exerciseCivilityCode: "Code civilité d'exercice",
  exerciseCivility: "Libellé civilité d'exercice",
  civilityCode: 'Code civilité',
  civility: 'Libellé civilité',
  lastName: "Nom d'exercice",
  firstName: "Prénom d'exercice",
  profession: 'Code profession',
  professionLabel: 'Libellé profession',
  specialtyType: 'Code type savoir-faire',
  specialtyCode: 'Code savoir-faire',
  specialty: 'Libellé savoir-faire',
  mode: 'Code mode exercice',
  siret: 'Numéro SIRET site',
  finess: 'Numéro FINESS site',
  structureId: 'Identifiant technique de la structure',
  recipient: 'Complément destinataire (coord. structure)',
  place: 'Complément point géographique (coord. structure)',
  streetNumber: 'Numéro Voie (coord. structure)',
  repetition: 'Indice répétition voie (coord. structure)',
  streetTypeLabel: 'Libellé type de voie (coord. structure)',
  street: 'Libellé Voie (coord. structure)',
  distribution: 'Mention distribution (coord. structure)',
  cedex: 'Bureau cedex (coord. structure)',
  postalCode: 'Code postal (coord. structure)',
  communeCode: 'Code commune (coord. structure)',
  commune: 'Libellé commune (coord. structure)',
  phone: 'Téléphone (coord. structure)',
  phone2: 'Téléphone 2 (coord. structure)',
  email: 'Adresse e-mail (coord. structure)',
  departement: 'Code Département (structure)',
} as const;

const REQUIRED = new Set<string>([
  COL.idType,
  COL.id,
  COL.lastName,
  COL.firstName,
  COL.profession,
  COL.specialtyCode,
  COL.specialty,
  COL.mode,
  COL.streetNumber,
  COL.repetition,
  COL.streetTypeLabel,
  COL.street,
  COL.cedex,
  COL.postalCode,
  COL.commune,
  COL.phone,
  COL.email,
]);

/** The columns the feed reads; the 52-column extract's others are ignored. */
export const ANNUAIRE_SANTE_COLUMNS: ColumnSpec[] = Object.values(COL).map((name) => ({
  name,
  required: REQUIRED.has(name),
  // Older extracts: « Libellé civilité exercice ».
  ...(name === COL.exerciseCivility ? { aliases: ['Libellé civilité exercice'] } : {}),
}));

export const ANNUAIRE_SANTE_FORMAT: FileFormat = {
  separator: '|',
  quoting: false,
  trailingSeparator: true,
  unknownColumns: 'ignore',
};

/** Codes profession (TRE_G15) of the professions the campaigns concern. */
export const SERVED_PROFESSION_CODES = new Set(['10', '40', '50', '60', '69', '70', '80', '91', '92']);

/** Savoir-faire codes that make a médecin a généraliste (the others, a spécialiste). */
export const GENERAL_PRACTICE_CODES = new Set(['SM26', 'SM53', 'SM54']);

/**
 * Our profession for a code profession and a savoir-faire. A médecin without savoir-faire: null (the
 * stored généraliste/spécialiste is kept).
 */
export function professionOf(code: string, specialtyCode: string | null): Profession | null {
  switch (code) {
    case '10':
      if (!specialtyCode) return null;
      return GENERAL_PRACTICE_CODES.has(specialtyCode) ? 'MEDECIN_GENERALISTE' : 'MEDECIN_SPECIALISTE';
    case '40':
      return 'CHIRURGIEN_DENTISTE';
    case '50':
      return 'SAGE_FEMME';
    case '60':
    case '69':
      return 'INFIRMIER';
    case '70':
      return 'MASSEUR_KINESITHERAPEUTE';
    case '80':
      return 'PEDICURE_PODOLOGUE';
    case '91':
      return 'ORTHOPHONISTE';
    case '92':
      return 'ORTHOPTISTE';
    default:
      return null;
  }
}

export interface SiteAddress {
  addressLine: string;
  postalCode: string;
  commune: string;
}

/** One liberal activity line, checked. */
export interface ActivityLine {
  idType: 'RPPS' | 'ADELI';
  /** The RPPS (11 digits) or the ADELI (9 characters). */
  identifier: string;
  /** Type then identifier: one professional's lines share it. */
  nationalId: string;
  civility: string | null;
  lastName: string;
  firstName: string;
  professionCode: string;
  professionLabel: string;
  specialtyCode: string | null;
  specialty: string | null;
  /** Null when the site has no usable postal address. */
  address: SiteAddress | null;
  /** Département of the site (column « Code Département », else from the postal code). */
  departement: string | null;
  phone: string | null;
  email: string | null;
}

const ADELI_FILE_PATTERN = /^(?:\d{2}|2[AB])\d{7}$/;

const value = (row: RawRow, column: string) => row[column] ?? '';
const orNull = (text: string) => (text === '' ? null : text);

/** Street line: number and repetition index glued (« 12B », « 3 bis »), type, name; then the complements. */
export function streetLine(row: RawRow): string {
  const number = `${value(row, COL.streetNumber)}${value(row, COL.repetition) ? ` ${value(row, COL.repetition)}` : ''}`
    .replace(/^(\d+) ([A-Z])$/i, '$1$2')
    .trim();
  const street = [number, value(row, COL.streetTypeLabel), value(row, COL.street)].filter(Boolean).join(' ');
  return [value(row, COL.recipient), value(row, COL.place), street, value(row, COL.distribution)]
    .filter(Boolean)
    .join(', ');
}

/** Postal code and commune: columns 36 and 38, else « Bureau cedex » (« 21033 DIJON CEDEX »). */
function postalOf(row: RawRow): { postalCode: string; commune: string } | null {
  const postalCode = value(row, COL.postalCode);
  const commune = value(row, COL.commune);
  if (postalCode !== '') {
    if (!/^\d{5}$/.test(postalCode))
      reject(COL.postalCode, `Code postal mal formé : ${quote(postalCode)} (5 chiffres attendus).`);
    if (commune !== '') return { postalCode, commune };
  }
  const cedex = value(row, COL.cedex);
  if (cedex === '') return null;
  const match = /^(\d{5})\s+(.+)$/.exec(cedex);
  if (!match) reject(COL.cedex, `Bureau cedex illisible : ${quote(cedex)} (« code postal puis ville » attendu).`);
  return { postalCode: postalCode || match![1]!, commune: commune || match![2]!.trim() };
}

/**
 * One line of the extract: SKIP when it is not a liberal activity of a profession we serve (checked
 * first and cheaply: most of the national file), else the checked activity (RowError naming the column).
 */
export function parseActivity(row: RawRow): ActivityLine | typeof SKIP {
  const professionCode = value(row, COL.profession);
  if (!SERVED_PROFESSION_CODES.has(professionCode)) return SKIP;
  if (value(row, COL.mode).toUpperCase() !== 'L') return SKIP;

  const type = required(row, COL.idType);
  const identifier = required(row, COL.id).toUpperCase();
  let idType: 'RPPS' | 'ADELI';
  if (type === '8') {
    idType = 'RPPS';
    if (!RPPS_PATTERN.test(identifier)) reject(COL.id, `RPPS mal formé : ${quote(identifier)} (11 chiffres attendus).`);
  } else if (type === '0') {
    idType = 'ADELI';
    if (!ADELI_FILE_PATTERN.test(identifier))
      reject(COL.id, `ADELI mal formé : ${quote(identifier)} (9 caractères attendus).`);
  } else {
    return reject(COL.idType, `Type d'identifiant inconnu : ${quote(type)} (8 pour le RPPS, 0 pour l'ADELI).`);
  }

  const postal = postalOf(row);
  const addressLine = streetLine(row);
  const address =
    postal && addressLine !== ''
      ? { addressLine: maxLength(COL.street, addressLine, 200), postalCode: postal.postalCode, commune: postal.commune }
      : null;
  if (address) maxLength(COL.commune, address.commune, 100);

  const rawPhone = value(row, COL.phone) || value(row, COL.phone2);
  const phone = orNull(rawPhone.replace(/\s+/g, ' '));
  if (phone !== null && !/^\+?[\d .-]{6,20}$/.test(phone)) {
    reject(value(row, COL.phone) ? COL.phone : COL.phone2, `Téléphone invalide : ${quote(phone)}.`);
  }
  const email = orNull(value(row, COL.email));
  if (email !== null && (!/^[^\s@;|]+@[^\s@;|]+\.[^\s@;|]+$/.test(email) || email.length > 200)) {
    reject(COL.email, `Adresse e-mail invalide : ${quote(email)}.`);
  }
  const specialtyCode = orNull(value(row, COL.specialtyCode).toUpperCase());
  if (specialtyCode !== null) maxLength(COL.specialtyCode, specialtyCode, 16);
  const specialty = orNull(value(row, COL.specialty));
  if (specialty !== null) maxLength(COL.specialty, specialty, 64);
  const civility = orNull(value(row, COL.exerciseCivility) || value(row, COL.civility));
  if (civility !== null) maxLength(COL.exerciseCivility, civility, 40);
  const departement =
    orNull(value(row, COL.departement).toUpperCase()) ?? (address ? departementOfPostalCode(address.postalCode) : null);

  return {
    idType,
    identifier,
    nationalId: `${type}${identifier}`,
    civility,
    lastName: maxLength(COL.lastName, required(row, COL.lastName), 100),
    firstName: maxLength(COL.firstName, required(row, COL.firstName), 100),
    professionCode,
    professionLabel: value(row, COL.professionLabel),
    specialtyCode,
    specialty,
    address,
    departement,
    phone,
    email,
  };
}

/** Département of a postal code: 2 digits, 3 overseas (97x), 2A/2B for Corsica (200–201 / 202–206). */
export function departementOfPostalCode(postalCode: string): string {
  if (postalCode.startsWith('97') || postalCode.startsWith('98')) return postalCode.slice(0, 3);
  if (postalCode.startsWith('20')) return Number(postalCode) < 20200 ? '2A' : '2B';
  return postalCode.slice(0, 2);
}

/**
 * The principal liberal site of a professional with several: the first of their lines by, in order,
 * (1) a site in the département of their caisse, (2) a site with a postal address, (3) the address we
 * already hold (so that two equivalent sites do not alternate from one file to the next), (4) the
 * order of the file. Returned as one number (smaller is better) so that lines met in separate places
 * of an unsorted file compare alike.
 */
export function siteRank(
  line: ActivityLine,
  lineNumber: number,
  caisseDepartement: string | null,
  stored: SiteAddress | null,
): number {
  const inDepartement = caisseDepartement !== null && line.departement === caisseDepartement ? 0 : 1;
  const hasAddress = line.address ? 0 : 1;
  const same =
    line.address &&
    stored &&
    line.address.postalCode === stored.postalCode &&
    line.address.addressLine === stored.addressLine
      ? 0
      : 1;
  return (inDepartement * 4 + hasAddress * 2 + same) * 2 ** 32 + lineNumber;
}
