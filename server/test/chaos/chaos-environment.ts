import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/config.ts';
import { loadOrCreateDevKeys } from '../../src/dev/dev-keys.ts';
import { createTokenMinter, type MintToken } from '../../src/dev/token-minter.ts';
import type { RedisClient } from '../../src/redis/connection.ts';
import { type Db, migrate, openDb, seedDemoData } from '../../src/store/index.ts';
import { deleteKeys, TEST_REDIS_ENV, testRedis } from '../support/index.ts';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Everything the processes share: a Redis prefix, a database schema and the portal's key pair. */
export interface ChaosEnvironment {
  prefix: string;
  redis: RedisClient;
  /** The shared store, where closed conversations are archived. */
  db: Db;
  mint: MintToken;
  /** Codici fiscali of seeded workers, and seeded companies, to ask about real claims. */
  workerCfs: string[];
  companies: { cf: string; name: string }[];
  serverEnv: Record<string, string>;
  dispose(): Promise<void>;
}

export async function prepareEnvironment(grace: { advisorSeconds: number; visitorSeconds: number }) {
  const suffix = randomBytes(6).toString('hex');
  const prefix = `infocig-test:${suffix}`;
  const schema = `infocig_chaos_${suffix}`;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'infocig-chaos-'));
  const db: Db = await openDb({ databaseUrl: TEST_DATABASE_URL, schema, poolSize: 2 });
  await migrate(db);
  await seedDemoData(db, { workers: 50, seed: 1 });
  const workers = await db.query<{ cf: string }>('SELECT cf FROM workers ORDER BY cf');
  const companies = await db.query<{ cf: string; name: string }>(
    'SELECT cf, name FROM companies ORDER BY cf',
  );
  // Made before any process starts, so all three verify with the same key.
  const keys = await loadOrCreateDevKeys(dataDir);
  const mint = await createTokenMinter(keys.privateKeyPem, loadConfig({}).auth);
  const redis = testRedis();

  const environment: ChaosEnvironment = {
    prefix,
    redis,
    db,
    mint,
    workerCfs: workers.map((w) => w.cf),
    companies,
    serverEnv: {
      ...TEST_REDIS_ENV,
      REDIS_PREFIX: prefix,
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: schema,
      INFOCIG_DATA_DIR: dataDir,
      ADVISOR_GRACE_SECONDS: String(grace.advisorSeconds),
      VISITOR_GRACE_SECONDS: String(grace.visitorSeconds),
    },
    async dispose() {
      redis.disconnect();
      await deleteKeys(prefix);
      try {
        await db.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await db.close();
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  };
  return environment;
}
