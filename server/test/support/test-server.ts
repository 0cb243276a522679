import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config/config.ts';
import { loadOrCreateDevKeys } from '../../src/dev/dev-keys.ts';
import { DEMO_PERSONAS, type PersonaId } from '../../src/dev/personas.ts';
import { createTokenMinter } from '../../src/dev/token-minter.ts';
import type { IdentityClaims } from '../../src/people/identity.ts';
import { seedIfEmpty } from '../../src/store/index.ts';
import { TEST_AUDIT_SECRET } from './audit-test-key.ts';
import { IMAGE_SEED, storeImages } from './store-image.ts';
import { scanKeys, TEST_REDIS_ENV, testRedis } from './test-redis.ts';

export interface TestServer {
  url: string;
  app: FastifyInstance;
  config: Config;
  /** A token for a demo persona or any claims, signed with this server's portal key. */
  token(who: PersonaId | IdentityClaims, ttlSeconds?: number): Promise<string>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  staticDirs?: Config['staticDirs'];
  env?: Record<string, string>;
  /** Share another test server's Redis prefix, as processes of one deployment do; it cleans up. */
  sharePrefixOf?: TestServer;
  /** A PostgreSQL store (processes sharing a prefix share one) instead of in-memory PGlite. */
  store?: Config['store'];
}

/**
 * A real server on a random port: real Redis under a key prefix of its own (removed at close),
 * an in-memory PGlite store with demo data, and a portal key pair made for this run. The store is
 * a copy of the run's migrated, seeded image when there is one (see `store-image.ts`), so a server
 * starts in a fraction of the time migrating takes.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'infocig-test-'));
  const prefix =
    options.sharePrefixOf?.config.redis.prefix ?? `infocig-test:${randomBytes(6).toString('hex')}`;
  // The image's audit is keyed with the test key: a test that brings its own key migrates afresh.
  const image = options.store || options.env?.AUDIT_HMAC_KEY ? undefined : storeImages()?.seeded;
  const config: Config = {
    ...loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      // A test that brings its own Redis (REDIS_URL in env) gets that one, never the cluster.
      ...(options.env?.REDIS_URL ? {} : TEST_REDIS_ENV),
      REDIS_PREFIX: prefix,
      INFOCIG_DATA_DIR: dataDir,
      PORT: '0',
      DEV_TOOLS: 'true',
      AUDIT_HMAC_KEY: TEST_AUDIT_SECRET,
      ...options.env,
    }),
    store: options.store ?? (image ? { image } : {}),
    staticDirs: options.staticDirs ?? {},
  };
  const app = await buildApp(config);
  await seedIfEmpty(app.db, IMAGE_SEED);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');

  const keys = await loadOrCreateDevKeys(dataDir);
  const mint = await createTokenMinter(keys.privateKeyPem, config.auth);

  return {
    url: `http://127.0.0.1:${address.port}`,
    app,
    config,
    token: (who, ttlSeconds) => mint(typeof who === 'string' ? DEMO_PERSONAS[who] : who, ttlSeconds),
    async close() {
      await app.close();
      if (!options.sharePrefixOf) await deleteKeys(prefix);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Removes this run's keys only: everything under its own prefix. */
export async function deleteKeys(prefix: string): Promise<void> {
  const redis = testRedis('infocig-test-cleanup');
  try {
    // One key per DEL: on a cluster a multi-key DEL must stay in one slot.
    await Promise.all((await scanKeys(redis, `${prefix}:*`)).map((key) => redis.del(key)));
  } finally {
    redis.disconnect();
  }
}

export async function countKeys(prefix: string): Promise<number> {
  const redis = testRedis('infocig-test-count');
  try {
    return (await scanKeys(redis, `${prefix}:*`)).length;
  } finally {
    redis.disconnect();
  }
}
