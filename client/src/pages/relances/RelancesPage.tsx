import { useMutation, useQuery } from '@apollo/client/react';
import { useMemo, useState, type FormEvent } from 'react';
import { integer, PROFESSION_LABELS, SCHEME_LABELS } from '../../format';
import type { Profession, RelanceInput, RelanceSituation } from '../../gql/graphql';
import { useAgent } from '../../session';
import { Empty, ErrorAlert, Loading, Modal, Notice, SelectField, usePageTitle } from '../../ui';
import { RelancePreviewPanel } from './RelancePreviewPanel';
import { LAUNCH_RELANCE, PREVIEW_RELANCE, RELANCE_CAMPAIGNS, SITUATION_LABELS } from './queries';
import { Waves } from './Waves';

const SITUATIONS = Object.entries(SITUATION_LABELS) as [RelanceSituation, string][];

/** Superviseur: choose a target, preview it, confirm, launch; then follow each wave and its effect. */
export function RelancesPage() {
  usePageTitle('Relances');
  const agent = useAgent();
  const campaigns = useQuery(RELANCE_CAMPAIGNS);
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [situation, setSituation] = useState<RelanceSituation>('PIECE_ATTENDUE');
  const [professions, setProfessions] = useState<Profession[]>([]);
  const [minAge, setMinAge] = useState('');
  const [caisses, setCaisses] = useState('');
  const [asked, setAsked] = useState<{ input: RelanceInput; key: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [launched, setLaunched] = useState<{ created: boolean; count: number } | null>(null);
  const [launch, launching] = useMutation(LAUNCH_RELANCE, { refetchQueries: ['RelanceWaves'] });
  const list = campaigns.data?.campaigns ?? [];
  const campaign = list.find((c) => c.id === campaignId) ?? list.find((c) => c.status === 'OPEN') ?? list[0];
  const preview = useQuery(PREVIEW_RELANCE, { variables: { input: asked?.input as RelanceInput }, skip: !asked });
  const caisseCodes = useMemo(
    () =>
      caisses
        .split(/[\s,;]+/)
        .map((c) => c.trim())
        .filter(Boolean),
    [caisses],
  );
  if (campaigns.loading && !campaigns.data) return <Loading />;
  if (campaigns.error && !campaigns.data) return <ErrorAlert error={campaigns.error} />;
  if (!campaign)
    return (
      <>
        <h1>Relances</h1>
        <Empty>Aucune campagne.</Empty>
      </>
    );

  const reset = () => {
    setAsked(null);
    setLaunched(null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setLaunched(null);
    const age = Number.parseInt(minAge, 10);
    setAsked({
      key: crypto.randomUUID(),
      input: {
        campaignYear: campaign.referenceYear,
        scheme: campaign.scheme,
        situation,
        professions,
        ...(Number.isFinite(age) && age > 0 ? { minAgeDays: age } : {}),
        ...(agent.nationalScope ? { caisseCodes } : {}),
      },
    });
  };
  const confirm = async () => {
    if (!asked) return;
    const result = await launch({ variables: { key: asked.key, input: asked.input } }).catch(() => null);
    setConfirming(false);
    const outcome = result?.data?.launchRelance;
    if (outcome?.__typename === 'RelanceLaunched') {
      setLaunched({ created: outcome.created, count: outcome.wave.targetCount });
      setAsked(null);
    }
  };
  const outcome = launching.data?.launchRelance;
  const p = preview.data?.previewRelance;

  return (
    <>
      <h1>Relances</h1>
      <p>
        Relancez les professionnels dont la pièce ou la déclaration manque. Les messages partent par courriel quand
        l’annuaire en connaît un, sinon par courrier.
      </p>
      <form onSubmit={submit} className="mcbo-panel fr-mb-4w" aria-labelledby="relance-form-title">
        <h2 id="relance-form-title" className="fr-h5">
          Cible de la relance
        </h2>
        <div className="fr-grid-row fr-grid-row--gutters fr-mb-2w">
          <div className="fr-col-12 fr-col-md-6">
            <SelectField
              id="relance-campaign"
              label="Campagne"
              value={campaign.id}
              options={list.map((c) => [c.id, `${c.label} (${SCHEME_LABELS[c.scheme]} ${c.referenceYear})`] as const)}
              onChange={(v) => {
                setCampaignId(v);
                setProfessions([]);
                reset();
              }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <SelectField
              id="relance-situation"
              label="Situation"
              value={situation}
              options={SITUATIONS}
              onChange={(v) => {
                setSituation((v ?? 'PIECE_ATTENDUE') as RelanceSituation);
                reset();
              }}
            />
          </div>
        </div>
        <fieldset className="fr-fieldset" aria-labelledby="relance-professions-legend">
          <legend className="fr-fieldset__legend" id="relance-professions-legend">
            Professions
            <span className="fr-hint-text">Aucune cochée : toutes les professions de la campagne.</span>
          </legend>
          {campaign.professions.map((code) => (
            <div className="fr-fieldset__element fr-fieldset__element--inline" key={code}>
              <div className="fr-checkbox-group fr-checkbox-group--sm">
                <input
                  type="checkbox"
                  id={`relance-profession-${code}`}
                  checked={professions.includes(code)}
                  onChange={(e) => {
                    setProfessions(e.target.checked ? [...professions, code] : professions.filter((x) => x !== code));
                    reset();
                  }}
                />
                <label className="fr-label" htmlFor={`relance-profession-${code}`}>
                  {PROFESSION_LABELS[code]}
                </label>
              </div>
            </div>
          ))}
        </fieldset>
        <div className="fr-grid-row fr-grid-row--gutters fr-mb-2w">
          <div className="fr-col-12 fr-col-md-6">
            <div className="fr-input-group">
              <label className="fr-label" htmlFor="relance-min-age">
                Ancienneté minimale de la situation (jours)
                <span className="fr-hint-text">Facultatif : ne relancer que les situations d’au moins N jours.</span>
              </label>
              <input
                className="fr-input"
                id="relance-min-age"
                type="number"
                min={0}
                max={3650}
                inputMode="numeric"
                value={minAge}
                onChange={(e) => {
                  setMinAge(e.target.value);
                  reset();
                }}
              />
            </div>
          </div>
          {agent.nationalScope && (
            <div className="fr-col-12 fr-col-md-6">
              <div className="fr-input-group">
                <label className="fr-label" htmlFor="relance-caisses">
                  Caisses
                  <span className="fr-hint-text">Codes séparés par des virgules, par exemple : 211, 751.</span>
                </label>
                <input
                  className="fr-input"
                  id="relance-caisses"
                  required
                  value={caisses}
                  onChange={(e) => {
                    setCaisses(e.target.value);
                    reset();
                  }}
                />
              </div>
            </div>
          )}
        </div>
        <button type="submit" className="fr-btn">
          Prévisualiser la relance
        </button>
      </form>

      {launched && (
        <Notice severity="success">
          {launched.created
            ? `Relance lancée : ${integer(launched.count)} messages mis en file d’envoi.`
            : 'Cette relance avait déjà été lancée : aucun message n’a été renvoyé.'}
        </Notice>
      )}
      {outcome?.__typename === 'RelanceRefused' && <Notice severity="error">{outcome.message}</Notice>}
      {launching.error && <ErrorAlert error={launching.error} />}
      {asked && preview.loading && !p && <Loading what="Calcul de l’aperçu…" />}
      {asked && preview.error && <ErrorAlert error={preview.error} />}
      {asked && p && <RelancePreviewPanel preview={p} onLaunch={() => setConfirming(true)} />}

      <Modal
        id="relance-confirmation"
        open={confirming && !!p}
        title="Lancer cette relance ?"
        onClose={() => setConfirming(false)}
        footer={
          <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--right">
            <li>
              <button type="button" className="fr-btn fr-btn--secondary" onClick={() => setConfirming(false)}>
                Annuler
              </button>
            </li>
            <li>
              <button type="button" className="fr-btn" disabled={launching.loading} onClick={() => void confirm()}>
                Confirmer le lancement
              </button>
            </li>
          </ul>
        }
      >
        {p && (
          <ul>
            <li>
              {integer(p.targetCount)} professionnels recevront « {SITUATION_LABELS[situation]} » pour {campaign.label}.
            </li>
            <li>
              {integer(p.emailCount)} courriels partiront automatiquement ; {integer(p.letterCount)} courriers seront à
              imprimer depuis la liste des vagues.
            </li>
            {p.unknownAddressCount > 0 && (
              <li>{integer(p.unknownAddressCount)} messages seront en échec « adresse inconnue ».</li>
            )}
            <li>Le lancement est tracé et ne peut pas être annulé ; le relancer n’enverra rien deux fois.</li>
          </ul>
        )}
      </Modal>

      <h2 className="fr-mt-6w">Vagues de relance – {campaign.label}</h2>
      <Waves year={campaign.referenceYear} scheme={campaign.scheme} />
    </>
  );
}
