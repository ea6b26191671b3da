import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { integer } from '../../format';
import type { LifecycleCampaignFragment, LifecycleResultFragment, LifecycleRunFragment } from '../../gql/graphql';
import { ErrorAlert, Loading, Modal, Notice } from '../../ui';
import { CLOSE_CAMPAIGN, COMPUTATION_PREVIEW, COMPUTE_CAMPAIGN, MARK_CAMPAIGN_PAID } from './queries';

export type LifecycleCommand = 'CLOSE' | 'COMPUTE' | 'MARK_PAID';

const TITLES: Record<LifecycleCommand, string> = {
  CLOSE: 'Clore la campagne',
  COMPUTE: 'Calculer la campagne',
  MARK_PAID: 'Marquer la campagne payée',
};

const CONFIRM: Record<LifecycleCommand, string> = {
  CLOSE: 'Confirmer la clôture',
  COMPUTE: 'Confirmer le calcul',
  MARK_PAID: 'Confirmer le paiement',
};

/** What the preview of a computation says: declarations, pieces still to check per caisse, sentences. */
function ComputePreview({ campaign }: { campaign: LifecycleCampaignFragment }) {
  const { data, loading, error } = useQuery(COMPUTATION_PREVIEW, {
    variables: { year: campaign.referenceYear, scheme: campaign.scheme },
    fetchPolicy: 'network-only',
  });
  if (loading) return <Loading what="Calcul des conséquences…" />;
  if (error) return <ErrorAlert error={error} />;
  const preview = data!.campaignComputationPreview;
  return (
    <>
      <ul data-testid="compute-consequences">
        {preview.consequences.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      {preview.perCaisse.length > 0 && (
        <div className="fr-table fr-table--sm">
          <table tabIndex={0}>
            <caption>Justificatifs reçus non vérifiés, par caisse ({integer(preview.receivedPieces)})</caption>
            <thead>
              <tr>
                <th scope="col">Caisse</th>
                <th scope="col">Justificatifs reçus</th>
              </tr>
            </thead>
            <tbody>
              {preview.perCaisse.map((c) => (
                <tr key={c.caisseCode}>
                  <td>
                    {c.caisseName} ({c.caisseCode})
                  </td>
                  <td>{integer(c.received)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/**
 * The confirmation of a lifecycle command, stating its consequences. Computing while pieces are still
 * RECEIVED needs « forcer » and a reason; a refusal (state changed, version stale…) is shown as it is.
 */
export function LifecycleDialog({
  campaign,
  command,
  onClose,
  onDone,
}: {
  campaign: LifecycleCampaignFragment;
  command: LifecycleCommand;
  onClose: () => void;
  onDone: (run: LifecycleRunFragment | null) => void;
}) {
  const [force, setForce] = useState(false);
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [close, closing] = useMutation(CLOSE_CAMPAIGN);
  const [compute, computing] = useMutation(COMPUTE_CAMPAIGN);
  const [markPaid, paying] = useMutation(MARK_CAMPAIGN_PAID);
  const preview = useQuery(COMPUTATION_PREVIEW, {
    variables: { year: campaign.referenceYear, scheme: campaign.scheme },
    skip: command !== 'COMPUTE',
    fetchPolicy: 'cache-first',
  });
  const requiresForce = command === 'COMPUTE' && !!preview.data?.campaignComputationPreview.requiresForce;
  const busy = closing.loading || computing.loading || paying.loading;
  const error = closing.error ?? computing.error ?? paying.error;
  const vars = { year: campaign.referenceYear, scheme: campaign.scheme, expectedVersion: campaign.version };

  const confirm = async () => {
    let answer: LifecycleResultFragment | undefined;
    if (command === 'CLOSE') answer = (await close({ variables: vars }).catch(() => null))?.data?.closeCampaign;
    if (command === 'MARK_PAID')
      answer = (await markPaid({ variables: vars }).catch(() => null))?.data?.markCampaignPaid;
    if (command === 'COMPUTE') {
      const variables = { ...vars, force: requiresForce && force, reason: requiresForce ? reason.trim() : null };
      answer = (await compute({ variables }).catch(() => null))?.data?.computeCampaign;
    }
    if (answer?.__typename === 'CampaignRefused') setRefusal(answer.message);
    if (answer?.__typename === 'CampaignChanged') onDone(answer.run ?? null);
  };
  const blocked = requiresForce && (!force || reason.trim().length === 0);
  return (
    <Modal
      id="lifecycle-dialog"
      open
      title={`${TITLES[command]} ${campaign.label}`}
      onClose={onClose}
      footer={
        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--right">
          <li>
            <button type="button" className="fr-btn fr-btn--secondary" onClick={onClose}>
              Annuler
            </button>
          </li>
          <li>
            <button type="button" className="fr-btn" onClick={() => void confirm()} disabled={busy || blocked}>
              {CONFIRM[command]}
            </button>
          </li>
        </ul>
      }
    >
      {command === 'CLOSE' && (
        <p>
          La campagne n’accepte plus de déclaration. Les justificatifs déjà reçus restent à vérifier par les conseillers
          jusqu’au calcul ; les décisions restent possibles.
        </p>
      )}
      {command === 'COMPUTE' && (
        <>
          <p>
            Le calcul fige, pour chaque déclaration, l’atteinte et la rémunération : les modifications ultérieures du
            référentiel n’y touchent plus. Pendant le calcul, aucune décision ni saisie n’est acceptée.
          </p>
          <ComputePreview campaign={campaign} />
          {requiresForce && (
            <fieldset className="fr-fieldset">
              <legend className="fr-fieldset__legend">Des justificatifs reçus restent à vérifier</legend>
              <div className="fr-fieldset__element">
                <div className="fr-checkbox-group">
                  <input
                    type="checkbox"
                    id="compute-force"
                    checked={force}
                    onChange={(e) => setForce(e.target.checked)}
                  />
                  <label className="fr-label" htmlFor="compute-force">
                    Forcer le calcul : les indicateurs de ces justificatifs seront non atteints
                  </label>
                </div>
              </div>
              <div className="fr-fieldset__element fr-input-group">
                <label className="fr-label" htmlFor="compute-reason">
                  Motif du calcul forcé (obligatoire)
                </label>
                <textarea
                  className="fr-input"
                  id="compute-reason"
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  maxLength={500}
                />
              </div>
            </fieldset>
          )}
        </>
      )}
      {command === 'MARK_PAID' && (
        <p>
          Les montants calculés sont considérés versés. Ensuite, tout changement du montant dû (recours, contrôle) crée
          une régularisation (dû − versé) avec son motif, jamais une modification silencieuse.
        </p>
      )}
      {refusal && <Notice severity="error">{refusal}</Notice>}
      {error && <ErrorAlert error={error} />}
    </Modal>
  );
}
