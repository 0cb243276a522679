import { randomBytes } from 'node:crypto';
import { type Db, migrate, openDb } from '../../src/store/index.ts';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A store to test against: opened empty, migrated, and removed without a trace afterwards. */
export interface TestEngine {
  name: 'pglite' | 'postgres';
  open(): Promise<Db>;
  dispose(db: Db): Promise<void>;
}

const pglite: TestEngine = {
  name: 'pglite',
  open: () => openDb({}),
  dispose: (db) => db.close(),
};

/** Each store gets a schema of its own, dropped afterwards; nothing else in the database is touched. */
const schemas = new WeakMap<Db, string>();
const postgres: TestEngine = {
  name: 'postgres',
  async open() {
    const schema = `infocig_test_${randomBytes(6).toString('hex')}`;
    const db = await openDb({ databaseUrl: TEST_DATABASE_URL, schema, poolSize: 4 });
    schemas.set(db, schema);
    return db;
  },
  async dispose(db) {
    const schema = schemas.get(db);
    try {
      if (schema) await db.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await db.close();
    }
  },
};

export const ENGINES: readonly TestEngine[] = [pglite, postgres];

export async function openMigrated(engine: TestEngine): Promise<Db> {
  const db = await engine.open();
  await migrate(db);
  return db;
}
