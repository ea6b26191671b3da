import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { agentMessage } from '../errors';
import { graphql } from '../gql';
import type { ControlPlanInput, ControlQueueView, Scheme } from '../gql/graphql';
import { PROFESSION_LABELS, SCHEME_LABELS, euros, frenchDate, integer } from '../format';
import { can, useAgent } from '../session';
import { Empty, ErrorAlert, Loading, Notice, Pager, SelectField, Tabs, usePageTitle } from '../ui';
import { ControlStatusBadge } from './controls/CaseSections';

const PREVIEW = graphql(`
  query ControlPlanPreview($input: ControlPlanInput!) {
    previewControlPlan(input: $input) {
      __typename
      ... on ControlPlanPreview {
        seed
        populationCount
        excludedCount
        sampleCount
        strata {
          profession
          indicatorCode
          population
          excluded
          sampled
        }
      }
      ... on ControlPlanRefused {
        code
        message
      }
    }
  }
`);

const CREATE = graphql(`
  mutation CreateControlPlan($input: CreateControlPlanInput!) {
    createControlPlan(input: $input) {
      __typename
      ... on ControlPlanCreated {
        plan {
          id
          caseCount
          seed
        }
      }
      ... on ControlPlanRefused {
        message
      }
    }
  }
`);

export const CONTROL_QUEUE = graphql(`
  query ControlQueue($view: ControlQueueView, $first: Int, $after: String) {
    controlCaseQueue(view: $view, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        status
        statusLabel
        ageDays
        indicatorCodes
        induCents
        responseDeadline
        professional {
          id
          lastName
          firstName
          profession
        }
        assignedTo {
          displayName
        }
      }
    }
  }
`);

const VIEWS: { id: ControlQueueView; label: string; empty: string }[] = [
  { id: 'TO_PROCESS', label: 'À traiter', empty: 'Aucun contrôle en attente de prise en charge.' },
  { id: 'MINE', label: 'Mes contrôles', empty: 'Vous n’avez aucun contrôle en cours.' },
  { id: 'ALL_OPEN', label: 'Tous en cours', empty: 'Aucun contrôle en cours.' },
  { id: 'CONCLUDED', label: 'Conclus', empty: 'Aucun contrôle conclu.' },
];

