import { randomBytes } from 'node:crypto';
import { type Db, migrate, openDb } from '../../src/store/index.ts';
import { storeImages } from '../support/store-image.ts';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A store to test against: opened empty or migrated, and removed without a trace afterwards. */
export interface TestEngine {
  name: 'pglite' | 'postgres';
  open(): Promise<Db>;
  openMigrated(): Promise<Db>;
  dispose(db: Db): Promise<void>;
}

async function migrated(db: Db): Promise<Db> {
  await migrate(db);
  return db;
}

export const pglite: TestEngine = {
  name: 'pglite',
  open: () => openDb({}),
  // A copy of the run's migrated image when there is one: migrating it applies nothing.
  openMigrated: async () => migrated(await openDb({ image: storeImages()?.migrated })),
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
  openMigrated: async () => migrated(await postgres.open()),
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

export function openMigrated(engine: TestEngine): Promise<Db> {
  return engine.openMigrated();
}
