import {
  codiceFiscaleCheckChar,
  handshakeAuth,
  NAMESPACES,
  type QueueOverview,
  type ServiceOverview,
  ServiceOverviewSchema,
} from '@infocig/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PERSONAS } from '../../src/dev/personas.ts';
import {
  type AdvisorClient,
  connectAdvisor,
  connectSupervisor as connectTo,
  connectVisitor,
  refusal,
  type SupervisorClient,
  startTestServer,
  type TestServer,
  type VisitorClient,
} from '../support/index.ts';

/** `first` holds the Redis prefix and the supervisor; people arrive on `second`, the other process. */
let first: TestServer;
let second: TestServer;
let supervisor: SupervisorClient;
let paolo: AdvisorClient;
const open: { close(): void }[] = [];

const cf = (first15: string) => `${first15}${codiceFiscaleCheckChar(first15)}`;
const staff = (n: number) => ({
  sub: cf(`SPVSPV80A0${n}H501`),
  role: 'advisor' as const,
  name: `Sorvegliato ${n}`,
});
const PAOLO = DEMO_PERSONAS.advisor.sub;

async function connectSupervisor(url: string, token: string): Promise<SupervisorClient> {
  const client = await connectTo(url, token);
  open.push(client);
  return client;
}

async function advisorOn(
  server: TestServer,
  who: Parameters<TestServer['token']>[0],
): Promise<AdvisorClient> {
  const client = await connectAdvisor(server.url, await server.token(who));
  await client.next('session:ready');
  open.push(client);
  return client;
}

async function visitorOn(server: TestServer, persona: 'worker-rm' | 'employer-mi'): Promise<VisitorClient> {
  const client = await connectVisitor(server.url, await server.token(persona));
  await client.next('session:ready');
  open.push(client);
  return client;
}

const queueOf = (overview: ServiceOverview, queue: QueueOverview['queue']): QueueOverview => {
  const found = overview.queues.find((q) => q.queue === queue);
  if (!found) throw new Error(`no ${queue} queue in the overview`);
  return found;
};

/** The next overview push that satisfies `match` (pushes come every 2 s at most, when it changed). */
const pushed = (match: (o: ServiceOverview) => boolean, timeoutMs = 8_000) =>
  supervisor.next('supervisor:overview', match, timeoutMs);

/** Each queue's advisor counts must be what the advisor list says, state by state. */
function expectCountsMatchList(overview: ServiceOverview): void {
  for (const q of overview.queues) {
    const serving = overview.advisors.filter((a) => a.queues.includes(q.queue));
    const count = (state: string) => serving.filter((a) => a.state === state).length;
    expect(q.advisors, q.queue).toEqual({
      available: count('available'),
      busy: count('busy'),
      paused: count('paused'),
      offline: count('offline'),
    });
  }
}

beforeAll(async () => {
  first = await startTestServer();
  second = await startTestServer({ sharePrefixOf: first });
});
afterAll(async () => {
  for (const client of open) client.close();
  await second.close();
  await first.close();
});

