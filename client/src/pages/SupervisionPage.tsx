import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { graphql } from '../gql';
import type { Scheme } from '../gql/graphql';
import { download, euros, toCsv } from '../format';
import { useAgent } from '../session';
import { Empty, ErrorAlert, Loading, SelectField } from '../ui';

const CAMPAIGNS = graphql(`
  query SupervisionCampaigns {
    campaigns {
      id
      referenceYear
      scheme
      label
      status
    }
  }
`);

const PROGRESS = graphql(`
  query Progress($year: Int!, $scheme: Scheme, $caisseCode: String) {
    campaignProgress(campaignYear: $year, scheme: $scheme, caisseCode: $caisseCode) {
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

type Breakdown = {
  key: string;
  label: string;
  professionalsConcerned: number;
  declarationsStarted: number;
  declarationsTransmitted: number;
  justificatifsPending: number;
  projectedCents: number;
  computedCents: number;
};

function BreakdownTable({ title, rows, file }: { title: string; rows: Breakdown[]; file: string }) {
  const header = [
    'Clé',
    'Libellé',
    'Concernés',
    'Commencées',
    'Transmises',
    'Justificatifs en attente',
    'Projeté (€)',
    'Calculé (€)',
  ];
  const data = rows.map((r) => [
    r.key,
    r.label,
    r.professionalsConcerned,
    r.declarationsStarted,
    r.declarationsTransmitted,
    r.justificatifsPending,
    (r.projectedCents / 100).toFixed(2).replace('.', ','),
    (r.computedCents / 100).toFixed(2).replace('.', ','),
  ]);
  return (
    <>
      <div className="fr-table">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              {header.slice(1).map((h) => (
                <th scope="col" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td>{r.label}</td>
                <td>{r.professionalsConcerned}</td>
                <td>{r.declarationsStarted}</td>
                <td>{r.declarationsTransmitted}</td>
                <td>{r.justificatifsPending}</td>
                <td>{euros(r.projectedCents)}</td>
                <td>{euros(r.computedCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button
        className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-download-line fr-btn--icon-left fr-mb-4w"
        onClick={() => download(file, toCsv(header, data))}
      >
        Exporter en CSV : {title.toLowerCase()}
      </button>
    </>
  );
}

export function SupervisionPage() {
  const agent = useAgent();
  const [params, setParams] = useSearchParams();
  const campaigns = useQuery(CAMPAIGNS);
  const selected =
    params.get('campagne') ??
    campaigns.data?.campaigns.find((c) => c.status === 'CLOSED' || c.status === 'OPEN')?.id ??
    campaigns.data?.campaigns[0]?.id;
  const campaign = campaigns.data?.campaigns.find((c) => c.id === selected);
  const caisseCode = params.get('caisse') || null;
  const progress = useQuery(PROGRESS, {
    variables: { year: campaign?.referenceYear ?? 0, scheme: (campaign?.scheme ?? 'FAMI') as Scheme, caisseCode },
    skip: !campaign,
  });
  if (campaigns.loading && !campaigns.data) return <Loading />;
  if (campaigns.error) return <ErrorAlert error={campaigns.error} />;
  const p = progress.data?.campaignProgress;
  const funnel = p
    ? [
        { étape: 'Concernés', nombre: p.professionalsConcerned },
        { étape: 'Commencées', nombre: p.declarationsStarted },
        { étape: 'Transmises', nombre: p.declarationsTransmitted },
      ]
    : [];
  return (
    <>
      <h1>Supervision de campagne</h1>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <SelectField
            id="campagne"
            label="Campagne"
            value={selected ?? ''}
            options={campaigns.data?.campaigns.map((c) => [c.id, c.label] as const) ?? []}
            onChange={(v) =>
              setParams({ ...(v ? { campagne: v } : {}), ...(caisseCode ? { caisse: caisseCode } : {}) })
            }
          />
        </div>
        {agent.nationalScope && (
          <div className="fr-col-12 fr-col-md-3">
            <div className="fr-input-group">
              <label className="fr-label" htmlFor="caisse">
                Caisse (vide : France entière)
              </label>
              <input
                className="fr-input"
                id="caisse"
                defaultValue={caisseCode ?? ''}
                onBlur={(e) =>
                  setParams({
                    ...(selected ? { campagne: selected } : {}),
                    ...(e.target.value ? { caisse: e.target.value } : {}),
                  })
                }
              />
            </div>
          </div>
        )}
      </div>
      {progress.error && <ErrorAlert error={progress.error} />}
      {progress.loading && !p && <Loading />}
      {!campaign && <Empty>Aucune campagne.</Empty>}
      {p && (
        <>
          <div className="mcbo-kpis">
            <div className="mcbo-kpi">
              Professionnels concernés<strong>{p.professionalsConcerned}</strong>
            </div>
            <div className="mcbo-kpi">
              Déclarations transmises<strong>{p.declarationsTransmitted}</strong>
            </div>
            <div className="mcbo-kpi">
              Justificatifs en attente<strong>{p.justificatifs.pending}</strong>
            </div>
            <div className="mcbo-kpi">
              Rémunération projetée<strong>{euros(p.projectedCents)}</strong>
            </div>
            <div className="mcbo-kpi">
              Calculée<strong>{euros(p.computedCents)}</strong>
            </div>
            <div className="mcbo-kpi">
              Payée<strong>{euros(p.paidCents)}</strong>
            </div>
          </div>
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-md-6">
              <h2 className="fr-h4">Entonnoir des déclarations</h2>
              <div style={{ width: '100%', height: 220 }}>
                <ResponsiveContainer>
                  <BarChart data={funnel}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="étape" />
                    <YAxis allowDecimals={false} />
                    <Tooltip />
                    <Bar dataKey="nombre" fill="#000091" />
                  </BarChart>
                </ResponsiveContainer>
              </div>
            </div>
            <div className="fr-col-12 fr-col-md-6">
              <h2 className="fr-h4">Stock de justificatifs par ancienneté</h2>
              <div style={{ width: '100%', height: 220 }}>
                <ResponsiveContainer>
                  <BarChart data={p.justificatifs.pendingByAge}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="label" />
                    <YAxis allowDecimals={false} />
                    <Tooltip />
                    <Bar dataKey="count" name="En attente" fill="#6a6af4" />
                  </BarChart>
                </ResponsiveContainer>
              </div>
              <p className="mcbo-reason">
                Reçus {p.justificatifs.received} · validés {p.justificatifs.validated} · rejetés{' '}
                {p.justificatifs.rejected} · en attente {p.justificatifs.pending}
              </p>
            </div>
          </div>
          <div className="fr-table">
            <table>
              <caption>Atteinte par indicateur</caption>
              <thead>
                <tr>
                  <th scope="col">Indicateur</th>
                  <th scope="col">Atteints</th>
                  <th scope="col">Non atteints</th>
                  <th scope="col">Neutralisés</th>
                  <th scope="col">En attente</th>
                  <th scope="col">Taux</th>
                </tr>
              </thead>
              <tbody>
                {p.achievementByIndicator.map((i) => (
                  <tr key={`${i.campaignLabel}-${i.code}`}>
                    <td>{i.label}</td>
                    <td>{i.achieved}</td>
                    <td>{i.notAchieved}</td>
                    <td>{i.neutralised}</td>
                    <td>{i.pendingJustificatif}</td>
                    <td>{(i.achievementRate * 100).toFixed(1).replace('.', ',')} %</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button
            className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-download-line fr-btn--icon-left fr-mb-4w"
            onClick={() =>
              download(
                'atteinte-par-indicateur.csv',
                toCsv(
                  [
                    'Campagne',
                    'Code',
                    'Indicateur',
                    'Atteints',
                    'Non atteints',
                    'Neutralisés',
                    'En attente',
                    'Taux (%)',
                  ],
                  p.achievementByIndicator.map((i) => [
                    i.campaignLabel,
                    i.code,
                    i.label,
                    i.achieved,
                    i.notAchieved,
                    i.neutralised,
                    i.pendingJustificatif,
                    (i.achievementRate * 100).toFixed(1).replace('.', ','),
                  ]),
                ),
              )
            }
          >
            Exporter en CSV : atteinte par indicateur
          </button>
          <BreakdownTable title="Par profession" rows={p.byProfession} file="avancement-par-profession.csv" />
          <BreakdownTable title="Par caisse" rows={p.byCaisse} file="avancement-par-caisse.csv" />
        </>
      )}
    </>
  );
}
