import { Redis } from 'ioredis';
import { exportSPKI, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StartError } from '../../src/errors/start-error.ts';
import { startTestServer, type TestServer } from '../support/index.ts';
import { startRestartableRedis } from '../support/restartable-redis.ts';

let production: TestServer;
let development: TestServer;
// Production asks for a Redis that keeps its data on disk (append-only file); this one does.
let persistentRedis: Awaited<ReturnType<typeof startRestartableRedis>>;
let productionEnv: Record<string, string>;

beforeAll(async () => {
  const { publicKey } = await generateKeyPair('ES256');
  persistentRedis = await startRestartableRedis();
  productionEnv = {
    NODE_ENV: 'production',
    DEV_TOOLS: 'false',
    AUTH_PUBLIC_KEY: await exportSPKI(publicKey),
    AUDIT_HMAC_KEY: 'a-production-audit-key-of-32-chars-or-more',
  };
  production = await startTestServer({ env: { ...productionEnv, REDIS_URL: persistentRedis.url } });
  development = await startTestServer();
});
afterAll(async () => {
  await production?.close();
  await development?.close();
  await persistentRedis?.stop();
});

describe('in production, Redis persistence', () => {
  it('refuses a Redis without the append-only file, saying what to do, unless the risk is accepted', async () => {
    const volatile = await startRestartableRedis();
    try {
      const admin = new Redis(volatile.url);
      await admin.config('SET', 'appendonly', 'no');
      admin.disconnect();
      const refused = await startTestServer({ env: { ...productionEnv, REDIS_URL: volatile.url } }).then(
        (server) => server.close().then(() => null),
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(StartError);
      expect((refused as Error).message).toMatch(/appendonly no.*REDIS_ACCEPT_NO_PERSISTENCE=true/);

      const accepted = await startTestServer({
        env: { ...productionEnv, REDIS_URL: volatile.url, REDIS_ACCEPT_NO_PERSISTENCE: 'true' },
      });
      expect((await fetch(`${accepted.url}/readyz`)).status).toBe(200);
      await accepted.close();
    } finally {
      await volatile.stop();
    }
  });
});

describe('in production', () => {
  it('sends HSTS for a year, subdomains included; not over the plain-HTTP demo', async () => {
    const res = await fetch(`${production.url}/healthz`);
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    const dev = await fetch(`${development.url}/healthz`);
    expect(dev.headers.get('strict-transport-security')).toBeNull();
  });

  it('keeps /docs for supervisors and, without METRICS_TOKEN, has no /metrics', async () => {
    expect((await fetch(`${production.url}/docs/json`)).status).toBe(401);
    expect((await fetch(`${production.url}/metrics`)).status).toBe(404);
  });
});
