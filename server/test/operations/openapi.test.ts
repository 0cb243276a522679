import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openapiPlugin } from '../../src/openapi/openapi-plugin.ts';
import { type SpecPaths, undocumentedRoutes } from '../../src/openapi/route-coverage.ts';
import { startTestServer, type TestServer } from '../support/index.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const specOf = async (app: { swagger(): unknown }) => app.swagger() as SpecPaths;

describe('the API description', () => {
  it('describes every REST route from the zod schemas that validate it', async () => {
    const spec = await specOf(server.app);
    expect(undocumentedRoutes(server.app.routeInventory, spec)).toEqual([]);
    const operations = Object.entries(spec.paths ?? {}).flatMap(([path, ops]) =>
      Object.keys(ops ?? {}).map((method) => `${method.toUpperCase()} ${path}`),
    );
    console.log(`OpenAPI operations (${operations.length}):\n  ${operations.sort().join('\n  ')}`);
    expect(operations).toEqual(
      expect.arrayContaining([
        'GET /healthz',
        'GET /readyz',
        'GET /metrics',
        'GET /api/supervisor/advisors',
        'PATCH /api/supervisor/advisors/{advisorId}',
        'GET /api/supervisor/figures',
        'GET /api/supervisor/queues',
        'GET /api/supervisor/rollout',
        'PUT /api/supervisor/rollout',
        'GET /api/supervisor/rollout/history',
        'GET /api/me/claims',
        'GET /api/me/access-log',
        'GET /dev/personas',
        'POST /dev/token',
        'POST /ops/session',
        'POST /ops/logout',
      ]),
    );
    const patch = spec.paths?.['/api/supervisor/advisors/{advisorId}']?.patch as {
      requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> };
    };
    expect(Object.keys(patch.requestBody.content['application/json']!.schema.properties)).toEqual(
      expect.arrayContaining(['queues', 'capacity', 'availability']),
    );
  });

  it('finds a route that has no schema', async () => {
    const app = Fastify();
    await app.register(openapiPlugin);
    app.get('/api/undescribed', async () => ({ ok: true }));
    app.get('/api/hidden', { schema: { hide: true } }, async () => ({ ok: true }));
    await app.ready();
    expect(undocumentedRoutes(app.routeInventory, await specOf(app))).toEqual([
      'GET /api/undescribed: no response schema',
      'GET /api/hidden: a REST route, hidden from the document',
    ]);
    await app.close();
  });

  it('refuses bad input with the stable validation code and the fields at fault', async () => {
    const res = await fetch(`${server.url}/api/supervisor/advisors/RMNPLA85P15H501Q`, {
      method: 'PATCH',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await server.token('supervisor')}`,
      },
      body: JSON.stringify({ capacity: 0 }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'The request is not valid.',
        issues: [{ path: 'capacity', message: expect.any(String) }],
      },
    });
    const unauthenticated = await fetch(`${server.url}/api/supervisor/advisors/X`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: '{"capacity":0}',
    });
    expect(unauthenticated.status).toBe(401);
  });

  it('serves Swagger UI at /docs, open outside production', async () => {
    const page = await fetch(`${server.url}/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger');
    const json = await fetch(`${server.url}/docs/json`);
    expect(json.status).toBe(200);
    expect(((await json.json()) as { openapi: string }).openapi).toMatch(/^3\./);
  });
});

describe('the API description for supervisors only (DOCS_ACCESS=supervisor)', () => {
  let guarded: TestServer;
  beforeAll(async () => {
    guarded = await startTestServer({ env: { DOCS_ACCESS: 'supervisor' } });
  });
  afterAll(() => guarded.close());

  it('answers 401 without a credential, 403 to a non-supervisor, and the document to a supervisor', async () => {
    expect((await fetch(`${guarded.url}/docs/json`)).status).toBe(401);
    const asAdvisor = await fetch(`${guarded.url}/docs/json`, {
      headers: { authorization: `Bearer ${await guarded.token('advisor')}` },
    });
    expect(asAdvisor.status).toBe(403);
    const asSupervisor = await fetch(`${guarded.url}/docs/json`, {
      headers: { authorization: `Bearer ${await guarded.token('supervisor')}` },
    });
    expect(asSupervisor.status).toBe(200);
  });

  it('sends a browser to the sign-in, whose cookie then opens the page', async () => {
    const page = await fetch(`${guarded.url}/docs`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/ops/login?next=%2Fdocs');
    const login = await fetch(`${guarded.url}/ops/login?next=%2Fdocs`);
    expect(await login.text()).toContain('action="/ops/session"');

    const advisorTry = await fetch(`${guarded.url}/ops/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: await guarded.token('advisor'), next: '/docs' }),
      redirect: 'manual',
    });
    expect(advisorTry.status).toBe(403);
    const offsite = await fetch(`${guarded.url}/ops/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: await guarded.token('supervisor'), next: 'https://evil.example/' }),
      redirect: 'manual',
    });
    expect(offsite.status).toBe(400);

    const session = await fetch(`${guarded.url}/ops/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: await guarded.token('supervisor'), next: '/docs' }),
      redirect: 'manual',
    });
    expect(session.status).toBe(303);
    expect(session.headers.get('location')).toBe('/docs');
    const cookies = session.headers.getSetCookie();
    expect(cookies).toHaveLength(2);
    for (const c of cookies)
      expect(c).toMatch(/^infocig_ops=.+; Max-Age=\d+; Path=\/(docs|ops); HttpOnly; SameSite=Strict$/);
    const cookie = cookies[0]!.split(';')[0]!;
    const docs = await fetch(`${guarded.url}/docs/json`, { headers: { cookie } });
    expect(docs.status).toBe(200);
    expect(docs.headers.get('cache-control')).toBe('no-store');
  });
});
