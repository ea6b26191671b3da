import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { agentMessage, errorCode, firstGraphQLError } from '../errors';
import { graphql } from '../gql';
import type { JustificatifQuery, JustificatifQueueView, RejectionReason } from '../gql/graphql';
import {
  ATTEINTE,
  CHANNEL_LABELS,
  HISTORY_LABELS,
  JUSTIFICATIF_STATUS,
  REJECTION_LABELS,
  SOURCE_LABELS,
  frenchDate,
} from '../format';
import { can, useAgent } from '../session';
import { Badge, Empty, ErrorAlert, Loading, Modal, Notice, usePageTitle } from '../ui';
import { FindingHint, PrecheckSummary, ShowEvidence } from './precheck/PrecheckViews';
import { usePrecheck, type EvidenceFocus } from './precheck/usePrecheck';
import { QUEUE, queueView } from './QueuePage';

const JUSTIFICATIF = graphql(`
  query Justificatif($id: ID!) {
    justificatif(id: $id) {
      id
      status
      version
      ageDays
      receivedAt
      decidedAt
      channel
      fileUrl
      rejectionReasons
      comment
      checklist {
        code
        checked
      }
      precheck {
        status
        confidence
        contradictions
        findings {
          item
          status
          snippet
          page
          box {
            x
            y
            w
            h
          }
          reason
        }
      }
      assignedTo {
        id
        displayName
      }
      decidedBy {
        id
        displayName
      }
      history {
        id
        action
        at
        comment
        reasons
        agent {
          displayName
        }
      }
      professional {
        id
        lastName
        firstName
        amNumber
      }
      campaign {
        referenceYear
        scheme
        label
      }
      indicator {
        id
        code
        label
        helpText
        checklist {
          code
          label
          required
        }
      }
    }
  }
`);

const DECLARED = graphql(`
  query DeclaredValue($id: ID!, $year: Int!, $scheme: Scheme!) {
    professional(id: $id) {
      id
      declaration(campaignYear: $year, scheme: $scheme) {
        id
        indicators {
          indicator {
            id
            code
          }
          value {
            display
          }
          source
          atteinte {
            status
            reason
          }
          validatedMention
        }
      }
    }
  }
`);

const TAKE = graphql(`
  mutation TakeJustificatif($id: ID!, $agentId: ID) {
    assignJustificatif(id: $id, agentId: $agentId) {
      id
      version
      assignedTo {
        id
        displayName
      }
    }
  }
`);

const VALIDATE = graphql(`
  mutation ValidateJustificatif($id: ID!, $expectedVersion: Int!, $checklist: [ChecklistItemInput!]) {
    validateJustificatif(id: $id, expectedVersion: $expectedVersion, checklist: $checklist) {
      justificatif {
        id
        status
        version
        decidedAt
        decidedBy {
          id
          displayName
        }
      }
      indicator {
        atteinte {
          status
          reason
        }
        validatedMention
      }
    }
  }
`);

const REJECT = graphql(`
  mutation RejectJustificatif($id: ID!, $expectedVersion: Int!, $reasons: [RejectionReason!]!, $comment: String) {
    rejectJustificatif(id: $id, expectedVersion: $expectedVersion, reasons: $reasons, comment: $comment) {
      justificatif {
        id
        status
        version
        decidedAt
        rejectionReasons
        decidedBy {
          id
          displayName
        }
      }
      indicator {
        atteinte {
          status
          reason
        }
        validatedMention
      }
    }
  }
`);

/** The rejection reason that matches a checklist item the piece does not show. */
const REASON_OF_CHECK: Record<string, RejectionReason> = {
  DOCUMENT_TYPE: 'DOCUMENT_TYPE_NOT_ACCEPTED',
  PUBLISHER_IDENTIFIED: 'PUBLISHER_MISSING',
  SOFTWARE_NAME: 'SOFTWARE_NAME_MISSING',
  SOFTWARE_VERSION: 'VERSION_MISSING',
  ACQUISITION_DATE: 'ACQUISITION_DATE_MISSING',
  NOMINATIVE: 'NOT_NOMINATIVE',
  DMP_COMPATIBLE_MENTION: 'DMP_MENTION_MISSING',
  CONNECTOR_OR_PACK_STATED: 'CONNECTOR_OR_PACK_NOT_STATED',
  LAP_CERTIFIED: 'LAP_NOT_CERTIFIED',
};

