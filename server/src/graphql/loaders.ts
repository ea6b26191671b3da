import type { DataSource } from 'typeorm';
import type { AuthenticatedAgent } from '../agents/authorization';

/** Every list field resolves through these, built once per request. */
export function createLoaders(db: DataSource, agent: AuthenticatedAgent | null) {
  return { db, agent };
}

export type Loaders = ReturnType<typeof createLoaders>;
