import { AsyncLocalStorage } from 'node:async_hooks';

/** What follows one request through async calls: its id (for logs and masked errors) and its SQL count. */
export interface RequestScope {
  requestId: string;
  sqlStatements: number;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

export const currentRequestId = (): string | undefined => requestScope.getStore()?.requestId;
