import { type Ack, NAMESPACES } from '@infocig/shared';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConnectionState,
  openSocket,
  UNAVAILABLE_RETRY,
} from '../../../shared/src/client/connection.ts';
import { createStore } from '../../../shared/src/client/store.ts';
import type { IdentityClaims } from '../../src/people/identity.ts';
import {
  connectVisitor,
  refusal,
  startTestServer,
  type TestServer,
  until,
  type VisitorClient,
} from '../support/index.ts';

/** Low limits, so a handful of calls crosses them; windows long enough that none resets mid-test. */
const LIMITS = {
  LIMIT_MESSAGES_PER_SOCKET: '2/60',
  LIMIT_MESSAGES_BURST_PER_SOCKET: '1/60',
  LIMIT_MESSAGES_PER_IDENTITY: '4/60',
  LIMIT_MESSAGES_BURST_PER_IDENTITY: '1/60',
  LIMIT_TYPING_PER_IDENTITY: '3/60',
  LIMIT_FOLLOWUPS_PER_DAY: '2',
  LIMIT_HANDSHAKES_PER_IDENTITY: '3/60',
  LIMIT_DISCONNECT_AFTER: '12',
};

let one: TestServer;
let two: TestServer;
const clients: VisitorClient[] = [];
let people = 0;

/** A worker nobody else in this file plays (in Rome, where the rollout admits workers). */
function newWorker(): IdentityClaims {
  people++;
  return {
    sub: `LMTWRK${String(people).padStart(10, '0')}`,
    role: 'lavoratore',
    name: `Lav ${people}`,
    province: 'RM',
  };
}

async function visitor(server: TestServer, who: IdentityClaims): Promise<VisitorClient> {
  const client = await connectVisitor(server.url, await server.token(who));
  clients.push(client);
  return client;
}

const send = (client: VisitorClient, conversationId: string, n: number) =>
  client.request('chat:send', { conversationId, clientMessageId: `m-${n}`, text: `messaggio ${n}` });

const refusedWith = (acks: Ack<unknown>[]) => acks.filter((a) => !a.ok).map((a) => (a.ok ? null : a.error));

beforeAll(async () => {
  one = await startTestServer({ env: LIMITS });
  // A second process of the same deployment: same Redis prefix, same limits.
  two = await startTestServer({ env: LIMITS, sharePrefixOf: one });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await two.close();
  await one.close();
});

describe('socket limits', () => {
  it('refuses a burst past the limit with RATE_LIMITED and a wait, keeps the socket, and leaves others alone', async () => {
    const flooder = await visitor(one, newWorker());
    const other = await visitor(one, newWorker());
    const floodChat = (await flooder.ok('chat:request', {})).conversation.id;
    const otherChat = (await other.ok('chat:request', {})).conversation.id;

    const acks = await Promise.all(Array.from({ length: 8 }, (_, i) => send(flooder, floodChat, i)));
    expect(acks.filter((a) => a.ok)).toHaveLength(3);
    const refusals = refusedWith(acks);
    expect(refusals).toHaveLength(5);
    for (const error of refusals) {
      expect(error?.code).toBe('RATE_LIMITED');
      expect(error?.retryAfterMs).toBeGreaterThan(0);
      expect(error?.retryAfterMs).toBeLessThanOrEqual(60_000);
    }
    expect(flooder.socket.connected).toBe(true);
    // The flooder's socket still answers other commands, and another person writes as usual.
    expect((await flooder.ok('chat:history', { conversationId: floodChat })).messages).toHaveLength(3);
    const fine = await Promise.all([0, 1, 2].map((i) => send(other, otherChat, i)));
    expect(fine.every((a) => a.ok)).toBe(true);
  });

  it('counts one identity across two server processes sharing Redis', async () => {
    const who = newWorker();
    const onOne = await visitor(one, who);
    const onTwo = await visitor(two, who);
    const chat = (await onOne.ok('chat:request', {})).conversation.id;
    // Three from the first process use that socket's allowance; the identity has five in all.
    const first = await Promise.all([0, 1, 2].map((i) => send(onOne, chat, i)));
    expect(first.every((a) => a.ok)).toBe(true);
    const second = await Promise.all([3, 4, 5].map((i) => send(onTwo, chat, i)));
    expect(second.filter((a) => a.ok)).toHaveLength(2);
    expect(refusedWith(second).map((e) => e?.code)).toEqual(['RATE_LIMITED']);
    expect((await onTwo.ok('chat:history', { conversationId: chat })).messages).toHaveLength(5);
  });

  it('lets a person leave only so many follow-ups a day', async () => {
    const who = newWorker();
    const client = await visitor(one, who);
    const create = (n: number) =>
      client.request('followup:create', { topic: 'Pagamento', text: `richiesta ${n}` });
    expect((await create(1)).ok).toBe(true);
    expect((await create(2)).ok).toBe(true);
    const third = await create(3);
    expect(third).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    if (!third.ok) expect(third.error.retryAfterMs).toBeGreaterThan(60_000);
    // The day's count is the person's, not the socket's nor the process's.
    const again = await visitor(two, who);
    expect(await again.request('followup:create', { text: 'di nuovo' })).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED' },
    });
    expect((await client.ok('followup:list', {})).followUps).toHaveLength(2);
  });

  it('closes a socket that keeps flooding after being refused, telling it why', async () => {
    const client = await visitor(one, newWorker());
    const closing = client.next('session:closing');
    const dropped = new Promise((resolve) => client.socket.once('disconnect', resolve));
    for (let i = 0; i < 20; i++)
      client.socket.emit(
        'chat:typing',
        { conversationId: '01JD3Q7J0X7M2Y5V9W4T6R8S1A', typing: true },
        () => {},
      );
    expect(await closing).toMatchObject({ code: 'RATE_LIMITED' });
    expect(await dropped).toBe('io server disconnect');
  });

  it('has the shared client wait the time it was told, calmly, not fail, when closed for flooding', async () => {
    const store = createStore<{ connection: ConnectionState; sessionEndsAt: number | null }>({
      connection: { kind: 'idle' },
      sessionEndsAt: null,
    });
    const who = newWorker();
    const socket = openSocket(
      { serverUrl: one.url, getToken: () => one.token(who) },
      { namespace: NAMESPACES.visitor, store, announceLost: (s) => s },
    );
    let readies = 0;
    socket.on('session:ready', () => readies++);
    try {
      socket.connect();
      await until(() => readies === 1, 'the session is ready');
      // Untyped on purpose: a raw flood, as a misbehaving client would send it.
      const raw = socket as unknown as { emit(event: string, ...args: unknown[]): void };
      for (let i = 0; i < 20; i++)
        raw.emit('chat:typing', { conversationId: '01JD3Q7J0X7M2Y5V9W4T6R8S1A', typing: true }, () => {});
      await until(() => store.getState().connection.kind === 'unavailable', 'the client waits, calmly');
      // As long as the server said (a minute's window here), not its own first 2 s retry.
      const waiting = store.getState().connection;
      expect(waiting.kind === 'unavailable' && waiting.retryInSeconds).toBeGreaterThan(
        UNAVAILABLE_RETRY.firstMs / 1000,
      );
    } finally {
      socket.removeAllListeners();
      socket.disconnect();
    }
  });

  it('refuses handshakes of one identity past the limit, not those of others', async () => {
    const who = newWorker();
    for (let i = 0; i < 3; i++) await visitor(one, who);
    const refused = await refusal(one.url, NAMESPACES.visitor, {
      token: await one.token(who),
      protocolVersion: 1,
    });
    expect(refused.code).toBe('RATE_LIMITED');
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect((await visitor(one, newWorker())).socket.connected).toBe(true);
  });
});

