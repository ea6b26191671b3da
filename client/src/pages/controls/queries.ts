/** The control case screen's GraphQL documents and the upload of a received piece. */
import { graphql } from '../../gql';
import type { ControlCaseScreenQuery } from '../../gql/graphql';

export const CONTROL_CASE_FIELDS = graphql(`
  fragment ControlCaseFields on ControlCase {
    id
    status
    statusLabel
    version
    openedAt
    planLabel
    requestChannel
    requestDelivery
    requestMessage {
      id
      kindLabel
      channel
      status
      lastError
      createdAt
      sentAt
      url
    }
    responseDeadline
    deadlinePassed
    comment
    induCents
    induReason
    induLines {
      label
      paidCents
      dueCents
      induCents
      reason
    }
    findings {
      indicatorCode
      motifLabels
    }
    pieces {
      fileUrl
      receivedAt
      channel
    }
    assignedTo {
      id
      displayName
    }
    indicators {
      code
      label
      finding
      motifs {
        code
        label
      }
    }
    professional {
      id
      lastName
      firstName
      profession
      caisseCode
    }
    history {
      id
      action
      toStatus
      at
      agentName
    }
  }
`);

export const CASE = graphql(`
  query ControlCaseScreen($id: ID!) {
    controlCase(id: $id) {
      ...ControlCaseFields
    }
  }
`);

export const TAKE = graphql(`
  mutation TakeControlCase($id: ID!, $v: Int!) {
    takeControlCase(id: $id, expectedVersion: $v) {
      __typename
      ... on ControlCaseUpdated {
        controlCase {
          ...ControlCaseFields
        }
      }
      ... on ControlCaseRefused {
        message
        controlCase {
          ...ControlCaseFields
        }
      }
    }
  }
`);

export const REQUEST = graphql(`
  mutation RequestControlPieces($id: ID!, $v: Int!) {
    requestControlPieces(id: $id, expectedVersion: $v, channel: LETTER) {
      __typename
      ... on ControlCaseUpdated {
        controlCase {
          ...ControlCaseFields
        }
      }
      ... on ControlCaseRefused {
        message
        controlCase {
          ...ControlCaseFields
        }
      }
    }
  }
`);

export const ATTACH = graphql(`
  mutation AttachControlPiece($id: ID!, $v: Int!, $fileId: String!) {
    attachControlPiece(id: $id, expectedVersion: $v, fileId: $fileId, channel: POST) {
      __typename
      ... on ControlCaseUpdated {
        controlCase {
          ...ControlCaseFields
        }
      }
      ... on ControlCaseRefused {
        message
        controlCase {
          ...ControlCaseFields
        }
      }
    }
  }
`);

/** Uploads the document (POST /api/files) and answers its identifier, or throws with the server's message. */
export async function upload(file: File): Promise<string> {
  const body = new FormData();
  body.append('file', file);
  const response = await fetch('/api/files', {
    method: 'POST',
    body,
    credentials: 'same-origin',
    headers: { 'X-Mcbo-Csrf': '1' },
  });
  const json = (await response.json().catch(() => ({}))) as { id?: string; error?: { message?: string } };
  if (!response.ok || !json.id) throw new Error(json.error?.message ?? 'Dépôt du fichier impossible.');
  return json.id;
}

export const CONCLUDE = graphql(`
  mutation ConcludeControlCase(
    $id: ID!
    $v: Int!
    $outcome: ControlOutcome!
    $motifs: [ControlFindingInput!]
    $comment: String
  ) {
    concludeControlCase(id: $id, expectedVersion: $v, outcome: $outcome, motifs: $motifs, comment: $comment) {
      __typename
      ... on ControlCaseUpdated {
        controlCase {
          ...ControlCaseFields
        }
      }
      ... on ControlCaseRefused {
        message
        controlCase {
          ...ControlCaseFields
        }
      }
    }
  }
`);

export type ControlCase = NonNullable<ControlCaseScreenQuery['controlCase']>;
