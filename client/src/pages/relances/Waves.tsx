import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { dateTime, integer, PROFESSION_LABELS } from '../../format';
import type { Scheme } from '../../gql/graphql';
import { Empty, ErrorAlert, Loading } from '../../ui';
import { RELANCE_WAVES, SITUATION_LABELS } from './queries';

const days = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : `${n.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} j`;

/** The waves of a campaign with their progress and their effect; polls while messages are still in the queue. */
export function Waves({ year, scheme }: { year: number; scheme: Scheme }) {
  const { data, loading, error, refetch, startPolling, stopPolling } = useQuery(RELANCE_WAVES, {
    variables: { year, scheme },
    notifyOnNetworkStatusChange: false,
  });
  const waves = data?.relanceWaves ?? [];
  const inProgress = waves.some((w) => w.stats.queued > 0);
  useEffect(() => {
    if (!inProgress) return;
    startPolling(3000);
    return () => stopPolling();
  }, [inProgress, startPolling, stopPolling]);
  if (loading && !data) return <Loading what="Chargement des vagues…" />;
  if (error && !data) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (waves.length === 0) return <Empty>Aucune relance lancée pour cette campagne.</Empty>;
  return (
    <div className="fr-table fr-table--bordered">
      <table data-testid="waves" tabIndex={0}>
        <caption className="fr-sr-only">Vagues de relance de la campagne, la plus récente d’abord</caption>
        <thead>
          <tr>
            <th scope="col">Lancée le</th>
            <th scope="col">Situation</th>
            <th scope="col" className="mcbo-num">
              Ciblés
            </th>
            <th scope="col">Progression</th>
            <th scope="col" className="mcbo-num">
              Ont répondu
            </th>
            <th scope="col" className="mcbo-num">
              Délai médian
            </th>
            <th scope="col">Fichiers</th>
          </tr>
        </thead>
        <tbody>
          {waves.map((w) => {
            const done = w.stats.sent + w.stats.failed;
            return (
              <tr key={w.id}>
                <td>
                  {dateTime(w.launchedAt)}
                  <p className="mcbo-reason fr-mb-0">
                    {w.launchedBy?.displayName ?? '—'} · caisses {w.caisseCodes.join(', ')}
                  </p>
                </td>
                <td>
                  {SITUATION_LABELS[w.situation]}
                  <p className="mcbo-reason fr-mb-0">
                    {w.professions.length
                      ? w.professions.map((p) => PROFESSION_LABELS[p]).join(', ')
                      : 'toutes professions'}
                    {w.minAgeDays ? ` · depuis au moins ${w.minAgeDays} j` : ''}
                  </p>
                </td>
                <td className="mcbo-num">
                  {integer(w.targetCount)}
                  <p className="mcbo-reason fr-mb-0">{integer(w.excludedCount)} exclus</p>
                </td>
                <td>
                  <progress
                    max={Math.max(1, w.targetCount)}
                    value={done}
                    aria-label={`Vague ${w.id} : messages traités`}
                  />
                  <p className="mcbo-reason fr-mb-0">
                    {integer(w.stats.sent)} envoyés · {integer(w.stats.failed)} en échec · {integer(w.stats.queued)} en
                    file
                  </p>
                </td>
                <td className="mcbo-num">{integer(w.stats.responded)}</td>
                <td className="mcbo-num">{days(w.stats.medianDelayDays)}</td>
                <td>
                  <ul className="fr-btns-group fr-btns-group--sm">
                    <li>
                      <a className="fr-btn fr-btn--sm fr-btn--tertiary" href={w.lettersUrl} download>
                        Courriers (PDF)
                      </a>
                    </li>
                    <li>
                      <a className="fr-btn fr-btn--sm fr-btn--tertiary" href={w.addressesUrl} download>
                        Adresses (CSV)
                      </a>
                    </li>
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
