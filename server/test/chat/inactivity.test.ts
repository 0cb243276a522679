import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAdvisor, connectVisitor, startTestServer, type TestServer } from '../support/index.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    env: { CHAT_INACTIVITY_SECONDS: '3', INACTIVITY_WARNING_SECONDS: '1.5' },
  });
});
afterAll(() => server.close());

describe('inactive chats', () => {
  it('are warned once, then closed, while chats in use stay open', async () => {
    const advisor = await connectAdvisor(server.url, await server.token('advisor'));
    await advisor.next('session:ready');
    const quiet = await connectVisitor(server.url, await server.token('worker-rm'));
    const quietChat = (await quiet.ok('chat:request', {})).conversation.id;
    const busy = await connectVisitor(server.url, await server.token('worker-na'));
    const busyChat = (await busy.ok('chat:request', {})).conversation.id;
    await advisor.next('chat:assigned', (c) => c.id === busyChat);

    const keepTalking = setInterval(() => {
      void busy.request('chat:send', {
        conversationId: busyChat,
        clientMessageId: `k-${Date.now()}`,
        text: 'Ci sono',
      });
    }, 700);
    try {
      const warning = await quiet.next('chat:message', (m) => m.author === 'system', 8_000);
      expect(warning.text).toMatch(/verrà chiusa/);
      // The notice is data each app words; its kind and minutes are what the apps read.
      expect(warning.notice).toEqual({ kind: 'inactivity-warning', minutesLeft: expect.any(Number) });
      const history = await quiet.ok('chat:history', { conversationId: quietChat, afterSeq: 0 });
      expect(history.messages.find((m) => m.author === 'system')?.notice).toEqual(warning.notice);
      expect(await quiet.next('chat:closed', undefined, 8_000)).toEqual({
        conversationId: quietChat,
        closedBy: 'system',
        reason: 'inactive',
      });
      expect(quiet.all('chat:message').filter((m) => m.author === 'system')).toHaveLength(1);
      expect(await advisor.next('chat:closed', (c) => c.conversationId === quietChat)).toMatchObject({
        reason: 'inactive',
      });
    } finally {
      clearInterval(keepTalking);
    }
    expect(busy.all('chat:closed')).toEqual([]);
    expect(busy.all('chat:message').filter((m) => m.author === 'system')).toEqual([]);
    await busy.ok('chat:close', { conversationId: busyChat, outcome: 'settled' });
    for (const c of [advisor, quiet, busy]) c.close();
  }, 20_000);
});