describe('limits per client address', () => {
  let edge: TestServer;
  beforeAll(async () => {
    edge = await startTestServer({ env: { LIMIT_HANDSHAKES_PER_IP: '3/60', LIMIT_REST_PER_IP: '3/60' } });
  });
  afterAll(() => edge.close());

  it('answers REST past the limit with 429 RATE_LIMITED and Retry-After, but never the probes', async () => {
    const token = await edge.token(newWorker());
    const get = () =>
      edge.app.inject({
        method: 'GET',
        url: '/api/me/access-log',
        headers: { authorization: `Bearer ${token}` },
      });
    for (let i = 0; i < 3; i++) expect((await get()).statusCode).toBe(200);
    const limited = await get();
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['cache-control']).toBe('no-store');
    const body = limited.json() as { error: { code: string; retryAfterMs: number } };
    expect(body.error.code).toBe('RATE_LIMITED');
    expect(body.error.retryAfterMs).toBeGreaterThan(0);
    expect((await edge.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('refuses handshakes from one address past the limit, before looking at the token', async () => {
    for (let i = 0; i < 3; i++) await visitor(edge, newWorker());
    const refused = await refusal(edge.url, NAMESPACES.visitor, { token: 'not-a-token', protocolVersion: 1 });
    expect(refused.code).toBe('RATE_LIMITED');
    // No proxy is trusted here: a made-up X-Forwarded-For does not dodge the count.
    expect((await refusalFrom(edge, '198.51.100.7')).code).toBe('RATE_LIMITED');
  });
});

/** A handshake with a bad token, arriving through a proxy that says the client is `forwardedFor`. */
async function refusalFrom(server: TestServer, forwardedFor: string): Promise<{ code: string }> {
  const socket = io(`${server.url}${NAMESPACES.visitor}`, {
    transports: ['websocket'],
    auth: { token: 'not-a-token', protocolVersion: 1 },
    extraHeaders: { 'x-forwarded-for': forwardedFor },
    reconnection: false,
    forceNew: true,
  });
  try {
    return await new Promise((resolve) =>
      socket.once('connect_error', (err: Error & { data?: { code: string } }) =>
        resolve(err.data ?? { code: err.message }),
      ),
    );
  } finally {
    socket.disconnect();
  }
}

describe('limits per client address behind a trusted proxy (TRUST_PROXY)', () => {
  let behind: TestServer;
  beforeAll(async () => {
    behind = await startTestServer({
      // The test's own connections come from loopback, so loopback plays the load balancer.
      env: { TRUST_PROXY: '127.0.0.1', LIMIT_HANDSHAKES_PER_IP: '2/60', LIMIT_REST_PER_IP: '2/60' },
    });
  });
  afterAll(() => behind.close());

  it('counts each client the proxy names, not the proxy, on sockets and REST', async () => {
    for (let i = 0; i < 2; i++)
      expect((await refusalFrom(behind, '203.0.113.1')).code).toBe('AUTH_TOKEN_INVALID');
    expect((await refusalFrom(behind, '203.0.113.1')).code).toBe('RATE_LIMITED');
    expect((await refusalFrom(behind, '203.0.113.2')).code).toBe('AUTH_TOKEN_INVALID');

    const get = (client: string) =>
      behind.app.inject({ method: 'GET', url: '/api/me/access-log', headers: { 'x-forwarded-for': client } });
    for (let i = 0; i < 2; i++) expect((await get('203.0.113.9')).statusCode).toBe(401);
    expect((await get('203.0.113.9')).statusCode).toBe(429);
    expect((await get('203.0.113.10')).statusCode).toBe(401);
  });
});
