import { Loading } from '../../ui';
import { FindingHint, ShowEvidence } from '../precheck/PrecheckViews';
import type { usePrecheck } from '../precheck/usePrecheck';
import type { Loaded } from './queries';
import type { DecisionState } from './useDecision';

/** The checklist the piece must show (with what the pre-check read for each item), and the two decisions. */
export function DecisionForm({ j, d, pre }: { j: Loaded; d: DecisionState; pre: ReturnType<typeof usePrecheck> }) {
  const remaining = d.requiredMissing.length;
  return (
    <>
      <fieldset className="fr-fieldset" aria-describedby="checklist-hint">
        <legend className="fr-fieldset__legend">Ce que la pièce doit montrer</legend>
        <p id="checklist-hint" className="fr-hint-text fr-fieldset__element">
          Les éléments marqués « le cas échéant » ne sont pas exigés pour valider.
        </p>
        {j.indicator.checklist.map((item) => (
          <div className="fr-fieldset__element" key={item.code}>
            <div className="fr-checkbox-group">
              <input
                type="checkbox"
                id={`check-${item.code}`}
                name="checklist"
                checked={!!d.checked[item.code]}
                onChange={(e) => d.setChecked({ ...d.checked, [item.code]: e.target.checked })}
              />
              <label className="fr-label" htmlFor={`check-${item.code}`}>
                {item.label}
                {item.required ? '' : ' (le cas échéant)'}
                <FindingHint finding={pre.findingOf(item.code)} />
              </label>
            </div>
            <ShowEvidence
              finding={pre.findingOf(item.code)}
              label={item.label}
              onShow={() => pre.show(pre.findingOf(item.code)!)}
            />
          </div>
        ))}
      </fieldset>
      <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--icon-left">
        <li>
          <button
            type="button"
            className="fr-btn fr-icon-check-line fr-btn--icon-left"
            disabled={d.busy}
            aria-describedby="validate-hint"
            onClick={d.askValidate}
          >
            Valider
          </button>
        </li>
        <li>
          <button
            type="button"
            className="fr-btn fr-btn--secondary fr-icon-close-line fr-btn--icon-left"
            disabled={d.busy}
            onClick={d.askReject}
          >
            Rejeter
          </button>
        </li>
      </ul>
      {d.missingShown && remaining > 0 ? (
        <div className="fr-messages-group" id="validate-hint" role="alert">
          <p className="fr-message fr-message--error">
            Validation impossible : la pièce doit montrer {d.requiredMissing.map((i) => `« ${i.label} »`).join(', ')}.
            Cochez ces éléments, ou rejetez la pièce.
          </p>
        </div>
      ) : (
        <p className="mcbo-reason" id="validate-hint">
          {remaining > 0
            ? `Pour valider, cochez les éléments requis (${remaining} restant${remaining > 1 ? 's' : ''}) ; sinon rejetez la pièce.`
            : 'Tous les éléments requis sont cochés.'}
        </p>
      )}
      {d.busy && <Loading what="Enregistrement de la décision…" />}
    </>
  );
}
