import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Db, QueryOptions } from './db.ts';
import { VALUE_PARSERS } from './value-parsers.ts';

const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    VALUE_PARSERS[oid] ??
    pg.types.getTypeParser(oid, format ?? 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PostgresDbOptions {
  databaseUrl: string;
  schema?: string | undefined;
  poolSize?: number | undefined;
  queryTimeoutMs?: number | undefined;
}

type Queryable = Pick<pg.PoolClient, 'query'>;

/** Named statements by their SQL: the same text gets the same name on every connection. */
const statementNames = new Map<string, string>();

function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `q_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    statementNames.set(sql, name);
  }
  return name;
}

async function rows<T extends object>(
  target: Queryable,
  sql: string,
  params: readonly unknown[],
  options: QueryOptions = {},
) {
  const config: pg.QueryConfig & { query_timeout?: number } = {
    text: sql,
    values: [...params],
    ...(options.prepare ? { name: statementName(sql) } : {}),
    ...(options.timeoutMs ? { query_timeout: options.timeoutMs } : {}),
  };
  const result = await target.query<T>(config);
  return result.rows;
}

async function createSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Checked first: a role that may use the schema but not create schemas (the server's, when an
    // admin migrates) is refused even CREATE SCHEMA IF NOT EXISTS.
    const found = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (found.rowCount === 0) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (error) {
    // Two processes creating the same schema at once: the loser sees a duplicate, which is fine.
    if (!(error instanceof Error && 'code' in error && error.code === '23505')) throw error;
  } finally {
    await client.end();
  }
}

function clientDb(client: pg.PoolClient, close: Db['close']): Db {
  const db: Db = {
    engine: 'postgres',
    query: (sql, params = [], options = {}) => rows(client, sql, params, options),
    async exec(sql) {
      await client.query(sql);
    },
    transaction: (fn) => fn(db),
    close,
  };
  return db;
}

/** A pool on a PostgreSQL server; with `schema`, every connection works in that schema. */
export async function openPostgresDb(options: PostgresDbOptions): Promise<Db> {
  const { databaseUrl, schema } = options;
  if (schema !== undefined) {
    if (!SCHEMA_NAME.test(schema)) throw new RangeError(`not a plain schema name: ${schema}`);
    await createSchema(databaseUrl, schema);
  }
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    types: typeParsers,
    // A server that hangs: the query fails ('Query read timeout') and its connection is dropped,
    // and a wait for a connection gives up ('timeout exceeded when trying to connect').
    ...(options.queryTimeoutMs
      ? { query_timeout: options.queryTimeoutMs, connectionTimeoutMillis: options.queryTimeoutMs }
      : {}),
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const close = () => pool.end();

  return {
    engine: 'postgres',
    query: (sql, params = [], options = {}) => rows(pool, sql, params, options),
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(clientDb(client, close));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close,
  };
}
