import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { graphql } from '../gql';
import type { Profession, ProgressQuery } from '../gql/graphql';
import { PROFESSION_LABELS, csvEuros, download, euros, percent, toCsv } from '../format';
import { can, useAgent } from '../session';
import { ChartFigure, Empty, ErrorAlert, Loading, SelectField, tooltipStyle, usePageTitle } from '../ui';
import { ScrollTable } from '../table';
import { queueUrl } from './queue/queue-url';
import { Workload, type DrillBase } from './supervision/Workload';

const CAMPAIGNS = graphql(`
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

const PROGRESS = graphql(`
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

type Progress = ProgressQuery['campaignProgress'];
type Breakdown = Progress['byProfession'][number];

const BLUE = '#000091';
const BLUE_LIGHT = '#6a6af4';
const GREEN = '#18753c';

/** A table with its caption and the CSV export of exactly the rows shown. */
function ExportableTable({
  title,
  file,
  header,
  rows,
  csvRows,
  numeric = [],
}: {
  title: string;
  file: string;
  header: string[];
  rows: ReactNode[][];
  csvRows: (string | number)[][];
  numeric?: number[];
}) {
  return (
    <div className="fr-mb-4w">
      <ScrollTable label={`${title} (tableau défilable)`} className="fr-table--no-caption fr-mb-1w">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              {header.map((h, index) => (
                <th scope="col" key={h} className={numeric.includes(index) ? 'mcbo-num' : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, index) => (
                  <td key={index} className={numeric.includes(index) ? 'mcbo-num' : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <button
        type="button"
        className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-download-line fr-btn--icon-left"
        onClick={() => download(file, toCsv(header, csvRows))}
        disabled={csvRows.length === 0}
      >
        Exporter en CSV : {title.toLowerCase()}
      </button>
    </div>
  );
}

function BreakdownTable({
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

function BreakdownChart({ rows, what }: { rows: Breakdown[]; what: string }) {
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

function Dashboard({ p, slug, drill }: { p: Progress; slug: string; drill: DrillBase }) {
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
  const achievement = p.achievementByIndicator.map((i) => ({
    name: i.label.length > 38 ? `${i.label.slice(0, 36)}…` : i.label,
    label: i.label,
    rate: Math.round(i.achievementRate * 1000) / 10,
  }));
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
                <XAxis dataKey="step" />
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
                <XAxis dataKey="label" />
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
                  <XAxis dataKey="kind" />
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

function CaisseFilter({ value, onApply }: { value: string | null; onApply: (code: string | null) => void }) {
  const [text, setText] = useState(value ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(text.trim() || null);
  };
  return (
    <form onSubmit={submit} className="mcbo-inline-form" aria-label="Filtrer par caisse">
      <div className="fr-input-group">
        <label className="fr-label" htmlFor="caisse">
          Caisse
          <span className="fr-hint-text">Code à 3 caractères ; vide : France entière</span>
        </label>
        <input
          className="fr-input"
          id="caisse"
          value={text}
          maxLength={3}
          pattern="[0-9A-Za-z]{3}"
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <button type="submit" className="fr-btn fr-btn--secondary">
        Appliquer
      </button>
    </form>
  );
}

export function SupervisionPage() {
  usePageTitle('Supervision de campagne');
  const agent = useAgent();
  const [params, setParams] = useSearchParams();
  const campaigns = useQuery(CAMPAIGNS);
  const list = campaigns.data?.campaigns ?? [];
  const campaign =
    list.find((c) => c.id === params.get('campagne')) ??
    list.find((c) => c.status === 'OPEN') ??
    list.find((c) => c.status === 'CLOSED') ??
    list[0];
  const caisseCode = agent.nationalScope ? params.get('caisse') || null : null;
  const profession = (campaign?.professions.find((p) => p === params.get('profession')) ?? null) as Profession | null;
  const progress = useQuery(PROGRESS, {
    variables: {
      year: campaign?.referenceYear ?? 0,
      scheme: campaign?.scheme ?? null,
      caisseCode,
      profession,
    },
    skip: !campaign,
  });
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  if (campaigns.loading && !campaigns.data) return <Loading />;
  if (campaigns.error) return <ErrorAlert error={campaigns.error} onRetry={() => void campaigns.refetch()} />;
  const p = progress.data?.campaignProgress;
  const slug = campaign
    ? [
        campaign.scheme.toLowerCase(),
        campaign.referenceYear,
        caisseCode ?? (agent.nationalScope ? 'national' : agent.caisseCode),
        profession?.toLowerCase(),
      ]
        .filter(Boolean)
        .join('-')
    : '';
  return (
    <>
      <h1>Supervision de campagne</h1>
      <p className="mcbo-reason">
        Périmètre :{' '}
        {agent.nationalScope ? (caisseCode ? `caisse ${caisseCode}` : 'France entière') : `caisse ${agent.caisseCode}`}
        {profession ? ` · ${PROFESSION_LABELS[profession]}` : ''}
      </p>
      <div className="fr-grid-row fr-grid-row--gutters fr-mb-2w">
        <div className="fr-col-12 fr-col-md-5">
          <SelectField
            id="campagne"
            label="Campagne"
            value={campaign?.id ?? ''}
            options={list.map((c) => [c.id, c.label] as const)}
            onChange={(v) => update({ campagne: v, profession: null })}
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <SelectField
            id="profession"
            label="Profession"
            value={profession ?? ''}
            options={(campaign?.professions ?? []).map((c) => [c, PROFESSION_LABELS[c] ?? c] as const)}
            allLabel="Toutes les professions de la campagne"
            onChange={(v) => update({ profession: v })}
          />
        </div>
        {agent.nationalScope && (
          <div className="fr-col-12 fr-col-md-3">
            <CaisseFilter key={caisseCode ?? ''} value={caisseCode} onApply={(code) => update({ caisse: code })} />
          </div>
        )}
      </div>
      {!campaign && <Empty>Aucune campagne.</Empty>}
      {progress.error && <ErrorAlert error={progress.error} onRetry={() => void progress.refetch()} />}
      {progress.loading && !p && <Loading what="Calcul de l’avancement…" />}
      {p && p.professionalsConcerned === 0 && <Empty>Aucun professionnel concerné sur ce périmètre.</Empty>}
      {p && campaign && (
        <Dashboard
          p={p}
          slug={slug}
          drill={{ campaignYear: campaign.referenceYear, scheme: campaign.scheme, caisseCode, profession }}
        />
      )}
      {p && campaign && (
        <Workload
          campaignYear={campaign.referenceYear}
          caisseCode={caisseCode}
          drill={{ campaignYear: campaign.referenceYear, scheme: campaign.scheme, caisseCode, profession }}
        />
      )}
      {p && campaign && can(agent, 'EXPORT') && (
        <FullExports
          query={{ campaignYear: String(campaign.referenceYear), scheme: campaign.scheme, caisseCode, profession }}
        />
      )}
    </>
  );
}

/** Whole files streamed by the server, beyond the tables shown: one row per piece or per professional. */
function FullExports({ query }: { query: Record<string, string | null> }) {
  const url = (what: string, keys: string[]) => {
    const params = new URLSearchParams();
    for (const key of keys) if (query[key]) params.set(key, query[key]!);
    return `/api/exports/${what}?${params.toString()}`;
  };
  const links: [string, string][] = [
    [url('justificatifs', ['campaignYear', 'scheme', 'caisseCode', 'profession']), 'Justificatifs en attente'],
    [url('progress', ['campaignYear', 'scheme', 'caisseCode', 'profession']), 'Avancement de la campagne'],
    [url('remunerations', ['campaignYear', 'scheme', 'caisseCode']), 'Rémunérations par professionnel'],
  ];
  return (
    <section className="fr-mt-6w" aria-labelledby="fichiers-complets">
      <h2 id="fichiers-complets">Fichiers complets</h2>
      <p className="fr-text--sm">Produits par le serveur sur tout le périmètre choisi (CSV, séparateur « ; »).</p>
      <ul>
        {links.map(([href, label]) => (
          <li key={href}>
            <a className="fr-link fr-icon-download-line fr-link--icon-left" href={href} download>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