describe('the /supervisor namespace', () => {
  it('greets a supervisor with who they are and the overview of queues and advisors', async () => {
    supervisor = await connectSupervisor(first.url, await first.token('supervisor'));
    const ready = await supervisor.next('session:ready');
    expect(ready.identity).toEqual({ role: 'supervisor', displayName: 'Elena Marino' });
    expect(ServiceOverviewSchema.safeParse(ready.overview).success).toBe(true);
    expect(ready.overview.queues.map((q) => q.queue)).toEqual(['workers', 'employers']);
    for (const q of ready.overview.queues)
      expect(q).toEqual({
        queue: q.queue,
        waiting: 0,
        oldestWaitingSeconds: null,
        assigned: 0,
        waitToAssignment: { p50: null, p90: null, count: 0 },
        advisors: { available: 0, busy: 0, paused: 0, offline: 0 },
        pastGrace: 0,
      });
    expect(ready.overview.advisors).toEqual([]);
  });

  it('admits a supervisor with extra rights, and refuses advisors and visitors', async () => {
    const admin = await connectSupervisor(first.url, await first.token('supervisor-admin'));
    expect((await admin.next('session:ready')).identity.displayName).toBe('Franco Ricci');
    admin.close();
    for (const persona of ['advisor', 'worker-rm', 'employer-mi'] as const) {
      const refused = await refusal(
        first.url,
        NAMESPACES.supervisor,
        handshakeAuth(await first.token(persona)),
      );
      expect(refused.code, persona).toBe('AUTH_ROLE_FORBIDDEN');
    }
    expect((await refusal(first.url, NAMESPACES.supervisor, {})).code).toBe('AUTH_TOKEN_MISSING');
  });

  it("pushes another process's waiting visitors, each in their own queue", async () => {
    await visitorOn(second, 'worker-rm').then((v) => v.ok('chat:request', { topic: 'Pagamento' }));
    const workersUp = await pushed((o) => queueOf(o, 'workers').waiting === 1);
    expect(queueOf(workersUp, 'workers').oldestWaitingSeconds).not.toBeNull();
    expect(queueOf(workersUp, 'employers').waiting).toBe(0);

    await visitorOn(second, 'employer-mi').then((v) => v.ok('chat:request', {}));
    const employersUp = await pushed((o) => queueOf(o, 'employers').waiting === 1);
    expect(queueOf(employersUp, 'workers').waiting).toBe(1);
    expect(employersUp.queues.every((q) => q.assigned === 0)).toBe(true);
  });

  it('shows chats taken by an advisor as assigned, with their waits', async () => {
    paolo = await advisorOn(second, 'advisor');
    const taken = await pushed((o) => o.queues.every((q) => q.waiting === 0 && q.assigned === 1));
    for (const q of taken.queues) {
      expect(q.oldestWaitingSeconds, q.queue).toBeNull();
      expect(q.waitToAssignment.count, q.queue).toBeGreaterThanOrEqual(1);
      expect(q.waitToAssignment.p50, q.queue).not.toBeNull();
      expect(q.advisors, q.queue).toEqual({ available: 1, busy: 0, paused: 0, offline: 0 });
    }
    expect(taken.advisors).toEqual([
      expect.objectContaining({
        advisorId: PAOLO,
        name: 'Paolo Romano',
        state: 'available',
        activeChats: 2,
        capacity: first.config.advisorDefaultCapacity,
        pausedBySupervisor: false,
      }),
    ]);
  });

  it('counts advisors available, busy, paused (by a supervisor or by themselves) and offline', async () => {
    // Paolo holds two chats: at capacity two he is busy.
    await paolo.ok('advisor:settings', { queues: ['workers', 'employers'], capacity: 2 });
    await advisorOn(first, staff(1)); // available
    const paused = await advisorOn(second, staff(2));
    const selfPaused = await advisorOn(first, staff(3));
    await selfPaused.ok('advisor:availability', { availability: 'paused' });
    const leaving = await advisorOn(second, staff(4));
    leaving.close(); // offline

    const beforePause = Date.now();
    const res = await fetch(`${first.url}/api/supervisor/advisors/${staff(2).sub}`, {
      method: 'PATCH',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await first.token('supervisor')}`,
      },
      body: JSON.stringify({ availability: 'paused' }),
    });
    expect(res.status).toBe(200);
    await paused.next('advisor:profile', (p) => p.availability === 'paused');

    const all = await pushed((o) => {
      const q = queueOf(o, 'workers');
      return (
        q.advisors.available === 1 &&
        q.advisors.busy === 1 &&
        q.advisors.paused === 2 &&
        q.advisors.offline === 1
      );
    });
    for (const q of all.queues)
      expect(q.advisors, q.queue).toEqual({ available: 1, busy: 1, paused: 2, offline: 1 });
    expectCountsMatchList(all);

    const byId = new Map(all.advisors.map((a) => [a.advisorId, a]));
    expect(byId.get(PAOLO)).toMatchObject({ state: 'busy', activeChats: 2, capacity: 2 });
    expect(byId.get(staff(1).sub)).toMatchObject({ state: 'available', pausedBySupervisor: false });
    expect(byId.get(staff(3).sub)).toMatchObject({ state: 'paused', pausedBySupervisor: false });
    expect(byId.get(staff(4).sub)).toMatchObject({ state: 'offline', pausedBySupervisor: false });
    const pausedOne = byId.get(staff(2).sub);
    expect(pausedOne).toMatchObject({ name: 'Sorvegliato 2', state: 'paused', pausedBySupervisor: true });
    expect(pausedOne?.stateSince).not.toBeNull();
    const since = Date.parse(pausedOne?.stateSince ?? '');
    expect(since).toBeGreaterThanOrEqual(beforePause - 1_000);
    expect(since).toBeLessThanOrEqual(Date.now());
    for (const a of all.advisors) expect(a.stateSince, a.advisorId).not.toBeNull();
  });

  it('answers the supervisor:overview command with the overview, and bad payloads with a code', async () => {
    const answer = await supervisor.request('supervisor:overview', {});
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(ServiceOverviewSchema.safeParse(answer.data).success).toBe(true);
    expect(answer.data.advisors).toHaveLength(5);
    expectCountsMatchList(answer.data);
    expect(queueOf(answer.data, 'workers').assigned).toBe(1);

    for (const bad of [{ extra: true }, 'overview', 42, null])
      expect(await supervisor.request('supervisor:overview', bad)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED' },
      });
    expect(supervisor.socket.connected).toBe(true);
  });

  it('stays quiet while nothing changes', async () => {
    // Settle: whatever was pending has been pushed.
    await new Promise((r) => setTimeout(r, 2_500));
    const before = supervisor.all('supervisor:overview').length;
    await new Promise((r) => setTimeout(r, 4_500));
    expect(supervisor.all('supervisor:overview').length).toBe(before);
  });
});
