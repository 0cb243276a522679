import { LIMITS } from '@infocig/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectAdvisor,
  connectVisitor,
  startTestServer,
  type TestServer,
  type VisitorClient,
} from '../support/index.ts';

let server: TestServer;
let mario: VisitorClient;
let anna: VisitorClient;
let marioChat: string;
let annaChat: string;

beforeAll(async () => {
  server = await startTestServer();
  mario = await connectVisitor(server.url, await server.token('worker-rm'));
  anna = await connectVisitor(server.url, await server.token('worker-na'));
  marioChat = (await mario.ok('chat:request', {})).conversation.id;
  annaChat = (await anna.ok('chat:request', {})).conversation.id;
});
afterAll(async () => {
  mario.close();
  anna.close();
  await server.close();
});

describe('bad input gets a coded error and nothing else is disturbed', () => {
  it.each([
    ['a string instead of an object', 'hello'],
    ['no conversation id', { clientMessageId: 'x', text: 'hi' }],
    ['a malformed conversation id', { conversationId: '../../etc', clientMessageId: 'x', text: 'hi' }],
    [
      'a client id with odd characters',
      { conversationId: '01JD3Q7J0X7M2Y5V9W4T6R8S1A', clientMessageId: 'a b', text: 'hi' },
    ],
    ['an empty text', { conversationId: '01JD3Q7J0X7M2Y5V9W4T6R8S1A', clientMessageId: 'x', text: '   ' }],
    ['a number as text', { conversationId: '01JD3Q7J0X7M2Y5V9W4T6R8S1A', clientMessageId: 'x', text: 42 }],
  ])('refuses %s with VALIDATION_FAILED', async (_, payload) => {
    const res = await mario.request('chat:send', payload);
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('refuses an oversized message with MESSAGE_TOO_LONG', async () => {
    const text = 'x'.repeat(LIMITS.messageTextMaxChars + 1);
    const res = await mario.request('chat:send', { conversationId: marioChat, clientMessageId: 'big', text });
    expect(res).toMatchObject({ ok: false, error: { code: 'MESSAGE_TOO_LONG' } });
  });

  it("refuses writing into, reading or closing someone else's conversation", async () => {
    const send = await mario.request('chat:send', {
      conversationId: annaChat,
      clientMessageId: 'intrude',
      text: 'hi',
    });
    expect(send).toMatchObject({ ok: false, error: { code: 'CONVERSATION_FORBIDDEN' } });
    const read = await mario.request('chat:history', { conversationId: annaChat });
    expect(read).toMatchObject({ ok: false, error: { code: 'CONVERSATION_FORBIDDEN' } });
    const close = await mario.request('chat:close', { conversationId: annaChat });
    expect(close).toMatchObject({ ok: false, error: { code: 'CONVERSATION_FORBIDDEN' } });
    const unknown = await mario.request('chat:history', { conversationId: '01JD3Q7J0X7M2Y5V9W4T6R8S1A' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'CONVERSATION_NOT_FOUND' } });
  });

  it('keeps the connection and the other conversations working afterwards', async () => {
    expect(mario.socket.connected).toBe(true);
    const own = await mario.ok('chat:send', {
      conversationId: marioChat,
      clientMessageId: 'after',
      text: 'Ancora qui',
    });
    expect(own.seq).toBe(1);
    const other = await anna.ok('chat:send', {
      conversationId: annaChat,
      clientMessageId: 'fine',
      text: 'Tutto bene',
    });
    expect(other.seq).toBe(1);
    const history = await anna.ok('chat:history', { conversationId: annaChat });
    expect(history.messages.map((m) => m.text)).toEqual(['Tutto bene']);
  });

  it('drops only the socket that sends a packet above the size limit', async () => {
    const advisor = await connectAdvisor(server.url, await server.token('advisor'));
    await advisor.next('session:ready');
    const flooder = await connectVisitor(server.url, await server.token('employer-mi'));
    const dropped = new Promise((resolve) => flooder.socket.once('disconnect', resolve));
    flooder.socket.emit(
      'chat:send',
      { conversationId: marioChat, clientMessageId: 'huge', text: 'x'.repeat(LIMITS.maxPacketBytes + 1) },
      () => {},
    );
    await dropped;
    expect(mario.socket.connected).toBe(true);
    const still = await mario.ok('chat:send', {
      conversationId: marioChat,
      clientMessageId: 'still',
      text: 'Ci sono',
    });
    expect(still.seq).toBeGreaterThan(1);
    advisor.close();
  });

  it('answers commands sent without an ack callback with silence, not a crash', async () => {
    mario.socket.emit('chat:send', { conversationId: marioChat, clientMessageId: 'noack', text: 'x' });
    const res = await mario.ok('chat:history', { conversationId: marioChat });
    expect(res.messages.map((m) => m.clientMessageId)).not.toContain('noack');
  });
});
