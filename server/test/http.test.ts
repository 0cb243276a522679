import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/index.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('HTTP endpoints', () => {
  it('reports liveness and readiness', async () => {
    const live = await fetch(`${server.url}/healthz`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: [
        { name: 'redis', ok: true },
        { name: 'store', ok: true },
      ],
    });
  });

  it('marks every answer as not cacheable and sends security headers', async () => {
    const res = await fetch(`${server.url}/readyz`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers unknown routes with a coded 404', async () => {
    const res = await fetch(`${server.url}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
  });

  it('mints development tokens for the demo personas only', async () => {
    const personas = (await (await fetch(`${server.url}/dev/personas`)).json()) as {
      personas: { id: string }[];
    };
    expect(personas.personas.map((p) => p.id)).toContain('worker-rm');
    const ok = await fetch(`${server.url}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ persona: 'worker-rm' }),
    });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { token: string }).token.split('.')).toHaveLength(3);
    const bad = await fetch(`${server.url}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ persona: 'root' }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
  });
});

describe('without development tools', () => {
  it('has no token endpoint', async () => {
    const prod = await startTestServer({ env: { DEV_TOOLS: 'false' } });
    try {
      const res = await fetch(`${prod.url}/dev/token`, { method: 'POST', body: '{}' });
      expect(res.status).toBe(404);
    } finally {
      await prod.close();
    }
  });
});
