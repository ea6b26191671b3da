/**
 * Private notes (annotations internes) on a professional's file or on a piece. Only the agents of the
 * professional's caisse read and write them (a national scope does not extend to them: they are the
 * caisse's working notes); out of the caisse reads exactly like absent. Every note is audited.
 */
import type { EntityManager } from 'typeorm';
import { Permission, requirePermission, type AuthenticatedAgent } from '../agents/authorization';
import { recordAudit } from '../audit/audit.service';
import { badInput, notFound } from '../common/errors';
import { parseId } from '../common/ids';
import type { RequestContext } from '../common/request-context';
import { Justificatif } from '../justificatifs/justificatif.entity';
import { Professional } from '../professionals/professional.entity';
import { InternalNote } from './internal-note.entity';
import { internalNoteNode } from './internal-note.nodes';
import type { AddInternalNoteInput, InternalNoteNode } from './internal-note.types';

export const NOTE_MAX_LENGTH = 2000;
/** The newest notes shown on a file or a piece. */
export const NOTES_SHOWN = 200;

export type AddNoteOutcome = { note: InternalNoteNode } | { message: string; field: string };

interface Target {
  caisseCode: string;
  professionalId: number;
  justificatifId: number | null;
}

/** Whose caisse's notes the agent reads: their own caisse's, whatever their scope. */
const ofCaisse = (agent: AuthenticatedAgent, target: Target | null): target is Target =>
  !!target && target.caisseCode === agent.caisseCode;

async function findTarget(
  em: EntityManager,
  input: { professionalId?: string | null; justificatifId?: string | null },
): Promise<Target | null> {
  if (input.justificatifId) {
    const j = await em.getRepository(Justificatif).findOne({
      where: { id: parseId(input.justificatifId, 'Justificatif') },
      select: { id: true, caisseCode: true, professionalId: true },
    });
    return j && { caisseCode: j.caisseCode, professionalId: j.professionalId, justificatifId: j.id };
  }
  if (input.professionalId) {
    const p = await em.getRepository(Professional).findOne({
      where: { id: parseId(input.professionalId, 'Professionnel') },
      select: { id: true, caisseCode: true },
    });
    return p && { caisseCode: p.caisseCode, professionalId: p.id, justificatifId: null };
  }
  return null;
}

/** A piece's notes, or a file's notes with those of its pieces; newest first. */
export async function listInternalNotes(
  ctx: RequestContext,
  input: { professionalId?: string | null; justificatifId?: string | null },
): Promise<InternalNoteNode[]> {
  const agent = requirePermission(ctx.agent, Permission.READ_PROFESSIONALS);
  if (!input.professionalId === !input.justificatifId)
    throw badInput('Donnez soit un professionnel, soit un justificatif.', 'professionalId');
  const target = await findTarget(ctx.db.manager, input);
  if (!ofCaisse(agent, target)) throw notFound(input.justificatifId ? 'Justificatif' : 'Professionnel');
  const rows = await ctx.db.getRepository(InternalNote).find({
    where:
      target.justificatifId !== null
        ? { justificatifId: target.justificatifId }
        : { professionalId: target.professionalId },
    order: { at: 'DESC', id: 'DESC' },
    take: NOTES_SHOWN,
  });
  return rows.map(internalNoteNode);
}

/**
 * An agent of the caisse annotates a file or a piece. Out of the caisse reads like absent (NOT_FOUND);
 * an empty, too long or aimless note is refused (typed) and nothing is written.
 */
export async function addInternalNote(ctx: RequestContext, input: AddInternalNoteInput): Promise<AddNoteOutcome> {
  const agent = requirePermission(ctx.agent, Permission.READ_PROFESSIONALS);
  if (!input.professionalId === !input.justificatifId)
    return { message: 'Annotez soit un dossier, soit une pièce.', field: 'professionalId' };
  const target = await findTarget(ctx.db.manager, input);
  if (!ofCaisse(agent, target)) throw notFound(input.justificatifId ? 'Justificatif' : 'Professionnel');
  const body = input.body.trim();
  if (!body) return { message: 'L’annotation est vide.', field: 'body' };
  if (body.length > NOTE_MAX_LENGTH) return { message: 'L’annotation dépasse 2 000 caractères.', field: 'body' };
  return ctx.db.transaction(async (em) => {
    const inserted = await em.getRepository(InternalNote).insert({
      caisseCode: target.caisseCode,
      professionalId: target.professionalId,
      justificatifId: target.justificatifId,
      agentId: agent.id,
      at: new Date(),
      body,
    });
    const id = Number(inserted.identifiers[0]?.id);
    await recordAudit(em, {
      agentId: agent.id,
      action: 'INTERNAL_NOTE_ADDED',
      targetType: target.justificatifId !== null ? 'JUSTIFICATIF' : 'PROFESSIONAL',
      targetId: target.justificatifId ?? target.professionalId,
      caisseCode: target.caisseCode,
      professionalId: target.professionalId,
      details: { noteId: id, length: body.length },
    });
    return { note: internalNoteNode(await em.getRepository(InternalNote).findOneByOrFail({ id })) };
  });
}
