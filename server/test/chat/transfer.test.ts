import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAdvisor, connectVisitor, startTestServer, type TestServer } from '../support/index.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const staff = (n: number) => ({
  sub: `XFER${n}00A01H501Z`,
  role: 'advisor' as const,
  name: `Consulente ${n}`,
});

async function advisorServing(n: number, queues: ('workers' | 'employers')[]) {
  const advisor = await connectAdvisor(server.url, await server.token(staff(n)));
  await advisor.next('session:ready');
  await advisor.ok('advisor:settings', { queues, capacity: 2 });
  return advisor;
}

describe('transfers', () => {
  it('hands a chat to a named colleague with its history and an internal note', async () => {
    const first = await advisorServing(1, ['workers']);
    const worker = await connectVisitor(server.url, await server.token('worker-rm'));
    const { conversation } = await worker.ok('chat:request', {});
    await first.next('chat:assigned', (c) => c.id === conversation.id);
    await worker.ok('chat:send', { conversationId: conversation.id, clientMessageId: 'q1', text: 'Domanda' });
    await first.ok('chat:send', {
      conversationId: conversation.id,
      clientMessageId: 'before-transfer',
      text: 'Un momento',
    });
    await first.ok('advisor:availability', { availability: 'paused' });
    const second = await advisorServing(2, ['employers']);

    const { advisors } = await first.ok('advisors:list', {});
    const colleague = advisors.find((a) => a.name === staff(2).name);
    expect(colleague).toMatchObject({ availability: 'available', activeChats: 0, self: false });
    expect(advisors.find((a) => a.name === staff(1).name)?.self).toBe(true);
    await first.ok('chat:transfer', {
      conversationId: conversation.id,
      to: { advisorId: colleague?.advisorId },
      note: 'Serve un esperto',
    });

    const received = await second.next('chat:assigned', (c) => c.id === conversation.id);
    // The person reads the hand-over in the transcript (a service notice).
    expect(received.messages.map((m) => m.notice?.kind ?? m.text)).toEqual([
      'Domanda',
      'Un momento',
      'handover',
    ]);
    expect(received.notes).toEqual([
      expect.objectContaining({ authorName: 'Consulente 1', text: 'Serve un esperto' }),
    ]);
    expect(await first.next('chat:released')).toEqual({
      conversationId: conversation.id,
      reason: 'transferred',
    });
    expect(await worker.next('chat:assigned', (a) => a.advisorName === 'Consulente 2')).toMatchObject({
      reason: 'transferred',
    });
    expect(worker.all('chat:message').map((m) => m.text)).not.toContain('Serve un esperto');

    const resent = await first.ok('chat:send', {
      conversationId: conversation.id,
      clientMessageId: 'before-transfer',
      text: 'x',
    });
    expect(resent.duplicate).toBe(true);
    const stale = await first.request('chat:send', {
      conversationId: conversation.id,
      clientMessageId: 'old',
      text: 'Ancora io',
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONVERSATION_FORBIDDEN' } });
    await second.ok('chat:send', { conversationId: conversation.id, clientMessageId: 'new', text: 'Eccomi' });
    expect((await worker.next('chat:message', (m) => m.clientMessageId === 'new')).authorName).toBe(
      'Consulente 2',
    );
    await second.ok('chat:close', { conversationId: conversation.id, outcome: 'settled' });
    for (const c of [first, second, worker]) c.close();
  });

  it('hands a chat to another queue, ahead of newer chats there', async () => {
    const first = await advisorServing(3, ['workers']);
    const worker = await connectVisitor(server.url, await server.token('worker-na'));
    const { conversation } = await worker.ok('chat:request', {});
    await first.next('chat:assigned', (c) => c.id === conversation.id);
    const employer = await connectVisitor(server.url, await server.token('employer-mi'));
    const newer = (await employer.ok('chat:request', {})).conversation.id;

    await first.ok('chat:transfer', {
      conversationId: conversation.id,
      to: { queue: 'employers' },
      note: 'Riguarda il datore',
    });
    expect(await worker.next('chat:requeued')).toEqual({
      conversationId: conversation.id,
      reason: 'transferred',
    });
    expect((await worker.next('queue:position', (p) => p.conversationId === conversation.id)).position).toBe(
      1,
    );

    const employerDesk = await advisorServing(4, ['employers']);
    const taken = await employerDesk.next('chat:assigned');
    expect(taken).toMatchObject({ id: conversation.id, queue: 'employers' });
    expect(taken.notes.map((n) => n.text)).toEqual(['Riguarda il datore']);
    expect((await employerDesk.next('chat:assigned', (c) => c.id === newer)).id).toBe(newer);
    for (const id of [conversation.id, newer])
      await employerDesk.ok('chat:close', { conversationId: id, outcome: 'settled' });
    for (const c of [first, worker, employer, employerDesk]) c.close();
  });

  it('refuses a transfer to an advisor who cannot take it, or of a chat that is not yours', async () => {
    const holder = await advisorServing(5, ['workers']);
    const worker = await connectVisitor(server.url, await server.token('worker-rm'));
    const { conversation } = await worker.ok('chat:request', {});
    await holder.next('chat:assigned', (c) => c.id === conversation.id);
    const paused = await advisorServing(6, ['workers']);
    await paused.ok('advisor:availability', { availability: 'paused' });

    const { advisors } = await holder.ok('advisors:list', {});
    const idOf = (n: number) => advisors.find((a) => a.name === staff(n).name)?.advisorId;
    const targets = [idOf(6), idOf(5), 'NOBODY'].map((advisorId) => ({ advisorId }));
    for (const to of targets) {
      const res = await holder.request('chat:transfer', { conversationId: conversation.id, to, note: 'x' });
      expect(res).toMatchObject({ ok: false, error: { code: 'TRANSFER_TARGET_UNAVAILABLE' } });
    }
    const notMine = await paused.request('chat:transfer', {
      conversationId: conversation.id,
      to: { queue: 'employers' },
      note: 'x',
    });
    expect(notMine).toMatchObject({ ok: false, error: { code: 'CONVERSATION_FORBIDDEN' } });
    const noNote = await holder.request('chat:transfer', {
      conversationId: conversation.id,
      to: { queue: 'employers' },
      note: ' ',
    });
    expect(noNote).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    await holder.ok('chat:send', {
      conversationId: conversation.id,
      clientMessageId: 'still',
      text: 'Resto io',
    });
    await holder.ok('chat:close', { conversationId: conversation.id, outcome: 'settled' });
    for (const c of [holder, paused, worker]) c.close();
  });
});
