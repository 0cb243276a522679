import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AdvisorClient,
  connectAdvisor,
  connectVisitor,
  startTestServer,
  type TestServer,
} from '../support/index.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { ADVISOR_GRACE_SECONDS: '1' } });
});
afterAll(() => server.close());

const staff = (n: number) => ({
  sub: `TOOL${n}00A01H501Z`,
  role: 'advisor' as const,
  name: `Consulente Strumenti ${n}`,
});

async function advisorServing(n: number, queues: ('workers' | 'employers')[]) {
  const advisor = await connectAdvisor(server.url, await server.token(staff(n)));
  const ready = await advisor.next('session:ready');
  await advisor.ok('advisor:settings', { queues, capacity: 2 });
  return { advisor, self: ready.advisorId };
}

async function colleagueId(asker: AdvisorClient, n: number) {
  const { advisors } = await asker.ok('advisors:list', {});
  return advisors.find((a) => a.name === staff(n).name)?.advisorId;
}

describe('each message names its real author, and the person reads the hand-over', () => {
  it('an advisor message carries the opaque id of whoever wrote it; a transfer writes a hand-over notice', async () => {
    const { advisor: first, self: firstId } = await advisorServing(1, ['workers']);
    expect(firstId).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const worker = await connectVisitor(server.url, await server.token('worker-rm'));
    const { conversation } = await worker.ok('chat:request', {});
    const id = conversation.id;
    await first.next('chat:assigned', (c) => c.id === id);
    await first.ok('chat:send', { conversationId: id, clientMessageId: 'a1', text: 'Buongiorno' });
    await first.ok('advisor:availability', { availability: 'paused' });
    const { advisor: second, self: secondId } = await advisorServing(2, ['employers']);
    expect(secondId).not.toBe(firstId);

    await first.ok('chat:transfer', {
      conversationId: id,
      to: { advisorId: await colleagueId(first, 2) },
      note: 'Per te',
    });
    const handover = await worker.next('chat:message', (m) => m.author === 'system');
    expect(handover).toMatchObject({ notice: { kind: 'handover', reason: 'transferred' } });
    expect(handover.text).toContain('Your conversation is being handed to another advisor');
    const received = await second.next('chat:assigned', (c) => c.id === id);
    expect(received.messages.map((m) => [m.author, m.authorId])).toEqual([
      ['advisor', firstId],
      ['system', undefined],
    ]);
    await second.ok('chat:send', { conversationId: id, clientMessageId: 'b1', text: 'Eccomi' });
    const fromSecond = await worker.next('chat:message', (m) => m.clientMessageId === 'b1');
    expect(fromSecond).toMatchObject({ author: 'advisor', authorName: staff(2).name, authorId: secondId });

    // The whole transcript, as either side reads it, never shows an advisor's codice fiscale.
    const page = await worker.ok('chat:history', { conversationId: id, afterSeq: 0 });
    expect(page.messages.map((m) => m.authorId)).toEqual([firstId, undefined, secondId]);
    const wire = JSON.stringify([worker.received, second.received]);
    for (const n of [1, 2]) expect(wire).not.toContain(staff(n).sub);
    await second.ok('chat:close', { conversationId: id, outcome: 'settled' });
    for (const c of [first, second, worker]) c.close();
  });

  it('a chat returned to the queue because its advisor left carries a hand-over notice too', async () => {
    const { advisor } = await advisorServing(3, ['workers']);
    const worker = await connectVisitor(server.url, await server.token('worker-na'));
    const { conversation } = await worker.ok('chat:request', {});
    await advisor.next('chat:assigned', (c) => c.id === conversation.id);
    advisor.close();
    expect(await worker.next('chat:requeued', undefined, 8_000)).toMatchObject({ reason: 'advisor_left' });
    expect(await worker.next('chat:message', (m) => m.author === 'system')).toMatchObject({
      notice: { kind: 'handover', reason: 'advisor_left' },
    });
    await worker.ok('chat:close', { conversationId: conversation.id });
    worker.close();
  });
});

