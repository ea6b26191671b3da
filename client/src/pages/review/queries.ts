/** The review screen's operations: the piece, the value declared for it, taking it, deciding it. */
import { graphql } from '../../gql';
import type { JustificatifQuery } from '../../gql/graphql';

export const JUSTIFICATIF = graphql(`
  query Justificatif($id: ID!) {
    justificatif(id: $id) {
      id
      status
      version
      ageDays
      receivedAt
      decidedAt
      channel
      fileUrl
      rejectionReasons
      comment
      checklist {
        code
        checked
      }
      precheck {
        status
        confidence
        contradictions
        findings {
          item
          status
          snippet
          page
          box {
            x
            y
            w
            h
          }
          reason
        }
      }
      assignedTo {
        id
        displayName
      }
      decidedBy {
        id
        displayName
      }
      history {
        id
        action
        at
        comment
        reasons
        agent {
          displayName
        }
      }
      opinionRequests {
        id
        status
        question
        answer
        askedAt
        answeredAt
        closedAt
        askedBy {
          id
          displayName
        }
        askedAgent {
          id
          displayName
        }
      }
      professional {
        id
        lastName
        firstName
        amNumber
      }
      campaign {
        referenceYear
        scheme
        label
      }
      indicator {
        id
        code
        label
        helpText
        checklist {
          code
          label
          required
          rejectionReason
        }
      }
    }
  }
`);

export const DECLARED = graphql(`
  query DeclaredValue($id: ID!, $year: Int!, $scheme: Scheme!) {
    professional(id: $id) {
      id
      declaration(campaignYear: $year, scheme: $scheme) {
        id
        indicators {
          indicator {
            id
            code
          }
          value {
            display
            software {
              id
            }
          }
          source
          atteinte {
            status
            reason
          }
          validatedMention
        }
      }
    }
  }
`);

export const TAKE = graphql(`
  mutation TakeJustificatif($id: ID!, $agentId: ID) {
    assignJustificatif(id: $id, agentId: $agentId) {
      id
      version
      assignedTo {
        id
        displayName
      }
      history {
        id
        action
        at
        comment
        reasons
        agent {
          displayName
        }
      }
    }
  }
`);

export const DECIDE = graphql(`
  mutation DecideJustificatif($input: DecideJustificatifInput!) {
    decideJustificatif(input: $input) {
      __typename
      ... on Decided {
        message
        justificatif {
          id
          status
          version
        }
        indicator {
          atteinte {
            status
            reason
          }
          validatedMention
        }
      }
      ... on AlreadyDecided {
        message
      }
      ... on HeldByColleague {
        message
      }
      ... on StaleVersion {
        message
      }
      ... on CampaignClosed {
        message
      }
    }
  }
`);

export type Loaded = JustificatifQuery['justificatif'];
