import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { errorCode } from '../errors';
import { ATTEINTE, CHANNEL_LABELS, JUSTIFICATIF_STATUS, SOURCE_LABELS, frenchDate } from '../format';
import { can, useAgent } from '../session';
import { Badge, Empty, ErrorAlert, Loading, Notice, usePageTitle } from '../ui';
import { PrecheckSummary } from './precheck/PrecheckViews';
import { usePrecheck } from './precheck/usePrecheck';
import { queueView } from './QueuePage';
import { ConfirmDecision } from './review/ConfirmDecision';
import { DecidedSummary, History } from './review/DecidedSummary';
import { DecisionForm } from './review/DecisionForm';
import { DocumentView } from './review/DocumentView';
import { InternalNotes } from './notes/InternalNotes';
import { Opinions } from './review/Opinions';
import { OutcomeNotice, type Outcome } from './review/Outcome';
import { ReverseDecision } from './review/ReverseDecision';
import { SoftwareStatus } from './review/SoftwareStatus';
import { DECLARED, JUSTIFICATIF } from './review/queries';
import { useAutoTake } from './review/useAutoTake';
import { useDecision } from './review/useDecision';
import { useQueueNavigation } from './review/useQueueNavigation';
import { usePrefetchNext } from './review/usePrefetchNext';
import { useReviewFetchPolicy } from './review/preload';
import { useShortcuts } from './review/useShortcuts';

/** Focus to the checklist's first box (or the rule's heading when there is nothing to tick): one step. */
function focusVerification() {
  const target =
    document.querySelector<HTMLElement>('#verification input[name="checklist"]') ??
    document.getElementById('controle-title');
  target?.focus();
}

/**
 * The review screen: the document beside what it must show, the decision, and j / k through the queue.
 * The pieces live in review/: queries, auto-take, navigation, shortcuts, the decision and its confirmation.
 */
export function ReviewPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const carried = (location.state as { outcome?: Outcome } | null)?.outcome ?? null;
  // One mounted review per item and per visit: checklist, reasons and messages start afresh.
  return <Review key={`${id}:${location.key}`} id={id} carried={carried} />;
}

