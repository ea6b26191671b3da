/**
 * Refreshes the directory from the public Annuaire Santé extract. A professional's lines (one per
 * activity) stay in one batch; each professional we know (by RPPS, else ADELI) is refreshed from their
 * principal liberal site (siteRank), once; one we do not know is listed in the report (the file has
 * no N° AM: we cannot create them); at the end, the known professionals the file did not mention are
 * listed too. Nothing is ever deleted.
 */
import type { EntityManager } from 'typeorm';
import type { Profession } from '../../common/enums';
import { bulkUpdateById } from '../../db/bulk';
import { searchKey } from '../../professionals/normalize';
import { Professional } from '../../professionals/professional.entity';
import { Caisse } from '../../professionals/caisse.entity';
import { selectIn, UnknownRow, type ApplyContext, type KindHandler, type Outcome, type ParsedRow } from '../handler';
import {
  ANNUAIRE_SANTE_COLUMNS,
  ANNUAIRE_SANTE_FORMAT,
  COL,
  parseActivity,
  professionOf,
  siteRank,
  type ActivityLine,
} from './annuaire-sante.parse';
import { carryToCopies } from './professionals';

interface RunState {
  /** Professional id → rank of the site they were refreshed from (siteRank). */
  refreshed: Map<number, number>;
  /** Caisse code → département. */
  departements: Map<string, string> | null;
}

/** What the feed reads and writes of a professional. */
interface StoredProfessional {
  id: number;
  amNumber: string;
  rpps: string | null;
  adeli: string | null;
  caisseCode: string;
  profession: Profession;
  civility: string | null;
  lastName: string;
  firstName: string;
  specialty: string | null;
  specialtyCode: string | null;
  addressLine: string;
  postalCode: string;
  commune: string;
  phone: string | null;
  email: string | null;
}

const REFRESHED = [
  'civility',
  'lastName',
  'firstName',
  'profession',
  'specialty',
  'specialtyCode',
  'addressLine',
  'postalCode',
  'commune',
  'phone',
  'email',
] as const satisfies (keyof StoredProfessional)[];

const SELECT = `SELECT id, am_number, rpps, adeli, caisse_code, profession, civility, last_name, first_name, specialty,
  specialty_code, address_line, postal_code, commune, phone, email FROM professional`;

const storedOf = (r: Record<string, unknown>): StoredProfessional => ({
  id: Number(r.id),
  amNumber: String(r.am_number),
  rpps: (r.rpps as string | null) ?? null,
  adeli: (r.adeli as string | null) ?? null,
  caisseCode: String(r.caisse_code),
  profession: r.profession as Profession,
  civility: (r.civility as string | null) ?? null,
  lastName: String(r.last_name),
  firstName: String(r.first_name),
  specialty: (r.specialty as string | null) ?? null,
  specialtyCode: (r.specialty_code as string | null) ?? null,
  addressLine: String(r.address_line),
  postalCode: String(r.postal_code),
  commune: String(r.commune),
  phone: (r.phone as string | null) ?? null,
  email: (r.email as string | null) ?? null,
});

async function departements(em: EntityManager, state: RunState) {
  state.departements ??= new Map(
    (await em.getRepository(Caisse).find({ select: { code: true, departement: true } })).map((c) => [
      c.code,
      c.departement,
    ]),
  );
  return state.departements;
}

/** The professional as the principal line describes them; an empty cell keeps what we hold. */
function refreshed(current: StoredProfessional, line: ActivityLine): StoredProfessional {
  const profession =
    professionOf(line.professionCode, line.specialtyCode) ??
    (current.profession === 'MEDECIN_SPECIALISTE' || current.profession === 'MEDECIN_GENERALISTE'
      ? current.profession
      : 'MEDECIN_GENERALISTE');
  return {
    ...current,
    civility: line.civility ?? current.civility,
    lastName: line.lastName,
    firstName: line.firstName,
    profession,
    specialty: line.specialty ?? current.specialty,
    specialtyCode: line.specialtyCode ?? current.specialtyCode,
    ...(line.address ?? {}),
    phone: line.phone ?? current.phone,
    email: line.email ?? current.email,
  };
}

const unknownReason = (line: ActivityLine) =>
  `Professionnel inconnu du répertoire : ${line.idType} ${line.identifier} (${line.lastName} ${line.firstName}, ${line.professionLabel || `profession ${line.professionCode}`}). Le fichier ne donne pas le N° AM : il n'est pas créé.`;