/** What the server answered to a decision, shown as is (never guessed before the answer). */
interface Outcome {
  severity: 'success' | 'warning' | 'error' | 'info';
  title: string;
  lines: string[];
  decidedId?: string;
}

/** The document, fetched with the session cookie and shown from a blob (the server's CSP sandboxes direct views). */
function DocumentView({ url, title, focus }: { url: string; title: string; focus: EvidenceFocus | null }) {
  const [state, setState] = useState<{ src: string; type: string } | { error: string } | null>(null);
  useEffect(() => {
    let objectUrl: string | null = null;
    let cancelled = false;
    fetch(url, { credentials: 'same-origin' })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        const blob = await response.blob();
        if (cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setState({ src: objectUrl, type: blob.type });
      })
      .catch(() => !cancelled && setState({ error: 'Le document ne peut pas être affiché. Rechargez la page.' }));
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url]);
  if (!state) return <Loading what="Chargement du document…" />;
  if ('error' in state) return <Notice severity="error">{state.error}</Notice>;
  // The pre-check's evidence: a PDF opens at its page, an image gets the box drawn over it.
  if (state.type === 'application/pdf')
    return (
      <iframe
        key={focus?.page ?? 0}
        className="mcbo-document"
        src={focus ? `${state.src}#page=${focus.page}` : state.src}
        title={title}
      />
    );
  if (state.type === 'image/png' || state.type === 'image/jpeg')
    return (
      <div className="mcbo-document-frame">
        <img className="mcbo-document-img" src={state.src} alt={title} />
        {focus && (
          <span
            className={`mcbo-evidence-box${focus.contradicted ? ' mcbo-evidence-box--contradicted' : ''}`}
            data-testid="evidence-box"
            style={{
              left: `${focus.box.x * 100}%`,
              top: `${focus.box.y * 100}%`,
              width: `${focus.box.w * 100}%`,
              height: `${focus.box.h * 100}%`,
            }}
          />
        )}
      </div>
    );
  return <Notice severity="warning">Ce type de document ne peut pas être affiché dans la console.</Notice>;
}

