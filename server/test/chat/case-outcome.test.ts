import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArchiveStore } from '../../src/chat/archive-store.ts';
import {
  numberedWorker,
  startAssignedChat,
  startTestServer,
  type TestServer,
  until,
} from '../support/index.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const person = (n: number) => numberedWorker('OUTCOM', n);

async function archived(id: string) {
  const archive = createArchiveStore(server.app.db);
  await until(async () => (await archive.get(id)) !== null, 'conversation archived');
  return (await archive.get(id))!;
}

async function caseOutcomeOf(id: string) {
  const rows = await server.app.db.query<{ case_outcome: string | null; outcome: string }>(
    'SELECT case_outcome, outcome FROM interactions WHERE conversation_id = $1',
    [id],
  );
  return rows;
}

describe('the case outcome at close', () => {
  it('is required of the advisor: without it the chat stays open; with it, it is archived and counted', async () => {
    const { advisor, visitor, conversation } = await startAssignedChat(server, person(1));
    const id = conversation.id;

    const missing = await advisor.request('chat:close', { conversationId: id });
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(JSON.stringify(missing)).toContain('outcome');
    const unknown = await advisor.request('chat:close', { conversationId: id, outcome: 'abandoned' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    // Still open: both sides still write in it.
    await visitor.ok('chat:send', { conversationId: id, clientMessageId: 'o-1', text: 'Ci siete?' });
    await advisor.ok('chat:send', {
      conversationId: id,
      clientMessageId: 'o-2',
      text: 'Sì, la mando in sede.',
    });
    expect(visitor.all('chat:closed')).toEqual([]);

    await advisor.ok('chat:close', { conversationId: id, outcome: 'referred_office' });
    expect(await visitor.next('chat:closed')).toMatchObject({ conversationId: id, closedBy: 'advisor' });
    const record = (await archived(id)).record;
    expect(record).toMatchObject({ closedBy: 'advisor', outcome: 'referred_office' });
    // The visit's own outcome stays what it was (a chat); the case outcome sits beside it.
    await until(async () => (await caseOutcomeOf(id))[0]?.case_outcome != null, 'case outcome counted');
    expect(await caseOutcomeOf(id)).toEqual([{ case_outcome: 'referred_office', outcome: 'chat' }]);
    advisor.close();
    visitor.close();
  });

  it('is not asked of the visitor', async () => {
    const { advisor, visitor, conversation } = await startAssignedChat(server, person(2));
    const id = conversation.id;
    await visitor.ok('chat:close', { conversationId: id });
    expect(await advisor.next('chat:closed', (c) => c.conversationId === id)).toMatchObject({
      closedBy: 'visitor',
    });
    const record = (await archived(id)).record;
    expect(record.closedBy).toBe('visitor');
    expect(record.outcome).toBeUndefined();
    expect(await caseOutcomeOf(id)).toEqual([{ case_outcome: null, outcome: 'chat' }]);
    advisor.close();
    visitor.close();
  });
});
