import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { frenchDate } from '../../format';
import { useAgent } from '../../session';
import { Badge, ErrorAlert, Notice } from '../../ui';
import { ANSWER_OPINION } from './opinion-queries';
import type { Loaded } from './queries';
import { RequestOpinion } from './RequestOpinion';

type Request = Loaded['opinionRequests'][number];

/**
 * The piece's « Avis »: each question, who asked whom and when, and the answer; the asked agent answers
 * here; the holder asks with « Demander un avis » when no opinion is awaited.
 */
export function Opinions({ j, mayAsk, onChanged }: { j: Loaded; mayAsk: boolean; onChanged: () => void }) {
  const agent = useAgent();
  const requests = j.opinionRequests;
  const pending = requests.some((r) => r.status === 'PENDING');
  // Kept here, not in « Demander un avis »: that button goes as soon as the piece shows the request.
  const [asked, setAsked] = useState<string | null>(null);
  if (requests.length === 0 && !mayAsk) return null;
  return (
    <section aria-labelledby="avis-title" className="fr-mt-3w" data-testid="opinions">
      <h3 id="avis-title" className="fr-h6 fr-mb-1w">
        Avis
      </h3>
      {requests.length === 0 && <p className="mcbo-reason">Aucun avis demandé sur cette pièce.</p>}
      <ul className="mcbo-opinions">
        {requests.map((r) => (
          <li key={r.id} className="fr-mb-2w">
            <p className="fr-mb-1v">
              {r.status === 'PENDING' && (
                <Badge severity="warning">{r.askedAgent?.id === agent.id ? 'Avis demandé' : 'Avis en attente'}</Badge>
              )}
              {r.status === 'ANSWERED' && <Badge severity="success">Avis donné</Badge>}
              {r.status === 'CLOSED' && <Badge severity="info">Sans suite</Badge>}{' '}
              {r.askedBy?.displayName ?? 'Un agent'} a demandé l’avis de {r.askedAgent?.displayName ?? 'un agent'} le{' '}
              {frenchDate(r.askedAt)} :
            </p>
            <blockquote className="mcbo-quote">« {r.question} »</blockquote>
            {r.status === 'ANSWERED' && (
              <>
                <p className="fr-mb-1v">
                  Réponse de {r.askedAgent?.displayName ?? 'l’agent sollicité'} le {frenchDate(r.answeredAt)} :
                </p>
                <blockquote className="mcbo-quote">« {r.answer} »</blockquote>
              </>
            )}
            {r.status === 'CLOSED' && (
              <p className="mcbo-reason">
                Close le {frenchDate(r.closedAt)} : la pièce a été décidée ou a changé de main avant la réponse.
              </p>
            )}
            {r.status === 'PENDING' && r.askedAgent?.id === agent.id && (
              <AnswerForm request={r} onAnswered={onChanged} />
            )}
          </li>
        ))}
      </ul>
      {asked && <Notice severity="success">{asked}</Notice>}
      {mayAsk && !pending && (
        <RequestOpinion
          j={j}
          onRequested={(message) => {
            setAsked(message);
            onChanged();
          }}
          onChanged={onChanged}
        />
      )}
    </section>
  );
}

function AnswerForm({ request, onAnswered }: { request: Request; onAnswered: () => void }) {
  const [text, setText] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [answer, { loading, error }] = useMutation(ANSWER_OPINION);
  const id = `avis-reponse-${request.id}`;
  const submit = async () => {
    if (!text.trim()) {
      setRefusal('Écrivez votre avis.');
      document.getElementById(id)?.focus();
      return;
    }
    const result = await answer({ variables: { id: request.id, answer: text } }).catch(() => null);
    const outcome = result?.data?.answerOpinion;
    if (!outcome) return;
    if (outcome.__typename === 'OpinionRefused') setRefusal(outcome.message);
    // Answered, or refused because the request ended meanwhile: the piece as it now is.
    onAnswered();
  };
  return (
    <form
      className="fr-mt-1w"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className={`fr-input-group${refusal ? ' fr-input-group--error' : ''}`}>
        <label className="fr-label" htmlFor={id}>
          Votre avis (obligatoire)
          <span className="fr-hint-text">Il rejoint l’historique de la pièce ; le demandeur décide.</span>
        </label>
        <textarea
          className={`fr-input${refusal ? ' fr-input--error' : ''}`}
          id={id}
          value={text}
          maxLength={2000}
          aria-describedby={refusal ? `${id}-error` : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setRefusal(null);
          }}
        />
        {refusal && (
          <p className="fr-error-text" id={`${id}-error`}>
            {refusal}
          </p>
        )}
      </div>
      <button type="submit" className="fr-btn fr-btn--sm" disabled={loading}>
        Envoyer l’avis
      </button>
      {error && <ErrorAlert error={error} />}
    </form>
  );
}
