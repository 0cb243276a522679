import type { AccessLogEntry } from '@infocig/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAdvisor, connectVisitor, startTestServer, type TestServer } from '../support/index.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("a person's access log", () => {
  it('names the reader of every read: chat, history, follow-up list and answer, refusals', async () => {
    const worker = await connectVisitor(server.url, await server.token('worker-rm'));
    await worker.next('session:ready');
    const advisor = await connectAdvisor(server.url, await server.token('advisor'));
    await advisor.next('session:ready');

    // A chat: the assignment (claims and transcript), a history read, then a read after the close.
    const { conversation } = await worker.ok('chat:request', { topic: 'Pagamento' });
    await advisor.next('chat:assigned', (c) => c.id === conversation.id);
    await advisor.ok('chat:history', { conversationId: conversation.id, afterSeq: 0 });
    await advisor.ok('chat:close', { conversationId: conversation.id, outcome: 'settled' });
    await advisor.request('chat:history', { conversationId: conversation.id, afterSeq: 0 });

    // A follow-up, listed and answered.
    const { followUp } = await worker.ok('followup:create', {
      topic: 'Marzo',
      text: 'Non ho ricevuto marzo.',
    });
    await advisor.ok('followup:list', {});
    await advisor.ok('followup:answer', { id: followUp.id, text: 'Arriva entro 7 giorni.' });

    const { entries } = await worker.ok('privacy:access-log', {});
    const res = await fetch(`${server.url}/api/me/access-log`, {
      headers: { authorization: `Bearer ${await server.token('worker-rm')}` },
    });
    expect(((await res.json()) as { entries: AccessLogEntry[] }).entries).toEqual(entries);

    const seen = entries.map((e) => [e.purpose, e.outcome]);
    expect(seen).toEqual(
      expect.arrayContaining([
        ['assigned chat', 'granted'],
        ['chat history', 'granted'],
        ['chat no longer open', 'refused'],
        ['follow-up list', 'granted'],
        ['follow-up answer', 'granted'],
      ]),
    );
    for (const e of entries) expect(e).toMatchObject({ actorName: 'Paolo Romano', actorRole: 'advisor' });
    worker.close();
    advisor.close();
  });
});
