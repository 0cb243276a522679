import { stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { resolveMetricsToken } from '../../src/metrics/metrics-token.ts';
import { connectAdvisor, connectVisitor, startTestServer, type TestServer } from '../support/index.ts';

const TOKEN = 'metrics-test-token-0123456789';
let server: TestServer;
let second: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { METRICS_TOKEN: TOKEN } });
  second = await startTestServer({ env: { METRICS_TOKEN: TOKEN }, sharePrefixOf: server });
});
afterAll(async () => {
  await second.close();
  await server.close();
});

const scrape = async (target: TestServer = server) => {
  const res = await fetch(`${target.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  return res.text();
};

/** The value of one series, e.g. value(text, 'infocig_chats_waiting', { audience: 'workers' }). */
function value(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (.+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return undefined;
}

describe('/metrics', () => {
  it('answers 401 without the token or with a wrong one', async () => {
    const none = await fetch(`${server.url}/metrics`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('AUTH_TOKEN_MISSING');
    const wrong = await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('AUTH_TOKEN_INVALID');
    const supervisor = await fetch(`${server.url}/metrics`, {
      headers: { authorization: `Bearer ${await server.token('supervisor')}` },
    });
    expect(supervisor.status).toBe(401);
  });

  it("gives Node's process metrics in Prometheus format", async () => {
    const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    for (const name of [
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
    ])
      expect(value(text, name)).toBeGreaterThanOrEqual(0);
  });

  it('follows a chat: waiting, assigned, wait and first-response times, messages, sockets, follow-ups, jobs, closed', async () => {
    const before = await scrape();
    const worker = await connectVisitor(server.url, await server.token('worker-rm'));
    await worker.next('session:ready');
    const { conversation } = await worker.ok('chat:request', { topic: 'Pagamento' });
    await worker.ok('followup:create', { text: 'Se non riuscite, scrivetemi.' });

    await vi.waitFor(async () => {
      const text = await scrape();
      expect(value(text, 'infocig_chats_waiting', { audience: 'workers' })).toBe(1);
      expect(value(text, 'infocig_chats_queued_total', { audience: 'workers' })).toBe(
        (value(before, 'infocig_chats_queued_total', { audience: 'workers' }) ?? 0) + 1,
      );
      expect(value(text, 'infocig_followups_open', { audience: 'workers' })).toBe(1);
      expect(value(text, 'infocig_jobs', { queue: 'timers', state: 'delayed' })).toBeGreaterThanOrEqual(1);
      expect(value(text, 'infocig_sockets_connected', { namespace: '/visitor' })).toBe(1);
    });
    // Read from Redis and the store: another process of the deployment reports the same.
    const elsewhere = await scrape(second);
    expect(value(elsewhere, 'infocig_chats_waiting', { audience: 'workers' })).toBe(1);
    expect(value(elsewhere, 'infocig_sockets_connected', { namespace: '/visitor' })).toBe(0);

    const advisor = await connectAdvisor(server.url, await server.token('advisor'));
    await advisor.next('chat:assigned', (c) => c.id === conversation.id);
    await worker.ok('chat:send', {
      conversationId: conversation.id,
      clientMessageId: 'm-1',
      text: 'Buongiorno',
    });
    await advisor.ok('chat:send', { conversationId: conversation.id, clientMessageId: 'a-1', text: 'Salve' });
    await worker.ok('chat:send', {
      conversationId: conversation.id,
      clientMessageId: 'm-1',
      text: 'Buongiorno',
    });
    await advisor.ok('chat:close', { conversationId: conversation.id, outcome: 'settled' });

    await vi.waitFor(async () => {
      const text = await scrape();
      expect(value(text, 'infocig_chats_waiting', { audience: 'workers' })).toBe(0);
      expect(value(text, 'infocig_chats_assigned_total', { audience: 'workers' })).toBe(1);
      expect(value(text, 'infocig_chat_wait_seconds_count', { audience: 'workers' })).toBe(1);
      expect(value(text, 'infocig_chat_first_response_seconds_count')).toBe(1);
      expect(value(text, 'infocig_chat_messages_total', { author: 'visitor' })).toBe(1);
      expect(value(text, 'infocig_chat_messages_total', { author: 'advisor' })).toBe(1);
      expect(
        value(text, 'infocig_chats_closed_total', {
          audience: 'workers',
          closed_by: 'advisor',
          while: 'assigned',
        }),
      ).toBe(1);
      expect(value(text, 'infocig_sockets_connected', { namespace: '/advisor' })).toBe(1);
    });
    worker.close();
    advisor.close();
  });

  it('counts store errors', async () => {
    const before = value(await scrape(), 'infocig_store_errors_total', { operation: 'query' }) ?? 0;
    await expect(server.app.db.query('SELECT * FROM no_such_table')).rejects.toThrow();
    expect(value(await scrape(), 'infocig_store_errors_total', { operation: 'query' })).toBe(before + 1);
    expect(value(await scrape(), 'infocig_redis_errors_total', { connection: 'commands' })).toBe(0);
  });
});

describe('the metrics token', () => {
  it('outside production without METRICS_TOKEN, is made once and kept owner-only in the data directory', async () => {
    const dataDir = path.join(server.config.dataDir, 'token-test');
    const config = { ...loadConfig({ NODE_ENV: 'development', INFOCIG_DATA_DIR: dataDir }) };
    const token = await resolveMetricsToken(config);
    expect(token).toMatch(/^[\w-]{32}$/);
    expect(await resolveMetricsToken(config)).toBe(token);
    expect((await stat(path.join(dataDir, 'metrics-token'))).mode & 0o777).toBe(0o600);
  });

  it('in production without METRICS_TOKEN, is absent: /metrics is off', async () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://portale.inps.example/jwks',
      AUDIT_HMAC_KEY: 'a-production-audit-key-of-32-chars-or-more',
      INFOCIG_DATA_DIR: path.join(server.config.dataDir, 'prod'),
    });
    expect(await resolveMetricsToken(config)).toBeUndefined();
  });
});
