import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AdvisorClient,
  connectAdvisor,
  connectVisitor,
  startTestServer,
  type TestServer,
} from '../support/index.ts';

let server: TestServer;
let advisor: AdvisorClient;
let supervisorToken: string;

beforeAll(async () => {
  server = await startTestServer();
  supervisorToken = await server.token('supervisor');
  advisor = await connectAdvisor(server.url, await server.token('advisor'));
  await advisor.next('session:ready');
});
afterAll(async () => {
  advisor.close();
  await server.close();
});

const api = (path: string, init: RequestInit & { token?: string } = {}) =>
  fetch(`${server.url}${path}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
  });

describe('supervisors and advisors', () => {
  it('keeps the supervisor API to supervisors', async () => {
    expect((await api('/api/supervisor/advisors')).status).toBe(401);
    const asAdvisor = await api('/api/supervisor/advisors', { token: await server.token('advisor') });
    expect(asAdvisor.status).toBe(403);
    expect(((await asAdvisor.json()) as { error: { code: string } }).error.code).toBe('AUTH_ROLE_FORBIDDEN');
    const expired = await api('/api/supervisor/advisors', { token: await server.token('supervisor', -60) });
    expect(expired.status).toBe(401);
  });

  it('lists advisors with their availability, queues, capacity and load', async () => {
    const res = await api('/api/supervisor/advisors', { token: supervisorToken });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { advisors } = (await res.json()) as { advisors: Record<string, unknown>[] };
    expect(advisors).toContainEqual({
      advisorId: 'RMNPLA85P15H501Q',
      name: 'Paolo Romano',
      connected: true,
      availability: 'available',
      queues: ['workers', 'employers'],
      capacity: server.config.advisorDefaultCapacity,
      activeChats: 0,
    });
  });

  it('lets an advisor choose queues and capacity, and holds them to it', async () => {
    const profile = await advisor.ok('advisor:settings', { queues: ['workers'], capacity: 1 });
    expect(profile).toEqual({ availability: 'available', queues: ['workers'], capacity: 1, activeChats: 0 });
    const bad = await advisor.request('advisor:settings', { queues: [], capacity: 50 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });

    const employer = await connectVisitor(server.url, await server.token('employer-mi'));
    const employerChat = (await employer.ok('chat:request', {})).conversation.id;
    const worker = await connectVisitor(server.url, await server.token('worker-rm'));
    const workerChat = (await worker.ok('chat:request', {})).conversation.id;
    const other = await connectVisitor(server.url, await server.token('worker-na'));
    const otherChat = (await other.ok('chat:request', {})).conversation.id;

    expect((await advisor.next('chat:assigned')).id).toBe(workerChat);
    await new Promise((r) => setTimeout(r, 300));
    expect(advisor.all('chat:assigned').map((c) => c.id)).toEqual([workerChat]);

    const patched = await api('/api/supervisor/advisors/RMNPLA85P15H501Q', {
      method: 'PATCH',
      token: supervisorToken,
      body: JSON.stringify({ capacity: 3, queues: ['workers', 'employers'] }),
    });
    expect(patched.status).toBe(200);
    expect(await advisor.next('advisor:profile', (p) => p.capacity === 3)).toMatchObject({
      queues: ['workers', 'employers'],
    });
    await advisor.next('chat:assigned', (c) => c.id === otherChat);
    await advisor.next('chat:assigned', (c) => c.id === employerChat);
    for (const id of [workerChat, otherChat, employerChat])
      await advisor.ok('chat:close', { conversationId: id, outcome: 'settled' });
    for (const v of [employer, worker, other]) v.close();
  });

  it('refuses bad changes and unknown advisors with codes', async () => {
    const bad = await api('/api/supervisor/advisors/RMNPLA85P15H501Q', {
      method: 'PATCH',
      token: supervisorToken,
      body: JSON.stringify({ capacity: 0, sneaky: true }),
    });
    expect(bad.status).toBe(400);
    const unknown = await api('/api/supervisor/advisors/NOBODY', {
      method: 'PATCH',
      token: supervisorToken,
      body: JSON.stringify({ capacity: 2 }),
    });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('ADVISOR_NOT_FOUND');
  });

  it('shows each queue with what waits', async () => {
    const res = await api('/api/supervisor/queues', { token: supervisorToken });
    const { queues } = (await res.json()) as { queues: { queue: string; waiting: number }[] };
    expect(queues.map((q) => q.queue)).toEqual(['workers', 'employers']);
    expect(queues.every((q) => q.waiting === 0)).toBe(true);
  });
});
