import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { ErrorAlert, Loading, Notice, SelectField, usePageTitle } from '../../ui';
import { ChangeHistory } from './ChangeHistory';
import { CAMPAIGNS, SET_LAP_EXEMPTIONS } from './queries';

/** Annuaire Santé specialty codes (« Code savoir-faire », nomenclature TRE_R01): SM02, SCD01… */
const SPECIALTY_CODE = /^[A-Z]{1,4}\d{1,3}$/;

/**
 * The forfait structure's LAP exemption list: the specialty codes of the Annuaire Santé whose
 * professionals are not required a certified LAP (no software offer for their specialty).
 */
export function ExemptionsAdmin() {
  usePageTitle('Administration – exonérations LAP');
  const { data, loading, error, refetch } = useQuery(CAMPAIGNS, { fetchPolicy: 'cache-and-network' });
  const campaigns = (data?.campaigns ?? []).filter((c) => c.scheme === 'FORFAIT_STRUCTURE');
  const [campaignId, setCampaignId] = useState<string | null>(null);
  // By default the campaign whose list can still change (open or in instruction), else the latest.
  const editable = campaigns.filter((c) => (c.status === 'OPEN' || c.status === 'CLOSED') && !c.currentRun);
  const campaign =
    campaigns.find((c) => c.id === campaignId) ??
    editable[editable.length - 1] ??
    campaigns[campaigns.length - 1] ??
    null;
  const [codes, setCodes] = useState<string[]>([]);
  const [draft, setDraft] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const [save, saving] = useMutation(SET_LAP_EXEMPTIONS);
  useEffect(() => setCodes(campaign?.lapExemptions ?? []), [campaign?.id, campaign?.version]); // eslint-disable-line react-hooks/exhaustive-deps

  if (loading && !data) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  if (!campaign) return <p>Aucune campagne forfait structure.</p>;
  const frozen = campaign.status === 'COMPUTED' || campaign.status === 'PAID' || !!campaign.currentRun;

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = draft.trim().toUpperCase();
    if (!SPECIALTY_CODE.test(code)) {
      setInvalid('Saisissez un code de spécialité de l’Annuaire Santé (nomenclature TRE_R01), par exemple SM02.');
      return;
    }
    setInvalid(null);
    if (!codes.includes(code)) setCodes([...codes, code].sort());
    setDraft('');
  };
  const submit = async () => {
    const result = await save({
      variables: {
        year: campaign.referenceYear,
        scheme: campaign.scheme,
        expectedVersion: campaign.version,
        specialties: codes,
      },
    }).catch(() => null);
    const answer = result?.data?.setLapExemptions;
    if (answer?.__typename === 'LapExemptionsSaved')
      setOutcome({ severity: 'success', text: `Liste enregistrée. ${answer.summary}` });
    if (answer?.__typename === 'ReferentielRefused') setOutcome({ severity: 'error', text: answer.message });
    await refetch();
  };
  return (
    <>
      <h1>Exonérations du LAP certifié</h1>
      <p>
        Forfait structure, indicateur logiciel : les médecins dont la spécialité figure ici n’ont pas à disposer d’un
        LAP certifié. La liste contient des <strong>codes de spécialité de l’Annuaire Santé</strong> (savoir-faire, ex.
        SM02) ; un professionnel sans code connu est rapproché sur le libellé de sa spécialité.
      </p>
      <SelectField
        id="exemption-campaign"
        label="Campagne"
        value={campaign.id}
        options={campaigns.map((c) => [c.id, c.label] as const)}
        onChange={(v) => {
          setCampaignId(v);
          setOutcome(null);
        }}
      />
      {frozen && (
        <Notice severity="info">
          Campagne calculée ou en cours de calcul : la liste ne change plus, le calcul est figé.
        </Notice>
      )}
      <h2 className="fr-h5">Spécialités exonérées ({codes.length})</h2>
      {codes.length === 0 ? (
        <p>Aucune spécialité : l’exonération ne s’applique à personne.</p>
      ) : (
        <ul className="fr-tags-group" data-testid="exemption-codes">
          {codes.map((code) => (
            <li key={code}>
              <button
                type="button"
                className="fr-tag fr-tag--dismiss"
                aria-label={`Retirer ${code}`}
                disabled={frozen}
                onClick={() => setCodes(codes.filter((c) => c !== code))}
              >
                {code}
              </button>
            </li>
          ))}
        </ul>
      )}
      {!frozen && (
        <>
          <form onSubmit={add} className="fr-mt-2w">
            <div className={`fr-input-group${invalid ? ' fr-input-group--error' : ''}`}>
              <label className="fr-label" htmlFor="exemption-code">
                Code de spécialité à ajouter <span className="fr-hint-text">Nomenclature TRE_R01, ex. SM02</span>
              </label>
              <div className="fr-input-wrap fr-grid-row">
                <input
                  className="fr-input fr-col"
                  id="exemption-code"
                  value={draft}
                  onChange={(e) => setDraft(e.target.value)}
                  aria-describedby={invalid ? 'exemption-code-error' : undefined}
                />
                <button type="submit" className="fr-btn fr-btn--secondary fr-ml-1w">
                  Ajouter
                </button>
              </div>
              {invalid && (
                <p className="fr-error-text" id="exemption-code-error">
                  {invalid}
                </p>
              )}
            </div>
          </form>
          <button type="button" className="fr-btn fr-mt-2w" onClick={() => void submit()} disabled={saving.loading}>
            Enregistrer la liste
          </button>
        </>
      )}
      {outcome && <Notice severity={outcome.severity}>{outcome.text}</Notice>}
      {saving.error && <ErrorAlert error={saving.error} />}
      <h2 className="fr-h5 fr-mt-4w">Historique</h2>
      <ChangeHistory
        key={campaign.version}
        kind="LAP_EXEMPTIONS"
        targetId={campaign.id}
        title="Modifications de la liste"
      />
    </>
  );
}
