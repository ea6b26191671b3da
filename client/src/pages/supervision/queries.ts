/** The supervision dashboard's operations: the campaigns to choose from and a campaign's progress. */
import { graphql } from '../../gql';
import type { ProgressQuery } from '../../gql/graphql';

export const CAMPAIGNS = graphql(`
  query SupervisionCampaigns {
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

export const PROGRESS = graphql(`
  query Progress($year: Int!, $scheme: Scheme, $caisseCode: String, $profession: Profession) {
    campaignProgress(campaignYear: $year, scheme: $scheme, caisseCode: $caisseCode, profession: $profession) {
      caisseCode
      profession
      professionalsConcerned
      declarationsStarted
      declarationsTransmitted
      projectedCents
      computedCents
      paidCents
      justificatifs {
        received
        validated
        rejected
        pending
        pendingByAge {
          label
          minDays
          maxDays
          count
        }
      }
      achievementByIndicator {
        campaignLabel
        code
        label
        achieved
        notAchieved
        neutralised
        pendingJustificatif
        achievementRate
      }
      byProfession {
        key
        label
        professionalsConcerned
        declarationsStarted
        declarationsTransmitted
        justificatifsPending
        projectedCents
        computedCents
      }
      byCaisse {
        key
        label
        professionalsConcerned
        declarationsStarted
        declarationsTransmitted
        justificatifsPending
        projectedCents
        computedCents
      }
    }
  }
`);

export type Progress = ProgressQuery['campaignProgress'];
export type Breakdown = Progress['byProfession'][number];
