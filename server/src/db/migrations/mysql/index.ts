import { Initial1795346724424 } from './Initial1795346724424';

/** Ordered: TypeORM runs, in this order, what the migrations table does not record yet. */
export const MYSQL_MIGRATIONS = [Initial1795346724424];
