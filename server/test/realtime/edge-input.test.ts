import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AdvisorClient,
  connectAdvisor,
  connectVisitor,
  startTestServer,
  type TestServer,
  type VisitorClient,
} from '../support/index.ts';

/** The inputs an outside review found answered INTERNAL_ERROR, each now refused with a code. */
let server: TestServer;
let worker: VisitorClient;
let advisor: AdvisorClient;
let chat: string;

beforeAll(async () => {
  server = await startTestServer();
  advisor = await connectAdvisor(server.url, await server.token('advisor'));
  await advisor.next('session:ready');
  worker = await connectVisitor(server.url, await server.token('worker-rm'));
  chat = (await worker.ok('chat:request', {})).conversation.id;
  await advisor.next('chat:assigned', (c) => c.id === chat);
});
afterAll(async () => {
  worker.close();
  advisor.close();
  await server.close();
});

describe('input that once reached INTERNAL_ERROR', () => {
  it('refuses a transfer target shaped like a Redis key while the chat is held', async () => {
    const advisorId = 'RMNPLA85P15H501Q';
    for (const target of [`${advisorId}:convs`, `x:${advisorId}`, '{tag}', 'a b']) {
      const res = await advisor.request('chat:transfer', {
        conversationId: chat,
        to: { advisorId: target },
        note: 'Passo al collega',
      });
      expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
    // The chat is still the advisor's: nothing was moved or broken.
    const history = await advisor.ok('chat:history', { conversationId: chat });
    expect(history.messages).toEqual([]);
  });

  it('refuses NUL and control characters in follow-up ids, topics and texts', async () => {
    const cases: [string, VisitorClient | AdvisorClient, unknown][] = [
      ['followup:create', worker, { topic: 'Paga\u0000mento', text: 'Quando?' }],
      ['followup:create', worker, { topic: 'Pagamento', text: 'Quando\u0000?' }],
      ['followup:create', worker, { topic: '\u001b[31mrosso', text: 'Quando?' }],
      ['followup:answer', advisor, { id: '01JD3Q7J0X7M2Y5V9W4T6R8S1\u0000', text: 'Risposta' }],
      ['followup:answer', advisor, { id: 'abc\u0000', text: 'Risposta' }],
      ['chat:send', worker, { conversationId: chat, clientMessageId: 'nul', text: 'ciao\u0000' }],
      ['chat:request', worker, { topic: 'x', applicationId: 'A\u0000B' }],
    ];
    for (const [event, client, payload] of cases) {
      const res = await (client as VisitorClient).request(event as 'chat:send', payload);
      expect(res, `${event} ${JSON.stringify(payload)}`).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED' },
      });
    }
  });

  it('keeps line breaks and tabs in a message, and stores it in NFC', async () => {
    const sent = await worker.ok('chat:send', {
      conversationId: chat,
      clientMessageId: 'nfc',
      text: 'Perche\u0301?\n\tGrazie',
    });
    const { messages } = await worker.ok('chat:history', { conversationId: chat });
    expect(messages.find((m) => m.seq === sent.seq)?.text).toBe('Perch\u00e9?\n\tGrazie');
  });

  it('answers every command sent without a payload with VALIDATION_FAILED', async () => {
    for (const event of ['followup:list', 'claims:get', 'privacy:access-log', 'chat:request']) {
      const res = await worker.socket.timeout(5_000).emitWithAck(event);
      expect(res, event).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
    for (const event of ['advisors:list', 'followup:list', 'advisor:availability']) {
      const res = await advisor.socket.timeout(5_000).emitWithAck(event);
      expect(res, event).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
  });
});
