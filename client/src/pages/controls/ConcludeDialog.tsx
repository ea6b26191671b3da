/** The conclusion of a control case: outcome, motifs per indicator, comment, and the consequence in words. */
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { agentMessage } from '../../errors';
import type { ControlOutcome } from '../../gql/graphql';
import { Modal, Notice } from '../../ui';
import { CONCLUDE, type ControlCase } from './queries';

const OUTCOME_LABELS: Record<ControlOutcome, string> = {
  COMPLIANT: 'Conforme',
  NON_COMPLIANT: 'Non conforme',
  NO_RESPONSE: 'Sans réponse (délai dépassé)',
};

export function ConcludeDialog({
  c,
  open,
  onClose,
  onDone,
}: {
  c: ControlCase;
  open: boolean;
  onClose: () => void;
  onDone: (m: string | null) => void;
}) {
  const [outcome, setOutcome] = useState<ControlOutcome>('COMPLIANT');
  const [motifs, setMotifs] = useState<Record<string, string[]>>({});
  const [comment, setComment] = useState('');
  const [conclude, state] = useMutation(CONCLUDE);
  const chosen = Object.entries(motifs).filter(([, m]) => m.length > 0);
  const consequence =
    outcome === 'COMPLIANT'
      ? 'Les indicateurs contrôlés restent atteints.'
      : `Les indicateurs ${outcome === 'NO_RESPONSE' ? 'contrôlés' : chosen.map(([code]) => code).join(', ')} deviendront non atteints pour cette campagne ; la rémunération sera recalculée et l’indu (versé − dû) calculé.`;
  const submit = async () => {
    const result = await conclude({
      variables: {
        id: c.id,
        v: c.version,
        outcome,
        motifs: outcome === 'NON_COMPLIANT' ? chosen.map(([indicatorCode, m]) => ({ indicatorCode, motifs: m })) : null,
        comment: comment || null,
      },
    }).catch(() => null);
    const r = result?.data?.concludeControlCase;
    if (r) onDone(r.__typename === 'ControlCaseRefused' ? r.message : null);
  };
  return (
    <Modal
      id="conclude-dialog"
      open={open}
      title="Conclure le contrôle"
      onClose={onClose}
      footer={
        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--right">
          <li>
            <button type="button" className="fr-btn fr-btn--secondary" onClick={onClose}>
              Annuler
            </button>
          </li>
          <li>
            <button
              type="button"
              className="fr-btn"
              disabled={state.loading || (outcome === 'NON_COMPLIANT' && chosen.length === 0)}
              onClick={() => void submit()}
            >
              Confirmer : {OUTCOME_LABELS[outcome].toLowerCase()}
            </button>
          </li>
        </ul>
      }
    >
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Conclusion</legend>
        {(Object.keys(OUTCOME_LABELS) as ControlOutcome[]).map((o) => (
          <div className="fr-fieldset__element" key={o}>
            <div className="fr-radio-group">
              <input
                type="radio"
                id={`outcome-${o}`}
                name="outcome"
                checked={outcome === o}
                onChange={() => setOutcome(o)}
              />
              <label className="fr-label" htmlFor={`outcome-${o}`}>
                {OUTCOME_LABELS[o]}
              </label>
            </div>
          </div>
        ))}
      </fieldset>
      {outcome === 'NON_COMPLIANT' &&
        c.indicators.map((i) => (
          <fieldset className="fr-fieldset" key={i.code}>
            <legend className="fr-fieldset__legend">Motifs pour « {i.label} »</legend>
            {i.motifs.map((m) => {
              const id = `motif-${i.code}-${m.code}`;
              const checked = motifs[i.code]?.includes(m.code) ?? false;
              return (
                <div className="fr-fieldset__element" key={m.code}>
                  <div className="fr-checkbox-group">
                    <input
                      type="checkbox"
                      id={id}
                      checked={checked}
                      onChange={() =>
                        setMotifs((all) => ({
                          ...all,
                          [i.code]: checked
                            ? (all[i.code] ?? []).filter((x) => x !== m.code)
                            : [...(all[i.code] ?? []), m.code],
                        }))
                      }
                    />
                    <label className="fr-label" htmlFor={id}>
                      {m.label}
                    </label>
                  </div>
                </div>
              );
            })}
          </fieldset>
        ))}
      <div className="fr-input-group">
        <label className="fr-label" htmlFor="conclude-comment">
          Commentaire (facultatif)
        </label>
        <textarea
          className="fr-input"
          id="conclude-comment"
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      <p>{consequence}</p>
      {state.error && <Notice severity="error">{agentMessage(state.error)}</Notice>}
    </Modal>
  );
}
