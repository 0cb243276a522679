import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inactivityJobId } from '../../src/chat/inactivity.ts';
import { DEMO_PERSONAS } from '../../src/dev/personas.ts';
import { connectAdvisor, connectVisitor, startTestServer, type TestServer } from '../support/index.ts';

let server: TestServer;
const advisorId = DEMO_PERSONAS.advisor.sub;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('an assignment whose announcement never happened', () => {
  it('is announced to both sides by the sweep, with its inactivity timer, and leaves nothing pending', async () => {
    const advisor = await connectAdvisor(server.url, await server.token('advisor'));
    await advisor.next('session:ready');
    await advisor.ok('advisor:availability', { availability: 'paused' });
    const visitor = await connectVisitor(
      server.url,
      await server.token({ sub: 'ANNUNC80A01H501X', role: 'lavoratore', name: 'Anna Nunzi', province: 'RM' }),
    );
    await visitor.next('session:ready');
    const { conversation } = await visitor.ok('chat:request', {});
    expect(conversation.status).toBe('queued');

    // What a process does right before it is killed: the chat is handed out, nobody is told.
    const { pool, keys, redis } = server.app;
    await pool.update(advisorId, { availability: 'available' });
    const handedOut = await pool.assignNext('workers');
    expect(handedOut).toMatchObject({ conversationId: conversation.id, advisorId });
    const handedAt = performance.now();

    const [forAdvisor, forVisitor] = await Promise.all([
      advisor.next('chat:assigned', (c) => c.id === conversation.id, 20_000),
      visitor.next('chat:assigned', (a) => a.conversationId === conversation.id, 20_000),
    ]);
    console.info(`announced by the sweep ${Math.round(performance.now() - handedAt)} ms after the hand-out`);
    expect(forAdvisor.visitor.displayName).toBe('Anna Nunzi');
    expect(forVisitor.advisorName).toBe(DEMO_PERSONAS.advisor.name);
    // The timer is set, and the chat leaves the list, right after both sides were told.
    const [timers] = server.app.jobQueues;
    await expect.poll(async () => (await timers?.getJob(inactivityJobId(conversation.id)))?.id).toBeDefined();
    await expect.poll(() => redis.zcard(keys.unannounced())).toBe(0);

    // The chat works as any other.
    await visitor.ok('chat:send', {
      conversationId: conversation.id,
      clientMessageId: 'c1',
      text: 'Buongiorno',
    });
    await advisor.next('chat:message', (m) => m.clientMessageId === 'c1');
    advisor.close();
    visitor.close();
  });

  it('announced at once, leaves nothing for the sweep', async () => {
    const advisor = await connectAdvisor(server.url, await server.token('advisor'));
    await advisor.next('session:ready');
    await advisor.ok('advisor:availability', { availability: 'available' });
    const visitor = await connectVisitor(
      server.url,
      await server.token({
        sub: 'SUBITO80A01H501X',
        role: 'lavoratore',
        name: 'Sara Subito',
        province: 'RM',
      }),
    );
    await visitor.next('session:ready');
    const { conversation } = await visitor.ok('chat:request', {});
    await advisor.next('chat:assigned', (c) => c.id === conversation.id);
    await visitor.next('chat:assigned', (a) => a.conversationId === conversation.id);
    const { keys, redis } = server.app;
    await expect.poll(() => redis.zscore(keys.unannounced(), conversation.id)).toBeNull();
    advisor.close();
    visitor.close();
  });
});
