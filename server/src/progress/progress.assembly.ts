/**
 * The one assembly of campaign progress: plain grouped rows in, the dashboard's figures out. Pure (no
 * database, no clock): the service feeds it the rows it read, the bench's raw floor (bench/floor.ts) the
 * rows of its hand-written SQL, so both answer the same JSON by construction.
 */
import type { Profession } from '../common/enums';
import { PROFESSION_PLURAL_LABELS, caisseLabel } from '../common/labels';
import { AGE_BUCKETS } from './age-buckets';

/** Numbers arrive as strings from MySQL's SUM/COUNT, as numbers from SQLite; null for an empty SUM. */
type Num = number | string | null | undefined;
const num = (v: Num) => Number(v ?? 0);

export interface ProgressRows {
  /** The campaigns of the request (label of each indicator's campaign). */
  campaigns: readonly { id: number; label: string }[];
  /** Professionals concerned, per caisse and profession. */
  concerned: readonly { caisse: string; profession: string; n: Num }[];
  /** Declarations per caisse, profession and status, with their amounts. */
  declarations: readonly {
    caisse: string;
    profession: string;
    status: string;
    n: Num;
    projected: Num;
    computed: Num;
  }[];
  /** Justificatifs per caisse, profession, status and age bucket (index into AGE_BUCKETS). */
  justificatifs: readonly { caisse: string; profession: string; status: string; bucket: Num; n: Num }[];
  /** Indicator values per indicator and achievement. */
  achievements: readonly { indicatorId: Num; achievement: string; n: Num }[];
  /** The campaigns' indicators, in display order. */
  indicators: readonly { id: number; campaignId: number; code: string; label: string }[];
  paidCents: Num;
  caisseNames: readonly { code: string; name: string }[];
  /** When the request is for one profession, the by-profession breakdown keeps only that line. */
  profession?: string | null;
}

export interface ProgressLine {
  key: string;
  label: string;
  profession: Profession | null;
  professionalsConcerned: number;
  declarationsStarted: number;
  declarationsTransmitted: number;
  justificatifsPending: number;
  projectedCents: number;
  computedCents: number;
}

export interface ProgressFigures {
  professionalsConcerned: number;
  declarationsStarted: number;
  declarationsTransmitted: number;
  justificatifs: {
    received: number;
    validated: number;
    rejected: number;
    pending: number;
    pendingByAge: { label: string; minDays: number; maxDays: number | null; count: number }[];
  };
  achievementByIndicator: {
    campaignLabel: string;
    code: string;
    label: string;
    achieved: number;
    notAchieved: number;
    neutralised: number;
    pendingJustificatif: number;
    achievementRate: number;
  }[];
  projectedCents: number;
  computedCents: number;
  paidCents: number;
  byProfession: ProgressLine[];
  byCaisse: ProgressLine[];
}

type Keyed = { caisse: string; profession: string };

export function assembleProgress(rows: ProgressRows): ProgressFigures {
  const caisseName = new Map(rows.caisseNames.map((c) => [c.code, c.name]));
  const breakdown = (
    keyOf: (r: Keyed) => string,
    labelOf: (key: string) => string,
    professionOf: (key: string) => Profession | null,
  ) => {
    const lines = new Map<string, ProgressLine>();
    const line = (key: string) => {
      let l = lines.get(key);
      if (!l) {
        l = {
          key,
          label: labelOf(key),
          profession: professionOf(key),
          professionalsConcerned: 0,
          declarationsStarted: 0,
          declarationsTransmitted: 0,
          justificatifsPending: 0,
          projectedCents: 0,
          computedCents: 0,
        };
        lines.set(key, l);
      }
      return l;
    };
    for (const r of rows.concerned) line(keyOf(r)).professionalsConcerned += num(r.n);
    for (const r of rows.declarations) {
      const l = line(keyOf(r));
      if (r.status !== 'NOT_STARTED') l.declarationsStarted += num(r.n);
      if (r.status === 'TRANSMITTED') l.declarationsTransmitted += num(r.n);
      l.projectedCents += num(r.projected);
      l.computedCents += num(r.computed);
    }
    for (const r of rows.justificatifs) if (r.status === 'RECEIVED') line(keyOf(r)).justificatifsPending += num(r.n);
    return [...lines.values()].sort((a, b) => a.key.localeCompare(b.key));
  };
  const byProfession = breakdown(
    (r) => r.profession,
    (k) => PROFESSION_PLURAL_LABELS[k as Profession] ?? k,
    (k) => k as Profession,
  ).filter((l) => !rows.profession || l.key === rows.profession);
  const byCaisse = breakdown(
    (r) => r.caisse,
    (k) => caisseName.get(k) ?? caisseLabel(k, null),
    () => null,
  );
  const sum = (f: (l: ProgressLine) => number) => byCaisse.reduce((acc, l) => acc + f(l), 0);
  const countStatus = (status: string) =>
    rows.justificatifs.filter((r) => r.status === status).reduce((a, r) => a + num(r.n), 0);
  const achievements = new Map<string, number>();
  for (const a of rows.achievements) {
    const key = `${num(a.indicatorId)}:${a.achievement}`;
    achievements.set(key, (achievements.get(key) ?? 0) + num(a.n));
  }
  const campaignLabel = new Map(rows.campaigns.map((c) => [c.id, c.label]));

  return {
    professionalsConcerned: sum((l) => l.professionalsConcerned),
    declarationsStarted: sum((l) => l.declarationsStarted),
    declarationsTransmitted: sum((l) => l.declarationsTransmitted),
    justificatifs: {
      received: countStatus('RECEIVED') + countStatus('VALIDATED') + countStatus('REJECTED'),
      validated: countStatus('VALIDATED'),
      rejected: countStatus('REJECTED'),
      pending: countStatus('RECEIVED'),
      pendingByAge: AGE_BUCKETS.map((b, index) => ({
        label: b.label,
        minDays: b.minDays,
        maxDays: b.maxDays,
        count: rows.justificatifs
          .filter((r) => r.status === 'RECEIVED' && num(r.bucket) === index)
          .reduce((a, r) => a + num(r.n), 0),
      })),
    },
    achievementByIndicator: rows.indicators.map((indicator) => {
      const count = (status: string) => achievements.get(`${indicator.id}:${status}`) ?? 0;
      const achieved = count('ACHIEVED');
      const neutralised = count('NEUTRALISED');
      const notAchieved = count('NOT_ACHIEVED');
      const pendingJustificatif = count('PENDING_JUSTIFICATIF');
      const total = achieved + neutralised + notAchieved + pendingJustificatif;
      return {
        campaignLabel: campaignLabel.get(indicator.campaignId) ?? '',
        code: indicator.code,
        label: indicator.label,
        achieved,
        notAchieved,
        neutralised,
        pendingJustificatif,
        achievementRate: total === 0 ? 0 : (achieved + neutralised) / total,
      };
    }),
    projectedCents: sum((l) => l.projectedCents),
    computedCents: sum((l) => l.computedCents),
    paidCents: num(rows.paidCents),
    byProfession,
    byCaisse,
  };
}
