import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { graphql } from '../../gql';
import type { Profession, Scheme } from '../../gql/graphql';
import { download, integer, toCsv } from '../../format';
import { ScrollTable } from '../../table';
import { ChartFigure, ErrorAlert, Loading, tooltipStyle } from '../../ui';
import { queueUrl } from '../queue/queue-url';

const WORKLOAD = graphql(`
  query SupervisionWorkload($year: Int, $caisseCode: String) {
    supervisionWorkload(campaignYear: $year, caisseCode: $caisseCode) {
      pending
      held
      oldestPendingAgeDays
      backlogTrend {
        weekStart
        backlog
      }
      conseillers {
        agent {
          id
          displayName
        }
        held
        oldestHeldAgeDays
        decidedTotal
        decidedPerDay {
          day
          count
        }
      }
    }
  }
`);

/** The dashboard's scope, which every drill-down link keeps. */
export interface DrillBase {
  campaignYear: number;
  scheme: Scheme;
  caisseCode: string | null;
  profession: Profession | null;
}

/** « 2026-11-30 » → « 30/11 » (a Paris calendar day, no time zone shift). */
const dayMonth = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;
const days = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${integer(n)} j`);

/** Per conseiller, the backlog's trend and its oldest piece: the superviseur's reading of the work. */
export function Workload({
  campaignYear,
  caisseCode,
  drill,
}: {
  campaignYear: number;
  caisseCode: string | null;
  drill: DrillBase;
}) {
  const { data, loading, error, refetch } = useQuery(WORKLOAD, { variables: { year: campaignYear, caisseCode } });
  if (loading && !data) return <Loading what="Calcul de la charge…" />;
  if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  const w = data?.supervisionWorkload;
  if (!w) return null;
  const pending = (more: Record<string, unknown>) =>
    queueUrl({ ...drill, profession: null, view: 'ALL_PENDING', ...more });
  const lastDays = w.conseillers[0]?.decidedPerDay.slice(-7).map((d) => d.day) ?? [];
  const trend = w.backlogTrend.map((t) => ({ week: `sem. du ${dayMonth(t.weekStart)}`, backlog: t.backlog }));
  const header = ['Conseiller', 'Pièces prises', 'Plus ancienne prise', ...lastDays.map(dayMonth), 'Décidées en 14 j'];
  return (
    <section className="fr-mt-6w" aria-labelledby="charge-titre">
      <h2 id="charge-titre">Charge des conseillers</h2>
      <div className="mcbo-kpis">
        <div className="mcbo-kpi">
          <p className="fr-mb-0">Pièces prises</p>
          <p className="mcbo-kpi__value">
            <Link to={pending({ held: true })}>
              {integer(w.held)}
              <span className="fr-sr-only"> : voir les pièces prises</span>
            </Link>
          </p>
          <p className="mcbo-reason fr-mb-0">sur {integer(w.pending)} en attente</p>
        </div>
        <div className="mcbo-kpi">
          <p className="fr-mb-0">Plus ancienne pièce en attente</p>
          <p className="mcbo-kpi__value">
            <Link to={pending({ oldestFirst: true })}>
              {days(w.oldestPendingAgeDays)}
              <span className="fr-sr-only"> : voir les plus anciennes</span>
            </Link>
          </p>
        </div>
      </div>

      <h3 className="fr-h5">Stock en fin de semaine (12 dernières semaines)</h3>
      <ChartFigure
        height={240}
        description={`Stock de justificatifs en attente en fin de semaine : ${trend.map((t) => `${t.week} ${t.backlog}`).join(' ; ')}.`}
      >
        <ResponsiveContainer>
          <BarChart data={trend} accessibilityLayer={false} margin={{ bottom: 30 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="week" tick={{ fontSize: 11 }} interval={0} angle={-30} textAnchor="end" />
            <YAxis allowDecimals={false} />
            <Tooltip {...tooltipStyle} />
            <Bar dataKey="backlog" name="En attente" fill="#000091" maxBarSize={40} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>

      <h3 className="fr-h5">Par conseiller : pièces prises et décisions par jour</h3>
      <ScrollTable label="Charge par conseiller (tableau défilable)" className="fr-table--no-caption fr-mb-1w">
        <table>
          <caption>Pièces prises et décisions par jour (heure de Paris)</caption>
          <thead>
            <tr>
              {header.map((h) => (
                <th scope="col" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {w.conseillers.map((c) => (
              <tr key={c.agent.id}>
                <th scope="row">{c.agent.displayName}</th>
                <td className="mcbo-num">
                  {c.held > 0 ? (
                    <Link to={pending({ holderId: c.agent.id })}>
                      {c.held}
                      <span className="fr-sr-only"> pièces prises par {c.agent.displayName}</span>
                    </Link>
                  ) : (
                    0
                  )}
                </td>
                <td className="mcbo-num">{days(c.oldestHeldAgeDays)}</td>
                {c.decidedPerDay.slice(-7).map((d) => (
                  <td className="mcbo-num" key={d.day}>
                    {d.count}
                  </td>
                ))}
                <td className="mcbo-num">{c.decidedTotal}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <button
        type="button"
        className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-download-line fr-btn--icon-left"
        disabled={w.conseillers.length === 0}
        onClick={() =>
          download(
            `charge-conseillers-${campaignYear}.csv`,
            toCsv(
              [
                'Conseiller',
                'Pièces prises',
                'Plus ancienne prise (jours)',
                ...w.conseillers[0]!.decidedPerDay.map((d) => `Décidées le ${dayMonth(d.day)}`),
              ],
              w.conseillers.map((c) => [
                c.agent.displayName,
                c.held,
                c.oldestHeldAgeDays ?? '',
                ...c.decidedPerDay.map((d) => d.count),
              ]),
            ),
          )
        }
      >
        Exporter en CSV : charge par conseiller
      </button>
    </section>
  );
}
