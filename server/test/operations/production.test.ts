import { exportSPKI, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/index.ts';

let production: TestServer;
let development: TestServer;

beforeAll(async () => {
  const { publicKey } = await generateKeyPair('ES256');
  production = await startTestServer({
    env: {
      NODE_ENV: 'production',
      DEV_TOOLS: 'false',
      AUTH_PUBLIC_KEY: await exportSPKI(publicKey),
      AUDIT_HMAC_KEY: 'a-production-audit-key-of-32-chars-or-more',
    },
  });
  development = await startTestServer();
});
afterAll(async () => {
  await production.close();
  await development.close();
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
