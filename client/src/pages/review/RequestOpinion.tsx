import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { ErrorAlert, Modal, Notice } from '../../ui';
import { ADVISERS, REQUEST_OPINION } from './opinion-queries';
import type { Loaded } from './queries';

type Problem = { field: 'agent' | 'question' | null; message: string };

/**
 * « Demander un avis »: the holder of a piece asks a superviseur or a colleague of the caisse. The dialog
 * says the consequence (the piece stays theirs, nobody else takes or decides it meanwhile), then shows the
 * server's answer: asked, or why not.
 */
export function RequestOpinion({
  j,
  onRequested,
  onChanged,
}: {
  j: Loaded;
  /** Asked: the server's message, kept by the parent (this button goes once the piece shows the request). */
  onRequested: (message: string) => void;
  onChanged: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState('');
  const [question, setQuestion] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const advisers = useQuery(ADVISERS, { variables: { id: j.id }, skip: !open });
  const [request, { loading, error }] = useMutation(REQUEST_OPINION);
  const list = advisers.data?.opinionAdvisers ?? [];
  const superviseurs = list.filter((a) => a.role === 'SUPERVISEUR');
  const conseillers = list.filter((a) => a.role === 'CONSEILLER');

  const refuse = (next: Problem) => {
    setProblem(next);
    if (next.field) document.getElementById(next.field === 'agent' ? 'avis-agent' : 'avis-question')?.focus();
  };
  const submit = async () => {
    if (!to) return refuse({ field: 'agent', message: 'Choisissez l’agent à solliciter.' });
    if (!question.trim()) return refuse({ field: 'question', message: 'Écrivez votre question.' });
    const result = await request({
      variables: { input: { justificatifId: j.id, expectedVersion: j.version, toAgentId: to, question } },
    }).catch(() => null);
    const answer = result?.data?.requestOpinion;
    if (!answer) return;
    if (answer.__typename === 'OpinionRequested') {
      setOpen(false);
      onRequested(answer.message);
      return;
    }
    if (answer.__typename === 'OpinionRefused') {
      const field = answer.field === 'toAgentId' ? 'agent' : answer.field === 'question' ? 'question' : null;
      return refuse({ field, message: answer.message });
    }
    // The piece changed meanwhile (decided, taken, new version): say why and show it as it now is.
    refuse({ field: null, message: answer.message });
    onChanged();
  };
  const close = () => {
    setOpen(false);
    setProblem(null);
  };
  const agentError = problem?.field === 'agent';
  const questionError = problem?.field === 'question';

  return (
    <div className="fr-mt-2w" data-testid="request-opinion">
      <button
        type="button"
        className="fr-btn fr-btn--secondary fr-icon-questionnaire-line fr-btn--icon-left"
        onClick={() => setOpen(true)}
      >
        Demander un avis
      </button>
      <Modal
        id="avis-dialog"
        open={open}
        title="Demander un avis sur cette pièce"
        onClose={close}
        footer={
          <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--right">
            <li>
              <button type="button" className="fr-btn fr-btn--secondary" onClick={close}>
                Annuler
              </button>
            </li>
            <li>
              <button type="button" className="fr-btn" data-primary onClick={() => void submit()} disabled={loading}>
                Demander l’avis
              </button>
            </li>
          </ul>
        }
      >
        <p>
          {j.professional.lastName.toUpperCase()} {j.professional.firstName} – {j.indicator.label}
        </p>
        <Notice severity="info">
          Tant que l’avis est attendu, la pièce reste prise par vous : aucun collègue ne peut la prendre ni la décider.
          Vous pouvez toujours la décider vous-même ; la demande est alors close sans suite. La question et la réponse
          rejoignent l’historique de la pièce.
        </Notice>
        <div className={`fr-select-group${agentError ? ' fr-select-group--error' : ''}`}>
          <label className="fr-label" htmlFor="avis-agent">
            Agent sollicité (obligatoire)
            <span className="fr-hint-text">Un superviseur ou un conseiller de la caisse de la pièce.</span>
          </label>
          <select
            className={`fr-select${agentError ? ' fr-select--error' : ''}`}
            id="avis-agent"
            value={to}
            aria-describedby={agentError ? 'avis-agent-error' : undefined}
            onChange={(e) => {
              setTo(e.target.value);
              if (agentError) setProblem(null);
            }}
          >
            <option value="">{advisers.loading ? 'Chargement…' : 'Choisir un agent'}</option>
            {[
              ['Superviseurs', superviseurs],
              ['Conseillers', conseillers],
            ].map(([label, agents]) =>
              (agents as typeof list).length === 0 ? null : (
                <optgroup key={label as string} label={label as string}>
                  {(agents as typeof list).map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.displayName}
                      {a.nationalScope ? ' (national)' : ''}
                    </option>
                  ))}
                </optgroup>
              ),
            )}
          </select>
          {agentError && (
            <p className="fr-error-text" id="avis-agent-error">
              {problem.message}
            </p>
          )}
        </div>
        <div className={`fr-input-group${questionError ? ' fr-input-group--error' : ''}`}>
          <label className="fr-label" htmlFor="avis-question">
            Votre question (obligatoire)
            <span className="fr-hint-text">Ex. : la facture est-elle assez nominative ? 2 000 caractères au plus.</span>
          </label>
          <textarea
            className={`fr-input${questionError ? ' fr-input--error' : ''}`}
            id="avis-question"
            value={question}
            maxLength={2000}
            aria-describedby={questionError ? 'avis-question-error' : undefined}
            onChange={(e) => {
              setQuestion(e.target.value);
              if (questionError) setProblem(null);
            }}
          />
          {questionError && (
            <p className="fr-error-text" id="avis-question-error">
              {problem.message}
            </p>
          )}
        </div>
        {problem && !problem.field && <Notice severity="error">{problem.message}</Notice>}
        {(error || advisers.error) && <ErrorAlert error={error ?? advisers.error} />}
      </Modal>
    </div>
  );
}
