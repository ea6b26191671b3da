import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { RejectionReason } from '../../gql/graphql';
import { REJECTION_LABELS, euros } from '../../format';
import { can, useAgent } from '../../session';
import { ErrorAlert, Modal, Notice } from '../../ui';
import type { Loaded } from './queries';

const REVERSE = graphql(`
  mutation ReverseDecision(
    $id: ID!
    $expectedVersion: Int!
    $reason: String!
    $reopen: Boolean!
    $rejectionReasons: [RejectionReason!]!
  ) {
    reverseDecision(
      id: $id
      expectedVersion: $expectedVersion
      reason: $reason
      reopen: $reopen
      rejectionReasons: $rejectionReasons
    ) {
      __typename
      ... on DecisionReversed {
        justificatif {
          id
          status
          version
        }
        regularisation {
          amountCents
          reason
        }
      }
      ... on ReversalRefused {
        code
        message
      }
    }
  }
`);

const REASONS = Object.entries(REJECTION_LABELS) as [RejectionReason, string][];

/**
 * « Revenir sur la décision » (recours): a superviseur of the caisse, never the agent who decided (four
 * eyes), with a mandatory reason, sends the piece back to « reçu » for a new decision or reverses it.
 */
export function ReverseDecision({ j, onReversed }: { j: Loaded; onReversed: () => void }) {
  const agent = useAgent();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reopen, setReopen] = useState(true);
  const [motifs, setMotifs] = useState<RejectionReason[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [reverse, { loading, error }] = useMutation(REVERSE);
  if (!can(agent, 'REVERSE_DECISIONS') || (j.status !== 'VALIDATED' && j.status !== 'REJECTED')) {
    return done ? <Notice severity="success">{done}</Notice> : null;
  }
  const own = j.decidedBy?.id === agent.id;
  const opposite = j.status === 'VALIDATED' ? 'rejeté' : 'validé';
  const needsMotifs = !reopen && j.status === 'VALIDATED';
  const submit = async () => {
    const result = await reverse({
      variables: {
        id: j.id,
        expectedVersion: j.version,
        reason: reason.trim(),
        reopen,
        rejectionReasons: needsMotifs ? motifs : [],
      },
    }).catch(() => null);
    const answer = result?.data?.reverseDecision;
    if (answer?.__typename === 'ReversalRefused') setRefusal(answer.message);
    if (answer?.__typename === 'DecisionReversed') {
      const regul = answer.regularisation;
      setDone(
        `Décision revue : justificatif ${reopen ? 'remis à vérifier' : opposite}.` +
          (regul ? ` Régularisation de ${euros(regul.amountCents)} (${regul.reason}).` : ''),
      );
      setOpen(false);
      onReversed();
    }
  };
  return (
    <div className="fr-mt-2w" data-testid="reverse-decision">
      <button
        type="button"
        className="fr-btn fr-btn--secondary fr-icon-arrow-go-back-line fr-btn--icon-left"
        disabled={own}
        aria-describedby={own ? 'reverse-own' : undefined}
        onClick={() => setOpen(true)}
      >
        Revenir sur la décision
      </button>
      {own && (
        <p className="fr-hint-text fr-mt-1w" id="reverse-own">
          Vous avez pris cette décision : un autre superviseur de la caisse doit la revoir (principe des quatre yeux).
        </p>
      )}
      {done && <Notice severity="success">{done}</Notice>}
      <Modal
        id="reverse-dialog"
        open={open}
        title="Revenir sur la décision"
        onClose={() => setOpen(false)}
        footer={
          <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--right">
            <li>
              <button type="button" className="fr-btn fr-btn--secondary" onClick={() => setOpen(false)}>
                Annuler
              </button>
            </li>
            <li>
              <button
                type="button"
                className="fr-btn"
                onClick={() => void submit()}
                disabled={loading || !reason.trim() || (needsMotifs && motifs.length === 0)}
              >
                Confirmer le recours
              </button>
            </li>
          </ul>
        }
      >
        <p>
          L’atteinte et la rémunération sont réévaluées ; si la campagne est déjà calculée, l’écart devient une
          régularisation. L’historique garde les deux décisions.
        </p>
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Suite donnée</legend>
          <div className="fr-fieldset__element">
            <div className="fr-radio-group">
              <input
                type="radio"
                id="reverse-reopen"
                name="reverse-mode"
                checked={reopen}
                onChange={() => setReopen(true)}
              />
              <label className="fr-label" htmlFor="reverse-reopen">
                Remettre à vérifier (retour à « reçu » pour une nouvelle décision)
              </label>
            </div>
          </div>
          <div className="fr-fieldset__element">
            <div className="fr-radio-group">
              <input
                type="radio"
                id="reverse-direct"
                name="reverse-mode"
                checked={!reopen}
                onChange={() => setReopen(false)}
              />
              <label className="fr-label" htmlFor="reverse-direct">
                Inverser directement : le justificatif devient {opposite}
              </label>
            </div>
          </div>
        </fieldset>
        {needsMotifs && (
          <fieldset className="fr-fieldset">
            <legend className="fr-fieldset__legend">Motifs du rejet</legend>
            {REASONS.map(([code, label]) => (
              <div className="fr-fieldset__element" key={code}>
                <div className="fr-checkbox-group">
                  <input
                    type="checkbox"
                    id={`reverse-motif-${code}`}
                    checked={motifs.includes(code)}
                    onChange={(e) => setMotifs(e.target.checked ? [...motifs, code] : motifs.filter((m) => m !== code))}
                  />
                  <label className="fr-label" htmlFor={`reverse-motif-${code}`}>
                    {label}
                  </label>
                </div>
              </div>
            ))}
          </fieldset>
        )}
        <div className="fr-input-group">
          <label className="fr-label" htmlFor="reverse-reason">
            Motif du recours (obligatoire){' '}
            <span className="fr-hint-text">Ex. : le professionnel a contesté, la décision reposait sur une erreur</span>
          </label>
          <textarea
            className="fr-input"
            id="reverse-reason"
            value={reason}
            maxLength={1000}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        {refusal && <Notice severity="error">{refusal}</Notice>}
        {error && <ErrorAlert error={error} />}
      </Modal>
    </div>
  );
}
