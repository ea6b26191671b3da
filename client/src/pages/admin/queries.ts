/** GraphQL documents of the administration section (agents, catalogue, exemptions, campaign lifecycle). */
import { graphql } from '../../gql';

export const AGENTS = graphql(`
  query AdminAgents($first: Int, $after: String) {
    agents(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        email
        displayName
        role
        caisseCode
        nationalScope
        active
      }
    }
  }
`);

export const CREATE_AGENT = graphql(`
  mutation AdminCreateAgent($input: CreateAgentInput!) {
    createAgent(input: $input) {
      generatedPassword
      agent {
        id
        email
        displayName
      }
    }
  }
`);

export const CHANGE_AGENT_ROLE = graphql(`
  mutation AdminChangeAgentRole($id: ID!, $role: AgentRole!, $caisseCode: String!, $nationalScope: Boolean!) {
    changeAgentRole(id: $id, role: $role, caisseCode: $caisseCode, nationalScope: $nationalScope) {
      id
      role
      caisseCode
      nationalScope
    }
  }
`);

export const DISABLE_AGENT = graphql(`
  mutation AdminDisableAgent($id: ID!) {
    disableAgent(id: $id) {
      id
      active
    }
  }
`);

export const ENABLE_AGENT = graphql(`
  mutation AdminEnableAgent($id: ID!) {
    enableAgent(id: $id) {
      id
      active
    }
  }
`);

graphql(`
  fragment CatalogueEntry on Software {
    id
    name
    version
    dmpCompatible
    dmpCompatibleSince
    lapCertified
    messagingType
    revision
    updatedAt
    updatedBy
    publisher {
      id
      name
    }
  }
`);

export const CATALOGUE = graphql(`
  query AdminCatalogue($search: String, $first: Int, $after: String) {
    softwareCatalogue(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...CatalogueEntry
      }
    }
  }
`);

export const UPSERT_SOFTWARE = graphql(`
  mutation AdminUpsertSoftware($input: SoftwareInput!) {
    upsertSoftware(input: $input) {
      __typename
      ... on SoftwareSaved {
        reevaluated
        summary
        software {
          ...CatalogueEntry
        }
      }
      ... on ReferentielRefused {
        code
        message
      }
    }
  }
`);

export const REFERENTIEL_CHANGES = graphql(`
  query AdminReferentielChanges($kind: ReferentielChangeKind!, $targetId: ID!) {
    referentielChanges(kind: $kind, targetId: $targetId, first: 20) {
      id
      revision
      author
      at
      reevaluated
      summary
    }
  }
`);

graphql(`
  fragment LifecycleRun on CampaignRun {
    id
    status
    percent
    processedDeclarations
    totalDeclarations
    batchesCommitted
    forced
    reason
    receivedPieces
    totalCents
    startedAt
    finishedAt
    errorMessage
  }
`);

graphql(`
  fragment LifecycleCampaign on Campaign {
    id
    scheme
    referenceYear
    label
    status
    version
    closesOn
    computedAt
    paymentDate
    lapExemptions
    currentRun {
      ...LifecycleRun
    }
  }
`);

export const CAMPAIGNS = graphql(`
  query AdminCampaigns {
    campaigns {
      ...LifecycleCampaign
    }
  }
`);

export const CAMPAIGN_DETAIL = graphql(`
  query AdminCampaignDetail($year: Int!, $scheme: Scheme!) {
    campaign(year: $year, scheme: $scheme) {
      ...LifecycleCampaign
      history {
        id
        at
        agentName
        command
        fromStatus
        toStatus
        reason
      }
    }
  }
`);

export const COMPUTATION_PREVIEW = graphql(`
  query AdminComputationPreview($year: Int!, $scheme: Scheme!) {
    campaignComputationPreview(year: $year, scheme: $scheme) {
      declarations
      receivedPieces
      requiresForce
      consequences
      perCaisse {
        caisseCode
        caisseName
        received
      }
    }
  }
`);

export const CAMPAIGN_RUN = graphql(`
  query AdminCampaignRun($id: ID!) {
    campaignRun(id: $id) {
      ...LifecycleRun
    }
  }
`);

graphql(`
  fragment LifecycleResult on CampaignLifecycleResult {
    __typename
    ... on CampaignChanged {
      campaign {
        ...LifecycleCampaign
      }
      run {
        ...LifecycleRun
      }
    }
    ... on CampaignRefused {
      code
      message
      campaign {
        ...LifecycleCampaign
      }
    }
  }
`);

export const CLOSE_CAMPAIGN = graphql(`
  mutation AdminCloseCampaign($year: Int!, $scheme: Scheme!, $expectedVersion: Int!) {
    closeCampaign(year: $year, scheme: $scheme, expectedVersion: $expectedVersion) {
      ...LifecycleResult
    }
  }
`);

export const COMPUTE_CAMPAIGN = graphql(`
  mutation AdminComputeCampaign(
    $year: Int!
    $scheme: Scheme!
    $expectedVersion: Int!
    $force: Boolean!
    $reason: String
  ) {
    computeCampaign(year: $year, scheme: $scheme, expectedVersion: $expectedVersion, force: $force, reason: $reason) {
      ...LifecycleResult
    }
  }
`);

export const MARK_CAMPAIGN_PAID = graphql(`
  mutation AdminMarkCampaignPaid($year: Int!, $scheme: Scheme!, $expectedVersion: Int!) {
    markCampaignPaid(year: $year, scheme: $scheme, expectedVersion: $expectedVersion) {
      ...LifecycleResult
    }
  }
`);

export const SET_LAP_EXEMPTIONS = graphql(`
  mutation AdminSetLapExemptions($year: Int!, $scheme: Scheme!, $expectedVersion: Int!, $specialties: [String!]!) {
    setLapExemptions(year: $year, scheme: $scheme, expectedVersion: $expectedVersion, specialties: $specialties) {
      __typename
      ... on LapExemptionsSaved {
        specialties
        campaignVersion
        reevaluated
        summary
      }
      ... on ReferentielRefused {
        code
        message
      }
    }
  }
`);

export const REGULARISATIONS = graphql(`
  query AdminRegularisations($year: Int!, $scheme: Scheme!, $after: String) {
    regularisations(campaignYear: $year, scheme: $scheme, first: 25, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        caisseCode
        professionalName
        previousDueCents
        newDueCents
        amountCents
        reason
        source
        createdAt
      }
    }
  }
`);
