/** The professional's file: identity, campaigns and payments; one campaign's declaration; logging a contact. */
import { graphql } from '../../gql';

export const FILE = graphql(`
  query ProfessionalFile($id: ID!) {
    professional(id: $id) {
      id
      lastName
      firstName
      profession
      specialty
      amNumber
      rpps
      adeli
      addressLine
      postalCode
      commune
      usesAmelipro
      email
      phone
      installationDate
      caisse {
        code
        name
      }
      campaigns {
        id
        referenceYear
        scheme
        label
        status
      }
      payments {
        id
        kind
        amountCents
        paidOn
        status
        reference
        campaign {
          id
          label
          referenceYear
        }
      }
    }
  }
`);

export const DECLARATION = graphql(`
  query ProfessionalDeclaration($id: ID!, $year: Int!, $scheme: Scheme!) {
    professional(id: $id) {
      id
      declaration(campaignYear: $year, scheme: $scheme) {
        id
        status
        transmissionCount
        lastTransmittedAt
        lastChannel
        honourAttestation
        indicators {
          indicator {
            id
            code
            label
            group
          }
          value {
            display
          }
          source
          atteinte {
            status
            reason
          }
          justificatifRequired {
            required
            reason
            controlAPosteriori
          }
          validatedMention
          justificatifs {
            id
            status
            receivedAt
            channel
            rejectionReasons
            comment
            history {
              id
              action
              at
              agent {
                displayName
              }
            }
          }
        }
        remuneration {
          totalCents
          complete
          lines {
            label
            amountCents
            amountKnown
            reason
          }
        }
      }
    }
  }
`);

export const LOG_CONTACT = graphql(`
  mutation LogContact($input: ContactInput!) {
    logContact(input: $input) {
      id
      at
      channel
      subject
      notes
      agent {
        displayName
      }
    }
  }
`);
