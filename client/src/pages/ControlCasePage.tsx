import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { agentMessage } from '../errors';
import { graphql } from '../gql';
import type { ControlCaseScreenQuery, ControlOutcome } from '../gql/graphql';
import { PROFESSION_LABELS, dateTime, euros, frenchDate } from '../format';
import { can, useAgent } from '../session';
import { Badge, ErrorAlert, Loading, Modal, Notice, usePageTitle } from '../ui';

export const CONTROL_CASE_FIELDS = graphql(`
  fragment ControlCaseFields on ControlCase {
    id
    status
    statusLabel
    version
    openedAt
    planLabel
    requestChannel
    requestDelivery
    responseDeadline
    deadlinePassed
    comment
    induCents
    induReason
    induLines {
      label
      paidCents
      dueCents
      induCents
      reason
    }
    findings {
      indicatorCode
      motifLabels
    }
    pieces {
      fileUrl
      receivedAt
      channel
    }
    assignedTo {
      id
      displayName
    }
    indicators {
      code
      label
      finding
      motifs {
        code
        label
      }
    }
    professional {
      id
      lastName
      firstName
      profession
      caisseCode
    }
    history {
      id
      action
      at
      agentName
    }
  }
`);

const CASE = graphql(`
  query ControlCaseScreen($id: ID!) {
    controlCase(id: $id) {
      ...ControlCaseFields
    }
  }
`);

const TAKE = graphql(`
  mutation TakeControlCase($id: ID!, $v: Int!) {
    takeControlCase(id: $id, expectedVersion: $v) {
      __typename
      ... on ControlCaseUpdated {
        controlCase {
          ...ControlCaseFields
        }
      }
      ... on ControlCaseRefused {
        message
        controlCase {
          ...ControlCaseFields
        }
      }
    }
  }
`);

const REQUEST = graphql(`
  mutation RequestControlPieces($id: ID!, $v: Int!) {
    requestControlPieces(id: $id, expectedVersion: $v, channel: LETTER) {
      __typename
      ... on ControlCaseUpdated {
        controlCase {
          ...ControlCaseFields
        }
      }
      ... on ControlCaseRefused {
        message
        controlCase {
          ...ControlCaseFields
        }
      }
    }
  }
`);

const ATTACH = graphql(`
  mutation AttachControlPiece($id: ID!, $v: Int!, $fileId: String!) {
    attachControlPiece(id: $id, expectedVersion: $v, fileId: $fileId, channel: POST) {
      __typename
      ... on ControlCaseUpdated {
        controlCase {
          ...ControlCaseFields
        }
      }
      ... on ControlCaseRefused {
        message
        controlCase {
          ...ControlCaseFields
        }
      }
    }
  }
`);

/** Uploads the document (POST /api/files) and answers its identifier, or throws with the server's message. */
async function upload(file: File): Promise<string> {
  const body = new FormData();
  body.append('file', file);
  const response = await fetch('/api/files', {
    method: 'POST',
    body,
    credentials: 'same-origin',
    headers: { 'X-Mcbo-Csrf': '1' },
  });
  const json = (await response.json().catch(() => ({}))) as { id?: string; error?: { message?: string } };
  if (!response.ok || !json.id) throw new Error(json.error?.message ?? 'Dépôt du fichier impossible.');
  return json.id;
}

const CONCLUDE = graphql(`
  mutation ConcludeControlCase(
    $id: ID!
    $v: Int!
    $outcome: ControlOutcome!
    $motifs: [ControlFindingInput!]
    $comment: String
  ) {
    concludeControlCase(id: $id, expectedVersion: $v, outcome: $outcome, motifs: $motifs, comment: $comment) {
      __typename
      ... on ControlCaseUpdated {
        controlCase {
          ...ControlCaseFields
        }
      }
      ... on ControlCaseRefused {
        message
        controlCase {
          ...ControlCaseFields
        }
      }
    }
  }
`);

type Case = NonNullable<ControlCaseScreenQuery['controlCase']>;
const OUTCOME_LABELS: Record<ControlOutcome, string> = {
  COMPLIANT: 'Conforme',
  NON_COMPLIANT: 'Non conforme',
  NO_RESPONSE: 'Sans réponse (délai dépassé)',
};

