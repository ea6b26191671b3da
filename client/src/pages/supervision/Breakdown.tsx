import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { csvEuros, euros } from '../../format';
import { ChartFigure, Empty, tooltipStyle } from '../../ui';
import { BLUE, BLUE_LIGHT } from './charts';
import { ExportableTable } from './ExportableTable';
import type { Breakdown } from './queries';

/** Progress per profession or per caisse: the table (each pending count links to the queue) and its chart. */
export function BreakdownTable({
  title,
  rows,
  file,
  pendingLink,
}: {
  title: string;
  rows: Breakdown[];
  file: string;
  pendingLink: (r: Breakdown) => string;
}) {
  const header = [
    'Libellé',
    'Concernés',
    'Commencées',
    'Transmises',
    'Justificatifs en attente',
    'Projeté (€)',
    'Calculé (€)',
  ];
  if (rows.length === 0) return <Empty>{title} : aucune donnée.</Empty>;
  return (
    <ExportableTable
      title={title}
      file={file}
      header={header}
      numeric={[1, 2, 3, 4, 5, 6]}
      rows={rows.map((r) => [
        r.label,
        r.professionalsConcerned,
        r.declarationsStarted,
        r.declarationsTransmitted,
        <Link
          key="pending"
          to={pendingLink(r)}
          aria-label={`${r.justificatifsPending} justificatifs en attente, ${r.label} : voir la liste`}
        >
          {r.justificatifsPending}
        </Link>,
        euros(r.projectedCents),
        euros(r.computedCents),
      ])}
      csvRows={rows.map((r) => [
        r.label,
        r.professionalsConcerned,
        r.declarationsStarted,
        r.declarationsTransmitted,
        r.justificatifsPending,
        csvEuros(r.projectedCents),
        csvEuros(r.computedCents),
      ])}
    />
  );
}

export function BreakdownChart({ rows, what }: { rows: Breakdown[]; what: string }) {
  if (rows.length < 2) return null;
  const data = rows.map((r) => ({
    label: r.label,
    concerned: r.professionalsConcerned,
    transmitted: r.declarationsTransmitted,
  }));
  return (
    <ChartFigure
      height={260}
      description={`${what} : ${data.map((r) => `${r.label} ${r.transmitted} déclarations transmises sur ${r.concerned} concernés`).join(' ; ')}.`}
    >
      <ResponsiveContainer>
        <BarChart data={data} accessibilityLayer={false} margin={{ bottom: 40 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} angle={-20} textAnchor="end" />
          <YAxis allowDecimals={false} />
          <Tooltip {...tooltipStyle} />
          <Legend verticalAlign="top" />
          {/* No animation: the figures are read at a glance, and a bar caught mid-growth misleads. */}
          <Bar dataKey="concerned" name="Concernés" fill={BLUE_LIGHT} maxBarSize={40} isAnimationActive={false} />
          <Bar dataKey="transmitted" name="Transmises" fill={BLUE} maxBarSize={40} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
