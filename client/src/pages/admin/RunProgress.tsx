import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { dateTime, euros, integer } from '../../format';
import type { LifecycleRunFragment } from '../../gql/graphql';
import { Notice } from '../../ui';
import { CAMPAIGN_RUN } from './queries';

/** The progress of a computation run, polled every second while it runs. */
export function RunProgress({ run, onDone }: { run: LifecycleRunFragment; onDone: () => void }) {
  const running = run.status === 'RUNNING';
  const { data } = useQuery(CAMPAIGN_RUN, {
    variables: { id: run.id },
    pollInterval: running ? 1000 : 0,
    skip: !running,
    notifyOnNetworkStatusChange: false,
  });
  const current = data?.campaignRun ?? run;
  const finished = running && current.status !== 'RUNNING';
  useEffect(() => {
    if (finished) onDone();
  }, [finished]); // eslint-disable-line react-hooks/exhaustive-deps
  const percent = Math.round(current.percent);
  return (
    <section aria-labelledby="run-title" className="fr-mt-2w" data-testid="campaign-run">
      <h3 id="run-title" className="fr-h6">
        Calcul {current.status === 'RUNNING' ? 'en cours' : current.status === 'DONE' ? 'terminé' : 'interrompu'}
      </h3>
      <p role="status" aria-live="polite">
        {integer(current.processedDeclarations)} déclaration{current.processedDeclarations > 1 ? 's' : ''} sur{' '}
        {integer(current.totalDeclarations)} ({percent} %), {integer(current.batchesCommitted)} lot
        {current.batchesCommitted > 1 ? 's' : ''} enregistré{current.batchesCommitted > 1 ? 's' : ''} ; total calculé :{' '}
        {euros(current.totalCents)}.
      </p>
      <progress max={100} value={percent} aria-label="Avancement du calcul" style={{ width: '100%' }} />
      <p className="fr-text--sm">
        Lancé le {dateTime(current.startedAt)}
        {current.finishedAt ? `, terminé le ${dateTime(current.finishedAt)}` : ''}
        {current.forced
          ? ` ; calcul forcé avec ${integer(current.receivedPieces)} justificatif(s) reçu(s) non vérifié(s), motif : « ${current.reason ?? ''} »`
          : ''}
      </p>
      {current.status === 'FAILED' && (
        <Notice severity="error">
          Le calcul s’est interrompu{current.errorMessage ? ` : ${current.errorMessage}` : ''}. Relancer le calcul le
          reprend là où il s’est arrêté.
        </Notice>
      )}
    </section>
  );
}
