import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { dateTime, frenchDate } from '../../format';
import type { LifecycleCampaignFragment, LifecycleRunFragment } from '../../gql/graphql';
import { can, useAgent } from '../../session';
import { Badge, ErrorAlert, Loading, Notice, usePageTitle } from '../../ui';
import { LifecycleDialog, type LifecycleCommand } from './LifecycleDialog';
import { Regularisations } from './Regularisations';
import { RunProgress } from './RunProgress';
import { CAMPAIGN_STATUS, COMMAND_LABELS } from './labels';
import { CAMPAIGN_DETAIL, CAMPAIGNS } from './queries';

/** The files for the payment system, one per caisse. */
function PaymentFiles({ campaign }: { campaign: LifecycleCampaignFragment }) {
  const agent = useAgent();
  const [caisseCode, setCaisse] = useState(agent.caisseCode);
  const url = (what: string) =>
    `/api/exports/${what}?${new URLSearchParams({
      campaignYear: String(campaign.referenceYear),
      scheme: campaign.scheme,
      caisseCode,
    }).toString()}`;
  return (
    <section aria-labelledby="files-title" className="fr-mt-4w">
      <h3 id="files-title" className="fr-h6">
        Fichiers pour le paiement
      </h3>
      <div className="fr-input-group">
        <label className="fr-label" htmlFor="files-caisse">
          Caisse <span className="fr-hint-text">Un fichier par caisse (code à 3 caractères)</span>
        </label>
        <input
          className="fr-input"
          id="files-caisse"
          value={caisseCode}
          onChange={(e) => setCaisse(e.target.value.trim())}
        />
      </div>
      <ul data-testid="payment-files">
        <li>
          <a className="fr-link fr-icon-download-line fr-link--icon-left" href={url('payment-file')} download>
            Fichier de paiement (CSV), caisse {caisseCode}
          </a>
        </li>
        <li>
          <a className="fr-link fr-icon-download-line fr-link--icon-left" href={url('reconciliation')} download>
            Rapprochement avec les paiements importés (CSV), caisse {caisseCode}
          </a>
        </li>
        <li>
          <a className="fr-link fr-icon-download-line fr-link--icon-left" href={url('regularisations')} download>
            Régularisations (CSV), caisse {caisseCode}
          </a>
        </li>
      </ul>
    </section>
  );
}

