import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDevKeys } from '../../src/dev/dev-keys.ts';
import { createTokenMinter } from '../../src/dev/token-minter.ts';
import type { IdentityClaims } from '../../src/people/identity.ts';
import {
  type AdvisorClient,
  connectAdvisor,
  connectVisitor,
  startTestServer,
  type TestServer,
  type VisitorClient,
} from '../support/index.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** A person of their own for each test, so that no test's sessions count against another's. */
let people = 0;
const worker = (): IdentityClaims => ({
  sub: `TSTWRK80A01H501${String.fromCharCode(65 + people++)}`,
  role: 'lavoratore',
  name: `Lavoratore ${people}`,
  province: 'RM',
});
const advisorClaims = (): IdentityClaims => ({
  sub: `TSTADV80A01H501${String.fromCharCode(65 + people++)}`,
  role: 'advisor',
  name: `Consulente ${people}`,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const reasons = new WeakMap<VisitorClient | AdvisorClient, Promise<string>>();
/** Resolves with the reason the socket was disconnected for, whenever that was. */
function disconnected(client: VisitorClient | AdvisorClient): Promise<string> {
  const reason = reasons.get(client);
  if (!reason) throw new Error('not watched: connect with visitorOn / advisorOn');
  return reason;
}
function watched<C extends VisitorClient | AdvisorClient>(client: C): C {
  reasons.set(client, new Promise((resolve) => client.socket.once('disconnect', (r) => resolve(r))));
  return client;
}
const visitorOn = async (token: string) => watched(await connectVisitor(server.url, token));
const advisorOn = async (token: string) => watched(await connectAdvisor(server.url, token));

/** Paused first, so that no later test's chat goes to an advisor on their way out. */
async function leave(advisor: AdvisorClient): Promise<void> {
  if (advisor.socket.connected) await advisor.ok('advisor:availability', { availability: 'paused' });
  advisor.close();
}

/** A visitor in an active chat with an advisor whose token lasts. */
async function chatting(visitorToken: string) {
  const advisor = await advisorOn(await server.token(advisorClaims()));
  await advisor.next('session:ready');
  const visitor = await visitorOn(visitorToken);
  await visitor.next('session:ready');
  const { conversation } = await visitor.ok('chat:request', { topic: 'Scadenza' });
  await advisor.next('chat:assigned', (a) => a.id === conversation.id);
  await visitor.next('chat:assigned');
  return { advisor, visitor, conversationId: conversation.id };
}

describe('a session ends with its token', () => {
  it('tells the socket why, disconnects it at expiry, and sends it nothing afterwards', async () => {
    const { advisor, visitor, conversationId } = await chatting(await server.token(worker(), 3));
    const expiry = await visitor.next('session:expiry');
    expect(expiry.expiresInSeconds).toBeLessThanOrEqual(3);

    const ended = await visitor.next('session:ended', () => true, 6_000);
    expect(ended.code).toBe('AUTH_TOKEN_EXPIRED');
    expect(await disconnected(visitor)).toBe('io server disconnect');
    const seenAtEnd = visitor.received.length;

    for (let i = 0; i < 10; i++) {
      await advisor.ok('chat:send', { conversationId, clientMessageId: `after-${i}`, text: `Dopo ${i}` });
    }
    // Every message was stored and pushed (the acks came after the pushes); none reached the visitor.
    const { messages } = await advisor.ok('chat:history', { conversationId });
    expect(messages.map((m) => m.clientMessageId)).toContain('after-9');
    expect(visitor.received.slice(seenAtEnd)).toEqual([]);
    await leave(advisor);
  });

  it('carries on past the first token’s expiry after a refresh for the same person', async () => {
    const person = worker();
    const { advisor, visitor, conversationId } = await chatting(await server.token(person, 2));
    const first = await visitor.next('session:expiry');

    const renewed = await visitor.ok('auth:refresh', { token: await server.token(person, 60) });
    expect(renewed.expiresInSeconds).toBeGreaterThan(50);
    expect(Date.parse(renewed.expiresAt)).toBeGreaterThan(Date.parse(first.expiresAt));

    await sleep(first.expiresInSeconds * 1000 + 1_500);
    expect(visitor.socket.connected).toBe(true);
    expect(visitor.all('session:ended')).toEqual([]);
    await advisor.ok('chat:send', { conversationId, clientMessageId: 'late', text: 'Ancora qui?' });
    expect((await visitor.next('chat:message', (m) => m.clientMessageId === 'late')).text).toBe(
      'Ancora qui?',
    );
    await visitor.ok('chat:send', { conversationId, clientMessageId: 'late-v', text: 'Sì' });
    visitor.close();
    await leave(advisor);
  });

  it('refuses a refresh for another person, and the session ends at its old deadline', async () => {
    const visitor = await visitorOn(await server.token(worker(), 3));
    await visitor.next('session:expiry');

    const someoneElse = await visitor.request('auth:refresh', { token: await server.token(worker(), 60) });
    expect(someoneElse).toMatchObject({ ok: false, error: { code: 'AUTH_IDENTITY_MISMATCH' } });
    expect(visitor.socket.connected).toBe(true);

    expect((await visitor.next('session:ended', () => true, 6_000)).code).toBe('AUTH_TOKEN_EXPIRED');
    expect(await disconnected(visitor)).toBe('io server disconnect');
  });

  it('refuses a refresh that changes the role or the company, though the person is the same', async () => {
    const person = worker();
    const visitor = await visitorOn(await server.token(person, 60));
    await visitor.next('session:ready');
    const asOwner = await server.token({
      ...person,
      role: 'titolare',
      company: { cf: '01234560157', name: 'Officine Meccaniche Lombarde S.r.l.' },
    });
    expect(await visitor.request('auth:refresh', { token: asOwner })).toMatchObject({
      ok: false,
      error: { code: 'AUTH_IDENTITY_MISMATCH' },
    });
    const elsewhere = await server.token({ ...person, province: 'MI' });
    expect(await visitor.request('auth:refresh', { token: elsewhere })).toMatchObject({
      ok: false,
      error: { code: 'AUTH_IDENTITY_MISMATCH' },
    });
    visitor.close();
  });

  it('refuses a refresh with a bad, forged or expired token, and keeps the session', async () => {
    const person = worker();
    const visitor = await visitorOn(await server.token(person, 60));
    await visitor.next('session:ready');
    const forger = await createTokenMinter((await generateDevKeys()).privateKeyPem, server.config.auth);

    for (const token of ['garbage', await forger(person), await server.token(person, -60)]) {
      const refused = await visitor.request('auth:refresh', { token });
      expect(refused).toMatchObject({ ok: false, error: { code: 'AUTH_TOKEN_INVALID' } });
    }
    expect(await visitor.request('auth:refresh', {})).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(visitor.socket.connected).toBe(true);
    expect((await visitor.ok('claims:get', {})).claims).toEqual([]);
    visitor.close();
  });

  it('lets an advisor refresh too, and ends an advisor’s session at expiry', async () => {
    const person = advisorClaims();
    const renewed = await advisorOn(await server.token(person, 2));
    await renewed.next('session:ready');
    await renewed.ok('auth:refresh', { token: await server.token(person, 60) });
    const lapsing = await advisorOn(await server.token(advisorClaims(), 2));
    expect((await lapsing.next('session:ended', () => true, 5_000)).code).toBe('AUTH_TOKEN_EXPIRED');
    expect(await disconnected(lapsing)).toBe('io server disconnect');
    expect(renewed.socket.connected).toBe(true);
    await leave(renewed);
  });
});

describe('an advisor whose token has expired is never handed a chat', () => {
  it('takes them offline at expiry, so a new chat waits', async () => {
    const advisor = await advisorOn(await server.token(advisorClaims(), 2));
    await advisor.next('session:ready');
    await advisor.next('session:ended', () => true, 5_000);
    await disconnected(advisor);

    const visitor = await visitorOn(await server.token(worker()));
    const { conversation } = await visitor.ok('chat:request', { topic: 'Nessuno?' });
    expect(conversation.status).toBe('queued');
    const stillQueued = await server.app.redis.hget(server.app.keys.conversation(conversation.id), 'status');
    expect(stillQueued).toBe('queued');
    expect(advisor.all('chat:assigned')).toEqual([]);

    // A fresh advisor takes it: the queue works, the expired one was skipped.
    const fresh = await advisorOn(await server.token(advisorClaims()));
    expect((await fresh.next('chat:assigned')).id).toBe(conversation.id);
    await visitor.ok('chat:close', { conversationId: conversation.id });
    visitor.close();
    await leave(fresh);
  });

  it('skips an advisor whose token deadline has passed though their socket was not yet closed', async () => {
    const person = advisorClaims();
    const advisor = await advisorOn(await server.token(person, 600));
    await advisor.next('session:ready');
    // As if the process holding the socket had stalled or died before its timer fired.
    const { redis, keys } = server.app;
    const sessionsKey = keys.sessions(`a:${person.sub}`);
    for (const [id, value] of Object.entries(await redis.hgetall(sessionsKey))) {
      await redis.hset(sessionsKey, id, value.replace(/\d+$/, String(Date.now() - 1_000)));
    }

    const visitor = await visitorOn(await server.token(worker()));
    const { conversation } = await visitor.ok('chat:request', { topic: 'Scaduto' });
    const backup = await advisorOn(await server.token(advisorClaims()));
    expect((await backup.next('chat:assigned')).id).toBe(conversation.id);
    expect(advisor.all('chat:assigned')).toEqual([]);
    await visitor.ok('chat:close', { conversationId: conversation.id });
    visitor.close();
    await leave(backup);
    advisor.close();
  });
});
