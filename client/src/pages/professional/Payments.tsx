import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ProfessionalFileQuery } from '../../gql/graphql';
import { PAYMENT_KIND_LABELS, PAYMENT_STATUS, euros, frenchDate } from '../../format';
import { Badge, ChartFigure, Empty, tooltipStyle } from '../../ui';

type Payment = NonNullable<ProfessionalFileQuery['professional']>['payments'][number];

/** The professional's payments: paid amounts per year (cancelled ones left out) and the history, newest first. */
export function Payments({ payments }: { payments: Payment[] }) {
  const byYear = new Map<number, number>();
  for (const payment of payments)
    if (payment.status !== 'CANCELLED')
      byYear.set(
        payment.campaign.referenceYear,
        (byYear.get(payment.campaign.referenceYear) ?? 0) + payment.amountCents / 100,
      );
  const chart = [...byYear].sort(([a], [b]) => a - b).map(([year, amount]) => ({ year: String(year), amount }));

  return (
    <>
      <h2 className="fr-mt-6w">Paiements</h2>
      {payments.length === 0 ? (
        <Empty>Aucun paiement.</Empty>
      ) : (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-lg-5">
            <ChartFigure
              description={`Montants payés par année : ${chart.map((c) => `${c.year} : ${euros(Math.round(c.amount * 100))}`).join(', ')}.`}
            >
              <ResponsiveContainer>
                <BarChart data={chart} accessibilityLayer={false}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="year" />
                  <YAxis width={70} tickFormatter={(v: number) => `${v.toLocaleString('fr-FR')} €`} />
                  <Tooltip {...tooltipStyle} formatter={(v) => euros(Math.round(Number(v) * 100))} />
                  {/* No animation: the figures are read at a glance, and a bar caught mid-growth misleads. */}
                  <Bar dataKey="amount" name="Montant payé" fill="#000091" maxBarSize={56} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </ChartFigure>
          </div>
          <div className="fr-col-12 fr-col-lg-7">
            <div className="fr-table fr-table--bordered fr-mt-0">
              <table tabIndex={0}>
                <caption className="fr-sr-only">Historique des paiements, le plus récent d’abord</caption>
                <thead>
                  <tr>
                    <th scope="col">Campagne</th>
                    <th scope="col">Nature</th>
                    <th scope="col">Date</th>
                    <th scope="col" className="mcbo-num">
                      Montant
                    </th>
                    <th scope="col">Statut</th>
                  </tr>
                </thead>
                <tbody>
                  {payments.map((payment) => (
                    <tr key={payment.id}>
                      <td>
                        {payment.campaign.label}
                        <p className="mcbo-reason fr-mb-0">Réf. {payment.reference}</p>
                      </td>
                      <td>{PAYMENT_KIND_LABELS[payment.kind]}</td>
                      <td>{frenchDate(payment.paidOn)}</td>
                      <td className="mcbo-num">{euros(payment.amountCents)}</td>
                      <td>
                        <Badge severity={PAYMENT_STATUS[payment.status]!.severity}>
                          {PAYMENT_STATUS[payment.status]!.label}
                        </Badge>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