export const ANNUAIRE_SANTE: KindHandler<ActivityLine> = {
  kind: 'ANNUAIRE_SANTE',
  columns: ANNUAIRE_SANTE_COLUMNS,
  format: ANNUAIRE_SANTE_FORMAT,
  parse: parseActivity,
  // A professional's lines are grouped instead: two sites are two lines of the same person.
  key: () => null,
  group: (line) => line.nationalId,
  newState: (): RunState => ({ refreshed: new Map(), departements: null }),

  async apply(em, rows, ctx) {
    const state = ctx.state as RunState;
    const caisseDepartements = await departements(em, state);
    const byRpps = new Map<string, StoredProfessional>();
    const byAdeli = new Map<string, StoredProfessional>();
    const ids = (type: 'RPPS' | 'ADELI') => rows.filter((r) => r.data.idType === type).map((r) => r.data.identifier);
    for (const r of await selectIn<Record<string, unknown>>(em, SELECT, 'rpps', ids('RPPS'))) {
      byRpps.set(String(r.rpps), storedOf(r));
    }
    for (const r of await selectIn<Record<string, unknown>>(em, SELECT, 'adeli', ids('ADELI'))) {
      byAdeli.set(String(r.adeli), storedOf(r));
    }
    const scopeDepartements = ctx.scope
      ? new Set(ctx.scope.map((code) => caisseDepartements.get(code)).filter(Boolean))
      : null;

    const outcomes: Outcome[] = rows.map(() => 'skipped');
    const groups = new Map<string, number[]>();
    rows.forEach((r, i) => {
      const list = groups.get(r.data.nationalId);
      if (list) list.push(i);
      else groups.set(r.data.nationalId, [i]);
    });
    // By id: an RPPS line and an ADELI line of the same person in one batch write once.
    const writes = new Map<number, StoredProfessional & { searchName: string; communeKey: string; updatedAt: Date }>();
    const moved: { id: number; caisseCode: string; profession: Profession }[] = [];
    const reevaluate: number[] = [];
    for (const indexes of groups.values()) {
      const first = rows[indexes[0]!]!.data;
      const known = first.idType === 'RPPS' ? byRpps.get(first.identifier) : byAdeli.get(first.identifier);
      // Another caisse's professional reads, to a caisse-scoped run, as one we do not know.
      const current = known && (!ctx.scope || ctx.scope.includes(known.caisseCode)) ? known : undefined;
      if (!current) {
        // A caisse-scoped run lists only the unknown professionals practising in its département(s).
        const listed =
          !scopeDepartements || indexes.some((i) => scopeDepartements.has(rows[i]!.data.departement ?? ''));
        if (listed) outcomes[indexes[0]!] = new UnknownRow(COL.id, unknownReason(first));
        continue;
      }
      const departement = caisseDepartements.get(current.caisseCode) ?? null;
      let best = -1;
      let bestRank = Infinity;
      for (const i of indexes) {
        const rank = siteRank(rows[i]!.data, rows[i]!.line, departement, current);
        if (rank < bestRank) [best, bestRank] = [i, rank];
      }
      // Met earlier in the file (an unsorted file) with a better site: that one stands.
      const previous = state.refreshed.get(current.id);
      if (previous !== undefined && previous <= bestRank) continue;
      state.refreshed.set(current.id, bestRank);
      const next = refreshed(current, rows[best]!.data);
      if (REFRESHED.every((f) => (current[f] ?? null) === (next[f] ?? null))) {
        outcomes[best] = 'unchanged';
        continue;
      }
      outcomes[best] = 'updated';
      writes.set(current.id, {
        ...next,
        searchName: searchKey(`${next.lastName} ${next.firstName}`),
        communeKey: searchKey(next.commune),
        updatedAt: new Date(),
      });
      if (next.profession !== current.profession)
        moved.push({ id: current.id, caisseCode: current.caisseCode, profession: next.profession });
      else if (next.specialty !== current.specialty || next.specialtyCode !== current.specialtyCode)
        reevaluate.push(current.id);
    }
    await bulkUpdateById(
      em,
      Professional,
      [...writes.values()],
      [...REFRESHED, 'searchName', 'communeKey', 'updatedAt'],
    );
    // A new profession is copied to declarations and justificatifs; a new specialty changes which
    // indicators apply (and the LAP exemption): both re-evaluate the professional's declarations.
    const touched = await carryToCopies(em, moved);
    if (reevaluate.length > 0) {
      const declarations = await selectIn<{ id: number | string }>(
        em,
        'SELECT id FROM declaration',
        'professional_id',
        reevaluate,
      );
      touched.push(...declarations.map((d) => Number(d.id)));
    }
    return { outcomes, touchedDeclarations: touched };
  },

  async finish(em, ctx: ApplyContext, notice) {
    const state = ctx.state as RunState;
    let absent = 0;
    let after = 0;
    for (;;) {
      const scope = ctx.scope ? ` AND caisse_code IN (${ctx.scope.map(() => '?').join(',')})` : '';
      const page = (await em.query(
        `SELECT id, am_number, rpps, adeli, last_name, first_name FROM professional WHERE id > ?${scope} ORDER BY id LIMIT 2000`,
        [after, ...(ctx.scope ?? [])],
      )) as Record<string, unknown>[];
      if (page.length === 0) break;
      for (const p of page) {
        const id = Number(p.id);
        if (state.refreshed.has(id)) continue;
        absent += 1;
        const ids = [p.rpps ? `RPPS ${String(p.rpps)}` : null, p.adeli ? `ADELI ${String(p.adeli)}` : null]
          .filter(Boolean)
          .join(', ');
        await notice({
          column: 'N° AM',
          value: String(p.am_number),
          reason: ids
            ? `Absent du fichier : ${String(p.last_name)} ${String(p.first_name)} (${ids}) n'y a aucune activité libérale (cessation, départ, changement de mode d'exercice ?). Il n'est pas supprimé.`
            : `Absent du fichier : ${String(p.last_name)} ${String(p.first_name)} n'a ni RPPS ni ADELI, le rapprochement est impossible. Il n'est pas supprimé.`,
        });
      }
      after = Number(page[page.length - 1]!.id);
    }
    return absent;
  },
};

export type AnnuaireSanteRow = ParsedRow<ActivityLine>;
