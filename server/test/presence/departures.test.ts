import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAdvisor, connectVisitor, startTestServer, type TestServer } from '../support/index.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { ADVISOR_GRACE_SECONDS: '1', VISITOR_GRACE_SECONDS: '1' } });
});
afterAll(() => server.close());

const staff = (n: number) => ({
  sub: `STAFF${n}00A01H501Z`,
  role: 'advisor' as const,
  name: `Consulente ${n}`,
});
const person = (n: number) => ({
  sub: `DEPART${n}0A01H501X`,
  role: 'lavoratore' as const,
  name: `Persona ${n}`,
  province: 'RM',
});

describe('when people go away', () => {
  it('an advisor who returns within the grace period keeps their chats', async () => {
    const token = await server.token(staff(1));
    const advisor = await connectAdvisor(server.url, token);
    await advisor.next('session:ready');
    const visitor = await connectVisitor(server.url, await server.token(person(1)));
    const { conversation } = await visitor.ok('chat:request', {});
    await advisor.next('chat:assigned', (c) => c.id === conversation.id);

    advisor.close();
    const back = await connectAdvisor(server.url, token);
    const ready = await back.next('session:ready');
    expect(ready.conversations.map((c) => c.id)).toContain(conversation.id);
    await new Promise((r) => setTimeout(r, 2_500));
    expect(visitor.all('chat:requeued')).toEqual([]);
    await back.ok('chat:send', {
      conversationId: conversation.id,
      clientMessageId: 'still-mine',
      text: 'Sono qui',
    });
    await back.ok('chat:close', { conversationId: conversation.id, outcome: 'settled' });
    back.close();
    visitor.close();
  });

  it('an advisor who stays away loses their chats to the head of the queue, history kept', async () => {
    const token = await server.token(staff(2));
    const advisor = await connectAdvisor(server.url, token);
    await advisor.next('session:ready');
    await advisor.ok('advisor:availability', { availability: 'paused' });
    const first = await connectVisitor(server.url, await server.token(person(2)));
    const held = (await first.ok('chat:request', {})).conversation.id;
    await first.ok('chat:send', { conversationId: held, clientMessageId: 'before', text: 'Prima' });
    await advisor.ok('advisor:availability', { availability: 'available' });
    await advisor.next('chat:assigned', (c) => c.id === held);
    await advisor.ok('advisor:availability', { availability: 'paused' });
    const second = await connectVisitor(server.url, await server.token(person(3)));
    const newer = (await second.ok('chat:request', {})).conversation.id;

    advisor.close();
    expect(await first.next('chat:requeued', undefined, 8_000)).toEqual({
      conversationId: held,
      reason: 'advisor_left',
    });
    expect((await first.next('queue:position', (p) => p.conversationId === held)).position).toBe(1);

    const colleague = await connectAdvisor(
      server.url,
      await server.token({ sub: 'CLLGHI80A01H501Z', role: 'advisor', name: 'Collega' }),
    );
    const taken = await colleague.next('chat:assigned');
    expect(taken.id).toBe(held);
    expect(taken.messages.map((m) => m.notice?.kind ?? m.text)).toEqual(['Prima', 'handover']);
    expect((await colleague.next('chat:assigned', (c) => c.id === newer)).id).toBe(newer);
    for (const id of [held, newer])
      await colleague.ok('chat:close', { conversationId: id, outcome: 'settled' });
    for (const c of [first, second, colleague]) c.close();
  });

  it('an advisor who comes and goes keeps their chats: each absence gets the full grace period', async () => {
    const token = await server.token(staff(7));
    let advisor = await connectAdvisor(server.url, token);
    await advisor.next('session:ready');
    const visitor = await connectVisitor(server.url, await server.token(person(7)));
    const { conversation } = await visitor.ok('chat:request', {});
    await advisor.next('chat:assigned', (c) => c.id === conversation.id);
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

    advisor.close();
    await pause(600);
    advisor = await connectAdvisor(server.url, token);
    await advisor.next('session:ready');
    await pause(300);
    advisor.close();
    await pause(500);
    advisor = await connectAdvisor(server.url, token);
    await advisor.next('session:ready');
    await pause(2_000);
    expect(visitor.all('chat:requeued')).toEqual([]);
    await advisor.ok('chat:close', { conversationId: conversation.id, outcome: 'settled' });
    advisor.close();
    visitor.close();
  });

  it('a visitor who stays away has their conversation closed', async () => {
    const visitor = await connectVisitor(server.url, await server.token(person(4)));
    const { conversation } = await visitor.ok('chat:request', {});
    const advisor = await connectAdvisor(server.url, await server.token(staff(4)));
    await advisor.next('chat:assigned', (c) => c.id === conversation.id);

    visitor.close();
    expect(await advisor.next('chat:closed', (e) => e.conversationId === conversation.id, 8_000)).toEqual({
      conversationId: conversation.id,
      closedBy: 'system',
      reason: 'visitor_left',
    });
    advisor.close();
  });

  it('a visitor who reconnects within the grace period keeps their place', async () => {
    const token = await server.token(person(5));
    const visitor = await connectVisitor(server.url, token);
    const { conversation } = await visitor.ok('chat:request', {});
    visitor.close();
    const again = await connectVisitor(server.url, token);
    await new Promise((r) => setTimeout(r, 2_500));
    const ready = await again.next('session:ready');
    expect(ready.conversation?.id).toBe(conversation.id);
    expect(again.all('chat:closed')).toEqual([]);
    again.close();
  });
});
