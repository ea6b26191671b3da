import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { csvEuros, euros, percent } from '../../format';
import { ChartFigure, tooltipStyle } from '../../ui';
import { queueUrl } from '../queue/queue-url';
import { AchievementSection } from './Achievement';
import { BreakdownChart, BreakdownTable } from './Breakdown';
import { BLUE, BLUE_LIGHT, GREEN } from './charts';
import { ExportableTable } from './ExportableTable';
import type { Progress } from './queries';
import type { DrillBase } from './Workload';

function Kpi({ label, value, detail, to }: { label: string; value: string | number; detail?: string; to?: string }) {
  return (
    <div className="mcbo-kpi">
      <p className="fr-mb-0">{label}</p>
      <p className="mcbo-kpi__value">
        {to ? (
          <Link to={to}>
            {value}
            <span className="fr-sr-only"> : voir la liste</span>
          </Link>
        ) : (
          value
        )}
      </p>
      {detail && <p className="mcbo-reason fr-mb-0">{detail}</p>}
    </div>
  );
}

const rate = (part: number, whole: number) => (whole > 0 ? percent(part / whole) : '—');

/** The campaign's figures: KPIs, funnel, backlog by age, amounts, achievement, per profession and per caisse. */
export function Dashboard({ p, slug, drill }: { p: Progress; slug: string; drill: DrillBase }) {
  const pending = (more: Record<string, unknown> = {}) => queueUrl({ ...drill, view: 'ALL_PENDING', ...more });
  const funnel = [
    { step: 'Concernés', count: p.professionalsConcerned },
    { step: 'Commencées', count: p.declarationsStarted },
    { step: 'Transmises', count: p.declarationsTransmitted },
  ];
  const amounts = [
    { kind: 'Projetée', euros: p.projectedCents / 100 },
    { kind: 'Calculée', euros: p.computedCents / 100 },
    { kind: 'Payée', euros: p.paidCents / 100 },
  ];
  return (
    <>
      <h2 className="fr-sr-only">Chiffres clés</h2>
      <div className="mcbo-kpis">
        <Kpi label="Professionnels concernés" value={p.professionalsConcerned} />
        <Kpi
          label="Déclarations transmises"
          value={p.declarationsTransmitted}
          detail={`${rate(p.declarationsTransmitted, p.professionalsConcerned)} des concernés`}
        />
        <Kpi
          label="Justificatifs en attente"
          value={p.justificatifs.pending}
          to={pending()}
          detail={`${p.justificatifs.received} reçus · ${p.justificatifs.validated} validés · ${p.justificatifs.rejected} rejetés`}
        />
        <Kpi label="Rémunération projetée" value={euros(p.projectedCents)} />
        <Kpi label="Rémunération calculée" value={euros(p.computedCents)} />
        <Kpi label="Montants payés" value={euros(p.paidCents)} />
      </div>

      <div className="fr-grid-row fr-grid-row--gutters">
        <section className="fr-col-12 fr-col-lg-6">
          <h2 id="funnel-title" className="fr-h4">
            Entonnoir des déclarations
          </h2>
          <ChartFigure
            description={`Entonnoir : ${funnel.map((f) => `${f.step.toLowerCase()} ${f.count}`).join(', ')}.`}
          >
            <ResponsiveContainer>
              <BarChart data={funnel} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="step" tick={{ fontSize: 12 }} interval={0} />
                <YAxis allowDecimals={false} />
                <Tooltip {...tooltipStyle} />
                <Bar dataKey="count" name="Professionnels" fill={BLUE} maxBarSize={80} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </ChartFigure>
          <ExportableTable
            title="Entonnoir des déclarations"
            file={`entonnoir-${slug}.csv`}
            header={['Étape', 'Nombre', 'Part des concernés']}
            numeric={[1, 2]}
            rows={funnel.map((f) => [f.step, f.count, rate(f.count, p.professionalsConcerned)])}
            csvRows={funnel.map((f) => [f.step, f.count, rate(f.count, p.professionalsConcerned)])}
          />
        </section>
        <section className="fr-col-12 fr-col-lg-6">
          <h2 id="backlog-title" className="fr-h4">
            Stock de justificatifs par ancienneté
          </h2>
          <ChartFigure
            description={`Justificatifs en attente : ${p.justificatifs.pendingByAge.map((b) => `${b.label} ${b.count}`).join(', ')}.`}
          >
            <ResponsiveContainer>
              <BarChart data={p.justificatifs.pendingByAge} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} angle={-20} textAnchor="end" height={48} />
                <YAxis allowDecimals={false} />
                <Tooltip {...tooltipStyle} />
                <Bar dataKey="count" name="En attente" fill={BLUE_LIGHT} maxBarSize={80} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </ChartFigure>
          <ExportableTable
            title="Stock par ancienneté"
            file={`stock-par-anciennete-${slug}.csv`}
            header={['Ancienneté', 'En attente']}
            numeric={[1]}
            rows={p.justificatifs.pendingByAge.map((b) => [
              b.label,
              <Link
                key="n"
                to={pending({ minAgeDays: b.minDays || null, maxAgeDays: b.maxDays })}
                aria-label={`${b.count} en attente depuis ${b.label} : voir la liste`}
              >
                {b.count}
              </Link>,
            ])}
            csvRows={p.justificatifs.pendingByAge.map((b) => [b.label, b.count])}
          />
        </section>
      </div>

      <section>
        <h2 id="amounts-title" className="fr-h4">
          Montants
        </h2>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-lg-6">
            <ChartFigure
              description={`Montants : projetée ${euros(p.projectedCents)}, calculée ${euros(p.computedCents)}, payée ${euros(p.paidCents)}.`}
            >
              <ResponsiveContainer>
                <BarChart data={amounts} accessibilityLayer={false}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="kind" tick={{ fontSize: 12 }} interval={0} />
                  <YAxis width={90} tickFormatter={(v: number) => `${v.toLocaleString('fr-FR')} €`} />
                  <Tooltip {...tooltipStyle} formatter={(v) => euros(Math.round(Number(v) * 100))} />
                  <Bar dataKey="euros" name="Montant" fill={GREEN} maxBarSize={80} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </ChartFigure>
          </div>
          <div className="fr-col-12 fr-col-lg-6">
            <ExportableTable
              title="Montants"
              file={`montants-${slug}.csv`}
              header={['Montant', 'Euros']}
              numeric={[1]}
              rows={[
                ['Rémunération projetée', euros(p.projectedCents)],
                ['Rémunération calculée', euros(p.computedCents)],
                ['Montants payés', euros(p.paidCents)],
              ]}
              csvRows={[
                ['Rémunération projetée', csvEuros(p.projectedCents)],
                ['Rémunération calculée', csvEuros(p.computedCents)],
                ['Montants payés', csvEuros(p.paidCents)],
              ]}
            />
          </div>
        </div>
      </section>

      <AchievementSection p={p} slug={slug} pending={pending} />

      <section>
        <h2 id="profession-title" className="fr-h4">
          Par profession
        </h2>
        <BreakdownChart rows={p.byProfession} what="Par profession" />
        <BreakdownTable
          title="Avancement par profession"
          rows={p.byProfession}
          file={`par-profession-${slug}.csv`}
          pendingLink={(r) => pending({ profession: r.key })}
        />
      </section>

      <section>
        <h2 id="caisse-title" className="fr-h4">
          Par caisse
        </h2>
        <BreakdownChart rows={p.byCaisse} what="Par caisse" />
        <BreakdownTable
          title="Avancement par caisse"
          rows={p.byCaisse}
          file={`par-caisse-${slug}.csv`}
          pendingLink={(r) => pending({ caisseCode: r.key })}
        />
      </section>
    </>
  );
}
