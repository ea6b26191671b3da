import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { percent } from '../../format';
import type { JustificatifQueueFilter } from '../../gql/graphql';
import { ChartFigure, Empty, tooltipStyle } from '../../ui';
import { BLUE } from './charts';
import { ExportableTable } from './ExportableTable';
import type { Progress } from './queries';

/** Achievement per indicator: the rates' chart and the table, whose pending counts link to the pieces. */
export function AchievementSection({
  p,
  slug,
  pending,
}: {
  p: Progress;
  slug: string;
  pending: (more?: Partial<JustificatifQueueFilter>) => string;
}) {
  const achievement = p.achievementByIndicator.map((i) => ({
    name: i.label.length > 38 ? `${i.label.slice(0, 36)}…` : i.label,
    label: i.label,
    rate: Math.round(i.achievementRate * 1000) / 10,
  }));
  return (
    <section>
      <h2 id="achievement-title" className="fr-h4">
        Atteinte par indicateur
      </h2>
      {achievement.length === 0 ? (
        <Empty>Aucun indicateur pour ce périmètre.</Empty>
      ) : (
        <>
          <ChartFigure
            height={Math.max(160, achievement.length * 34 + 40)}
            description={`Taux d’atteinte : ${achievement.map((a) => `${a.label} ${a.rate.toLocaleString('fr-FR')} %`).join(' ; ')}.`}
          >
            <ResponsiveContainer>
              <BarChart data={achievement} layout="vertical" accessibilityLayer={false} margin={{ left: 24 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" domain={[0, 100]} unit=" %" />
                <YAxis type="category" dataKey="name" width={200} tick={{ fontSize: 12 }} />
                <Tooltip
                  {...tooltipStyle}
                  formatter={(v) => `${Number(v).toLocaleString('fr-FR')} %`}
                  labelFormatter={(_, payload) => payload?.[0]?.payload?.label ?? ''}
                />
                <Bar dataKey="rate" name="Taux d’atteinte" fill={BLUE} maxBarSize={22} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </ChartFigure>
          <ExportableTable
            title="Atteinte par indicateur"
            file={`atteinte-par-indicateur-${slug}.csv`}
            header={[
              'Campagne',
              'Code',
              'Indicateur',
              'Atteints',
              'Non atteints',
              'Neutralisés',
              'En attente',
              'Taux (%)',
            ]}
            numeric={[3, 4, 5, 6, 7]}
            rows={p.achievementByIndicator.map((i) => [
              i.campaignLabel,
              <code key="code">{i.code}</code>,
              i.label,
              i.achieved,
              i.notAchieved,
              i.neutralised,
              <Link
                key="pieces"
                to={pending({ indicatorCode: i.code })}
                aria-label={`${i.pendingJustificatif} en attente de justificatif, ${i.label} : voir les pièces`}
              >
                {i.pendingJustificatif}
              </Link>,
              percent(i.achievementRate),
            ])}
            csvRows={p.achievementByIndicator.map((i) => [
              i.campaignLabel,
              i.code,
              i.label,
              i.achieved,
              i.notAchieved,
              i.neutralised,
              i.pendingJustificatif,
              (i.achievementRate * 100).toFixed(1).replace('.', ','),
            ])}
          />
        </>
      )}
    </section>
  );
}
