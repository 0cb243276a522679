import { italianDay } from '@infocig/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArchiveStore } from '../../src/chat/archive-store.ts';
import { purgeExpired } from '../../src/privacy/retention.ts';
import {
  connectVisitor,
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

const DAY = 86_400_000;
const silent = { info: () => {} } as unknown as Parameters<typeof purgeExpired>[4];
const person = (n: number) => numberedWorker('KEEPSS', n);

async function closedChat(n: number) {
  const { advisor, visitor, conversation } = await startAssignedChat(server, person(n), { topic: 'CIGO' });
  const conversationId = conversation.id;
  await visitor.ok('chat:send', { conversationId, clientMessageId: 'k-1', text: 'Quando pagate?' });
  await advisor.ok('chat:send', { conversationId, clientMessageId: 'k-2', text: 'Entro il 20.' });
  await advisor.ok('chat:close', { conversationId, outcome: 'settled' });
  await visitor.next('chat:closed', (c) => c.conversationId === conversationId);
  const archive = createArchiveStore(server.app.db);
  await until(async () => (await archive.get(conversationId)) !== null, 'chat archived');
  return { advisor, visitor, conversationId };
}

async function figures() {
  const today = italianDay(new Date());
  const res = await fetch(`${server.url}/api/supervisor/figures?from=${today}&to=${today}`, {
    headers: { authorization: `Bearer ${await server.token('supervisor')}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as {
    total: { ratings: { count: number; averageStars: number | null } };
    byAudience: { workers: { ratings: { count: number } }; employers: { ratings: { count: number } } };
    byCategory: { worker: { ratings: { count: number } } };
  };
}

describe('what the person keeps of a closed chat', () => {
  it('a rating by its own visitor, once, after the close, stored and counted in the figures', async () => {
    const before = await figures();
    const { advisor, visitor, conversationId } = await closedChat(1);

    const bad = await visitor.request('chat:rate', { conversationId, stars: 6 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const zero = await visitor.request('chat:rate', { conversationId, stars: 0 });
    expect(zero).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const long = await visitor.request('chat:rate', { conversationId, stars: 3, comment: 'x'.repeat(1001) });
    expect(long).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    // An advisor has no such command; another person may not rate it.
    const stranger = await connectVisitor(server.url, await server.token(person(2)));
    await stranger.next('session:ready');
    const foreign = await stranger.request('chat:rate', { conversationId, stars: 1 });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'CONVERSATION_FORBIDDEN' } });
    const unknown = await visitor.request('chat:rate', {
      conversationId: '01JD3Q7J0X7M2Y5V9W4T6R8S1A',
      stars: 1,
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'CONVERSATION_NOT_FOUND' } });

    const { rating } = await visitor.ok('chat:rate', {
      conversationId,
      stars: 4,
      comment: '  Chiaro e veloce  ',
    });
    expect(rating).toMatchObject({ stars: 4, comment: 'Chiaro e veloce' });
    const twice = await visitor.request('chat:rate', { conversationId, stars: 5 });
    expect(twice).toMatchObject({ ok: false, error: { code: 'ALREADY_RATED' } });

    const [row] = await server.app.db.query<{ stars: number; comment: string }>(
      'SELECT stars, comment FROM conversation_ratings WHERE conversation_id = $1',
      [conversationId],
    );
    expect(row).toMatchObject({ stars: 4, comment: 'Chiaro e veloce' });

    const after = await figures();
    expect(after.total.ratings.count).toBe(before.total.ratings.count + 1);
    expect(after.byAudience.workers.ratings.count).toBe(before.byAudience.workers.ratings.count + 1);
    expect(after.byAudience.employers.ratings.count).toBe(before.byAudience.employers.ratings.count);
    expect(after.byCategory.worker.ratings.count).toBe(before.byCategory.worker.ratings.count + 1);
    if (before.total.ratings.count === 0) expect(after.total.ratings.averageStars).toBe(4);

    const today = italianDay(new Date());
    const csv = await fetch(
      `${server.url}/api/supervisor/figures.csv?figure=summary&segment=total&from=${today}&to=${today}`,
      { headers: { authorization: `Bearer ${await server.token('supervisor')}` } },
    );
    const [header, total] = (await csv.text()).split('\r\n').map((line) => line.split(','));
    const column = header?.indexOf('ratings') ?? -1;
    expect(column).toBeGreaterThan(0);
    expect(header?.[column + 1]).toBe('rating_average_stars');
    expect(Number(total?.[column])).toBe(after.total.ratings.count);
    advisor.close();
    visitor.close();
    stranger.close();
  });

  it('an open chat cannot be rated or dismissed; one closed more than a week ago cannot be rated', async () => {
    const { advisor, visitor, conversation } = await startAssignedChat(server, person(3));
    const conversationId = conversation.id;
    const open = await visitor.request('chat:rate', { conversationId, stars: 5 });
    expect(open).toMatchObject({ ok: false, error: { code: 'CONVERSATION_OPEN' } });
    const openDismiss = await visitor.request('chat:dismiss', { conversationId });
    expect(openDismiss).toMatchObject({ ok: false, error: { code: 'CONVERSATION_OPEN' } });
    await visitor.ok('chat:close', { conversationId });
    const archive = createArchiveStore(server.app.db);
    await until(async () => (await archive.get(conversationId)) !== null, 'chat archived');
    await server.app.db.query(
      `UPDATE conversation_archive SET closed_at = now() - interval '8 days' WHERE id = $1`,
      [conversationId],
    );
    const late = await visitor.request('chat:rate', { conversationId, stars: 5 });
    expect(late).toMatchObject({ ok: false, error: { code: 'RATING_EXPIRED' } });
    advisor.close();
    visitor.close();
  });

  it('the closed chat is handed over after a reconnect until dismissed, on any device', async () => {
    const { advisor, visitor, conversationId } = await closedChat(4);
    visitor.close();

    const again = await connectVisitor(server.url, await server.token(person(4)));
    const ready = await again.next('session:ready');
    expect(ready.conversation).toBeNull();
    expect(ready.closedConversation).toMatchObject({
      conversation: { id: conversationId, status: 'closed', topic: 'CIGO' },
      closedBy: 'advisor',
      rating: null,
    });
    expect(Date.parse(ready.closedConversation?.ratableUntil ?? '')).toBeGreaterThan(Date.now() + 6 * DAY);
    const page = await again.ok('chat:history', { conversationId, afterSeq: 0, limit: 50 });
    expect(page.messages.map((m) => m.text)).toEqual(['Quando pagate?', 'Entro il 20.']);
    await again.ok('chat:rate', { conversationId, stars: 2 });

    // Someone else sees nothing of it, and cannot put it away.
    const stranger = await connectVisitor(server.url, await server.token(person(5)));
    expect((await stranger.next('session:ready')).closedConversation).toBeNull();
    const foreign = await stranger.request('chat:dismiss', { conversationId });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'CONVERSATION_FORBIDDEN' } });

    const rated = await connectVisitor(server.url, await server.token(person(4)));
    const readyRated = await rated.next('session:ready');
    expect(readyRated.closedConversation).toMatchObject({ rating: { stars: 2 }, ratableUntil: null });

    await rated.ok('chat:dismiss', { conversationId });
    await rated.ok('chat:dismiss', { conversationId });
    const later = await connectVisitor(server.url, await server.token(person(4)));
    expect((await later.next('session:ready')).closedConversation).toBeNull();
    // Its transcript stays the person's to read.
    const transcript = await later.ok('chat:history', { conversationId, afterSeq: 0, limit: 50 });
    expect(transcript.messages).toHaveLength(2);
    for (const c of [advisor, again, stranger, rated, later]) c.close();
  });

  it('retention deletes the rating and the dismissal with the transcript; the counts stay', async () => {
    const { advisor, visitor, conversationId } = await closedChat(6);
    await visitor.ok('chat:rate', { conversationId, stars: 5, comment: 'Grazie' });
    await visitor.ok('chat:dismiss', { conversationId });
    const counted = (await figures()).total.ratings.count;
    const { db } = server.app;
    const rows = async () =>
      (
        await db.query<{ n: number }>(
          `SELECT (SELECT count(*) FROM conversation_ratings WHERE conversation_id = $1)
                + (SELECT count(*) FROM conversation_dismissals WHERE conversation_id = $1)
                + (SELECT count(*) FROM conversation_archive WHERE id = $1) AS n`,
          [conversationId],
        )
      )[0]?.n;
    expect(Number(await rows())).toBe(3);

    const purged = await purgeExpired(
      db,
      server.app.audit,
      createArchiveStore(db),
      { auditMs: 365 * DAY, transcriptMs: DAY },
      silent,
      new Date(Date.now() + 2 * DAY),
    );
    expect(purged.conversations).toBeGreaterThanOrEqual(1);
    expect(Number(await rows())).toBe(0);
    expect((await figures()).total.ratings.count).toBe(counted);
    advisor.close();
    visitor.close();
  });
});