function OutcomeNotice({ outcome, view }: { outcome: Outcome; view: JustificatifQueueView }) {
  return (
    <div
      className={`fr-alert fr-alert--${outcome.severity} fr-alert--sm fr-my-2w mcbo-outcome`}
      role={outcome.severity === 'error' ? 'alert' : 'status'}
    >
      <p className="fr-alert__title">{outcome.title}</p>
      {outcome.lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {outcome.decidedId && (
        <p>
          <Link to={`/justificatifs/${outcome.decidedId}?vue=${view}`}>
            Revoir le justificatif n° {outcome.decidedId}
          </Link>
        </p>
      )}
    </div>
  );
}

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
  const { data, loading, error, refetch, startPolling, stopPolling } = useQuery(JUSTIFICATIF, {
    variables: { id },
    fetchPolicy: 'network-only',
  });
  // What j / k walk through: my pending items and the untaken ones, oldest first (or the processed ones).
  const list = useQuery(QUEUE, {
    variables: { filter: { view: view === 'PROCESSED' ? 'PROCESSED' : 'ALL_PENDING', oldestFirst: true }, first: 100 },
    fetchPolicy: 'network-only',
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
    fetchPolicy: 'network-only',
  });
  const [take] = useMutation(TAKE);
  const [validate, validation] = useMutation(VALIDATE);
  const [reject, rejection] = useMutation(REJECT);
  const [checked, setChecked] = useState<Record<string, boolean>>({});
  const [reasons, setReasons] = useState<RejectionReason[]>([]);
  const [reasonMissing, setReasonMissing] = useState(false);
  const [comment, setComment] = useState('');
  const [pending, setPending] = useState<'validate' | 'reject' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(carried);
  const [takeError, setTakeError] = useState<string | null>(null);
  const [missingShown, setMissingShown] = useState(false);
  const tried = useRef(false);
  const pre = usePrecheck(data?.justificatif, setChecked, { startPolling, stopPolling });

  const ids = useMemo(
    () =>
      (list.data?.justificatifQueue.nodes ?? [])
        .filter((n) => view === 'PROCESSED' || !n.assignedTo || n.assignedTo.id === agent.id || n.id === id)
        .map((n) => n.id),
    [list.data, view, agent.id, id],
  );
  const index = ids.indexOf(id);
  const go = useCallback(
    (offset: number) => {
      const target = index === -1 ? ids.find((x) => x !== id) : ids[index + offset];
      if (target) navigate(`/justificatifs/${target}?vue=${view}`);
      else
        setOutcome({
          severity: 'info',
          title: offset > 0 ? 'Fin de la file' : 'Début de la file',
          lines: ['Aucun autre justificatif dans ce sens.'],
        });
    },
    [ids, index, id, navigate, view],
  );

  // Opening an item takes it, so that two conseillers do not check the same piece; a colleague's stays theirs.
  useEffect(() => {
    if (!j || tried.current) return;
    if (!can(agent, 'TAKE_JUSTIFICATIF') || j.status !== 'RECEIVED' || j.assignedTo?.id === agent.id) return;
    tried.current = true;
    take({ variables: { id: j.id, agentId: agent.id } })
      .then(() => refetch())
      .catch((e: unknown) => {
        const holder = (firstGraphQLError(e)?.extensions?.assignedTo as { displayName?: string } | null | undefined)
          ?.displayName;
        setTakeError(
          errorCode(e) === 'CONFLICT' && holder
            ? `Ce justificatif est déjà pris en charge par ${holder} : vous pouvez le consulter sans le décider.`
            : agentMessage(e),
        );
        void refetch();
      });
  }, [j, agent, take, refetch]);

  const heldByColleague = !!j && j.status === 'RECEIVED' && !!j.assignedTo && j.assignedTo.id !== agent.id;
  const mayDecide = !!j && can(agent, 'DECIDE_JUSTIFICATIFS') && j.status === 'RECEIVED' && !heldByColleague;
  const requiredMissing = useMemo(
    () => (j ? j.indicator.checklist.filter((item) => item.required && !checked[item.code]) : []),
    [j, checked],
  );
  const busy = validation.loading || rejection.loading;

  const askValidate = useCallback(() => {
    if (!mayDecide || busy) return;
    if (requiredMissing.length > 0) {
      setMissingShown(true);
      return;
    }
    setPending('validate');
  }, [mayDecide, busy, requiredMissing]);
  const askReject = useCallback(() => {
    if (!mayDecide || busy) return;
    setReasonMissing(false);
    setPending('reject');
  }, [mayDecide, busy]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || pending) return;
      const target = event.target as HTMLElement;
      const typing =
        target.isContentEditable ||
        ['TEXTAREA', 'SELECT'].includes(target.tagName) ||
        (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type));
      if (typing) return;
      const actions: Record<string, () => void> = { j: () => go(1), k: () => go(-1), v: askValidate, r: askReject };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, askValidate, askReject, pending]);

  const confirm = async () => {
    if (!j || !pending) return;
    if (pending === 'reject' && reasons.length === 0) {
      setReasonMissing(true);
      document.getElementById(`reason-${firstReason}`)?.focus();
      return;
    }
    const kind = pending;
    setPending(null);
    // The item that opens next: the following one in the list, else the oldest one left.
    const others = ids.filter((x) => x !== j.id);
    const next = (index >= 0 ? ids.slice(index + 1).find((x) => x !== j.id) : undefined) ?? others[0];
    try {
      const result =
        kind === 'validate'
          ? (
              await validate({
                variables: {
                  id: j.id,
                  expectedVersion: j.version,
                  checklist: j.indicator.checklist.map((item) => ({ code: item.code, checked: !!checked[item.code] })),
                },
              })
            ).data?.validateJustificatif
          : (
              await reject({
                variables: { id: j.id, expectedVersion: j.version, reasons, comment: comment.trim() || null },
              })
            ).data?.rejectJustificatif;
      if (!result) throw new Error('empty answer');
      const status = JUSTIFICATIF_STATUS[result.justificatif.status]!.label.toLowerCase();
      const atteinte = result.indicator?.atteinte;
      const decided: Outcome = {
        severity: 'success',
        title: `Justificatif n° ${j.id} ${status}`,
        lines: [
          `${j.professional.lastName.toUpperCase()} ${j.professional.firstName} – ${j.indicator.label}.`,
          atteinte
            ? `Atteinte de l’indicateur : ${ATTEINTE[atteinte.status]!.label.toLowerCase()} – ${atteinte.reason}`
            : 'Atteinte de l’indicateur : aucune déclaration pour cette campagne.',
          ...(result.indicator?.validatedMention ? [`Mention : « ${result.indicator.validatedMention} ».`] : []),
          ...(next ? ['Le justificatif suivant est ouvert.'] : ['C’était le dernier justificatif de la file.']),
        ],
        decidedId: j.id,
      };
      void list.refetch();
      if (next) navigate(`/justificatifs/${next}?vue=${view}`, { state: { outcome: decided } });
      else {
        setOutcome(decided);
        await refetch();
      }
    } catch (e) {
      const code = errorCode(e);
      if (code === 'CONFLICT' || code === 'STALE_VERSION') {
        const decidedBy = (firstGraphQLError(e)?.extensions?.decidedBy as { displayName?: string } | null | undefined)
          ?.displayName;
        setOutcome({
          severity: 'warning',
          title: 'Décision non enregistrée',
          lines: [
            code === 'CONFLICT' && decidedBy
              ? `Ce justificatif a déjà été traité par ${decidedBy}. L’affichage a été actualisé.`
              : code === 'STALE_VERSION'
                ? 'Ce justificatif a changé depuis son ouverture. L’affichage a été actualisé : vérifiez-le avant de décider.'
                : agentMessage(e),
          ],
        });
        await refetch();
        void declared.refetch();
      } else {
        setOutcome({ severity: 'error', title: 'Décision non enregistrée', lines: [agentMessage(e)] });
      }
    }
  };

  const suggested = useMemo(
    () =>
      new Set(
        (j?.indicator.checklist ?? [])
          .filter((item) => !checked[item.code])
          .map((item) => REASON_OF_CHECK[item.code])
          .filter((r): r is RejectionReason => !!r),
      ),
    [j, checked],
  );
  const reasonOrder = useMemo(
    () =>
      (Object.keys(REJECTION_LABELS) as RejectionReason[]).sort(
        (a, b) => Number(suggested.has(b)) - Number(suggested.has(a)),
      ),
    [suggested],
  );
  const firstReason = reasonOrder[0];

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
          Raccourcis clavier : <kbd>j</kbd> suivant, <kbd>k</kbd> précédent
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
            />
          ) : (
            <Notice severity="warning">Aucun document n’est joint à ce justificatif.</Notice>
          )}
        </section>
        <section aria-labelledby="controle-title">
          <h2 id="controle-title" className="fr-h4">
            {j.indicator.label}
          </h2>
          <p className="fr-text--sm">{j.indicator.helpText}</p>
          <p>
            Valeur déclarée : <strong>{value?.value?.display ?? 'non déclarée'}</strong>
            {value?.source && <span className="mcbo-reason"> ({SOURCE_LABELS[value.source]})</span>}
          </p>
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
            <>
              <fieldset className="fr-fieldset" aria-describedby="checklist-hint">
                <legend className="fr-fieldset__legend">Ce que la pièce doit montrer</legend>
                <p id="checklist-hint" className="fr-hint-text fr-fieldset__element">
                  Les éléments marqués « le cas échéant » ne sont pas exigés pour valider.
                </p>
                {j.indicator.checklist.map((item) => (
                  <div className="fr-fieldset__element" key={item.code}>
                    <div className="fr-checkbox-group">
                      <input
                        type="checkbox"
                        id={`check-${item.code}`}
                        name="checklist"
                        checked={!!checked[item.code]}
                        onChange={(e) => setChecked({ ...checked, [item.code]: e.target.checked })}
                      />
                      <label className="fr-label" htmlFor={`check-${item.code}`}>
                        {item.label}
                        {item.required ? '' : ' (le cas échéant)'}
                        <FindingHint finding={pre.findingOf(item.code)} />
                      </label>
                    </div>
                    <ShowEvidence
                      finding={pre.findingOf(item.code)}
                      label={item.label}
                      onShow={() => pre.show(pre.findingOf(item.code)!)}
                    />
                  </div>
                ))}
              </fieldset>
              <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--icon-left">
                <li>
                  <button
                    type="button"
                    className="fr-btn fr-icon-check-line fr-btn--icon-left"
                    disabled={busy}
                    aria-describedby="validate-hint"
                    onClick={askValidate}
                  >
                    Valider
                  </button>
                </li>
                <li>
                  <button
                    type="button"
                    className="fr-btn fr-btn--secondary fr-icon-close-line fr-btn--icon-left"
                    disabled={busy}
                    onClick={askReject}
                  >
                    Rejeter
                  </button>
                </li>
              </ul>
              {missingShown && requiredMissing.length > 0 ? (
                <div className="fr-messages-group" id="validate-hint" role="alert">
                  <p className="fr-message fr-message--error">
                    Validation impossible : la pièce doit montrer{' '}
                    {requiredMissing.map((i) => `« ${i.label} »`).join(', ')}. Cochez ces éléments, ou rejetez la pièce.
                  </p>
                </div>
              ) : (
                <p className="mcbo-reason" id="validate-hint">
                  {requiredMissing.length > 0
                    ? `Pour valider, cochez les éléments requis (${requiredMissing.length} restant${requiredMissing.length > 1 ? 's' : ''}) ; sinon rejetez la pièce.`
                    : 'Tous les éléments requis sont cochés.'}
                </p>
              )}
              {busy && <Loading what="Enregistrement de la décision…" />}
            </>
          ) : (
            <Decided j={j} heldByColleague={heldByColleague} />
          )}
          <History entries={j.history} />
        </section>
      </div>

      <Modal
        id="confirmation"
        open={pending !== null}
        title={pending === 'validate' ? 'Valider ce justificatif ?' : 'Rejeter ce justificatif ?'}
        onClose={() => setPending(null)}
        footer={
          <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--right">
            <li>
              <button type="button" className="fr-btn fr-btn--secondary" onClick={() => setPending(null)}>
                Annuler
              </button>
            </li>
            <li>
              <button type="button" className="fr-btn" onClick={confirm}>
                {pending === 'validate' ? 'Confirmer la validation' : 'Confirmer le rejet'}
              </button>
            </li>
          </ul>
        }
      >
        <p>
          {j.professional.lastName.toUpperCase()} {j.professional.firstName} – {j.indicator.label}
        </p>
        {pending === 'validate' ? (
          <>
            <p>La mention « pièce justificative validée par la CPAM » s’affichera sous l’indicateur.</p>
            <p>Éléments constatés :</p>
            <ul>
              {j.indicator.checklist
                .filter((item) => checked[item.code])
                .map((item) => (
                  <li key={item.code}>{item.label}</li>
                ))}
            </ul>
          </>
        ) : (
          <>
            <fieldset
              className={`fr-fieldset${reasonMissing ? ' fr-fieldset--error' : ''}`}
              aria-labelledby="reasons-legend"
              aria-describedby={reasonMissing ? 'reasons-error' : undefined}
            >
              <legend className="fr-fieldset__legend" id="reasons-legend">
                Motifs de rejet (au moins un)
                <span className="fr-hint-text">En premier, ceux des éléments non cochés.</span>
              </legend>
              {reasonOrder.map((code) => (
                <div className="fr-fieldset__element" key={code}>
                  <div className="fr-checkbox-group fr-checkbox-group--sm">
                    <input
                      type="checkbox"
                      id={`reason-${code}`}
                      name="reasons"
                      checked={reasons.includes(code)}
                      onChange={(e) => {
                        setReasonMissing(false);
                        setReasons(e.target.checked ? [...reasons, code] : reasons.filter((r) => r !== code));
                      }}
                    />
                    <label className="fr-label" htmlFor={`reason-${code}`}>
                      {REJECTION_LABELS[code]}
                      {suggested.has(code) ? ' (élément non coché)' : ''}
                    </label>
                  </div>
                </div>
              ))}
              {reasonMissing && (
                <div className="fr-messages-group" id="reasons-error" aria-live="assertive">
                  <p className="fr-message fr-message--error">Choisissez au moins un motif de rejet.</p>
                </div>
              )}
            </fieldset>
            <div className="fr-input-group">
              <label className="fr-label" htmlFor="comment">
                Commentaire pour le professionnel (facultatif)
              </label>
              <textarea
                className="fr-input"
                id="comment"
                rows={3}
                maxLength={2000}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
            </div>
          </>
        )}
      </Modal>
    </>
  );
}

