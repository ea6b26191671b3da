import { HealthResolver } from './health.resolver';

/** Every resolver class of every domain. */
export const RESOLVERS = [HealthResolver] as const;
