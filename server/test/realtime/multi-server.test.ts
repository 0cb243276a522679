import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAdvisor, connectVisitor, startTestServer, type TestServer } from '../support/index.ts';

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

describe('two server processes sharing one Redis', () => {
  it('let a visitor on one and an advisor on the other chat', async () => {
    const advisor = await connectAdvisor(second.url, await second.token('advisor'));
    await advisor.next('session:ready');
    const worker = await connectVisitor(first.url, await first.token('worker-rm'));
    const { conversation } = await worker.ok('chat:request', { topic: 'Da un altro server' });

    expect((await advisor.next('chat:assigned')).id).toBe(conversation.id);
    expect((await worker.next('chat:assigned')).advisorName).toBe('Paolo Romano');

    await worker.ok('chat:send', {
      conversationId: conversation.id,
      clientMessageId: 'x-1',
      text: 'Mi sente?',
    });
    expect((await advisor.next('chat:message')).text).toBe('Mi sente?');
    await advisor.ok('chat:send', {
      conversationId: conversation.id,
      clientMessageId: 'y-1',
      text: 'Sì, perfettamente.',
    });
    expect((await worker.next('chat:message', (m) => m.author === 'advisor')).text).toBe(
      'Sì, perfettamente.',
    );

    await worker.ok('chat:close', { conversationId: conversation.id });
    expect(await advisor.next('chat:closed')).toEqual({
      conversationId: conversation.id,
      closedBy: 'visitor',
    });
    worker.close();
    advisor.close();
  });
});
