import type { InternalNote } from './internal-note.entity';
import type { InternalNoteNode } from './internal-note.types';

export const internalNoteNode = (row: InternalNote): InternalNoteNode => ({
  id: String(row.id),
  at: row.at,
  body: row.body,
  professionalId: String(row.professionalId),
  justificatifId: row.justificatifId === null ? null : String(row.justificatifId),
  agentId: row.agentId,
});