function Review({ id, carried }: { id: string; carried: Outcome | null }) {
  const [params] = useSearchParams();
  const view = queueView(params.get('vue'));
  const navigate = useNavigate();
  const agent = useAgent();
  const [outcome, setOutcome] = useState<Outcome | null>(carried);
  // Shown at once when fetched ahead, and read again from the server as it opens (unless read at start-up).
  const fetchPolicy = useReviewFetchPolicy(id);
  const { data, loading, error, refetch, startPolling, stopPolling } = useQuery(JUSTIFICATIF, {
    variables: { id },
    fetchPolicy,
  });
  const j = data?.justificatif;
  usePageTitle(j ? `Justificatif n° ${j.id} – ${j.professional.lastName.toUpperCase()}` : 'Justificatif');
  const declared = useQuery(DECLARED, {
    variables: {
      id: j?.professional.id ?? '',
      year: j?.campaign.referenceYear ?? 0,
      scheme: j?.campaign.scheme ?? 'FAMI',
    },
    skip: !j,
    fetchPolicy: 'cache-and-network',
  });
  const atEdge = useCallback(
    (forward: boolean) =>
      setOutcome({
        severity: 'info',
        title: forward ? 'Fin de la file' : 'Début de la file',
        lines: ['Aucun autre justificatif dans ce sens.'],
      }),
    [],
  );
  const queue = useQueueNavigation(id, view, agent.id, atEdge);
  const { ids, index, go } = queue;
  const takeError = useAutoTake(j, agent, refetch);
  usePrefetchNext(!!j && !!declared.data, queue.nextNode, j?.fileUrl);

  const heldByColleague = !!j && j.status === 'RECEIVED' && !!j.assignedTo && j.assignedTo.id !== agent.id;
  const mayDecide = !!j && can(agent, 'DECIDE_JUSTIFICATIFS') && j.status === 'RECEIVED' && !heldByColleague;
  const onAnswer = async (answer: Outcome, decided: boolean) => {
    if (!decided) {
      // Refused (already decided, taken, changed, closed): show why and the piece as it now is.
      setOutcome(answer);
      await refetch();
      void declared.refetch();
      return;
    }
    if (j) queue.forget(j.id);
    const next = queue.nextAfterDecision();
    if (next) navigate(`/justificatifs/${next}?vue=${view}`, { state: { outcome: answer } });
    else {
      setOutcome(answer);
      await refetch();
    }
  };
  const d = useDecision(
    j,
    mayDecide,
    (answer, decided) => void onAnswer(answer, decided),
    () => !!queue.nextAfterDecision(),
  );
  const shortcuts = useMemo(
    () => ({ j: () => go(1), k: () => go(-1), v: d.askValidate, r: d.askReject, c: focusVerification }),
    [go, d.askValidate, d.askReject],
  );
  useShortcuts(shortcuts, d.pending !== null);
  // The pre-check's findings: FOUND items arrive ticked, the evidence can be shown on the document.
  const pre = usePrecheck(j, d.setChecked, { startPolling, stopPolling });

  if (loading && !data) return <Loading />;
  if (error || !j)
    return (
      <>
        <h1>{!j && (!error || errorCode(error) === 'NOT_FOUND') ? 'Justificatif introuvable' : 'Justificatif'}</h1>
        {error && errorCode(error) !== 'NOT_FOUND' ? (
          <ErrorAlert error={error} />
        ) : (
          <Empty>Ce justificatif n’existe pas ou n’est pas rattaché à votre caisse.</Empty>
        )}
        <Link to={`/justificatifs?vue=${view}`}>Retour à la file</Link>
      </>
    );
  const value = declared.data?.professional?.declaration?.indicators.find((i) => i.indicator.code === j.indicator.code);
  const position = index >= 0 ? `${index + 1} sur ${ids.length}` : null;

  return (
    <>
      <nav className="fr-breadcrumb" aria-label="Vous êtes ici :">
        <ol className="fr-breadcrumb__list">
          <li>
            <Link className="fr-breadcrumb__link" to={`/justificatifs?vue=${view}`}>
              Justificatifs
            </Link>
          </li>
          <li>
            <a className="fr-breadcrumb__link" aria-current="page">
              Justificatif n° {j.id}
            </a>
          </li>
        </ol>
      </nav>
      {outcome && <OutcomeNotice outcome={outcome} view={view} />}
      <h1 className="fr-h2">
        Justificatif n° {j.id} – {j.professional.lastName.toUpperCase()} {j.professional.firstName}
      </h1>
      <p>
        <Badge severity={JUSTIFICATIF_STATUS[j.status]!.severity}>{JUSTIFICATIF_STATUS[j.status]!.label}</Badge>{' '}
        {j.campaign.label} · reçu le {frenchDate(j.receivedAt)} par {CHANNEL_LABELS[j.channel]} ({j.ageDays} j) · N° AM{' '}
        {j.professional.amNumber} · <Link to={`/professionnels/${j.professional.id}`}>dossier du professionnel</Link>
        {j.status === 'RECEIVED' && (j.assignedTo ? ` · pris par ${j.assignedTo.displayName}` : ' · non attribué')}
      </p>
      <div className="mcbo-shortcuts fr-mb-2w">
        <p className="mcbo-reason fr-mb-1w" id="raccourcis">
          Raccourcis clavier : <kbd>j</kbd> suivant, <kbd>k</kbd> précédent, <kbd>c</kbd> aller à la vérification
          {mayDecide && (
            <>
              , <kbd>v</kbd> valider, <kbd>r</kbd> rejeter
            </>
          )}
          .{position && ` Justificatif ${position} dans la file.`}
        </p>
        <div className="mcbo-pager">
          <button
            type="button"
            className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-arrow-left-line fr-btn--icon-left"
            onClick={() => go(-1)}
            disabled={index <= 0}
          >
            Précédent
          </button>
          <button
            type="button"
            className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-arrow-right-line fr-btn--icon-right"
            onClick={() => go(1)}
            disabled={index !== -1 && index >= ids.length - 1}
          >
            Suivant
          </button>
        </div>
      </div>
      {takeError && <Notice severity="warning">{takeError}</Notice>}
      <div className="mcbo-review">
        <section aria-labelledby="document-title">
          <h2 id="document-title" className="fr-sr-only">
            Document
          </h2>
          {j.fileUrl ? (
            <DocumentView
              focus={pre.focus}
              url={j.fileUrl}
              title={`Pièce justificative n° ${j.id} de ${j.professional.lastName.toUpperCase()} ${j.professional.firstName}`}
              skipTo="verification"
              onSkip={focusVerification}
            />
          ) : (
            <Notice severity="warning">Aucun document n’est joint à ce justificatif.</Notice>
          )}
        </section>
        <section aria-labelledby="controle-title" id="verification">
          <h2 id="controle-title" className="fr-h4" tabIndex={-1}>
            {j.indicator.label}
          </h2>
          <p className="fr-text--sm">{j.indicator.helpText}</p>
          <p>
            Valeur déclarée : <strong>{value?.value?.display ?? 'non déclarée'}</strong>
            {value?.source && <span className="mcbo-reason"> ({SOURCE_LABELS[value.source]})</span>}
          </p>
          {value?.value?.software && <SoftwareStatus softwareId={value.value.software.id} />}
          {value && (
            <p className="fr-mb-2w">
              <Badge severity={ATTEINTE[value.atteinte.status]!.severity}>
                {ATTEINTE[value.atteinte.status]!.label}
              </Badge>{' '}
              <span className="mcbo-reason">{value.atteinte.reason}</span>
              {value.validatedMention && (
                <>
                  <br />
                  <Badge severity="success">{value.validatedMention}</Badge>
                </>
              )}
            </p>
          )}
          {j.status === 'RECEIVED' && <PrecheckSummary precheck={pre.precheck} />}
          {j.status === 'RECEIVED' && mayDecide ? (
            <DecisionForm j={j} d={d} pre={pre} />
          ) : (
            <DecidedSummary j={j} heldByColleague={heldByColleague} />
          )}
          <Opinions j={j} mayAsk={mayDecide} onChanged={() => void refetch()} />
          <ReverseDecision
            j={j}
            onReversed={() => {
              void refetch();
              void declared.refetch();
            }}
          />
          <History entries={j.history} />
          <InternalNotes justificatifId={j.id} headingLevel={3} />
        </section>
      </div>

      <ConfirmDecision j={j} d={d} />
    </>
  );
}
