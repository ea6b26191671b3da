import type { ContactLog } from '../contacts/contact-log.entity';
import { contactNode } from '../contacts/contact.nodes';
import type { Communication, RelanceWave } from './communication.entity';
import { KIND_LABELS, type CommunicationKind } from './communication.kinds';
import type { TemplateFile } from './templates';
import type {
  CommunicationNode,
  CommunicationTemplateNode,
  ExchangeNode,
  RelanceWaveNode,
} from './communication.types';

export const communicationNode = (row: Communication): CommunicationNode => ({
  id: String(row.id),
  kind: row.kind,
  kindLabel: KIND_LABELS[row.kind],
  channel: row.channel,
  status: row.status,
  recipientEmail: row.recipientEmail,
  recipientAddress: row.recipientAddress,
  subject: row.subject,
  body: row.body,
  attempts: row.attempts,
  lastError: row.lastError,
  createdAt: row.createdAt,
  sentAt: row.sentAt,
  waveId: row.waveId === null ? null : String(row.waveId),
  justificatifId: row.justificatifId === null ? null : String(row.justificatifId),
  url: `/api/communications/${row.id}`,
  createdByAgentId: row.createdByAgentId,
});

export const waveNode = (row: RelanceWave): RelanceWaveNode => ({
  ...row,
  id: String(row.id),
  lettersUrl: `/api/relances/${row.id}/letters.pdf`,
  addressesUrl: `/api/relances/${row.id}/addresses.csv`,
});

export function templateNodes(file: TemplateFile): CommunicationTemplateNode[] {
  return (Object.entries(file.templates) as [CommunicationKind, { subject: string; body: string }][]).map(
    ([kind, t]) => ({ kind, kindLabel: KIND_LABELS[kind], subject: t.subject, body: t.body }),
  );
}

const CONTACT_TITLES: Record<string, string> = { CALL: 'Appel', VISIT: 'Visite', EMAIL: 'Courriel' };

/** Messages and logged contacts, newest first: the professional's one history of exchanges. */
export function exchangeNodes(
  messages: Communication[],
  contacts: ContactLog[],
): (Omit<ExchangeNode, 'agent'> & { agentId: number | null })[] {
  const entries = [
    ...messages.map((m) => ({
      id: `communication-${m.id}`,
      at: m.sentAt ?? m.createdAt,
      title: KIND_LABELS[m.kind],
      communication: communicationNode(m),
      contact: null,
      agentId: m.createdByAgentId,
    })),
    ...contacts.map((c) => ({
      id: `contact-${c.id}`,
      at: c.at,
      title: `${CONTACT_TITLES[c.channel] ?? c.channel} : ${c.subject}`,
      communication: null,
      contact: contactNode(c),
      agentId: c.agentId,
    })),
  ];
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime() || b.id.localeCompare(a.id));
}
