import { graphql } from '../../gql';
import type { RelanceSituation } from '../../gql/graphql';

export const RELANCE_CAMPAIGNS = graphql(`
  query RelanceCampaigns {
    campaigns {
      id
      referenceYear
      scheme
      label
      status
      professions
    }
  }
`);

export const PREVIEW_RELANCE = graphql(`
  query PreviewRelance($input: RelanceInput!) {
    previewRelance(input: $input) {
      caisseCodes
      targetCount
      emailCount
      letterCount
      unknownAddressCount
      excludedCount
      excludedNames
      samples {
        professionalName
        channel
        subject
        body
      }
    }
  }
`);

export const LAUNCH_RELANCE = graphql(`
  mutation LaunchRelance($key: String!, $input: RelanceInput!) {
    launchRelance(idempotencyKey: $key, input: $input) {
      __typename
      ... on RelanceLaunched {
        created
        wave {
          id
          targetCount
        }
      }
      ... on RelanceRefused {
        code
        message
      }
    }
  }
`);

export const RELANCE_WAVES = graphql(`
  query RelanceWaves($year: Int!, $scheme: Scheme!) {
    relanceWaves(campaignYear: $year, scheme: $scheme) {
      id
      situation
      kind
      caisseCodes
      professions
      minAgeDays
      launchedAt
      launchedBy {
        id
        displayName
      }
      targetCount
      excludedCount
      lettersUrl
      addressesUrl
      stats {
        queued
        sent
        failed
        responded
        medianDelayDays
      }
    }
  }
`);

export const SITUATION_LABELS: Record<RelanceSituation, string> = {
  PIECE_ATTENDUE: 'Pièce attendue, non reçue',
  PIECE_REJETEE: 'Pièce rejetée, non renvoyée',
  DECLARATION_NON_TRANSMISE: 'Déclaration non transmise',
};
