import type { WaitEstimate } from '@infocig/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateWait } from '../../src/routing/queue-view.ts';
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
  // One chat each: advisors who hold one are online and serving, yet leave the next ones waiting.
  server = await startTestServer({ env: { ADVISOR_DEFAULT_CAPACITY: '1' } });
});
afterAll(() => server.close());

const staff = (n: number) => ({
  sub: `WAITS${n}00A01H501Z`,
  role: 'advisor' as const,
  name: `Consulente ${n}`,
});
const person = (n: number) => ({
  sub: `WAITP${n}00A01H501X`,
  role: 'lavoratore' as const,
  name: `Persona ${n}`,
  province: 'RM',
});

async function queued(n: number): Promise<{ visitor: VisitorClient; id: string }> {
  const visitor = await connectVisitor(server.url, await server.token(person(n)));
  await visitor.next('session:ready');
  const { conversation } = await visitor.ok('chat:request', { topic: `Domanda ${n}` });
  return { visitor, id: conversation.id };
}

/** The estimate of the latest position push for a conversation that satisfies `match`. */
async function pushed(
  visitor: VisitorClient,
  id: string,
  match: (e: WaitEstimate, position: number) => boolean,
) {
  const push = await visitor.next(
    'queue:position',
    (p) => p.conversationId === id && match(p.estimate, p.position),
    8_000,
  );
  return push;
}

async function advisorOnline(n: number): Promise<AdvisorClient> {
  const advisor = await connectAdvisor(server.url, await server.token(staff(n)));
  await advisor.next('session:ready');
  return advisor;
}

describe('honest wait estimates', () => {
  it('says why there is no estimate, then gives a range from the measured pace and the advisors serving', async () => {
    const a = await queued(1);
    const b = await queued(2);
    // Nobody is online: no number, and the reason.
    const none = { kind: 'none', reason: 'no_advisor_online' } as const;
    const askedB = (await b.visitor.ok('chat:request', {})).conversation;
    expect(askedB).toMatchObject({
      position: 2,
      estimate: none,
      estimatedWaitSeconds: null,
      topic: 'Domanda 2',
    });
    expect(await pushed(b.visitor, b.id, (e) => e.kind === 'none')).toMatchObject({ estimate: none });

    // An advisor comes online and takes the first chat: the second waits on a queue with no pace yet.
    const first = await advisorOnline(1);
    await first.next('chat:assigned', (c) => c.id === a.id);
    const noRate = await pushed(b.visitor, b.id, (e) => e.kind === 'none' && e.reason === 'no_service_rate');
    expect(noRate).toMatchObject({ position: 1, estimatedWaitSeconds: null });

    // A second advisor takes the second chat; two more wait, both advisors full.
    const second = await advisorOnline(2);
    await second.next('chat:assigned', (c) => c.id === b.id);
    const c = await queued(3);
    const d = await queued(4);

    // A pace measured over enough hand-outs: one advisor frees a slot every 120 s, give or take 12 s.
    const { redis, keys } = server.app;
    await redis.hset(keys.queuePace('workers'), { perAdvisorMs: 120_000, deviationMs: 12_000, samples: 5 });
    // The second advisor pauses (their chat stays with them): one advisor serves the queue.
    await second.ok('advisor:availability', { availability: 'paused' });
    const alone = await pushed(
      d.visitor,
      d.id,
      (e, position) => e.kind === 'range' && e.advisors === 1 && position === 2,
    );
    // Position 2 × 120 s ÷ 1 advisor = 240 s, ±30% (the measured ±10% is narrower than the floor).
    expect(alone.estimate).toEqual({ kind: 'range', lowSeconds: 168, highSeconds: 312, advisors: 1 });
    expect(alone.estimatedWaitSeconds).toBe(312);

    // Back to work (still full, so nothing is handed out): a new push, with the wait halved.
    await second.ok('advisor:availability', { availability: 'available' });
    const both = await pushed(d.visitor, d.id, (e) => e.kind === 'range' && e.advisors === 2);
    expect(both.estimate).toEqual({ kind: 'range', lowSeconds: 84, highSeconds: 156, advisors: 2 });
    const atHead = await pushed(c.visitor, c.id, (e) => e.kind === 'range' && e.advisors === 2);
    expect(atHead.estimate).toEqual({ kind: 'range', lowSeconds: 42, highSeconds: 78, advisors: 2 });

    // Everyone leaves: the waiting visitors are told plainly, without a number.
    first.close();
    second.close();
    expect(
      (await pushed(d.visitor, d.id, (e) => e.kind === 'none' && e.reason === 'no_advisor_online'))
        .estimatedWaitSeconds,
    ).toBeNull();
    for (const v of [a, b, c, d]) v.visitor.close();
  });
});

describe('the estimate formula', () => {
  const pace = { perAdvisorMs: 60_000, deviationMs: 30_000, samples: 10 };
  it('widens the band with the measured variability, and never gives a number without a basis', () => {
    // 3 × 60 s ÷ 2 = 90 s; deviation 50% of the interval: 45–135 s.
    expect(estimateWait(3, { advisors: 2, ...pace })).toEqual({
      kind: 'range',
      lowSeconds: 45,
      highSeconds: 135,
      advisors: 2,
    });
    expect(estimateWait(3, { advisors: 0, ...pace })).toEqual({ kind: 'none', reason: 'no_advisor_online' });
    expect(estimateWait(3, { advisors: 2, ...pace, samples: 2 })).toEqual({
      kind: 'none',
      reason: 'no_service_rate',
    });
    expect(estimateWait(3, { advisors: 2, perAdvisorMs: null, deviationMs: 0, samples: 0 })).toEqual({
      kind: 'none',
      reason: 'no_service_rate',
    });
  });
});
