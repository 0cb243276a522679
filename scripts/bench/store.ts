import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClaimsStore, type Db, migrate, openDb, seedDemoData } from '@infocig/server/store';
import type { Person } from './ipc.ts';

export interface BenchStore {
  engine: 'postgres' | 'pglite';
  description: string;
  /** What the server processes need in their environment to open this store (undefined: unset). */
  serverEnv: Record<string, string | undefined>;
  rows: { workers: number; applications: number; paymentRequests: number };
  seedSeconds: number | null;
  /** Seeded workers (real codici fiscali, with claims), spread over the whole store. */
  people: Person[];
  dispose(): Promise<void>;
}

export interface StoreOptions {
  schema: string;
  keep: boolean;
  workers: number;
  /** How many seeded people to read for the visitors. */
  people: number;
  allowPglite: boolean;
  log: (line: string) => void;
}

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** Whether anything listens at the URL's host and port, within a second. */
function listening(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname || '127.0.0.1', port: Number(port || 5432) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function postgresAnswers(url: string): Promise<boolean> {
  if (!(await listening(url))) return false;
  try {
    const db = await openDb({ databaseUrl: url, poolSize: 1 });
    try {
      await db.query('SELECT 1');
      return true;
    } finally {
      await db.close();
    }
  } catch {
    return false;
  }
}

async function fill(db: Db, options: StoreOptions): Promise<number | null> {
  await migrate(db);
  if (!(await createClaimsStore(db).isEmpty())) return null;
  options.log(`seeding the claims store with ${options.workers.toLocaleString('en')} workers…`);
  const startedAt = Date.now();
  const ticker = setInterval(
    () => options.log(`  still seeding (${Math.round((Date.now() - startedAt) / 1000)} s)`),
    10_000,
  );
  try {
    await seedDemoData(db, { workers: options.workers, seed: 1 });
  } finally {
    clearInterval(ticker);
  }
  return (Date.now() - startedAt) / 1000;
}

async function describe(db: Db, options: StoreOptions) {
  const [counts] = await db.query<{ workers: number; applications: number; payments: number }>(
    `SELECT (SELECT count(*) FROM workers) AS workers, (SELECT count(*) FROM applications) AS applications,
            (SELECT count(*) FROM payment_requests) AS payments`,
  );
  const rows = await db.query<{
    cf: string;
    first_name: string;
    surname: string;
    residence_province: string;
  }>('SELECT cf, first_name, surname, residence_province FROM workers ORDER BY md5(cf) LIMIT $1', [
    options.people,
  ]);
  return {
    rows: {
      workers: Number(counts?.workers ?? 0),
      applications: Number(counts?.applications ?? 0),
      paymentRequests: Number(counts?.payments ?? 0),
    },
    people: rows.map((r) => ({
      sub: r.cf,
      name: `${r.first_name} ${r.surname}`,
      province: r.residence_province,
    })),
  };
}

/**
 * The claims store with seeded data: PostgreSQL (DATABASE_URL, TEST_DATABASE_URL or the local
 * default) in a schema of the bench's own, else — quick mode only — embedded PGlite, which only one
 * server process can open.
 */
export async function prepareStore(options: StoreOptions): Promise<BenchStore> {
  const databaseUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? DEFAULT_DATABASE_URL;
  if (await postgresAnswers(databaseUrl)) {
    const db = await openDb({ databaseUrl, schema: options.schema, poolSize: 2 });
    try {
      const seedSeconds = await fill(db, options);
      const { rows, people } = await describe(db, options);
      return {
        engine: 'postgres',
        description: `PostgreSQL ${new URL(databaseUrl).host}, schema ${options.schema}`,
        serverEnv: { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: options.schema },
        rows,
        seedSeconds,
        people,
        async dispose() {
          if (options.keep) return;
          const admin = await openDb({ databaseUrl, poolSize: 1 });
          try {
            await admin.exec(`DROP SCHEMA IF EXISTS "${options.schema}" CASCADE`);
          } finally {
            await admin.close();
          }
        },
      };
    } finally {
      await db.close();
    }
  }
  if (!options.allowPglite)
    throw new Error(
      `PostgreSQL at ${databaseUrl} does not answer; the full bench needs it (--quick falls back to PGlite).`,
    );
  const dataDir = mkdtempSync(path.join(tmpdir(), 'infocig-bench-store-'));
  const db = await openDb({ dataDir: path.join(dataDir, 'pglite') });
  try {
    const seedSeconds = await fill(db, options);
    const { rows, people } = await describe(db, options);
    return {
      engine: 'pglite',
      description: `PGlite at ${dataDir} (PostgreSQL absent)`,
      serverEnv: { INFOCIG_DATA_DIR: dataDir, DATABASE_URL: undefined, DATABASE_SCHEMA: undefined },
      rows,
      seedSeconds,
      people,
      async dispose() {
        if (!options.keep) rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } finally {
    await db.close();
  }
}
