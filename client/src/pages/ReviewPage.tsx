import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { errorCode, firstGraphQLError, agentMessage } from '../errors';
import { graphql } from '../gql';
import type { JustificatifQueueView, RejectionReason } from '../gql/graphql';
import { ATTEINTE, JUSTIFICATIF_STATUS, REJECTION_LABELS, frenchDate } from '../format';
import { useAgent } from '../session';
import { Badge, ErrorAlert, Loading, Notice } from '../ui';
import { QUEUE } from './QueuePage';

const JUSTIFICATIF = graphql(`
  query Justificatif($id: ID!) {
    justificatif(id: $id) {
      id
      status
      version
      ageDays
      receivedAt
      channel
      fileUrl
      rejectionReasons
      comment
      assignedTo {
        id
        displayName
      }
      decidedBy {
        displayName
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
          justificatifRequired {
            reason
          }
        }
      }
    }
  }
`);

const TAKE = graphql(`
  mutation TakeJustificatif($id: ID!, $agentId: ID) {
    assignJustificatif(id: $id, agentId: $agentId) {
      id
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
      }
      indicator {
        atteinte {
          status
          reason
        }
      }
    }
  }
`);

/** The document, fetched with the session cookie and shown from a blob (the server's CSP sandboxes direct views). */
function DocumentView({ url, title }: { url: string; title: string }) {
  const [state, setState] = useState<{ src: string; type: string } | { error: string } | null>(null);
  useEffect(() => {
    let revoked: string | null = null;
    fetch(url, { credentials: 'same-origin' })
      .then(async (response) => {
        if (!response.ok) throw new Error('document');
        const blob = await response.blob();
        revoked = URL.createObjectURL(blob);
        setState({ src: revoked, type: blob.type });
      })
      .catch(() => setState({ error: 'Le document ne peut pas être affiché.' }));
    return () => {
      if (revoked) URL.revokeObjectURL(revoked);
    };
  }, [url]);
  if (!state) return <Loading what="Chargement du document…" />;
  if ('error' in state) return <Notice severity="error">{state.error}</Notice>;
  return state.type === 'application/pdf' ? (
    <iframe className="mcbo-document" src={state.src} title={title} />
  ) : (
    <img className="mcbo-document-img" src={state.src} alt={title} />
  );
}

type Pending = { kind: 'validate' } | { kind: 'reject' } | null;

