import { randomBytes } from 'node:crypto';
import { HISTORICAL_ROLLOUT, type RolloutPhase } from '@infocig/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DELEGATING_COMPANIES } from '../../src/dev/personas.ts';
import { openDb } from '../../src/store/index.ts';
import { connectVisitor, startTestServer, type TestServer, type VisitorClient } from '../support/index.ts';

/** Two processes on one PostgreSQL store (a schema of this file's own) and one Redis prefix. */
const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `t_admission_${randomBytes(4).toString('hex')}`;
const [TURIN, MILAN_CLIENT] = DEMO_DELEGATING_COMPANIES;
let first: TestServer;
let second: TestServer;
let supervisorToken: string;
const open: VisitorClient[] = [];

beforeAll(async () => {
  first = await startTestServer({ store: { databaseUrl, schema } });
  second = await startTestServer({ store: { databaseUrl, schema }, sharePrefixOf: first });
  supervisorToken = await first.token('supervisor');
}, 120_000);
afterAll(async () => {
  for (const c of open) c.close();
  await second?.close();
  await first?.close();
  const db = await openDb({ databaseUrl });
  await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await db.close();
});

/** A supervisor changes the plan, always on the first process. */
async function putPlan(phases: RolloutPhase[]) {
  const res = await fetch(`${first.url}/api/supervisor/rollout`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${supervisorToken}` },
    body: JSON.stringify({ phases, reason: 'test: an open widget follows the change' }),
  });
  expect(res.status).toBe(200);
  return Date.now();
}

async function visitor(server: TestServer, persona: Parameters<TestServer['token']>[0]) {
  const client = await connectVisitor(server.url, await server.token(persona));
  open.push(client);
  const ready = await client.next('session:ready');
  return { client, ready };
}

const inProvince = (audience: RolloutPhase['audience'], code: string, from = '2021-01-01'): RolloutPhase => ({
  audience,
  place: { kind: 'province', code },
  from,
});
const employers = HISTORICAL_ROLLOUT.filter((p) => p.audience === 'employers');
const workers = HISTORICAL_ROLLOUT.filter((p) => p.audience === 'workers');

describe('an open widget follows a rollout change without reconnecting', () => {
  it('tells a connected worker, on another process, that the service left and came back, within 2 s', async () => {
    const rome = await visitor(second, 'worker-rm');
    const naples = await visitor(second, 'worker-na');
    expect(rome.ready.admission).toEqual({ admitted: true, availableFrom: null });
    await rome.client.next('claims:status');
    const claimsBefore = rome.client.all('claims:status').length;

    // Rome's workers only from a date to come: the Roman worker is told, and told the date.
    let changedAt = await putPlan([
      inProvince('workers', 'NA'),
      inProvince('workers', 'RM', '2099-03-01'),
      ...employers,
    ]);
    const out = await rome.client.next('admission:changed', () => true, 3_000);
    expect(Date.now() - changedAt).toBeLessThan(2_000);
    expect(out).toEqual({ admission: { admitted: false, availableFrom: '2099-03-01' }, companies: [] });
    expect(await rome.client.request('chat:request', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_YET_AVAILABLE' },
    });

    // Rome again: admitted, and the claims follow by themselves, on the same socket.
    changedAt = await putPlan(HISTORICAL_ROLLOUT.slice());
    const back = await rome.client.next('admission:changed', (p) => p.admission.admitted, 3_000);
    expect(Date.now() - changedAt).toBeLessThan(2_000);
    expect(back.admission).toEqual({ admitted: true, availableFrom: null });
    await rome.client.next('claims:status', () => rome.client.all('claims:status').length > claimsBefore);
    expect(rome.client.all('claims:status').length).toBe(claimsBefore + 1);
    expect((await rome.client.ok('claims:get', {})).claims.length).toBeGreaterThan(0);

    // Naples was admitted all along: nothing to tell.
    expect(naples.client.all('admission:changed')).toEqual([]);
  });

  it('tells a worker not admitted at connect, on the process that made the change', async () => {
    await putPlan([inProvince('workers', 'RM'), ...employers]);
    await new Promise((r) => setTimeout(r, 600));
    const naples = await visitor(first, 'worker-na');
    expect(naples.ready.admission).toEqual({ admitted: false, availableFrom: null });
    expect(naples.client.all('claims:status')).toEqual([]);

    const changedAt = await putPlan(HISTORICAL_ROLLOUT.slice());
    const pushed = await naples.client.next('admission:changed', () => true, 3_000);
    expect(Date.now() - changedAt).toBeLessThan(2_000);
    expect(pushed.admission).toEqual({ admitted: true, availableFrom: null });
    expect((await naples.client.next('claims:status')).claims.length).toBeGreaterThan(0);
    expect((await naples.client.ok('claims:get', {})).claims.length).toBeGreaterThan(0);
    expect(naples.client.all('admission:changed')).toHaveLength(1);
  });

  it('tells an intermediary which companies are covered, and from when the others will be', async () => {
    const consultant = await visitor(second, 'consultant-to');
    expect(consultant.ready.companies.every((c) => c.admitted)).toBe(true);
    expect(consultant.ready.companies.every((c) => c.availableFrom === null)).toBe(true);

    // Milan's companies only from March 2099: still admitted through the Turin client.
    await putPlan([
      ...workers,
      inProvince('employers', TURIN.province),
      inProvince('employers', MILAN_CLIENT.province, '2099-03-01'),
    ]);
    const pushed = await consultant.client.next('admission:changed', () => true, 3_000);
    expect(pushed.admission.admitted).toBe(true);
    const byCf = new Map(pushed.companies.map((c) => [c.cf, c]));
    expect(byCf.get(TURIN.cf)).toMatchObject({ admitted: true, availableFrom: null });
    expect(byCf.get(MILAN_CLIENT.cf)).toMatchObject({ admitted: false, availableFrom: '2099-03-01' });
    expect(await consultant.client.request('claims:company', { companyCf: MILAN_CLIENT.cf })).toMatchObject({
      ok: false,
      error: { code: 'NOT_YET_AVAILABLE' },
    });

    // A new session is told the same date at connect.
    const later = await visitor(first, 'consultant-to');
    expect(later.ready.companies.find((c) => c.cf === MILAN_CLIENT.cf)).toMatchObject({
      admitted: false,
      availableFrom: '2099-03-01',
    });
    await putPlan(HISTORICAL_ROLLOUT.slice());
    await consultant.client.next('admission:changed', (p) => p.companies.every((c) => c.admitted), 3_000);
  });
});
