/**
 * The superviseur's closure of the cases whose deadline passed without an answer: count first, confirm that
 * count, then each case is closed NO_RESPONSE through its own transition, with a result per case.
 */
import { useLazyQuery, useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { agentMessage } from '../../errors';
import { graphql } from '../../gql';
import type { Scheme } from '../../gql/graphql';
import { SCHEME_LABELS, frenchDate, integer } from '../../format';
import { Modal, Notice, SelectField } from '../../ui';

const EXPIRED = graphql(`
  query ExpiredControlCases($year: Int!, $scheme: Scheme!) {
    expiredControlCases(campaignYear: $year, scheme: $scheme) {
      count
      oldestDeadline
    }
  }
`);

const CLOSE = graphql(`
  mutation CloseExpiredControlCases($year: Int!, $scheme: Scheme!, $count: Int!) {
    closeExpiredControlCases(campaignYear: $year, scheme: $scheme, expectedCount: $count) {
      __typename
      ... on NoResponseClosed {
        closedCount
        refusedCount
        remainingCount
        results {
          caseId
          closed
          message
        }
      }
      ... on NoResponseCountChanged {
        message
        count
      }
    }
  }
`);

export function ExpiredCases() {
  const [year, setYear] = useState('2024');
  const [scheme, setScheme] = useState<Scheme>('FAMI');
  const [confirming, setConfirming] = useState(false);
  const [count, counted] = useLazyQuery(EXPIRED, { fetchPolicy: 'network-only' });
  const [close, closed] = useMutation(CLOSE);
  const expired = counted.data?.expiredControlCases;
  const outcome = closed.data?.closeExpiredControlCases;
  const variables = { year: Number(year), scheme };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    closed.reset();
    void count({ variables });
  };
  const confirm = async () => {
    setConfirming(false);
    await close({ variables: { ...variables, count: expired!.count } }).catch(() => null);
    void count({ variables });
  };
  return (
    <section className="fr-mb-6w" aria-labelledby="expired-title">
      <h2 id="expired-title">Dossiers sans réponse dans le délai</h2>
      <form onSubmit={submit} className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-6 fr-col-md-2 fr-input-group">
          <label className="fr-label" htmlFor="expired-year">
            Année de la campagne
          </label>
          <input
            className="fr-input"
            id="expired-year"
            inputMode="numeric"
            value={year}
            onChange={(e) => setYear(e.target.value)}
          />
        </div>
        <div className="fr-col-6 fr-col-md-3">
          <SelectField
            id="expired-scheme"
            label="Dispositif de la campagne"
            value={scheme}
            options={Object.entries(SCHEME_LABELS)}
            onChange={(v) => setScheme((v ?? 'FAMI') as Scheme)}
          />
        </div>
        <div className="fr-col-12">
          <button className="fr-btn fr-btn--secondary" type="submit">
            Compter les dossiers hors délai
          </button>
        </div>
      </form>
      {counted.error && <Notice severity="error">{agentMessage(counted.error)}</Notice>}
      {expired && (
        <p className="fr-mt-2w">
          {expired.count === 0
            ? 'Aucun dossier en attente des pièces n’a dépassé son délai de réponse.'
            : `${integer(expired.count)} dossier(s) en attente des pièces ont dépassé leur délai de réponse (le plus ancien : ${frenchDate(expired.oldestDeadline)}).`}
        </p>
      )}
      {expired && expired.count > 0 && (
        <button className="fr-btn" type="button" disabled={closed.loading} onClick={() => setConfirming(true)}>
          Clore sans réponse ({integer(expired.count)})
        </button>
      )}
      {closed.error && <Notice severity="error">{agentMessage(closed.error)}</Notice>}
      {outcome?.__typename === 'NoResponseCountChanged' && <Notice severity="warning">{outcome.message}</Notice>}
      {outcome?.__typename === 'NoResponseClosed' && (
        <Notice severity={outcome.refusedCount > 0 ? 'warning' : 'success'}>
          {integer(outcome.closedCount)} dossier(s) clos sans réponse
          {outcome.refusedCount > 0
            ? ` ; ${integer(outcome.refusedCount)} refusé(s) : ${outcome.results
                .filter((r) => !r.closed)
                .map((r) => `n° ${r.caseId} (${r.message})`)
                .join(' ; ')}`
            : ''}
          {outcome.remainingCount > 0 ? ` ; ${integer(outcome.remainingCount)} restent à clore.` : '.'}
        </Notice>
      )}
      <Modal
        id="expired-confirm"
        open={confirming}
        title="Clore sans réponse"
        onClose={() => setConfirming(false)}
        footer={
          <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--right">
            <li>
              <button type="button" className="fr-btn fr-btn--secondary" onClick={() => setConfirming(false)}>
                Annuler
              </button>
            </li>
            <li>
              <button type="button" className="fr-btn" onClick={() => void confirm()}>
                Confirmer la clôture de {integer(expired?.count ?? 0)} dossier(s)
              </button>
            </li>
          </ul>
        }
      >
        <p>
          Chaque dossier sera clos « sans réponse » : ses indicateurs contrôlés deviendront non atteints pour la
          campagne, la rémunération sera recalculée et l’indu calculé. Cette conclusion est définitive.
        </p>
      </Modal>
    </section>
  );
}
