/** « Demander un avis »: the agents one may ask, asking, answering. */
import { graphql } from '../../gql';

export const ADVISERS = graphql(`
  query OpinionAdvisers($id: ID!) {
    opinionAdvisers(justificatifId: $id) {
      id
      displayName
      role
      caisseCode
      nationalScope
    }
  }
`);

export const REQUEST_OPINION = graphql(`
  mutation RequestOpinion($input: RequestOpinionInput!) {
    requestOpinion(input: $input) {
      __typename
      ... on OpinionRequested {
        message
      }
      ... on OpinionRefused {
        code
        message
        field
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

export const ANSWER_OPINION = graphql(`
  mutation AnswerOpinion($id: ID!, $answer: String!) {
    answerOpinion(requestId: $id, answer: $answer) {
      __typename
      ... on OpinionAnswered {
        message
      }
      ... on OpinionRefused {
        code
        message
        field
      }
    }
  }
`);
