import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFreezableProxy } from '../support/freezable-proxy.ts';
import {
  connectVisitor,
  startAssignedChat,
  startTestServer,
  type TestServer,
  timed,
  until,
} from '../support/index.ts';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const QUERY_TIMEOUT_MS = 1_500;
/** An answer in bounded time: the query timeout, a wait for a connection, and some slack. */
const BOUND_MS = 2 * QUERY_TIMEOUT_MS + 1_500;

const schema = `infocig_hang_${randomBytes(5).toString('hex')}`;
let proxy: Awaited<ReturnType<typeof startFreezableProxy>>;
let server: TestServer;

beforeAll(async () => {
  const target = new URL(ADMIN_URL);
  proxy = await startFreezableProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const throughProxy = new URL(ADMIN_URL);
  throughProxy.host = `127.0.0.1:${proxy.port}`;
  server = await startTestServer({
    store: { databaseUrl: throughProxy.toString(), schema, queryTimeoutMs: QUERY_TIMEOUT_MS },
  });
}, 60_000);

afterAll(async () => {
  proxy?.thaw();
  await server?.close();
  await proxy?.close();
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
});

describe('when the claims store hangs instead of refusing', () => {
  it('answers every store command SERVICE_UNAVAILABLE in bounded time, keeps chats going, and heals once the store answers again', async () => {
    const { advisor, visitor: chatting, conversation } = await startAssignedChat(server, 'worker-na');
    proxy.freeze();
    try {
      const visitor = await connectVisitor(server.url, await server.token('worker-rm'));
      const ready = await timed(() => visitor.next('session:ready', () => true, BOUND_MS));
      expect(ready.answer.admission.admitted).toBe(true);
      const unavailable = await visitor.next('claims:unavailable', () => true, BOUND_MS);
      expect(unavailable.code).toBe('SERVICE_UNAVAILABLE');

      // Reads and writes of the store, each its own kind: the claims, the follow-ups, the access log.
      for (const [command, payload] of [
        ['claims:get', {}],
        ['followup:list', {}],
        ['privacy:access-log', {}],
        ['followup:create', { topic: 'pagamento', text: 'Quando arriva il pagamento di novembre?' }],
      ] as const) {
        const { answer, ms } = await timed(() => visitor.request(command, payload));
        expect(answer, command).toMatchObject({ ok: false, error: { code: 'SERVICE_UNAVAILABLE' } });
        expect(ms, command).toBeLessThanOrEqual(BOUND_MS);
        console.info(`store hanging: ${command} answered SERVICE_UNAVAILABLE in ${ms} ms`);
      }

      // The chat under way needs only Redis.
      await chatting.ok('chat:send', {
        conversationId: conversation.id,
        clientMessageId: 'hang-1',
        text: 'Ci siete?',
      });
      await advisor.next('chat:message', (m) => m.clientMessageId === 'hang-1');

      proxy.thaw();
      const thawedAt = performance.now();
      await until(async () => (await visitor.request('claims:get', {})).ok, 'claims answered again', 15_000);
      console.info(
        `store answering again: claims:get ok after ${Math.round(performance.now() - thawedAt)} ms`,
      );
      const list = await visitor.ok('followup:list', {});
      expect(Array.isArray(list.followUps)).toBe(true);
      visitor.close();
    } finally {
      proxy.thaw();
      chatting.close();
      advisor.close();
    }
  }, 60_000);
});
