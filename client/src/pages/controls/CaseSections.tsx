/**
 * Pieces of a control case shared by the case page, the queue and the professional's file: the status badge,
 * the request's message and its delivery, the indu with its lines, the pieces and the history.
 */
import type { CommunicationStatus, ControlCaseStatus } from '../../gql/graphql';
import { dateTime, euros, frenchDate } from '../../format';
import { Badge, Notice } from '../../ui';

const STATUS_SEVERITY: Record<ControlCaseStatus, string> = {
  OPEN: 'info',
  PIECES_REQUESTED: 'info',
  PIECES_RECEIVED: 'new',
  CONCLUDED_COMPLIANT: 'success',
  CONCLUDED_NON_COMPLIANT: 'error',
  NO_RESPONSE: 'error',
};

export function ControlStatusBadge({ status, label }: { status: ControlCaseStatus; label: string }) {
  return <Badge severity={STATUS_SEVERITY[status]}>{label}</Badge>;
}

export const CONTROL_ACTION_LABELS: Record<string, string> = {
  OPENED: 'Dossier ouvert (tirage du plan)',
  ASSIGNED: 'Pris en charge',
  RELEASED: 'Libéré',
  PIECES_REQUESTED: 'Pièces demandées',
  PIECE_ATTACHED: 'Pièce reçue attachée',
  CONCLUDED_COMPLIANT: 'Conclu conforme',
  CONCLUDED_NON_COMPLIANT: 'Conclu non conforme',
  NO_RESPONSE: 'Clos sans réponse',
};

const MESSAGE_STATUS: Record<CommunicationStatus, { label: string; severity: 'info' | 'success' | 'warning' }> = {
  QUEUED: { label: 'en file d’envoi', severity: 'info' },
  SENDING: { label: 'en cours d’envoi', severity: 'info' },
  SENT: { label: 'envoyée', severity: 'success' },
  FAILED: { label: 'en échec', severity: 'warning' },
};

interface RequestProps {
  requestDelivery: string | null;
  responseDeadline: string | null;
  requestMessage: {
    channel: string;
    status: CommunicationStatus;
    lastError: string | null;
    createdAt: string;
    sentAt: string | null;
    url: string;
  } | null;
}

/** Where the request for pieces stands: the outbox message's status, or the old « not sent » warning. */
export function RequestStatus({ requestDelivery, responseDeadline, requestMessage: m }: RequestProps) {
  const deadline = `Réponse attendue au plus tard le ${frenchDate(responseDeadline)}.`;
  if (requestDelivery === 'PENDING_OUTBOX') {
    return (
      <Notice severity="warning">
        Demande de pièces enregistrée avant le module de communication, non envoyée : envoyez le courrier vous-même.{' '}
        {deadline}
      </Notice>
    );
  }
  if (!m) return null;
  const status = MESSAGE_STATUS[m.status];
  const channel = m.channel === 'EMAIL' ? 'par courriel' : 'par courrier';
  const when = m.sentAt ? ` le ${dateTime(m.sentAt)}` : '';
  return (
    <Notice severity={status.severity}>
      Demande de pièces {channel} : {status.label}
      {when}
      {m.status === 'FAILED' && m.lastError ? ` (${m.lastError})` : ''}. {deadline}{' '}
      <a href={m.url} target="_blank" rel="noreferrer">
        Voir le message <span className="fr-sr-only">(nouvelle fenêtre)</span>
      </a>
    </Notice>
  );
}

interface InduProps {
  induCents: number | null | undefined;
  induReason: string | null;
  induLines: { label: string; paidCents: number; dueCents: number; induCents: number; reason: string }[];
  /** Heading level: h2 on the case page, h3 inside the professional's file. */
  level?: 2 | 3;
  caption?: string;
}

export function InduDetails({ induCents, induReason, induLines, level = 2, caption }: InduProps) {
  if (induCents === null || induCents === undefined) return null;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <>
      <Heading>Indu : {euros(induCents)}</Heading>
      <p>{induReason}</p>
      {induLines.length > 0 && (
        <div className="fr-table">
          {/* Scrolls on a phone: focusable so that a keyboard can scroll it. */}
          <table tabIndex={0}>
            <caption>{caption ?? 'Détail par ligne de rémunération'}</caption>
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
              {induLines.map((l) => (
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
  );
}

export function PiecesList({ pieces }: { pieces: { fileUrl: string; receivedAt: string }[] }) {
  if (pieces.length === 0) return null;
  return (
    <>
      <h2>Pièces reçues</h2>
      <ul>
        {pieces.map((p) => (
          <li key={p.fileUrl + p.receivedAt}>
            <a href={p.fileUrl}>Pièce du {dateTime(p.receivedAt)}</a>
          </li>
        ))}
      </ul>
    </>
  );
}

export function CaseHistory({
  history,
}: {
  history: { id: string; action: string; at: string; agentName: string | null }[];
}) {
  return (
    <>
      <h2>Historique</h2>
      <ul>
        {history.map((h) => (
          <li key={h.id}>
            {dateTime(h.at)} — {CONTROL_ACTION_LABELS[h.action] ?? h.action}
            {h.agentName ? ` (${h.agentName})` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}
