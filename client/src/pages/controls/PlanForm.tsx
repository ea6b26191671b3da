/** A superviseur's new control plan: the criteria, the preview per stratum, then the creation. */
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { agentMessage } from '../../errors';
import { graphql } from '../../gql';
import type { ControlPlanInput, Scheme } from '../../gql/graphql';
import { PROFESSION_LABELS, SCHEME_LABELS, integer } from '../../format';
import { ErrorAlert, Loading, Notice, SelectField } from '../../ui';

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

export function PlanForm() {
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
            {/* Scrolls on a phone: focusable so that a keyboard can scroll it. */}
            <table tabIndex={0}>
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
          Plan créé : {integer(outcome.plan.caseCount)}{' '}
          {outcome.plan.caseCount > 1 ? 'dossiers de contrôle ouverts' : 'dossier de contrôle ouvert'} (graine{' '}
          {outcome.plan.seed}).
        </Notice>
      )}
    </section>
  );
}
