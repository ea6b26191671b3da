import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { JustificatifQueueView } from '../../gql/graphql';
import { QUEUE } from '../QueuePage';

/**
 * What j / k walk through: my pending pieces and the untaken ones, oldest first (or the processed ones);
 * `go(±1)` opens the next or previous one, or calls `atEdge` when there is none that way.
 */
export function useQueueNavigation(
  id: string,
  view: JustificatifQueueView,
  agentId: string,
  atEdge: (forward: boolean) => void,
) {
  const navigate = useNavigate();
  const list = useQuery(QUEUE, {
    variables: { filter: { view: view === 'PROCESSED' ? 'PROCESSED' : 'ALL_PENDING', oldestFirst: true }, first: 100 },
    fetchPolicy: 'network-only',
  });
  const ids = useMemo(
    () =>
      (list.data?.justificatifQueue.nodes ?? [])
        .filter((n) => view === 'PROCESSED' || !n.assignedTo || n.assignedTo.id === agentId || n.id === id)
        .map((n) => n.id),
    [list.data, view, agentId, id],
  );
  const index = ids.indexOf(id);
  const go = useCallback(
    (offset: number) => {
      const target = index === -1 ? ids.find((x) => x !== id) : ids[index + offset];
      if (target) navigate(`/justificatifs/${target}?vue=${view}`);
      else atEdge(offset > 0);
    },
    [ids, index, id, navigate, view, atEdge],
  );
  /** The piece that opens after a decision: the following one in the list, else the oldest one left. */
  const nextAfterDecision = useCallback(() => {
    const others = ids.filter((x) => x !== id);
    return (index >= 0 ? ids.slice(index + 1).find((x) => x !== id) : undefined) ?? others[0];
  }, [ids, index, id]);
  return { ids, index, go, nextAfterDecision, refetch: list.refetch };
}
