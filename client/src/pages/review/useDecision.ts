import { useMutation } from '@apollo/client/react';
import { useCallback, useMemo, useState } from 'react';
import { agentMessage } from '../../errors';
import type { RejectionReason } from '../../gql/graphql';
import { DECIDE, type Loaded } from './queries';
import { outcomeOf, type Outcome } from './Outcome';

export type PendingDecision = 'validate' | 'reject' | null;

/**
 * The decision's state: what is ticked, the motifs, the comment, the confirmation asked, and sending it.
 * `onAnswer` receives the server's outcome (Decided or why not) to show; nothing is guessed before it.
 */
export function useDecision(
  j: Loaded | undefined,
  mayDecide: boolean,
  onAnswer: (outcome: Outcome, decided: boolean) => void,
  hasNext: () => boolean,
) {
  const [decide, decision] = useMutation(DECIDE);
  const [checked, setChecked] = useState<Record<string, boolean>>({});
  const [reasons, setReasons] = useState<RejectionReason[]>([]);
  const [reasonMissing, setReasonMissing] = useState(false);
  const [comment, setComment] = useState('');
  const [pending, setPending] = useState<PendingDecision>(null);
  const [missingShown, setMissingShown] = useState(false);
  const busy = decision.loading;

  const requiredMissing = useMemo(
    () => (j ? j.indicator.checklist.filter((item) => item.required && !checked[item.code]) : []),
    [j, checked],
  );
  /** The motifs of the items left unticked, as the référentiel names them: offered first. */
  const suggested = useMemo(
    () =>
      new Set(
        (j?.indicator.checklist ?? [])
          .filter((item) => !checked[item.code])
          .flatMap((item) => (item.rejectionReason ? [item.rejectionReason] : [])),
      ),
    [j, checked],
  );

  const askValidate = useCallback(() => {
    if (!mayDecide || busy) return;
    if (requiredMissing.length > 0) {
      setMissingShown(true);
      return;
    }
    setPending('validate');
  }, [mayDecide, busy, requiredMissing]);
  const askReject = useCallback(() => {
    if (!mayDecide || busy) return;
    setReasonMissing(false);
    setPending('reject');
  }, [mayDecide, busy]);

  /** Sends the confirmed decision; false when the form still lacks a motif. */
  const confirm = async (): Promise<boolean> => {
    if (!j || !pending) return true;
    if (pending === 'reject' && reasons.length === 0) {
      setReasonMissing(true);
      return false;
    }
    const verdict = pending === 'validate' ? 'VALIDATED' : 'REJECTED';
    setPending(null);
    try {
      const answer = (
        await decide({
          variables: {
            input:
              verdict === 'VALIDATED'
                ? {
                    id: j.id,
                    expectedVersion: j.version,
                    verdict,
                    checklist: j.indicator.checklist.map((item) => ({
                      code: item.code,
                      checked: !!checked[item.code],
                    })),
                  }
                : { id: j.id, expectedVersion: j.version, verdict, reasons, comment: comment.trim() || null },
          },
        })
      ).data?.decideJustificatif;
      if (!answer) throw new Error('empty answer');
      onAnswer(outcomeOf(answer, j, hasNext()), answer.__typename === 'Decided');
    } catch (e) {
      onAnswer({ severity: 'error', title: 'Décision non enregistrée', lines: [agentMessage(e)] }, false);
    }
    return true;
  };

  return {
    checked,
    setChecked,
    reasons,
    setReasons,
    reasonMissing,
    setReasonMissing,
    comment,
    setComment,
    pending,
    setPending,
    missingShown,
    requiredMissing,
    suggested,
    busy,
    askValidate,
    askReject,
    confirm,
  };
}

export type DecisionState = ReturnType<typeof useDecision>;
