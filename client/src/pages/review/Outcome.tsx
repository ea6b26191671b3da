import { Link } from 'react-router';
import type { DecideJustificatifMutation, JustificatifQueueView } from '../../gql/graphql';
import { ATTEINTE, JUSTIFICATIF_STATUS } from '../../format';
import type { Loaded } from './queries';

/** What the server answered to a decision, shown as is (never guessed before the answer). */
export interface Outcome {
  severity: 'success' | 'warning' | 'error' | 'info';
  title: string;
  lines: string[];
  decidedId?: string;
}

type DecisionAnswer = DecideJustificatifMutation['decideJustificatif'];

/** The notice for a decision's answer: the server's outcome, switched on its type. */
export function outcomeOf(answer: DecisionAnswer, j: Loaded, hasNext: boolean): Outcome {
  switch (answer.__typename) {
    case 'Decided': {
      const status = JUSTIFICATIF_STATUS[answer.justificatif.status]!.label.toLowerCase();
      const atteinte = answer.indicator?.atteinte;
      return {
        severity: 'success',
        title: `Justificatif n° ${j.id} ${status}`,
        lines: [
          `${j.professional.lastName.toUpperCase()} ${j.professional.firstName} – ${j.indicator.label}.`,
          atteinte
            ? `Atteinte de l’indicateur : ${ATTEINTE[atteinte.status]!.label.toLowerCase()} – ${atteinte.reason}`
            : 'Atteinte de l’indicateur : aucune déclaration pour cette campagne.',
          ...(answer.indicator?.validatedMention ? [`Mention : « ${answer.indicator.validatedMention} ».`] : []),
          hasNext ? 'Le justificatif suivant est ouvert.' : 'C’était le dernier justificatif de la file.',
        ],
        decidedId: j.id,
      };
    }
    case 'AlreadyDecided':
    case 'HeldByColleague':
    case 'StaleVersion':
      return { severity: 'warning', title: 'Décision non enregistrée', lines: [answer.message] };
    case 'CampaignClosed':
      return { severity: 'error', title: 'Décision non enregistrée', lines: [answer.message] };
  }
}

export function OutcomeNotice({ outcome, view }: { outcome: Outcome; view: JustificatifQueueView }) {
  return (
    <div
      className={`fr-alert fr-alert--${outcome.severity} fr-alert--sm fr-my-2w mcbo-outcome`}
      role={outcome.severity === 'error' ? 'alert' : 'status'}
    >
      <p className="fr-alert__title">{outcome.title}</p>
      {outcome.lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {outcome.decidedId && (
        <p>
          <Link to={`/justificatifs/${outcome.decidedId}?vue=${view}`}>
            Revoir le justificatif n° {outcome.decidedId}
          </Link>
        </p>
      )}
    </div>
  );
}
