import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { AuthenticatedAgent } from '../agents/authorization';
import type { Config } from '../config';
import type { FileStorage } from '../files/storage';
import { createLoaders, type Loaders } from './loaders';

/** Everything a resolver or service needs for one request; services take it first. */
export interface RequestContext {
  requestId: string;
  agent: AuthenticatedAgent | null;
  db: DataSource;
  config: Config;
  storage: FileStorage;
  loaders: Loaders;
  ip: string;
  req?: Request;
  res?: Response;
}

export function buildContext(init: Omit<RequestContext, 'loaders'>): RequestContext {
  // Loaders are per request: a shared cache would leak one agent's records to another.
  return { ...init, loaders: createLoaders(init.db, init.agent) };
}