function ConcludeDialog({
  c,
  open,
  onClose,
  onDone,
}: {
  c: Case;
  open: boolean;
  onClose: () => void;
  onDone: (m: string | null) => void;
}) {
  const [outcome, setOutcome] = useState<ControlOutcome>('COMPLIANT');
  const [motifs, setMotifs] = useState<Record<string, string[]>>({});
  const [comment, setComment] = useState('');
  const [conclude, state] = useMutation(CONCLUDE);
  const chosen = Object.entries(motifs).filter(([, m]) => m.length > 0);
  const consequence =
    outcome === 'COMPLIANT'
      ? 'Les indicateurs contrôlés restent atteints.'
      : `Les indicateurs ${outcome === 'NO_RESPONSE' ? 'contrôlés' : chosen.map(([code]) => code).join(', ')} deviendront non atteints pour cette campagne ; la rémunération sera recalculée et l’indu (versé − dû) calculé.`;
  const submit = async () => {
    const result = await conclude({
      variables: {
        id: c.id,
        v: c.version,
        outcome,
        motifs: outcome === 'NON_COMPLIANT' ? chosen.map(([indicatorCode, m]) => ({ indicatorCode, motifs: m })) : null,
        comment: comment || null,
      },
    }).catch(() => null);
    const r = result?.data?.concludeControlCase;
    if (r) onDone(r.__typename === 'ControlCaseRefused' ? r.message : null);
  };
  return (
    <Modal
      id="conclude-dialog"
      open={open}
      title="Conclure le contrôle"
      onClose={onClose}
      footer={
        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--right">
          <li>
            <button type="button" className="fr-btn fr-btn--secondary" onClick={onClose}>
              Annuler
            </button>
          </li>
          <li>
            <button
              type="button"
              className="fr-btn"
              disabled={state.loading || (outcome === 'NON_COMPLIANT' && chosen.length === 0)}
              onClick={() => void submit()}
            >
              Confirmer : {OUTCOME_LABELS[outcome].toLowerCase()}
            </button>
          </li>
        </ul>
      }
    >
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Conclusion</legend>
        {(Object.keys(OUTCOME_LABELS) as ControlOutcome[]).map((o) => (
          <div className="fr-fieldset__element" key={o}>
            <div className="fr-radio-group">
              <input
                type="radio"
                id={`outcome-${o}`}
                name="outcome"
                checked={outcome === o}
                onChange={() => setOutcome(o)}
              />
              <label className="fr-label" htmlFor={`outcome-${o}`}>
                {OUTCOME_LABELS[o]}
              </label>
            </div>
          </div>
        ))}
      </fieldset>
      {outcome === 'NON_COMPLIANT' &&
        c.indicators.map((i) => (
          <fieldset className="fr-fieldset" key={i.code}>
            <legend className="fr-fieldset__legend">Motifs pour « {i.label} »</legend>
            {i.motifs.map((m) => {
              const id = `motif-${i.code}-${m.code}`;
              const checked = motifs[i.code]?.includes(m.code) ?? false;
              return (
                <div className="fr-fieldset__element" key={m.code}>
                  <div className="fr-checkbox-group">
                    <input
                      type="checkbox"
                      id={id}
                      checked={checked}
                      onChange={() =>
                        setMotifs((all) => ({
                          ...all,
                          [i.code]: checked
                            ? (all[i.code] ?? []).filter((x) => x !== m.code)
                            : [...(all[i.code] ?? []), m.code],
                        }))
                      }
                    />
                    <label className="fr-label" htmlFor={id}>
                      {m.label}
                    </label>
                  </div>
                </div>
              );
            })}
          </fieldset>
        ))}
      <div className="fr-input-group">
        <label className="fr-label" htmlFor="conclude-comment">
          Commentaire (facultatif)
        </label>
        <textarea
          className="fr-input"
          id="conclude-comment"
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      <p>{consequence}</p>
      {state.error && <Notice severity="error">{agentMessage(state.error)}</Notice>}
    </Modal>
  );
}

