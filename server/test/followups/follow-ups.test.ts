import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAdvisor, connectVisitor, startTestServer, type TestServer } from '../support/index.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { FOLLOWUP_OFFER_AFTER_SECONDS: '1' } });
});
afterAll(() => server.close());

describe('follow-ups', () => {
  it('offers a waiting visitor to leave a message, which an advisor answers later and the answer reaches them', async () => {
    const worker = await connectVisitor(server.url, await server.token('worker-rm'));
    expect((await worker.next('session:ready')).service).toEqual({
      open: true,
      hours: 'always',
      opensAt: null,
    });
    const { conversation } = await worker.ok('chat:request', { topic: 'Pagamento' });
    expect(await worker.next('queue:followup-offered', undefined, 5_000)).toEqual({
      conversationId: conversation.id,
    });
    const reloaded = await connectVisitor(server.url, await server.token('worker-rm'));
    expect((await reloaded.next('session:ready')).conversation).toMatchObject({
      id: conversation.id,
      followUpOffered: true,
    });
    reloaded.close();

    const left = await worker.ok('followup:create', {
      topic: 'Pagamento di marzo',
      text: 'Non ho ricevuto il pagamento di marzo.',
      conversationId: conversation.id,
    });
    expect(left.followUp).toMatchObject({ status: 'open', answer: null, queue: 'workers' });
    expect(await worker.next('chat:closed')).toMatchObject({
      conversationId: conversation.id,
      closedBy: 'visitor',
    });

    const advisor = await connectAdvisor(server.url, await server.token('advisor'));
    const { followUps } = await advisor.ok('followup:list', {});
    expect(followUps).toEqual([
      expect.objectContaining({
        id: left.followUp.id,
        text: 'Non ho ricevuto il pagamento di marzo.',
        visitor: { role: 'lavoratore', displayName: 'Mario Rossi', codiceFiscale: 'RSSMRA80D12H501G' },
      }),
    ]);
    const answered = await advisor.ok('followup:answer', {
      id: left.followUp.id,
      text: 'Il pagamento è disposto: arriva entro 7 giorni.',
    });
    expect(answered.followUp).toMatchObject({ status: 'answered', answeredBy: 'Paolo Romano' });
    expect(await worker.next('followup:answered')).toMatchObject({
      id: left.followUp.id,
      answer: 'Il pagamento è disposto: arriva entro 7 giorni.',
    });

    const again = await advisor.request('followup:answer', { id: left.followUp.id, text: 'Di nuovo' });
    expect(again).toMatchObject({ ok: false, error: { code: 'FOLLOWUP_NOT_FOUND' } });
    expect((await advisor.ok('followup:list', {})).followUps).toEqual([]);

    const later = await connectVisitor(server.url, await server.token('worker-rm'));
    expect((await later.next('session:ready')).followUps).toEqual([
      expect.objectContaining({ id: left.followUp.id, status: 'answered' }),
    ]);
    const audit = await server.app.db.query<{ purpose: string }>(
      `SELECT purpose FROM access_audit WHERE subject_cf = 'RSSMRA80D12H501G' AND what = 'follow-up' ORDER BY id`,
    );
    expect(audit.map((a) => a.purpose)).toEqual(['follow-up list', 'follow-up answer']);
    for (const c of [worker, advisor, later]) c.close();
  });

  it("keeps follow-ups to the queues an advisor serves, and each person's to themselves", async () => {
    const employer = await connectVisitor(server.url, await server.token('employer-mi'));
    const { followUp } = await employer.ok('followup:create', { text: 'Domanda sulla matricola' });
    const workersOnly = await connectAdvisor(
      server.url,
      await server.token({ sub: 'WRKONL80A01H501Z', role: 'advisor', name: 'Solo lavoratori' }),
    );
    await workersOnly.ok('advisor:settings', { queues: ['workers'], capacity: 2 });
    expect((await workersOnly.ok('followup:list', {})).followUps.map((f) => f.id)).not.toContain(followUp.id);
    const refused = await workersOnly.request('followup:answer', { id: followUp.id, text: 'Risposta' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FOLLOWUP_NOT_FOUND' } });

    const otherPerson = await connectVisitor(server.url, await server.token('worker-na'));
    expect((await otherPerson.ok('followup:list', {})).followUps.map((f) => f.id)).not.toContain(followUp.id);
    for (const c of [employer, workersOnly, otherPerson]) c.close();
  });
});

describe('outside service hours', () => {
  it('refuses a chat with SERVICE_CLOSED, says when it opens, and still takes a follow-up', async () => {
    const closed = await startTestServer({ env: { SERVICE_HOURS_WORKERS: 'sun 00:00-00:01' } });
    try {
      const worker = await connectVisitor(closed.url, await closed.token('worker-rm'));
      const ready = await worker.next('session:ready');
      expect(ready.service.open).toBe(false);
      expect(ready.service.hours).toBe('sun 00:00-00:01');
      expect(Date.parse(ready.service.opensAt ?? '')).toBeGreaterThan(Date.now());
      const refused = await worker.request('chat:request', {});
      expect(refused).toMatchObject({ ok: false, error: { code: 'SERVICE_CLOSED' } });
      expect((await worker.ok('followup:create', { text: 'Vi scrivo fuori orario' })).followUp.status).toBe(
        'open',
      );
      const employer = await connectVisitor(closed.url, await closed.token('employer-mi'));
      expect((await employer.next('session:ready')).service.open).toBe(true);
      worker.close();
      employer.close();
    } finally {
      await closed.close();
    }
  });
});