type Loaded = JustificatifQuery['justificatif'];

function Decided({ j, heldByColleague }: { j: Loaded; heldByColleague: boolean }) {
  if (j.status === 'RECEIVED')
    return (
      <Notice severity="info">
        {heldByColleague
          ? `Pris en charge par ${j.assignedTo?.displayName} : lecture seule.`
          : 'Votre rôle permet de consulter ce justificatif, pas de le décider.'}
      </Notice>
    );
  return (
    <div className="fr-mb-2w">
      <p>
        <strong>{JUSTIFICATIF_STATUS[j.status]!.label}</strong>
        {j.decidedBy ? ` par ${j.decidedBy.displayName}` : ''}
        {j.decidedAt ? ` le ${frenchDate(j.decidedAt)}` : ''}.
      </p>
      {j.rejectionReasons && j.rejectionReasons.length > 0 && (
        <>
          <p className="fr-mb-1v">Motifs de rejet :</p>
          <ul>
            {j.rejectionReasons.map((r) => (
              <li key={r}>{REJECTION_LABELS[r]}</li>
            ))}
          </ul>
        </>
      )}
      {j.comment && <p className="mcbo-reason">Commentaire : {j.comment}</p>}
      {j.checklist && j.checklist.length > 0 && (
        <>
          <p className="fr-mb-1v">Éléments constatés :</p>
          <ul>
            {j.checklist.map((entry) => (
              <li key={entry.code}>
                {j.indicator.checklist.find((item) => item.code === entry.code)?.label ?? entry.code} :{' '}
                {entry.checked ? 'oui' : 'non'}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function History({ entries }: { entries: Loaded['history'] }) {
  if (entries.length === 0) return null;
  return (
    <>
      <h3 className="fr-h6 fr-mt-3w">Historique</h3>
      <ul className="mcbo-reason">
        {entries.map((h) => (
          <li key={h.id}>
            {frenchDate(h.at)} – {HISTORY_LABELS[h.action] ?? h.action.toLowerCase()}
            {h.agent ? ` par ${h.agent.displayName}` : ''}
            {h.reasons && h.reasons.length > 0 ? ` (${h.reasons.map((r) => REJECTION_LABELS[r]).join(' ; ')})` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}
