import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { In, type EntityManager } from 'typeorm';
import { Permission, requirePermission, caisseScope, type AuthenticatedAgent } from '../agents/authorization';
import type { AuditDetails } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { AppError, ErrorCode, notFound } from '../common/errors';
import type { RequestContext } from '../common/request-context';
import { Justificatif } from '../justificatifs/justificatif.entity';
import { FileOwner } from './file-owner.entity';
import { sniffContentType, type AcceptedContentType } from './file-type';
import { StoredFile } from './stored-file.entity';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface StoredFileInfo {
  id: string;
  contentType: AcceptedContentType;
  sizeBytes: number;
}

/** Stores an uploaded document by content hash after checking its type by content. */
export async function storeUpload(ctx: RequestContext, bytes: Buffer, originalName: string): Promise<StoredFileInfo> {
  const agent = requirePermission(ctx.agent, Permission.RECEIVE_JUSTIFICATIFS);
  if (bytes.length === 0) throw new AppError(ErrorCode.FILE_REJECTED, 'Le fichier est vide.');
  if (bytes.length > MAX_FILE_BYTES) {
    throw new AppError(ErrorCode.PAYLOAD_TOO_LARGE, 'Le fichier dépasse 10 Mo.');
  }
  const contentType = sniffContentType(bytes.subarray(0, 16));
  if (!contentType) {
    throw new AppError(
      ErrorCode.FILE_REJECTED,
      "Type de fichier refusé : seuls les PDF, PNG et JPEG sont acceptés (le contenu ne correspond à aucun d'eux).",
    );
  }
  const id = createHash('sha256').update(bytes).digest('hex');
  await ctx.storage.put(id, bytes);
  await ctx.db.transaction(async (em) => {
    const repo = em.getRepository(StoredFile);
    if (!(await repo.existsBy({ id }))) {
      await repo.insert({
        id,
        contentType,
        sizeBytes: bytes.length,
        originalName: originalName.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 255) || 'document',
        uploadedByAgentId: agent.id,
      });
    }
    await recordFileOwner(em, id, agent.caisseCode, agent.id);
    await recordAudit(em, {
      agentId: agent.id,
      action: 'FILE_UPLOADED',
      targetType: 'FILE',
      targetId: id,
      caisseCode: agent.caisseCode,
    });
  });
  return { id, contentType, sizeBytes: bytes.length };
}

/** The same bytes uploaded by two caisses are one stored file with two owners: one row per caisse × file. */
export async function recordFileOwner(em: EntityManager, fileId: string, caisseCode: string, agentId: number) {
  const owners = em.getRepository(FileOwner);
  if (!(await owners.existsBy({ fileId, caisseCode }))) {
    await owners.insert({ fileId, caisseCode, uploadedByAgentId: agentId });
  }
}

/** True when one of the agent's caisse's agents uploaded these bytes: only then may the caisse attach them. */
export function ownedByCaisse(em: EntityManager, fileId: string, caisseCode: string): Promise<boolean> {
  return em.getRepository(FileOwner).existsBy({ fileId, caisseCode });
}

/** A record that uses a stored document and that the agent may see. */
export interface DocumentUse {
  caisseCode: string;
  professionalId: number | null;
  details: AuditDetails;
}

/**
 * The records through which a document may be served, asked in order. A new kind of record that holds
 * documents (e.g. a control case) adds its lookup here, scoped like its own reads.
 */
export type DocumentUseLookup = (
  em: EntityManager,
  fileId: string,
  scope: string[] | null,
) => Promise<DocumentUse | null>;

const justificatifUse: DocumentUseLookup = async (em, fileId, scope) => {
  const piece = await em.getRepository(Justificatif).findOne({
    where: { fileId, ...(scope ? { caisseCode: In(scope) } : {}) },
    select: { id: true, caisseCode: true, professionalId: true },
  });
  return piece
    ? { caisseCode: piece.caisseCode, professionalId: piece.professionalId, details: { justificatifId: piece.id } }
    : null;
};

export const DOCUMENT_USES: DocumentUseLookup[] = [justificatifUse];

async function visibleUse(em: EntityManager, agent: AuthenticatedAgent, fileId: string): Promise<DocumentUse | null> {
  for (const lookup of DOCUMENT_USES) {
    const use = await lookup(em, fileId, caisseScope(agent));
    if (use) return use;
  }
  return null;
}

/**
 * A document is visible to an agent who may see a record that uses it (a justificatif today), or whose
 * caisse uploaded it (to check it before attaching); otherwise it does not exist for them (NOT_FOUND,
 * like an unknown id).
 */
export async function openDocument(
  ctx: RequestContext,
  rawId: string,
): Promise<{ file: StoredFile; stream: Readable }> {
  const agent = requirePermission(ctx.agent, Permission.READ_DOCUMENTS);
  if (!/^[a-f0-9]{64}$/.test(rawId)) throw new AppError(ErrorCode.BAD_USER_INPUT, 'Identifiant de document mal formé.');
  const em = ctx.db.manager;
  const file = await em.getRepository(StoredFile).findOneBy({ id: rawId });
  const use = file ? await visibleUse(em, agent, rawId) : null;
  const ownCaisse = file && !use ? await ownedByCaisse(em, rawId, agent.caisseCode) : false;
  if (!file || (!use && !ownCaisse)) throw notFound('Document');
  await ctx.db.transaction((tx) =>
    recordAudit(tx, {
      agentId: agent.id,
      action: 'DOCUMENT_VIEWED',
      targetType: 'FILE',
      targetId: file.id,
      caisseCode: use?.caisseCode ?? agent.caisseCode,
      professionalId: use?.professionalId ?? null,
      details: use ? use.details : null,
    }),
  );
  return { file, stream: await ctx.storage.read(file.id) };
}