export function ControlCasePage() {
  const { id = '' } = useParams();
  const agent = useAgent();
  usePageTitle('Dossier de contrôle');
  const { data, loading, error } = useQuery(CASE, { variables: { id } });
  const [take] = useMutation(TAKE);
  const [request] = useMutation(REQUEST);
  const [attach] = useMutation(ATTACH);
  const [file, setFile] = useState<File | null>(null);
  const [dialog, setDialog] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  if (loading && !data) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  const c = data!.controlCase as Case;
  const conducts = can(agent, 'CONDUCT_CONTROLS');
  const act = async (run: () => Promise<{ __typename: string; message?: string } | null | undefined>) => {
    const r = await run().catch((e: unknown) => ({ __typename: 'Error', message: agentMessage(e) }));
    setMessage(r && r.__typename !== 'ControlCaseUpdated' ? (r.message ?? null) : null);
  };
  return (
    <div className="fr-container fr-my-4w">
      <p>
        <Link to="/controles">← Contrôles a posteriori</Link>
      </p>
      <h1>
        Contrôle n° {c.id} — {c.professional.lastName} {c.professional.firstName}
      </h1>
      <p>
        <Badge severity="info">{c.statusLabel}</Badge> {PROFESSION_LABELS[c.professional.profession]}, caisse{' '}
        {c.professional.caisseCode} · plan « {c.planLabel} » · ouvert le {dateTime(c.openedAt)} · pris en charge par{' '}
        {c.assignedTo?.displayName ?? 'personne'}
      </p>
      {message && <Notice severity="warning">{message}</Notice>}
      {c.requestDelivery === 'PENDING_OUTBOX' && (
        <Notice severity="warning">
          Demande de pièces enregistrée mais non envoyée (pas encore de module de communication) : envoyez le courrier
          vous-même. Réponse attendue avant le {frenchDate(c.responseDeadline)}.
        </Notice>
      )}
      <h2>Indicateurs contrôlés</h2>
      <ul>
        {c.indicators.map((i) => (
          <li key={i.code}>
            {i.label} ({i.code}){i.finding ? ` — ${i.finding}` : ''}
          </li>
        ))}
      </ul>
      {conducts && (
        <ul className="fr-btns-group fr-btns-group--inline">
          {c.status !== 'CONCLUDED_COMPLIANT' &&
            c.status !== 'CONCLUDED_NON_COMPLIANT' &&
            c.status !== 'NO_RESPONSE' &&
            !c.assignedTo && (
              <li>
                <button
                  className="fr-btn fr-btn--secondary"
                  type="button"
                  onClick={() =>
                    void act(async () => (await take({ variables: { id: c.id, v: c.version } })).data?.takeControlCase)
                  }
                >
                  Prendre en charge
                </button>
              </li>
            )}
          {c.status === 'OPEN' && (
            <li>
              <button
                className="fr-btn"
                type="button"
                onClick={() =>
                  void act(
                    async () => (await request({ variables: { id: c.id, v: c.version } })).data?.requestControlPieces,
                  )
                }
              >
                Demander les pièces (courrier)
              </button>
            </li>
          )}
          {(c.status === 'PIECES_REQUESTED' || c.status === 'PIECES_RECEIVED') && (
            <li>
              <div className="fr-upload-group">
                <label className="fr-label" htmlFor="control-piece">
                  Pièce reçue (PDF, JPEG ou PNG)
                </label>
                <input
                  className="fr-upload"
                  type="file"
                  id="control-piece"
                  accept="application/pdf,image/jpeg,image/png"
                  onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                />
              </div>
              <button
                className="fr-btn fr-btn--secondary fr-mt-1w"
                type="button"
                disabled={!file}
                onClick={() =>
                  void act(async () => {
                    const fileId = await upload(file!);
                    return (await attach({ variables: { id: c.id, v: c.version, fileId } })).data?.attachControlPiece;
                  })
                }
              >
                Attacher la pièce
              </button>
            </li>
          )}
          {(c.status === 'PIECES_RECEIVED' || (c.status === 'PIECES_REQUESTED' && c.deadlinePassed)) && (
            <li>
              <button className="fr-btn" type="button" onClick={() => setDialog(true)}>
                Conclure…
              </button>
            </li>
          )}
        </ul>
      )}
      {c.pieces.length > 0 && (
        <>
          <h2>Pièces reçues</h2>
          <ul>
            {c.pieces.map((p) => (
              <li key={p.fileUrl + p.receivedAt}>
                <a href={p.fileUrl}>Pièce du {dateTime(p.receivedAt)}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {c.induCents !== null && c.induCents !== undefined && (
        <>
          <h2>Indu : {euros(c.induCents)}</h2>
          <p>{c.induReason}</p>
          {c.induLines.length > 0 && (
            <div className="fr-table">
              <table tabIndex={0}>
                <caption>Détail par ligne de rémunération</caption>
                <thead>
                  <tr>
                    <th scope="col">Ligne</th>
                    <th scope="col">Versé</th>
                    <th scope="col">Dû</th>
                    <th scope="col">Indu</th>
                    <th scope="col">Raison</th>
                  </tr>
                </thead>
                <tbody>
                  {c.induLines.map((l) => (
                    <tr key={l.label}>
                      <td>{l.label}</td>
                      <td>{euros(l.paidCents)}</td>
                      <td>{euros(l.dueCents)}</td>
                      <td>{euros(l.induCents)}</td>
                      <td>{l.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <h2>Historique</h2>
      <ul>
        {c.history.map((h) => (
          <li key={h.id}>
            {dateTime(h.at)} — {h.action} {h.agentName ? `(${h.agentName})` : ''}
          </li>
        ))}
      </ul>
      <ConcludeDialog
        c={c}
        open={dialog}
        onClose={() => setDialog(false)}
        onDone={(m) => {
          setDialog(false);
          setMessage(m);
        }}
      />
    </div>
  );
}