describe('internal notes', () => {
  it('the holder adds notes at any time; a colleague who receives the chat reads them; the person never does', async () => {
    const { advisor: holder } = await advisorServing(4, ['workers']);
    const worker = await connectVisitor(server.url, await server.token('worker-rm'));
    const { conversation } = await worker.ok('chat:request', {});
    const id = conversation.id;
    await holder.next('chat:assigned', (c) => c.id === id);
    const { advisor: other } = await advisorServing(5, ['employers']);

    const { note } = await holder.ok('chat:note', { conversationId: id, text: '  Ha già inviato l’SR41  ' });
    expect(note).toMatchObject({ authorName: staff(4).name, text: 'Ha già inviato l’SR41' });
    expect(Date.parse(note.at)).not.toBeNaN();

    const refused = await other.request('chat:note', { conversationId: id, text: 'Non è mia' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONVERSATION_FORBIDDEN' } });
    for (const bad of [
      { conversationId: id, text: '   ' },
      { conversationId: id, text: 'x'.repeat(1001) },
      { conversationId: 'not-an-id', text: 'Nota' },
      { conversationId: id },
    ]) {
      expect(await holder.request('chat:note', bad)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED' },
      });
    }

    await holder.ok('chat:transfer', {
      conversationId: id,
      to: { queue: 'employers' },
      note: 'Riguarda il datore',
    });
    const taken = await other.next('chat:assigned', (c) => c.id === id);
    expect(taken.notes.map((n) => [n.authorName, n.text])).toEqual([
      [staff(4).name, 'Ha già inviato l’SR41'],
      [staff(4).name, 'Riguarda il datore'],
    ]);
    expect((await worker.next('chat:message', (m) => m.author === 'system')).notice).toEqual({
      kind: 'handover',
      reason: 'transferred',
    });
    // The former holder can no longer write notes on it; the new one can.
    expect(await holder.request('chat:note', { conversationId: id, text: 'Tardi' })).toMatchObject({
      ok: false,
      error: { code: 'CONVERSATION_FORBIDDEN' },
    });
    await other.ok('chat:note', { conversationId: id, text: 'Presa in carico' });
    const wire = JSON.stringify(worker.received);
    for (const text of ['SR41', 'Riguarda il datore', 'Presa in carico']) expect(wire).not.toContain(text);

    await other.ok('chat:close', { conversationId: id, outcome: 'settled' });
    expect(await other.request('chat:note', { conversationId: id, text: 'Dopo' })).toMatchObject({
      ok: false,
      error: { code: 'CONVERSATION_FORBIDDEN' },
    });
    for (const c of [holder, other, worker]) c.close();
  });
});

describe('canned replies', () => {
  const api = async (method: string, token: string, body?: unknown) => {
    const res = await fetch(`${server.url}/api/supervisor/canned-replies`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return {
      status: res.status,
      body: (await res.json()) as { replies?: { title: string }[]; error?: { code: string } },
    };
  };

  it('supervisors keep the shared set; each advisor keeps their own, out of reach of colleagues', async () => {
    const supervisor = await server.token('supervisor');
    const shared = [
      { lang: 'it', title: 'Stato domanda', text: 'La sua domanda è {stato}. {prossimo_passo}' },
      { lang: 'en', title: 'Application status', text: 'Your application is {stato}.' },
    ];
    const put = await api('PUT', supervisor, { replies: shared });
    expect(put.status).toBe(200);
    expect((await api('GET', supervisor)).body.replies?.map((r) => r.title)).toEqual([
      'Stato domanda',
      'Application status',
    ]);
    expect((await api('GET', await server.token('advisor'))).status).toBe(403);
    expect(
      (await api('PUT', supervisor, { replies: [{ lang: 'de', title: 'x', text: 'y' }] })).body.error?.code,
    ).toBe('VALIDATION_FAILED');

    const { advisor: mine } = await advisorServing(6, ['employers']);
    const { advisor: colleague } = await advisorServing(7, ['employers']);
    const { reply } = await mine.ok('canned:save', {
      lang: 'it',
      title: 'Saluto',
      text: 'Buongiorno, {sede}',
    });
    expect(reply).toMatchObject({ shared: false, title: 'Saluto' });
    const listed = await mine.ok('canned:list', {});
    expect(listed.replies.map((r) => [r.title, r.shared])).toEqual([
      ['Stato domanda', true],
      ['Application status', true],
      ['Saluto', false],
    ]);
    expect((await colleague.ok('canned:list', {})).replies.map((r) => r.title)).not.toContain('Saluto');

    // A colleague can neither change nor delete it; the shared ones are the supervisors' only.
    const sharedId = listed.replies[0]?.id;
    for (const id of [reply.id, sharedId]) {
      expect(
        await colleague.request('canned:save', { id, lang: 'it', title: 'Mia', text: 'Mia' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED' },
      });
    }
    await colleague.ok('canned:delete', { id: reply.id });
    await mine.ok('canned:save', { id: reply.id, lang: 'it', title: 'Saluto', text: 'Salve' });
    expect((await mine.ok('canned:list', {})).replies.find((r) => r.id === reply.id)?.text).toBe('Salve');
    for (const bad of [
      { lang: 'it', title: '', text: 'x' },
      { lang: 'fr', title: 'x', text: 'x' },
      { id: 'x' },
    ]) {
      const out = await mine.request(bad.id ? 'canned:delete' : 'canned:save', bad);
      expect(out).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
    await mine.ok('canned:delete', { id: reply.id });
    expect((await mine.ok('canned:list', {})).replies.map((r) => r.title)).not.toContain('Saluto');
    await api('PUT', supervisor, { replies: [] });
    for (const c of [mine, colleague]) c.close();
  });
});
