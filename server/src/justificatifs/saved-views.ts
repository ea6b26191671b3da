/** The queue views an agent names and keeps, server-side (they follow the agent from one computer to the next). */
import { Permission, requirePermission } from '../agents/authorization';
import { badInput, notFound } from '../common/errors';
import { parseId } from '../common/ids';
import type { RequestContext } from '../common/request-context';
import type { JustificatifQueueFilter } from './justificatif.types';
import { justificatifQueue } from './queue.service';
import { SavedQueueView, type SavedQueueFilter } from './saved-view.entity';

export const MAX_SAVED_VIEWS = 20;
const MAX_NAME = 80;

/** What is kept of a filter: its fields, nulls dropped. */
export type { SavedQueueFilter };

const FILTER_FIELDS: (keyof JustificatifQueueFilter)[] = [
  'view',
  'campaignYear',
  'scheme',
  'indicatorCode',
  'profession',
  'caisseCode',
  'minAgeDays',
  'maxAgeDays',
  'oldestFirst',
  'holderId',
  'held',
  'decidedByMe',
  'contradictionDetected',
];

export async function savedQueueViews(ctx: RequestContext) {
  const agent = requirePermission(ctx.agent, Permission.READ_DOCUMENTS);
  const rows = await ctx.db
    .getRepository(SavedQueueView)
    .find({ where: { agentId: agent.id }, order: { name: 'ASC' } });
  return rows.map(savedViewNode);
}

/** Saves a view under its name, replacing the agent's view of the same name. */
export async function saveQueueView(ctx: RequestContext, rawName: string, filter: JustificatifQueueFilter) {
  const agent = requirePermission(ctx.agent, Permission.READ_DOCUMENTS);
  const name = rawName.trim().replace(/\s+/g, ' ');
  if (name.length === 0) throw badInput('Donnez un nom à la vue.', 'name');
  if (name.length > MAX_NAME) throw badInput(`Nom de vue trop long (${MAX_NAME} caractères au plus).`, 'name');
  // The filter is checked as the queue checks it: a view that cannot be shown is not saved.
  await justificatifQueue(ctx, filter, 1, null);
  const kept: SavedQueueFilter = {};
  for (const field of FILTER_FIELDS) {
    const value = filter[field];
    if (value !== null && value !== undefined) kept[field] = value;
  }
  return ctx.db.transaction(async (em) => {
    const repo = em.getRepository(SavedQueueView);
    const existing = await repo.findOneBy({ agentId: agent.id, name });
    if (existing) {
      await repo.update({ id: existing.id }, { filter: kept });
      return savedViewNode({ ...existing, filter: kept });
    }
    if ((await repo.countBy({ agentId: agent.id })) >= MAX_SAVED_VIEWS) {
      throw badInput(`${MAX_SAVED_VIEWS} vues au plus : supprimez-en une d’abord.`, 'name');
    }
    const row = repo.create({ agentId: agent.id, name, filter: kept, createdAt: new Date() });
    await repo.insert(row);
    return savedViewNode(row);
  });
}

/** Deletes one of the agent's views; another agent's reads as unknown. */
export async function deleteQueueView(ctx: RequestContext, rawId: string): Promise<boolean> {
  const agent = requirePermission(ctx.agent, Permission.READ_DOCUMENTS);
  const id = parseId(rawId, 'SavedQueueView');
  const result = await ctx.db.getRepository(SavedQueueView).delete({ id, agentId: agent.id });
  if (!result.affected) throw notFound('Vue');
  return true;
}

function savedViewNode(row: SavedQueueView) {
  return { id: String(row.id), name: row.name, filter: row.filter, createdAt: row.createdAt };
}
