import { codiceFiscaleCheckChar } from '@infocig/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAdvisor, connectVisitor, startTestServer, type TestServer } from '../support/index.ts';

let server: TestServer;
let second: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  second = await startTestServer({ sharePrefixOf: server });
});
afterAll(async () => {
  await second.close();
  await server.close();
});

const cf = (first15: string) => `${first15}${codiceFiscaleCheckChar(first15)}`;
const staff = (n: number) => ({
  sub: cf(`CLLGHI80A0${n}H501`),
  role: 'advisor' as const,
  name: `Collega ${n}`,
});

async function advisorOn(at: TestServer, n: number) {
  const advisor = await connectAdvisor(at.url, await at.token(staff(n)));
  await advisor.next('session:ready');
  await advisor.ok('advisor:settings', { queues: ['workers'], capacity: 2 });
  return advisor;
}

describe('the advisors list', () => {
  it('names colleagues and gives an opaque id, never a codice fiscale; the id transfers', async () => {
    const one = await advisorOn(server, 1);
    const two = await advisorOn(second, 2);
    const { advisors } = await one.ok('advisors:list', {});
    const listed = JSON.stringify(advisors);
    for (const n of [1, 2]) expect(listed).not.toContain(staff(n).sub);
    const colleague = advisors.find((a) => a.name === staff(2).name);
    const self = advisors.find((a) => a.self);
    expect(self?.name).toBe(staff(1).name);
    expect(colleague?.advisorId).toMatch(/^[A-Za-z0-9_-]{16}$/);
    // The same id from any process, and on every listing.
    const fromTwo = (await two.ok('advisors:list', {})).advisors.find((a) => a.name === staff(2).name);
    expect(fromTwo).toMatchObject({ advisorId: colleague?.advisorId, self: true });

    const worker = await connectVisitor(server.url, await server.token('worker-rm'));
    await two.ok('advisor:availability', { availability: 'paused' });
    const { conversation } = await worker.ok('chat:request', {});
    await one.next('chat:assigned', (c) => c.id === conversation.id);
    await two.ok('advisor:availability', { availability: 'available' });
    // A colleague's codice fiscale is not a way to name them.
    const byCf = await one.request('chat:transfer', {
      conversationId: conversation.id,
      to: { advisorId: staff(2).sub },
      note: 'Per te',
    });
    expect(byCf).toMatchObject({ ok: false, error: { code: 'TRANSFER_TARGET_UNAVAILABLE' } });
    await one.ok('chat:transfer', {
      conversationId: conversation.id,
      to: { advisorId: colleague?.advisorId },
      note: 'Per te',
    });
    await two.next('chat:assigned', (c) => c.id === conversation.id);
    await two.ok('chat:close', { conversationId: conversation.id, outcome: 'settled' });
    for (const c of [one, two, worker]) c.close();
  });
});
