import type { Reference } from '@apollo/client';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { graphql } from '../../gql';
import type { JustificatifQueueView } from '../../gql/graphql';

/** What j / k walk through: ids and just enough to fetch the next piece ahead (not the queue's columns). */
export const NAVIGATION = graphql(`
  query QueueNavigation($filter: JustificatifQueueFilter, $first: Int) {
    justificatifQueue(filter: $filter, first: $first) {
      totalCount
      nodes {
        id
        assignedTo {
          id
        }
        professional {
          id
        }
        campaign {
          referenceYear
          scheme
        }
      }
    }
  }
`);

/** The list j / k walk through for a view of the queue (also read at start-up: review/preload.ts). */
export function navigationVariables(view: JustificatifQueueView) {
  return {
    filter: { view: view === 'PROCESSED' ? ('PROCESSED' as const) : ('ALL_PENDING' as const), oldestFirst: true },
    first: 100,
  };
}

export interface NextPiece {
  id: string;
  professionalId: string;
  referenceYear: number;
  scheme: string;
}

/**
 * What j / k walk through: my pending pieces and the untaken ones, oldest first (or the processed ones);
 * `go(±1)` opens the next or previous one, or calls `atEdge` when there is none that way. The list is
 * loaded once per visit (cache-first) and a decided piece leaves it (`forget`): it is not re-fetched whole.
 */
export function useQueueNavigation(
  id: string,
  view: JustificatifQueueView,
  agentId: string,
  atEdge: (forward: boolean) => void,
) {
  const navigate = useNavigate();
  const client = useApolloClient();
  const list = useQuery(NAVIGATION, { variables: navigationVariables(view), fetchPolicy: 'cache-first' });
  const nodes = useMemo(
    () =>
      (list.data?.justificatifQueue.nodes ?? []).filter(
        (n) => view === 'PROCESSED' || !n.assignedTo || n.assignedTo.id === agentId || n.id === id,
      ),
    [list.data, view, agentId, id],
  );
  const ids = useMemo(() => nodes.map((n) => n.id), [nodes]);
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
  const nextNode = useMemo((): NextPiece | null => {
    const next = nextAfterDecision();
    const n = nodes.find((x) => x.id === next);
    return n
      ? {
          id: n.id,
          professionalId: n.professional.id,
          referenceYear: n.campaign.referenceYear,
          scheme: n.campaign.scheme,
        }
      : null;
  }, [nodes, nextAfterDecision]);
  /** A decided piece leaves the navigation lists held in the cache (the queue screen reloads its own). */
  const forget = useCallback(
    (decided: string) => {
      client.cache.modify({
        fields: {
          justificatifQueue(value, { readField }) {
            const existing = value as { nodes?: readonly Reference[]; totalCount?: number } | null;
            if (!existing?.nodes) return value;
            const nodes = existing.nodes.filter((ref) => readField('id', ref) !== decided);
            if (nodes.length === existing.nodes.length) return value;
            return { ...existing, nodes, totalCount: (existing.totalCount ?? nodes.length + 1) - 1 } as typeof value;
          },
        },
      });
    },
    [client],
  );
  return { ids, index, go, nextAfterDecision, nextNode, forget };
}