function PlanForm() {
  const [year, setYear] = useState('2024');
  const [scheme, setScheme] = useState<Scheme>('FAMI');
  const [size, setSize] = useState('20');
  const [indicators, setIndicators] = useState('');
  const [label, setLabel] = useState('');
  const [asked, setAsked] = useState<ControlPlanInput | null>(null);
  const preview = useQuery(PREVIEW, { variables: { input: asked! }, skip: !asked, fetchPolicy: 'network-only' });
  const [create, created] = useMutation(CREATE);
  const result = preview.data?.previewControlPlan;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const codes = indicators
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
    setAsked({
      campaignYear: Number(year),
      scheme,
      size: Number(size),
      indicatorCodes: codes.length ? codes : null,
      seed: asked?.seed ?? null,
    });
  };
  const outcome = created.data?.createControlPlan;
  return (
    <section className="fr-mb-6w" aria-labelledby="plan-title">
      <h2 id="plan-title">Nouveau plan de contrôle</h2>
      <form onSubmit={submit} className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-6 fr-col-md-2 fr-input-group">
          <label className="fr-label" htmlFor="plan-year">
            Campagne
          </label>
          <input
            className="fr-input"
            id="plan-year"
            inputMode="numeric"
            value={year}
            onChange={(e) => setYear(e.target.value)}
          />
        </div>
        <div className="fr-col-6 fr-col-md-3">
          <SelectField
            id="plan-scheme"
            label="Dispositif"
            value={scheme}
            options={Object.entries(SCHEME_LABELS)}
            onChange={(v) => setScheme((v ?? 'FAMI') as Scheme)}
          />
        </div>
        <div className="fr-col-6 fr-col-md-2 fr-input-group">
          <label className="fr-label" htmlFor="plan-size">
            Taille de l’échantillon
          </label>
          <input
            className="fr-input"
            id="plan-size"
            inputMode="numeric"
            value={size}
            onChange={(e) => setSize(e.target.value)}
          />
        </div>
        <div className="fr-col-12 fr-col-md-5 fr-input-group">
          <label className="fr-label" htmlFor="plan-indicators">
            Indicateurs (codes séparés par des virgules ; vide : tous)
          </label>
          <input
            className="fr-input"
            id="plan-indicators"
            value={indicators}
            onChange={(e) => setIndicators(e.target.value)}
          />
        </div>
        <div className="fr-col-12">
          <button className="fr-btn" type="submit">
            Prévisualiser le tirage
          </button>
        </div>
      </form>
      {preview.loading && <Loading what="Calcul de l’aperçu…" />}
      {preview.error && <ErrorAlert error={preview.error} />}
      {result?.__typename === 'ControlPlanRefused' && <Notice severity="error">{result.message}</Notice>}
      {result?.__typename === 'ControlPlanPreview' && (
        <div className="fr-mt-3w">
          <p>
            Population : {integer(result.populationCount)} indicateurs atteints sur attestation (
            {integer(result.excludedCount)} déjà contrôlés, exclus). Échantillon :{' '}
            <strong>{integer(result.sampleCount)}</strong> indicateurs. Graine : <code>{result.seed}</code>.
          </p>
          <div className="fr-table">
            <table>
              <caption>Effectifs par strate</caption>
              <thead>
                <tr>
                  <th scope="col">Profession</th>
                  <th scope="col">Indicateur</th>
                  <th scope="col">Population</th>
                  <th scope="col">Exclus</th>
                  <th scope="col">Tirés</th>
                </tr>
              </thead>
              <tbody>
                {result.strata.map((s) => (
                  <tr key={`${s.profession}-${s.indicatorCode}`}>
                    <td>{PROFESSION_LABELS[s.profession] ?? s.profession}</td>
                    <td>{s.indicatorCode}</td>
                    <td>{integer(s.population)}</td>
                    <td>{integer(s.excluded)}</td>
                    <td>{integer(s.sampled)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="fr-input-group">
            <label className="fr-label" htmlFor="plan-label">
              Libellé du plan
            </label>
            <input className="fr-input" id="plan-label" value={label} onChange={(e) => setLabel(e.target.value)} />
          </div>
          <p className="fr-text--sm">
            La création ouvre un dossier de contrôle par professionnel tiré ; ces indicateurs ne pourront plus être
            tirés pour cette campagne.
          </p>
          <button
            className="fr-btn"
            type="button"
            disabled={!label.trim() || created.loading}
            onClick={() => void create({ variables: { input: { ...asked!, seed: result.seed, label } } })}
          >
            Créer le plan ({integer(result.sampleCount)} indicateurs)
          </button>
        </div>
      )}
      {created.error && <Notice severity="error">{agentMessage(created.error)}</Notice>}
      {outcome?.__typename === 'ControlPlanRefused' && <Notice severity="error">{outcome.message}</Notice>}
      {outcome?.__typename === 'ControlPlanCreated' && (
        <Notice severity="success">
          Plan créé :{integer(outcome.plan.caseCount)} dossiers de contrôle ouverts (graine {outcome.plan.seed}).
        </Notice>
      )}
    </section>
  );
}

export function ControlsPage() {
  usePageTitle('Contrôles a posteriori');
  const agent = useAgent();
  const [params, setParams] = useSearchParams();
  const view = VIEWS.find((v) => v.id === params.get('vue'))?.id ?? 'TO_PROCESS';
  const [after, setAfter] = useState<string | null>(null);
  const { data, loading, error } = useQuery(CONTROL_QUEUE, {
    variables: { view, first: 25, after },
    fetchPolicy: 'cache-and-network',
  });
  const page = data?.controlCaseQueue;
  return (
    <div className="fr-container fr-my-4w">
      <h1>Contrôles a posteriori</h1>
      {can(agent, 'PLAN_CONTROLS') && <PlanForm />}
      <h2>Dossiers de contrôle</h2>
      <Tabs
        label="Vues des contrôles"
        idPrefix="controles"
        tabs={VIEWS.map((v) => ({ id: v.id, label: v.label }))}
        selected={view}
        onSelect={(id) => {
          setAfter(null);
          setParams({ vue: id });
        }}
      >
        {loading && !page && <Loading />}
        {error && <ErrorAlert error={error} />}
        {page && page.nodes.length === 0 && <Empty>{VIEWS.find((v) => v.id === view)!.empty}</Empty>}
        {page && page.nodes.length > 0 && (
          <div className="fr-table">
            <table>
              <caption>{integer(page.totalCount)} dossiers, les plus anciens d’abord</caption>
              <thead>
                <tr>
                  <th scope="col">Professionnel</th>
                  <th scope="col">Indicateurs</th>
                  <th scope="col">Statut</th>
                  <th scope="col">Ancienneté</th>
                  <th scope="col">Réponse attendue</th>
                  <th scope="col">Indu</th>
                  <th scope="col">Pris en charge</th>
                </tr>
              </thead>
              <tbody>
                {page.nodes.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={`/controles/${c.id}`}>
                        {c.professional.lastName} {c.professional.firstName}
                      </Link>
                      <br />
                      <span className="fr-text--xs">{PROFESSION_LABELS[c.professional.profession]}</span>
                    </td>
                    <td>{c.indicatorCodes.join(', ')}</td>
                    <td>
                      <ControlStatusBadge status={c.status} label={c.statusLabel} />
                    </td>
                    <td>{c.ageDays} j</td>
                    <td>{c.responseDeadline ? frenchDate(c.responseDeadline) : '—'}</td>
                    <td>{c.induCents ? euros(c.induCents) : '—'}</td>
                    <td>{c.assignedTo?.displayName ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {page && (
          <Pager
            onFirstPage={after ? () => setAfter(null) : null}
            onNextPage={page.pageInfo.hasNextPage ? () => setAfter(page.pageInfo.endCursor) : null}
          />
        )}
      </Tabs>
    </div>
  );
}
