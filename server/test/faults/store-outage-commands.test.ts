import { describe, expect, it } from 'vitest';
import { serverOnCuttableStore } from '../support/cuttable-store.ts';
import { connectAdvisor, startAssignedChat, until } from '../support/index.ts';

const store = serverOnCuttableStore('cmds');
const cutStore = () => store.cut();
const restoreStore = () => store.restore();

/** An answer to a store-backed command must come within this, whatever the store does. */
const BOUND_MS = 2_000;

type Answer = { ok: true } | { ok: false; code: string };
type Call = [name: string, call: () => Promise<Answer>];

const ack = (res: { ok: boolean; error?: { code: string } }): Answer =>
  res.ok ? { ok: true } : { ok: false, code: res.error?.code ?? '?' };

async function rest(path: string, token: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(`${store.server.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });
  if (res.ok) return { ok: true };
  expect(res.headers.get('cache-control')).toContain('no-store');
  return { ok: false, code: ((await res.json()) as { error: { code: string } }).error.code };
}

describe('when the store is down, the newer commands', () => {
  it('answer SERVICE_UNAVAILABLE in bounded time, lose nothing, and work again once it is back', async () => {
    const { server } = store;
    // A chat closed and archived before the outage, for the person's keeps (rating, dismissal).
    const first = await startAssignedChat(server, 'worker-na');
    await first.advisor.ok('chat:close', { conversationId: first.conversation.id, outcome: 'settled' });
    await until(
      async () => (await server.app.redis.exists(server.app.keys.conversation(first.conversation.id))) === 0,
      'the closed chat archived',
      20_000,
    );
    // A chat held now, for a referral from it.
    const held = await startAssignedChat(server, 'worker-rm');
    const chat = await held.advisor.next('chat:assigned', (c) => c.id === held.conversation.id);
    const office = await connectAdvisor(server.url, await server.token('office-rm'));
    await office.next('session:ready');
    const supervisor = await server.token('supervisor');
    const worker = first.visitor;
    // A referral passed to that office before the outage, for the office's take and answer.
    const { referral: passed } = await held.advisor.ok('referral:open', {
      conversationId: chat.id,
      applicationId: chat.claims[0]?.applicationId ?? '',
      question: 'Il pagamento risulta restituito.',
    });

    const calls: Call[] = [
      [
        'chat:rate',
        async () =>
          ack(await worker.request('chat:rate', { conversationId: first.conversation.id, stars: 5 })),
      ],
      ['followup:list (visitor)', async () => ack(await worker.request('followup:list', {}))],
      ['canned:list', async () => ack(await held.advisor.request('canned:list', {}))],
      [
        'canned:save',
        async () =>
          ack(
            await held.advisor.request('canned:save', { lang: 'it', title: 'Saluto', text: 'Buongiorno.' }),
          ),
      ],
      [
        'referral:open',
        async () =>
          ack(
            await held.advisor.request('referral:open', {
              conversationId: chat.id,
              applicationId: chat.claims[0]?.applicationId,
              question: 'Serve il decreto.',
            }),
          ),
      ],
      ['referral:list', async () => ack(await office.request('referral:list', {}))],
      ['referral:take', async () => ack(await office.request('referral:take', { id: passed.id }))],
      [
        'referral:answer',
        async () => ack(await office.request('referral:answer', { id: passed.id, text: 'Riemesso il 12.' })),
      ],
      ['followup:list (advisor)', async () => ack(await held.advisor.request('followup:list', {}))],
      ['GET /api/supervisor/referrals', () => rest('/api/supervisor/referrals', supervisor)],
      ['GET /api/supervisor/figures', () => rest('/api/supervisor/figures', supervisor)],
      ['GET /api/supervisor/canned-replies', () => rest('/api/supervisor/canned-replies', supervisor)],
      ['GET /api/supervisor/rollout/history', () => rest('/api/supervisor/rollout/history', supervisor)],
    ];

    await cutStore();
    try {
      for (const [name, call] of calls) {
        const started = performance.now();
        const answer = await call();
        const ms = performance.now() - started;
        expect({ name, answer }).toEqual({ name, answer: { ok: false, code: 'SERVICE_UNAVAILABLE' } });
        expect(ms, name).toBeLessThanOrEqual(BOUND_MS);
      }
      // Nobody was disconnected, and the chat under way goes on.
      for (const c of [worker, held.visitor, held.advisor, office]) expect(c.socket.connected).toBe(true);
      await held.visitor.ok('chat:send', {
        conversationId: chat.id,
        clientMessageId: 'down-1',
        text: 'Ci siete?',
      });
      await held.advisor.next('chat:message', (m) => m.clientMessageId === 'down-1');
    } finally {
      await restoreStore();
    }

    // Back without a restart: each works, and what was refused was not half-written.
    await until(async () => (await calls[0]![1]()).ok, 'the store back for the keeps', 20_000);
    for (const [name, call] of calls.slice(1))
      expect({ name, answer: await call() }).toEqual({ name, answer: { ok: true } });
    const referrals = await server.app.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM follow_ups WHERE kind = 'referral'",
    );
    // The one passed before the outage, and the one opened once it was back: none half-written.
    expect(referrals[0]?.n).toBe(2);
    const [answered] = await server.app.db.query<{ status: string; answer: string }>(
      'SELECT status, answer FROM follow_ups WHERE id = $1',
      [passed.id],
    );
    expect(answered).toEqual({ status: 'answered', answer: 'Riemesso il 12.' });
    const ratings = await server.app.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM conversation_ratings',
    );
    expect(ratings[0]?.n).toBe(1);

    await held.advisor.ok('chat:close', { conversationId: chat.id, outcome: 'referred_office' });
    for (const c of [worker, first.advisor, held.visitor, held.advisor, office]) c.close();
  });
});
