import { italianDay } from '@infocig/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAdvisor, connectVisitor, startTestServer, type TestServer } from '../support/index.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const person = (n: number, role: 'lavoratore' | 'titolare' = 'lavoratore') => ({
  sub: `FIGURE${n}0A01H501X`,
  role,
  name: `Persona ${n}`,
  province: 'RM',
  ...(role === 'titolare'
    ? { company: { cf: '01234560157', name: 'Officine Meccaniche Lombarde S.r.l.' } }
    : {}),
});

describe('published figures', () => {
  it('count requests, people, the share settled online and without an advisor, and wait and first-response times', async () => {
    const selfServed = await connectVisitor(server.url, await server.token(person(1)));
    await selfServed.next('claims:status');
    const again = await connectVisitor(server.url, await server.token(person(1)));
    await again.next('claims:status');

    const chatter = await connectVisitor(server.url, await server.token(person(2)));
    const { conversation } = await chatter.ok('chat:request', {});
    const advisor = await connectAdvisor(server.url, await server.token('advisor'));
    await advisor.next('chat:assigned', (c) => c.id === conversation.id);
    await advisor.ok('chat:send', {
      conversationId: conversation.id,
      clientMessageId: 'r1',
      text: 'Buongiorno',
    });
    await advisor.ok('chat:send', { conversationId: conversation.id, clientMessageId: 'r2', text: 'Ancora' });
    await advisor.ok('chat:close', { conversationId: conversation.id, outcome: 'settled' });

    const writer = await connectVisitor(server.url, await server.token(person(3, 'titolare')));
    await writer.next('session:ready');
    await writer.ok('followup:create', { text: 'Vi scrivo' });
    await new Promise((r) => setTimeout(r, 300));

    // Today only: the demo data holds a year of visits up to yesterday.
    const today = italianDay(new Date());
    const res = await fetch(`${server.url}/api/supervisor/figures?from=${today}&to=${today}`, {
      headers: { authorization: `Bearer ${await server.token('supervisor')}` },
    });
    expect(res.status).toBe(200);
    const { byAudience } = (await res.json()) as { byAudience: Record<string, Record<string, unknown>> };
    const month = today.slice(0, 7);
    expect(byAudience.workers).toMatchObject({
      requests: 2,
      distinctPeople: 2,
      perMonth: [{ month, interactions: 2 }],
      peakMonth: { month, interactions: 2 },
      settledOnlineShare: 1,
      settledWithoutAdvisorShare: 0.5,
      // The chat its advisor closed as settled.
      caseOutcomes: { settled: 1, follow_up: 0, referred_office: 0 },
    });
    const workers = byAudience.workers as {
      waitSeconds: { p50: number };
      firstResponseSeconds: { p50: number };
    };
    expect(workers.waitSeconds.p50).toBeGreaterThanOrEqual(0);
    expect(workers.firstResponseSeconds.p50).toBeGreaterThanOrEqual(workers.waitSeconds.p50);
    expect(byAudience.employers).toMatchObject({
      requests: 1,
      settledOnlineShare: 0,
      settledWithoutAdvisorShare: 0,
      followUps: { opened: 1, answered: 0 },
      caseOutcomes: { settled: 0, follow_up: 0, referred_office: 0 },
    });
    for (const c of [selfServed, again, chatter, advisor, writer]) c.close();
  });

  it('are for supervisors only', async () => {
    const res = await fetch(`${server.url}/api/supervisor/figures`, {
      headers: { authorization: `Bearer ${await server.token('advisor')}` },
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('AUTH_ROLE_FORBIDDEN');
    const bad = await fetch(`${server.url}/api/supervisor/figures?from=yesterday`, {
      headers: { authorization: `Bearer ${await server.token('supervisor')}` },
    });
    expect(bad.status).toBe(400);
  });

  it('have a year of history in the demo data, up to yesterday', async () => {
    const res = await fetch(`${server.url}/api/supervisor/figures`, {
      headers: { authorization: `Bearer ${await server.token('supervisor')}` },
    });
    const { total } = (await res.json()) as {
      total: { perMonth: { month: string }[]; followUps: { opened: number; answered: number } };
    };
    expect(total.perMonth.length).toBeGreaterThanOrEqual(12);
    expect(total.followUps.opened).toBeGreaterThan(0);
    expect(total.followUps.answered).toBeGreaterThan(0);
  });
});
