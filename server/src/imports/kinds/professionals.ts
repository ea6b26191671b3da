/**
 * The professionals directory: one row per professional, keyed by N° AM. The file is the reference:
 * every column is written (an empty optional column clears the value). A change of caisse or
 * profession is carried to the copies kept on declarations and justificatifs.
 */
import { In, type EntityManager } from 'typeorm';
import { PROFESSIONS, type Profession } from '../../common/enums';
import { Declaration } from '../../declarations/declaration.entity';
import { Justificatif } from '../../justificatifs/justificatif.entity';
import { ADELI_PATTERN, RPPS_PATTERN } from '../../professionals/identifiers';
import { searchKey } from '../../professionals/normalize';
import { Professional } from '../../professionals/professional.entity';
import { bulkUpsert, chunks } from '../../db/bulk';
import {
  amNumber,
  bool,
  calendarDate,
  maxLength,
  oneOf,
  optional,
  quote,
  reject,
  required,
  type RawRow,
} from '../fields';
import { attempt, type KindHandler, type Outcome } from '../handler';

export interface ProfessionalRow {
  amNumber: string;
  rpps: string | null;
  adeli: string | null;
  lastName: string;
  firstName: string;
  profession: Profession;
  specialty: string | null;
  caisseCode: string;
  addressLine: string;
  postalCode: string;
  commune: string;
  installationDate: string | null;
  email: string | null;
  phone: string | null;
  usesAmelipro: boolean;
}

const FIELDS: (keyof ProfessionalRow)[] = [
  'rpps',
  'adeli',
  'lastName',
  'firstName',
  'profession',
  'specialty',
  'caisseCode',
  'addressLine',
  'postalCode',
  'commune',
  'installationDate',
  'email',
  'phone',
  'usesAmelipro',
];

/** Optional columns the header may leave out: then a known professional keeps what is stored. */
const OMISSIBLE = {
  rpps: 'rpps',
  adeli: 'adeli',
  specialty: 'specialty',
  installationDate: 'installation_date',
  email: 'email',
  phone: 'phone',
  usesAmelipro: 'uses_amelipro',
} as const satisfies Partial<Record<keyof ProfessionalRow, string>>;

type Omissible = keyof typeof OMISSIBLE;

/** A row as read: the omissible fields are undefined when their column is not in the file. */
type ParsedProfessional = Omit<ProfessionalRow, Omissible> & { [K in Omissible]: ProfessionalRow[K] | undefined };

/** The row to store: what the file gives, and for the columns it leaves out, the stored value or the default. */
function complete(data: ParsedProfessional, current: Professional | undefined): ProfessionalRow {
  const row = { ...data } as Record<string, unknown>;
  for (const field of Object.keys(OMISSIBLE) as Omissible[]) {
    if (row[field] !== undefined) continue;
    row[field] = current ? current[field] : field === 'usesAmelipro' ? true : null;
  }
  return row as unknown as ProfessionalRow;
}

function parse(row: RawRow, reference: { caisses: Set<string> }): ParsedProfessional {
  const rpps = optional(row, 'rpps');
  if (rpps !== null && !RPPS_PATTERN.test(rpps))
    reject('rpps', `RPPS mal formé : ${quote(rpps)} (11 chiffres attendus).`);
  const adeli = optional(row, 'adeli');
  if (adeli !== null && !ADELI_PATTERN.test(adeli))
    reject('adeli', `ADELI mal formé : ${quote(adeli)} (9 chiffres attendus).`);
  const caisseCode = required(row, 'caisse_code');
  if (!reference.caisses.has(caisseCode)) reject('caisse_code', `Caisse inconnue : ${quote(caisseCode)}.`);
  const postalCode = required(row, 'postal_code');
  if (!/^\d{5}$/.test(postalCode))
    reject('postal_code', `Code postal mal formé : ${quote(postalCode)} (5 chiffres attendus).`);
  const email = optional(row, 'email');
  if (email !== null && (!/^[^\s@;]+@[^\s@;]+\.[^\s@;]+$/.test(email) || email.length > 200)) {
    reject('email', `Adresse e-mail invalide : ${quote(email)}.`);
  }
  const phone = optional(row, 'phone');
  if (phone !== null && !/^\+?[\d .-]{6,20}$/.test(phone)) reject('phone', `Téléphone invalide : ${quote(phone)}.`);
  const installation = optional(row, 'installation_date');
  const installationDate = installation === null ? null : calendarDate('installation_date', installation);
  if (installationDate && installationDate > new Date().toISOString().slice(0, 10)) {
    reject('installation_date', `Date d'installation dans le futur : ${installationDate}.`);
  }
  const usesAmelipro = optional(row, 'uses_amelipro');
  const given = (column: string) => column in row;
  const parsed: ProfessionalRow = {
    amNumber: amNumber(row),
    rpps,
    adeli,
    lastName: maxLength('last_name', required(row, 'last_name'), 100),
    firstName: maxLength('first_name', required(row, 'first_name'), 100),
    profession: oneOf('profession', required(row, 'profession'), PROFESSIONS, 'Profession'),
    specialty: optional(row, 'specialty') === null ? null : maxLength('specialty', optional(row, 'specialty')!, 64),
    caisseCode,
    addressLine: maxLength('address_line', required(row, 'address_line'), 200),
    postalCode,
    commune: maxLength('commune', required(row, 'commune'), 100),
    installationDate,
    email,
    phone,
    usesAmelipro: usesAmelipro === null ? true : bool('uses_amelipro', usesAmelipro),
  };
  const out = parsed as ParsedProfessional;
  for (const [field, column] of Object.entries(OMISSIBLE) as [Omissible, string][]) {
    if (!given(column)) out[field] = undefined;
  }
  return out;
}

