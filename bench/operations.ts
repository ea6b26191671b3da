/** The GraphQL operations the bench sends; the floor answers the same selections. */

export const SEARCH = `query BenchSearch($filter: ProfessionalFilter, $first: Int, $after: String) {
  professionals(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id lastName firstName profession amNumber rpps caisse { code name } }
  }
}`;

export const FILE = `query BenchFile($id: ID!) {
  professional(id: $id) {
    id lastName firstName profession amNumber rpps adeli commune
    caisse { code name }
    campaigns { referenceYear scheme label status }
    declarations {
      id status transmissionCount lastChannel
      campaign { referenceYear scheme }
      indicators {
        indicator { code label group }
        value { display }
        source
        atteinte { status reason }
        justificatifRequired { required reason controlAPosteriori }
        validatedMention
        justificatifs { id status receivedAt }
      }
      remuneration { totalCents complete lines { label amountCents amountKnown reason } }
    }
    payments { kind amountCents paidOn status }
    contacts { at channel subject }
  }
}`;

export const QUEUE = `query BenchQueue($filter: JustificatifQueueFilter, $first: Int) {
  justificatifQueue(filter: $filter, first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id version ageDays receivedAt channel fileUrl status
      professional { id lastName firstName }
      indicator { code label checklist { code label required } }
      assignedTo { displayName }
    }
  }
}`;

export const PROGRESS = `query BenchProgress($year: Int!, $scheme: Scheme, $caisseCode: String) {
  campaignProgress(campaignYear: $year, scheme: $scheme, caisseCode: $caisseCode) {
    professionalsConcerned
    declarationsStarted
    declarationsTransmitted
    justificatifs { received validated rejected pending pendingByAge { label count } }
    achievementByIndicator { code label achieved notAchieved neutralised pendingJustificatif achievementRate }
    projectedCents
    computedCents
    paidCents
    byProfession { key label professionalsConcerned declarationsTransmitted projectedCents }
    byCaisse { key label justificatifsPending projectedCents }
  }
}`;

export const VALIDATE = `mutation BenchValidate($id: ID!, $expectedVersion: Int!, $checklist: [ChecklistItemInput!]) {
  validateJustificatif(id: $id, expectedVersion: $expectedVersion, checklist: $checklist) {
    justificatif { id status version decidedAt decidedBy { displayName } }
    indicator { atteinte { status reason } validatedMention }
    remuneration { totalCents lines { label amountCents reason } }
  }
}`;

export const LOGIN = `mutation BenchLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
