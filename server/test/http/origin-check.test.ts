import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { handshakeAuth, NAMESPACES } from '@infocig/shared';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/index.ts';

const HOST_PAGE = 'https://www.inps.example';
const STRANGER = 'https://evil.example';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { ALLOWED_ORIGINS: `${HOST_PAGE},http://127.0.0.1:1` } });
});
afterAll(() => server?.close());

/** A raw WebSocket upgrade, as a browser on `origin` would send it: the status and body it gets. */
function upgrade(origin: string): Promise<{ status: number; body: string; upgraded: boolean }> {
  const url = new URL(`${server.url}/socket.io/?EIO=4&transport=websocket`);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
        'Sec-WebSocket-Version': '13',
        Origin: origin,
      },
    });
    req.on('upgrade', (_res, socket) => {
      socket.destroy();
      resolve({ status: 101, body: '', upgraded: true });
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, upgraded: false }));
    });
    req.on('error', reject);
    req.end();
  });
}

const polling = (origin: string) =>
  fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin } });

describe('origins', () => {
  it('refuses a Socket.IO handshake from an origin not listed, over WebSocket and over polling, with the code', async () => {
    const ws = await upgrade(STRANGER);
    expect(ws.upgraded).toBe(false);
    expect(ws.body).toContain('ORIGIN_FORBIDDEN');
    const poll = await polling(STRANGER);
    expect(poll.status).toBe(403);
    expect(await poll.text()).toContain('ORIGIN_FORBIDDEN');
    expect(server.app.io.of(NAMESPACES.visitor).sockets.size).toBe(0);
  });

  it('admits a listed origin and the server’s own pages, over both transports', async () => {
    expect((await upgrade(HOST_PAGE)).upgraded).toBe(true);
    expect((await upgrade(server.url)).upgraded).toBe(true);
    const poll = await polling(HOST_PAGE);
    expect(poll.status).toBe(200);
    expect(poll.headers.get('access-control-allow-origin')).toBe(HOST_PAGE);
  });

  it('refuses a socket.io client with a valid token from a stranger’s page, and lets the listed page chat', async () => {
    const token = await server.token('worker-rm');
    const connect = (origin: string) =>
      new Promise<string>((resolve) => {
        const socket = io(`${server.url}${NAMESPACES.visitor}`, {
          transports: ['websocket'],
          extraHeaders: { origin },
          auth: handshakeAuth(token),
          reconnection: false,
          forceNew: true,
        });
        socket.on('session:ready', () => {
          socket.disconnect();
          resolve('ready');
        });
        socket.on('connect_error', (err) => {
          socket.disconnect();
          resolve(`refused: ${err.message}`);
        });
      });
    expect(await connect(STRANGER)).toMatch(/^refused/);
    expect(await connect(HOST_PAGE)).toBe('ready');
  });

  it('refuses REST from a stranger’s page with the code (readable by it), and answers listed pages with CORS', async () => {
    const token = await server.token('worker-rm');
    const refused = await fetch(`${server.url}/api/me/claims`, {
      headers: { origin: STRANGER, authorization: `Bearer ${token}` },
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('ORIGIN_FORBIDDEN');
    expect(refused.headers.get('cache-control')).toBe('no-store');

    const preflight = await fetch(`${server.url}/api/me/claims`, {
      method: 'OPTIONS',
      headers: {
        origin: HOST_PAGE,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(HOST_PAGE);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);

    const listed = await fetch(`${server.url}/api/me/claims`, {
      headers: { origin: HOST_PAGE, authorization: `Bearer ${token}` },
    });
    expect(listed.status).toBe(200);
    expect(listed.headers.get('access-control-allow-origin')).toBe(HOST_PAGE);
    expect(listed.headers.get('access-control-allow-credentials')).toBeNull();

    // Without an Origin (a script, or a same-origin GET) only the token decides.
    expect(
      (await fetch(`${server.url}/api/me/claims`, { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
  });

  it('trusts Sec-Fetch-Site over an Origin of "null" (our own form posts under no-referrer), and refuses a null origin from elsewhere', async () => {
    const post = (fetchSite: string) =>
      fetch(`${server.url}/api/supervisor/audit/verify`, {
        method: 'POST',
        headers: { origin: 'null', 'sec-fetch-site': fetchSite },
      });
    const ours = await post('same-origin');
    expect(ours.status).toBe(401);
    const sandboxed = await post('cross-site');
    expect(sandboxed.status).toBe(403);
    expect(((await sandboxed.json()) as { error: { code: string } }).error.code).toBe('ORIGIN_FORBIDDEN');
  });

  it('refuses a configuration that lists something other than an origin', async () => {
    const { loadConfig } = await import('../../src/config/config.ts');
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'https://www.inps.it/path' })).toThrow(/not an origin/);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'ftp://x.it' })).toThrow(/not an origin/);
    expect(loadConfig({ ALLOWED_ORIGINS: ' https://a.it , https://b.it:8443 ' }).allowedOrigins).toEqual([
      'https://a.it',
      'https://b.it:8443',
    ]);
  });
});
