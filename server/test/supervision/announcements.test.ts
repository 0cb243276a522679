import { codiceFiscaleCheckChar } from '@infocig/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PERSONAS } from '../../src/dev/personas.ts';
import {
  type AdvisorClient,
  connectAdvisor,
  connectVisitor,
  startTestServer,
  type TestServer,
  type VisitorClient,
} from '../support/index.ts';

/** Two processes sharing one Redis: an announcement reaches advisors on either. */
let first: TestServer;
let second: TestServer;
/** Paolo with two consoles open, one on each process. */
let paoloHere: AdvisorClient;
let paoloThere: AdvisorClient;
let colleague: AdvisorClient;
let worker: VisitorClient;

const cf = (first15: string) => `${first15}${codiceFiscaleCheckChar(first15)}`;
const COLLEAGUE = { sub: cf('NNCNNC80A01H501'), role: 'advisor' as const, name: 'Carla Annunci' };

async function advisorOn(server: TestServer, who: Parameters<TestServer['token']>[0]) {
  const client = await connectAdvisor(server.url, await server.token(who));
  await client.next('session:ready');
  return client;
}

const announce = async (body: unknown, persona: 'supervisor' | 'advisor' | 'worker-rm' = 'supervisor') =>
  fetch(`${first.url}/api/supervisor/announcements`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await first.token(persona)}` },
    body: JSON.stringify(body),
  });

const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
const settle = () => new Promise((r) => setTimeout(r, 400));

beforeAll(async () => {
  first = await startTestServer();
  second = await startTestServer({ sharePrefixOf: first });
  paoloHere = await advisorOn(first, 'advisor');
  paoloThere = await advisorOn(second, 'advisor');
  colleague = await advisorOn(second, COLLEAGUE);
  worker = await connectVisitor(first.url, await first.token('worker-rm'));
  await worker.next('session:ready');
});
afterAll(async () => {
  for (const client of [paoloHere, paoloThere, colleague, worker]) client?.close();
  await second.close();
  await first.close();
});

describe("supervisors' announcements", () => {
  it('reach every console of every advisor, on every process', async () => {
    const before = Date.now();
    const res = await announce({ text: '  Nuova circolare\nsui pagamenti diretti  ' });
    expect(res.status).toBe(200);
    const { sentAt } = (await res.json()) as { sentAt: string };
    expect(Date.parse(sentAt)).toBeGreaterThanOrEqual(before - 1_000);

    const expected = {
      text: 'Nuova circolare\nsui pagamenti diretti',
      from: 'Elena Marino',
      at: sentAt,
      toAll: true,
    };
    for (const client of [paoloHere, paoloThere, colleague])
      expect(await client.next('staff:announcement')).toEqual(expected);
    await settle();
    for (const client of [paoloHere, paoloThere, colleague])
      expect(client.all('staff:announcement')).toHaveLength(1);
    expect(worker.received.map((r) => r.event)).not.toContain('staff:announcement');
  });

  it('reach one advisor alone when addressed to them', async () => {
    const res = await announce({ text: 'Passa da me, per favore', advisorId: COLLEAGUE.sub });
    expect(res.status).toBe(200);
    const { sentAt } = (await res.json()) as { sentAt: string };
    expect(await colleague.next('staff:announcement', (a) => !a.toAll)).toEqual({
      text: 'Passa da me, per favore',
      from: 'Elena Marino',
      at: sentAt,
      toAll: false,
    });
    await settle();
    expect(colleague.all('staff:announcement')).toHaveLength(2);
    for (const client of [paoloHere, paoloThere]) expect(client.all('staff:announcement')).toHaveLength(1);

    const toPaolo = await announce({ text: 'Anche a te', advisorId: DEMO_PERSONAS.advisor.sub });
    expect(toPaolo.status).toBe(200);
    for (const client of [paoloHere, paoloThere])
      expect(await client.next('staff:announcement', (a) => a.text === 'Anche a te')).toMatchObject({
        toAll: false,
      });
    await settle();
    expect(colleague.all('staff:announcement')).toHaveLength(2);
  });

  it('refuses unknown advisors, empty or bad text, and anyone but a supervisor', async () => {
    const unknown = await announce({ text: 'Ciao', advisorId: 'NSSNSS80A01H501X' });
    expect(unknown.status).toBe(404);
    expect(await errorCode(unknown)).toBe('ADVISOR_NOT_FOUND');

    for (const body of [
      { text: '' },
      { text: '   \n  ' },
      { text: 'x'.repeat(1001) },
      { text: 'a\u0000b' },
      {},
      { text: 'Ciao', extra: true },
      { text: 'Ciao', advisorId: '' },
      // Shaped like the advisor's chat set, a key of another type: refused, never read.
      { text: 'Ciao', advisorId: `${DEMO_PERSONAS.advisor.sub}:convs` },
    ]) {
      const res = await announce(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await errorCode(res)).toBe('VALIDATION_FAILED');
    }

    const asAdvisor = await announce({ text: 'Ciao a tutti' }, 'advisor');
    expect(asAdvisor.status).toBe(403);
    expect(await errorCode(asAdvisor)).toBe('AUTH_ROLE_FORBIDDEN');
    const asWorker = await announce({ text: 'Ciao a tutti' }, 'worker-rm');
    expect(asWorker.status).toBe(403);
    const anonymous = await fetch(`${first.url}/api/supervisor/announcements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Ciao a tutti' }),
    });
    expect(anonymous.status).toBe(401);

    await settle();
    expect(colleague.all('staff:announcement')).toHaveLength(2);
    for (const client of [paoloHere, paoloThere]) expect(client.all('staff:announcement')).toHaveLength(2);
  });
});
