/** GraphQL shape of a computation run: its row and the share done. */
import type { CampaignRun } from './campaign-run.entity';
import type { CampaignRunNode } from './campaign-lifecycle.types';

export function campaignRunNode(run: CampaignRun): CampaignRunNode {
  const percent =
    run.status === 'DONE'
      ? 100
      : run.totalDeclarations === 0
        ? 0
        : Math.min(99.9, Math.floor((run.processedDeclarations / run.totalDeclarations) * 1000) / 10);
  return { ...run, id: String(run.id), percent };
}