export function ReviewPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const view = (params.get('vue') as JustificatifQueueView | null) ?? 'TO_PROCESS';
  const navigate = useNavigate();
  const agent = useAgent();
  const { data, loading, error, refetch } = useQuery(JUSTIFICATIF, { variables: { id }, fetchPolicy: 'network-only' });
  const queue = useQuery(QUEUE, {
    variables: { filter: { view: view === 'PROCESSED' ? 'PROCESSED' : 'ALL_PENDING' }, first: 100 },
    fetchPolicy: 'network-only',
  });
  const j = data?.justificatif;
  const declared = useQuery(DECLARED, {
    variables: {
      id: j?.professional.id ?? '',
      year: j?.campaign.referenceYear ?? 0,
      scheme: j?.campaign.scheme ?? 'FAMI',
    },
    skip: !j,
  });
  const [take, taken] = useMutation(TAKE);
  const [validate, validation] = useMutation(VALIDATE);
  const [reject, rejection] = useMutation(REJECT);
  const [checked, setChecked] = useState<Record<string, boolean>>({});
  const [reasons, setReasons] = useState<RejectionReason[]>([]);
  const [comment, setComment] = useState('');
  const [pending, setPending] = useState<Pending>(null);
  const [outcome, setOutcome] = useState<{ severity: 'success' | 'warning' | 'error'; text: string } | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  const ids = useMemo(() => queue.data?.justificatifQueue.nodes.map((n) => n.id) ?? [], [queue.data]);
  const index = ids.indexOf(id);
  const go = useCallback(
    (offset: number) => {
      const target = ids[index + offset] ?? (index === -1 ? ids[0] : undefined);
      if (target) navigate(`/justificatifs/${target}?vue=${view}`);
    },
    [ids, index, navigate, view],
  );

  // Opening an item nobody holds takes it, so that two conseillers do not check the same piece.
  useEffect(() => {
    setChecked({});
    setReasons([]);
    setComment('');
    setOutcome(null);
  }, [id]);
  useEffect(() => {
    if (j && j.status === 'RECEIVED' && !j.assignedTo) {
      take({ variables: { id: j.id, agentId: agent.id } })
        .then(() => refetch())
        .catch(() => refetch());
    }
  }, [j, agent.id, take, refetch]);

  const open = (kind: 'validate' | 'reject') => {
    setPending({ kind });
    dialog.current?.showModal();
  };
  const close = () => {
    dialog.current?.close();
    setPending(null);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || dialog.current?.open) return;
      if (event.key === 'j') go(1);
      if (event.key === 'k') go(-1);
      if (event.key === 'v' && j?.status === 'RECEIVED') open('validate');
      if (event.key === 'r' && j?.status === 'RECEIVED') open('reject');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, j]);

  const confirm = async () => {
    if (!j || !pending) return;
    close();
    try {
      if (pending.kind === 'validate') {
        const checklist = j.indicator.checklist.map((item) => ({ code: item.code, checked: !!checked[item.code] }));
        const result = await validate({ variables: { id: j.id, expectedVersion: j.version, checklist } });
        const a = result.data?.validateJustificatif.indicator?.atteinte;
        setOutcome({
          severity: 'success',
          text: `Justificatif validé. Atteinte de l’indicateur : ${a ? ATTEINTE[a.status]!.label.toLowerCase() : '—'}.`,
        });
      } else {
        const result = await reject({
          variables: { id: j.id, expectedVersion: j.version, reasons, comment: comment || null },
        });
        const a = result.data?.rejectJustificatif.indicator?.atteinte;
        setOutcome({
          severity: 'success',
          text: `Justificatif rejeté. Atteinte de l’indicateur : ${a ? ATTEINTE[a.status]!.label.toLowerCase() : '—'}.`,
        });
      }
      await refetch();
      await queue.refetch();
    } catch (e) {
      const code = errorCode(e);
      if (code === 'CONFLICT' || code === 'STALE_VERSION') {
        const decidedBy = (firstGraphQLError(e)?.extensions?.decidedBy as { displayName?: string } | undefined)
          ?.displayName;
        setOutcome({
          severity: 'warning',
          text: decidedBy
            ? `Décision non enregistrée : ce justificatif a déjà été traité par ${decidedBy}. L’affichage a été actualisé.`
            : agentMessage(e),
        });
        await refetch();
      } else {
        setOutcome({ severity: 'error', text: agentMessage(e) });
      }
    }
  };

  if (loading && !data) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  if (!j) return null;
  const requiredMissing = j.indicator.checklist.filter((item) => item.required && !checked[item.code]);
  const value = declared.data?.professional?.declaration?.indicators.find((i) => i.indicator.code === j.indicator.code);
  const busy = validation.loading || rejection.loading || taken.loading;

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
      <h1>
        {j.indicator.label} — {j.professional.lastName.toUpperCase()} {j.professional.firstName}
      </h1>
      <p>
        <Badge severity={JUSTIFICATIF_STATUS[j.status]!.severity}>{JUSTIFICATIF_STATUS[j.status]!.label}</Badge>{' '}
        {j.campaign.label} · reçu le {frenchDate(j.receivedAt)} ({j.ageDays} j) · N° AM {j.professional.amNumber} ·{' '}
        <Link to={`/professionnels/${j.professional.id}`}>dossier du professionnel</Link>
        {j.assignedTo && ` · pris par ${j.assignedTo.displayName}`}
      </p>
      <p className="mcbo-shortcuts mcbo-reason">
        Raccourcis : <kbd>j</kbd> suivant, <kbd>k</kbd> précédent, <kbd>v</kbd> valider, <kbd>r</kbd> rejeter.
      </p>
      {outcome && <Notice severity={outcome.severity}>{outcome.text}</Notice>}
      <div className="mcbo-review">
        <section aria-label="Document">
          {j.fileUrl ? (
            <DocumentView url={j.fileUrl} title={`Pièce justificative n° ${j.id}`} />
          ) : (
            <Notice severity="warning">Aucun document.</Notice>
          )}
        </section>
        <section aria-label="Contrôle">
          <h2 className="fr-h4">Ce que dit la règle</h2>
          <p>{j.indicator.helpText}</p>
          <p>
            Valeur déclarée : <strong>{value?.value?.display ?? 'non déclarée'}</strong>
          </p>
          {value && <p className="mcbo-reason">{value.justificatifRequired.reason}</p>}
          {j.status === 'RECEIVED' ? (
            <>
              <fieldset className="fr-fieldset">
                <legend className="fr-fieldset__legend">La pièce montre :</legend>
                {j.indicator.checklist.map((item) => (
                  <div className="fr-fieldset__element" key={item.code}>
                    <div className="fr-checkbox-group">
                      <input
                        type="checkbox"
                        id={`check-${item.code}`}
                        checked={!!checked[item.code]}
                        onChange={(e) => setChecked({ ...checked, [item.code]: e.target.checked })}
                      />
                      <label className="fr-label" htmlFor={`check-${item.code}`}>
                        {item.label}
                        {item.required ? '' : ' (le cas échéant)'}
                      </label>
                    </div>
                  </div>
                ))}
              </fieldset>
              <ul className="fr-btns-group fr-btns-group--inline">
                <li>
                  <button
                    className="fr-btn"
                    disabled={busy || requiredMissing.length > 0}
                    onClick={() => open('validate')}
                  >
                    Valider
                  </button>
                </li>
                <li>
                  <button className="fr-btn fr-btn--secondary" disabled={busy} onClick={() => open('reject')}>
                    Rejeter
                  </button>
                </li>
                <li>
                  <button className="fr-btn fr-btn--tertiary" onClick={() => go(1)} disabled={index >= ids.length - 1}>
                    Suivant
                  </button>
                </li>
              </ul>
              {requiredMissing.length > 0 && (
                <p className="mcbo-reason">Cochez les éléments requis pour valider, ou rejetez la pièce.</p>
              )}
            </>
          ) : (
            <>
              <p>Décidé {j.decidedBy ? `par ${j.decidedBy.displayName}` : ''}.</p>
              {j.rejectionReasons && (
                <ul>
                  {j.rejectionReasons.map((r) => (
                    <li key={r}>{REJECTION_LABELS[r]}</li>
                  ))}
                </ul>
              )}
              <button className="fr-btn fr-btn--secondary" onClick={() => go(1)} disabled={index >= ids.length - 1}>
                Justificatif suivant
              </button>
            </>
          )}
        </section>
      </div>

      <dialog ref={dialog} aria-labelledby="confirm-title" className="fr-p-4w" onClose={() => setPending(null)}>
        <h2 id="confirm-title" className="fr-h4">
          {pending?.kind === 'validate' ? 'Valider ce justificatif ?' : 'Rejeter ce justificatif ?'}
        </h2>
        {pending?.kind === 'validate' ? (
          <p>La mention « pièce justificative validée par la CPAM » s’affichera sous l’indicateur.</p>
        ) : (
          <fieldset className="fr-fieldset">
            <legend className="fr-fieldset__legend">Motifs de rejet (au moins un)</legend>
            {Object.entries(REJECTION_LABELS).map(([code, label]) => (
              <div className="fr-fieldset__element" key={code}>
                <div className="fr-checkbox-group fr-checkbox-group--sm">
                  <input
                    type="checkbox"
                    id={`reason-${code}`}
                    checked={reasons.includes(code as RejectionReason)}
                    onChange={(e) =>
                      setReasons(
                        e.target.checked ? [...reasons, code as RejectionReason] : reasons.filter((r) => r !== code),
                      )
                    }
                  />
                  <label className="fr-label" htmlFor={`reason-${code}`}>
                    {label}
                  </label>
                </div>
              </div>
            ))}
            <div className="fr-input-group">
              <label className="fr-label" htmlFor="comment">
                Commentaire pour le professionnel
              </label>
              <textarea
                className="fr-input"
                id="comment"
                rows={2}
                maxLength={2000}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
            </div>
          </fieldset>
        )}
        <ul className="fr-btns-group fr-btns-group--inline">
          <li>
            <button className="fr-btn" onClick={confirm} disabled={pending?.kind === 'reject' && reasons.length === 0}>
              Confirmer
            </button>
          </li>
          <li>
            <button className="fr-btn fr-btn--secondary" onClick={close}>
              Annuler
            </button>
          </li>
        </ul>
      </dialog>
    </>
  );
}
