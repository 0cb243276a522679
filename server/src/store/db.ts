import { openPgliteDb } from './pglite-db.ts';
import { openPostgresDb } from './postgres-db.ts';

/**
 * The little both engines share: PostgreSQL through a pool, or PGlite in process. Same SQL with
 * `$1` parameters on both; `date` columns come back as `YYYY-MM-DD` strings, `bigint` and
 * `numeric` as numbers, `timestamptz` as `Date`.
 */
export interface QueryOptions {
  /**
   * PostgreSQL: a named statement, parsed and planned once per connection and reused. For fixed
   * SQL on hot paths only; SQL built with a varying shape would fill each connection with plans.
   */
  prepare?: boolean;
  /**
   * PostgreSQL: how long this query may take, in place of the store's query timeout. For reads in
   * the background that cover a year of a national store, never for what a person waits on.
   */
  timeoutMs?: number;
}

export interface Db {
  query<T extends object>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<T[]>;
  /** Several statements, no parameters. */
  exec(sql: string): Promise<void>;
  /** Commits when `fn` resolves, rolls back when it throws. Nested calls join the outer transaction. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  readonly engine: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface OpenDbOptions {
  /** PostgreSQL connection string; without it the store is PGlite. */
  databaseUrl?: string;
  /** PGlite data directory, created if missing; in memory when absent. */
  dataDir?: string;
  /**
   * PGlite in memory only: starts as a copy of this image (a `dumpDataDir` tarball) instead of
   * empty. Tests boot one migrated, seeded image per run and clone it for every server.
   */
  image?: string;
  /** PostgreSQL only: a schema of its own, created if missing and first on the search path. */
  schema?: string;
  /** PostgreSQL only: connections in the pool. */
  poolSize?: number;
  /** PostgreSQL only: a query, or the wait for a connection, fails after this long (none if unset). */
  queryTimeoutMs?: number;
}

export async function openDb(options: OpenDbOptions): Promise<Db> {
  if (options.databaseUrl) {
    return openPostgresDb({
      databaseUrl: options.databaseUrl,
      schema: options.schema,
      poolSize: options.poolSize,
      queryTimeoutMs: options.queryTimeoutMs,
    });
  }
  return openPgliteDb(options);
}