/** Holders of the RPPS and ADELI numbers the batch brings, to refuse giving one number to two people. */
async function identifierHolders(em: EntityManager, column: 'rpps' | 'adeli', values: string[]) {
  const map = new Map<string, string>();
  for (const slice of chunks([...new Set(values)])) {
    const rows = await em
      .getRepository(Professional)
      .find({ where: { [column]: In(slice) }, select: { amNumber: true, rpps: true, adeli: true } });
    for (const p of rows) map.set(p[column]!, p.amNumber);
  }
  return map;
}

export const PROFESSIONALS: KindHandler<ParsedProfessional> = {
  kind: 'PROFESSIONALS',
  columns: [
    { name: 'am_number', required: true },
    { name: 'rpps', required: false },
    { name: 'adeli', required: false },
    { name: 'last_name', required: true },
    { name: 'first_name', required: true },
    { name: 'profession', required: true },
    { name: 'specialty', required: false },
    { name: 'caisse_code', required: true },
    { name: 'address_line', required: true },
    { name: 'postal_code', required: true },
    { name: 'commune', required: true },
    { name: 'installation_date', required: false },
    { name: 'email', required: false },
    { name: 'phone', required: false },
    { name: 'uses_amelipro', required: false },
  ],
  parse,
  key: (d) => d.amNumber,
  async apply(em, rows, ctx) {
    const existing = new Map<string, Professional>();
    for (const slice of chunks([...new Set(rows.map((r) => r.data.amNumber))])) {
      for (const p of await em.getRepository(Professional).findBy({ amNumber: In(slice) })) existing.set(p.amNumber, p);
    }
    const rppsHolders = await identifierHolders(
      em,
      'rpps',
      rows.flatMap((r) => (r.data.rpps ? [r.data.rpps] : [])),
    );
    const adeliHolders = await identifierHolders(
      em,
      'adeli',
      rows.flatMap((r) => (r.data.adeli ? [r.data.adeli] : [])),
    );
    // Numbers claimed earlier in this batch, so that two rows cannot take the same one.
    const claimed = { rpps: new Map<string, string>(), adeli: new Map<string, string>() };
    const writes: ProfessionalRow[] = [];
    const moved: { id: number; caisseCode: string; profession: Profession }[] = [];
    const outcomes: Outcome[] = rows.map(({ data: parsed }) =>
      attempt(() => {
        const current = existing.get(parsed.amNumber);
        const data = complete(parsed, current);
        if (ctx.scope && current && !ctx.scope.includes(current.caisseCode)) {
          reject(
            'am_number',
            `Professionnel rattaché à la caisse ${current.caisseCode}, hors de votre périmètre (caisse ${ctx.scope.join(', ')}).`,
          );
        }
        if (ctx.scope && !ctx.scope.includes(data.caisseCode)) {
          reject('caisse_code', `Caisse ${data.caisseCode} hors de votre périmètre (caisse ${ctx.scope.join(', ')}).`);
        }
        for (const column of ['rpps', 'adeli'] as const) {
          const value = data[column];
          if (!value) continue;
          const holder = (column === 'rpps' ? rppsHolders : adeliHolders).get(value) ?? claimed[column].get(value);
          if (holder && holder !== data.amNumber) {
            reject(column, `${column.toUpperCase()} ${value} déjà attribué au professionnel de N° AM ${holder}.`);
          }
        }
        if (data.rpps) claimed.rpps.set(data.rpps, data.amNumber);
        if (data.adeli) claimed.adeli.set(data.adeli, data.amNumber);
        if (current && FIELDS.every((f) => (current[f] ?? null) === (data[f] ?? null))) return 'unchanged';
        writes.push(data);
        if (current && (current.caisseCode !== data.caisseCode || current.profession !== data.profession)) {
          moved.push({ id: current.id, caisseCode: data.caisseCode, profession: data.profession });
        }
        return current ? 'updated' : 'inserted';
      }),
    );
    await bulkUpsert(
      em,
      Professional,
      writes.map((d) => ({
        ...d,
        searchName: searchKey(`${d.lastName} ${d.firstName}`),
        communeKey: searchKey(d.commune),
      })),
      ['amNumber'],
      [...FIELDS, 'searchName', 'communeKey'],
      ['updatedAt'],
    );
    return { outcomes, touchedDeclarations: await carryToCopies(em, moved) };
  },
};

/**
 * Declarations and justificatifs keep a copy of caisse and profession for per-caisse work: a change is
 * copied to them. Returns the declarations to re-evaluate.
 */
export async function carryToCopies(
  em: EntityManager,
  moved: { id: number; caisseCode: string; profession: Profession }[],
): Promise<number[]> {
  const touched: number[] = [];
  for (const m of moved) {
    await em
      .getRepository(Declaration)
      .update({ professionalId: m.id }, { caisseCode: m.caisseCode, profession: m.profession });
    await em
      .getRepository(Justificatif)
      .update({ professionalId: m.id }, { caisseCode: m.caisseCode, profession: m.profession });
    const declarations = await em
      .getRepository(Declaration)
      .find({ where: { professionalId: m.id }, select: { id: true } });
    touched.push(...declarations.map((d) => d.id));
  }
  return touched;
}
