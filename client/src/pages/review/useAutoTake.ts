import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { agentMessage, errorCode, firstGraphQLError } from '../../errors';
import { can, type CurrentAgent } from '../../session';
import { TAKE, type Loaded } from './queries';

/**
 * Opening a piece takes it, so that two conseillers do not check the same piece; a colleague's stays
 * theirs. Answers the sentence to show when the piece could not be taken.
 */
export function useAutoTake(j: Loaded | undefined, agent: CurrentAgent, refetch: () => unknown): string | null {
  const [take] = useMutation(TAKE);
  const [takeError, setTakeError] = useState<string | null>(null);
  const tried = useRef(false);
  useEffect(() => {
    if (!j || tried.current) return;
    if (!can(agent, 'TAKE_JUSTIFICATIF') || j.status !== 'RECEIVED' || j.assignedTo?.id === agent.id) return;
    tried.current = true;
    // The answer (holder, version, history) updates the piece in the cache: no second read.
    take({ variables: { id: j.id, agentId: agent.id } }).catch((e: unknown) => {
      const holder = (firstGraphQLError(e)?.extensions?.assignedTo as { displayName?: string } | null | undefined)
        ?.displayName;
      setTakeError(
        errorCode(e) === 'CONFLICT' && holder
          ? `Ce justificatif est déjà pris en charge par ${holder} : vous pouvez le consulter sans le décider.`
          : agentMessage(e),
      );
      void refetch();
    });
  }, [j, agent, take, refetch]);
  return takeError;
}
