import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { In } from 'typeorm';
import { Permission, requirePermission, caisseScope } from '../agents/authorization';
import { recordAudit } from '../audit/audit.service';
import { AppError, ErrorCode, notFound } from '../common/errors';
import type { RequestContext } from '../common/request-context';
import { Justificatif } from '../justificatifs/justificatif.entity';
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
    await recordAudit(em, { agentId: agent.id, action: 'FILE_UPLOADED', targetType: 'FILE', targetId: id });
  });
  return { id, contentType, sizeBytes: bytes.length };
}

/**
 * A document is visible to an agent who may see one of the justificatifs that reference it;
 * otherwise it does not exist for them (NOT_FOUND, like an unknown id).
 */
export async function openDocument(
  ctx: RequestContext,
  rawId: string,
): Promise<{ file: StoredFile; stream: Readable }> {
  const agent = requirePermission(ctx.agent, Permission.READ_DOCUMENTS);
  if (!/^[a-f0-9]{64}$/.test(rawId)) throw new AppError(ErrorCode.BAD_USER_INPUT, 'Identifiant de document mal formé.');
  const scope = caisseScope(agent);
  const file = await ctx.db.getRepository(StoredFile).findOneBy({ id: rawId });
  const referencing = file
    ? await ctx.db.getRepository(Justificatif).findOne({
        where: { fileId: rawId, ...(scope ? { caisseCode: In(scope) } : {}) },
        select: { id: true, caisseCode: true, professionalId: true },
      })
    : null;
  const uploadedByMe = file?.uploadedByAgentId === agent.id;
  if (!file || (!referencing && !uploadedByMe)) throw notFound('Document');
  await ctx.db.transaction((em) =>
    recordAudit(em, {
      agentId: agent.id,
      action: 'DOCUMENT_VIEWED',
      targetType: 'FILE',
      targetId: file.id,
      caisseCode: referencing?.caisseCode ?? agent.caisseCode,
      professionalId: referencing?.professionalId ?? null,
      details: referencing ? { justificatifId: referencing.id } : null,
    }),
  );
  return { file, stream: await ctx.storage.read(file.id) };
}
