import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityClaims } from '../../src/people/identity.ts';
import { visitorKeyOf } from '../../src/people/visitor-key.ts';
import {
  type AdvisorClient,
  connectAdvisor,
  connectVisitor,
  startTestServer,
  type TestServer,
  type VisitorClient,
} from '../support/index.ts';

let first: TestServer;
let second: TestServer;

beforeAll(async () => {
  first = await startTestServer();
  second = await startTestServer({ sharePrefixOf: first });
});
afterAll(async () => {
  await second.close();
  await first.close();
});

type Client = VisitorClient | AdvisorClient;

let people = 0;
const person = (role: 'lavoratore' | 'advisor'): IdentityClaims => ({
  sub: `CAPTST80A01H501${String.fromCharCode(65 + people++)}`,
  role,
  name: `Persona ${people}`,
  ...(role === 'lavoratore' ? { province: 'RM' } : {}),
});

/** Waits for a condition on real state, polling; fails after `timeoutMs`. */
async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** How many sockets the person has on record, across both processes. */
const recorded = (member: string) => first.app.redis.hlen(first.app.keys.sessions(member));

/** Opens sockets one after the other, each on record before the next, so that "oldest" is clear. */
async function openInTurn(count: number, member: string, open: () => Promise<Client>) {
  const clients: Client[] = [];
  for (let i = 0; i < count; i++) {
    clients.push(await open());
    await until(`${i + 1} sessions are recorded`, async () => (await recorded(member)) === i + 1);
  }
  return clients;
}

const disconnectedByServer = (client: Client) =>
  new Promise<string>((resolve) => {
    if (client.socket.disconnected) resolve('already');
    else client.socket.once('disconnect', (reason) => resolve(reason));
  });

describe('sockets per person are capped across processes', () => {
  it('closes the oldest of a visitor’s sockets when a sixth opens, with the reason', async () => {
    const claims = person('lavoratore');
    const member = `v:${visitorKeyOf(claims.sub)}`;
    const token = await first.token(claims);
    const clients = await openInTurn(5, member, () => connectVisitor(first.url, token));
    const [oldest, ...rest] = clients as [VisitorClient, ...VisitorClient[]];
    const gone = disconnectedByServer(oldest);

    const sixth = await connectVisitor(first.url, token);
    expect(await oldest.next('session:ended')).toEqual({
      code: 'TOO_MANY_SESSIONS',
      message: expect.any(String),
    });
    expect(await gone).toBe('io server disconnect');
    await sixth.next('session:ready');
    for (const c of [...rest, sixth]) {
      expect(c.socket.connected).toBe(true);
      expect(c.all('session:ended')).toEqual([]);
    }
    await until('the closed socket is off the record', async () => (await recorded(member)) === 5);
    for (const c of [...rest, sixth]) c.close();
    await until('every socket is off the record', async () => (await recorded(member)) === 0);
  });

  it('closes an advisor’s oldest socket held by another process when a fourth opens', async () => {
    const claims = person('advisor');
    const member = `a:${claims.sub}`;
    const token = await first.token(claims);
    const onFirst = await openInTurn(3, member, () => connectAdvisor(first.url, token));
    const [oldest, secondOldest, third] = onFirst as [AdvisorClient, AdvisorClient, AdvisorClient];
    const gone = disconnectedByServer(oldest);

    // Each test server signs with a key of its own: the same person, signed for the second.
    const fourth = await connectAdvisor(second.url, await second.token(claims));
    expect((await oldest.next('session:ended')).code).toBe('TOO_MANY_SESSIONS');
    expect(await gone).toBe('io server disconnect');
    await fourth.next('session:ready');
    expect([secondOldest, third, fourth].map((c) => c.socket.connected)).toEqual([true, true, true]);

    // And the other way round: a fifth on the first process closes the next oldest.
    const fifth = await connectAdvisor(first.url, token);
    expect((await secondOldest.next('session:ended')).code).toBe('TOO_MANY_SESSIONS');
    await fifth.next('session:ready');
    expect([third, fourth, fifth].map((c) => c.socket.connected)).toEqual([true, true, true]);
    for (const c of [third, fourth, fifth]) {
      await c.ok('advisor:availability', { availability: 'paused' });
      c.close();
    }
  });

  it('leaves one token with five sockets when it opens twenty at once', async () => {
    const claims = person('lavoratore');
    const member = `v:${visitorKeyOf(claims.sub)}`;
    const tokens = [await first.token(claims), await second.token(claims)];
    const urls = [first.url, second.url];
    const clients = await Promise.all(
      Array.from({ length: 20 }, (_, i) => connectVisitor(urls[i % 2]!, tokens[i % 2]!)),
    );
    await until(
      'fifteen sockets were closed',
      () => clients.filter((c) => c.socket.disconnected).length === 15,
    );
    const ended = clients.filter((c) => c.socket.disconnected);
    for (const c of ended) expect(c.all('session:ended').map((e) => e.code)).toEqual(['TOO_MANY_SESSIONS']);
    expect(await recorded(member)).toBe(5);
    for (const c of clients) c.close();
  });

  it('does not count sockets of a process that died', async () => {
    const claims = person('lavoratore');
    const member = `v:${visitorKeyOf(claims.sub)}`;
    const { redis, keys } = first.app;
    const token = await first.token(claims);
    // Four sockets on record from a process that is no longer live (never heartbeaten, or reaped).
    for (let i = 0; i < 4; i++) {
      await redis.hset(
        keys.sessions(member),
        `ghost-${i}`,
        `${Date.now() - 10_000 + i} dead-process ${Date.now() + 600_000}`,
      );
    }
    const clients = await Promise.all(Array.from({ length: 5 }, () => connectVisitor(first.url, token)));
    await until('the five live sockets are on record', async () => (await recorded(member)) === 5);
    expect(await redis.hkeys(keys.sessions(member))).not.toContain('ghost-0');
    expect(clients.every((c) => c.socket.connected && c.all('session:ended').length === 0)).toBe(true);
    for (const c of clients) c.close();
  });
});
