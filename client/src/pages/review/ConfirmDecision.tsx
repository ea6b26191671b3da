import { useMemo } from 'react';
import { REJECTION_LABELS } from '../../format';
import type { RejectionReason } from '../../gql/graphql';
import { Modal } from '../../ui';
import { NoticePreview } from './NoticePreview';
import type { Loaded } from './queries';
import type { DecisionState } from './useDecision';

/** The confirmation that states the decision's consequences; a rejection chooses its motifs here. */
export function ConfirmDecision({ j, d }: { j: Loaded; d: DecisionState }) {
  const reasonOrder = useMemo(
    () =>
      (Object.keys(REJECTION_LABELS) as RejectionReason[]).sort(
        (a, b) => Number(d.suggested.has(b)) - Number(d.suggested.has(a)),
      ),
    [d.suggested],
  );
  const confirm = async () => {
    if (!(await d.confirm())) document.getElementById(`reason-${reasonOrder[0]}`)?.focus();
  };
  const validating = d.pending === 'validate';
  return (
    <Modal
      id="confirmation"
      open={d.pending !== null}
      title={validating ? 'Valider ce justificatif ?' : 'Rejeter ce justificatif ?'}
      onClose={() => d.setPending(null)}
      footer={
        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--right">
          <li>
            <button type="button" className="fr-btn fr-btn--secondary" onClick={() => d.setPending(null)}>
              Annuler
            </button>
          </li>
          <li>
            <button type="button" className="fr-btn" data-primary onClick={confirm}>
              {validating ? 'Confirmer la validation' : 'Confirmer le rejet'}
            </button>
          </li>
        </ul>
      }
    >
      <p>
        {j.professional.lastName.toUpperCase()} {j.professional.firstName} – {j.indicator.label}
      </p>
      {validating ? (
        <>
          <p>La mention « pièce justificative validée par la CPAM » s’affichera sous l’indicateur.</p>
          <p>Éléments constatés :</p>
          <ul>
            {j.indicator.checklist
              .filter((item) => d.checked[item.code])
              .map((item) => (
                <li key={item.code}>{item.label}</li>
              ))}
          </ul>
        </>
      ) : (
        <>
          <fieldset
            className={`fr-fieldset${d.reasonMissing ? ' fr-fieldset--error' : ''}`}
            aria-labelledby="reasons-legend"
            aria-describedby={d.reasonMissing ? 'reasons-error' : undefined}
          >
            <legend className="fr-fieldset__legend" id="reasons-legend">
              Motifs de rejet (au moins un)
              <span className="fr-hint-text">En premier, ceux des éléments non cochés.</span>
            </legend>
            {reasonOrder.map((code) => (
              <div className="fr-fieldset__element" key={code}>
                <div className="fr-checkbox-group fr-checkbox-group--sm">
                  <input
                    type="checkbox"
                    id={`reason-${code}`}
                    name="reasons"
                    checked={d.reasons.includes(code)}
                    onChange={(e) => {
                      d.setReasonMissing(false);
                      d.setReasons(e.target.checked ? [...d.reasons, code] : d.reasons.filter((r) => r !== code));
                    }}
                  />
                  <label className="fr-label" htmlFor={`reason-${code}`}>
                    {REJECTION_LABELS[code]}
                    {d.suggested.has(code) ? ' (élément non coché)' : ''}
                  </label>
                </div>
              </div>
            ))}
            {d.reasonMissing && (
              <div className="fr-messages-group" id="reasons-error" aria-live="assertive">
                <p className="fr-message fr-message--error">Choisissez au moins un motif de rejet.</p>
              </div>
            )}
          </fieldset>
          <div className="fr-input-group">
            <label className="fr-label" htmlFor="comment">
              Commentaire pour le professionnel (facultatif)
            </label>
            <textarea
              className="fr-input"
              id="comment"
              rows={3}
              maxLength={2000}
              value={d.comment}
              onChange={(e) => d.setComment(e.target.value)}
            />
          </div>
          <NoticePreview justificatifId={j.id} reasons={d.reasons} comment={d.comment} />
        </>
      )}
    </Modal>
  );
}