/** One campaign: its state, the next command with its confirmation, the computation's progress, files. */
function CampaignPanel({ campaign }: { campaign: LifecycleCampaignFragment }) {
  const agent = useAgent();
  const manages = can(agent, 'MANAGE_CAMPAIGNS') && agent.nationalScope;
  const { data, refetch } = useQuery(CAMPAIGN_DETAIL, {
    variables: { year: campaign.referenceYear, scheme: campaign.scheme },
    fetchPolicy: 'cache-and-network',
  });
  const detail = data?.campaign ?? { ...campaign, history: [] };
  const [command, setCommand] = useState<LifecycleCommand | null>(null);
  const [startedRun, setStartedRun] = useState<LifecycleRunFragment | null>(null);
  const run = detail.currentRun ?? startedRun;
  const status = CAMPAIGN_STATUS[detail.status];
  const computing = run?.status === 'RUNNING';
  const next: LifecycleCommand | null =
    detail.status === 'OPEN'
      ? 'CLOSE'
      : detail.status === 'CLOSED'
        ? 'COMPUTE'
        : detail.status === 'COMPUTED'
          ? 'MARK_PAID'
          : null;
  const buttonLabel: Record<LifecycleCommand, string> = {
    CLOSE: 'Clore la campagne',
    COMPUTE: run?.status === 'FAILED' || computing ? 'Reprendre le calcul' : 'Calculer la campagne',
    MARK_PAID: 'Marquer payée',
  };
  return (
    <section aria-labelledby="campaign-title" className="fr-mt-4w" data-testid="campaign-panel">
      <h2 id="campaign-title" className="fr-h4">
        {detail.label} <Badge severity={status.severity}>{status.label}</Badge>
      </h2>
      <p>
        Clôture le {frenchDate(detail.closesOn)}
        {detail.computedAt ? ` ; calculée le ${dateTime(detail.computedAt)}` : ''}
        {detail.paymentDate ? ` ; paiement le ${frenchDate(detail.paymentDate)}` : ''} ; version {detail.version}.
      </p>
      {manages && next && (
        <button
          type="button"
          className="fr-btn"
          onClick={() => setCommand(next)}
          disabled={computing && next !== 'COMPUTE'}
        >
          {buttonLabel[next]}
        </button>
      )}
      {!manages && <Notice severity="info">Seul un administrateur national fait avancer la campagne.</Notice>}
      {run && <RunProgress key={run.id} run={run} onDone={() => void refetch()} />}
      {(detail.status === 'COMPUTED' || detail.status === 'PAID') && <PaymentFiles campaign={detail} />}
      {detail.status === 'PAID' && (
        <section aria-labelledby="regul-title" className="fr-mt-4w">
          <h3 id="regul-title" className="fr-h6">
            Régularisations après paiement
          </h3>
          <Regularisations year={detail.referenceYear} scheme={detail.scheme} />
        </section>
      )}
      {detail.history.length > 0 && (
        <div className="fr-table fr-table--sm fr-mt-4w">
          <table tabIndex={0}>
            <caption>Changements d’état</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Commande</th>
                <th scope="col">État</th>
                <th scope="col">Agent</th>
                <th scope="col">Motif</th>
              </tr>
            </thead>
            <tbody>
              {detail.history.map((h) => (
                <tr key={h.id}>
                  <td>{dateTime(h.at)}</td>
                  <td>{h.command ? (COMMAND_LABELS[h.command] ?? h.command) : '—'}</td>
                  <td>
                    {CAMPAIGN_STATUS[h.fromStatus].label} → {CAMPAIGN_STATUS[h.toStatus].label}
                  </td>
                  <td>{h.agentName ?? '—'}</td>
                  <td>{h.reason ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {command && (
        <LifecycleDialog
          campaign={detail}
          command={command}
          onClose={() => setCommand(null)}
          onDone={(started) => {
            setCommand(null);
            if (started) setStartedRun(started);
            void refetch();
          }}
        />
      )}
    </section>
  );
}

export function CampaignsAdmin() {
  usePageTitle('Administration – campagnes');
  const { data, loading, error } = useQuery(CAMPAIGNS, { fetchPolicy: 'cache-and-network' });
  const [selected, setSelected] = useState<string | null>(null);
  if (loading && !data) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  const campaigns = data?.campaigns ?? [];
  const campaign = campaigns.find((c) => c.id === selected) ?? null;
  return (
    <>
      <h1>Cycle de vie des campagnes</h1>
      <p>Ouverte → close → calculée → payée. Chaque étape demande une confirmation qui en dit les conséquences.</p>
      <div className="fr-table fr-table--sm" data-testid="campaigns-table">
        <table tabIndex={0}>
          <caption>Campagnes</caption>
          <thead>
            <tr>
              <th scope="col">Campagne</th>
              <th scope="col">État</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((c) => (
              <tr key={c.id}>
                <td>{c.label}</td>
                <td>
                  <Badge severity={CAMPAIGN_STATUS[c.status].severity}>{CAMPAIGN_STATUS[c.status].label}</Badge>
                </td>
                <td>
                  <button
                    type="button"
                    className="fr-btn fr-btn--sm fr-btn--secondary"
                    aria-label={`Ouvrir ${c.label}`}
                    aria-pressed={c.id === selected}
                    onClick={() => setSelected(c.id)}
                  >
                    Ouvrir
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {campaign && <CampaignPanel key={campaign.id} campaign={campaign} />}
    </>
  );
}
