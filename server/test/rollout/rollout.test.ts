import { randomBytes } from 'node:crypto';
import type { RolloutPhase } from '@infocig/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DELEGATING_COMPANIES } from '../../src/dev/personas.ts';
import { openDb } from '../../src/store/index.ts';
import { connectVisitor, startTestServer, type TestServer } from '../support/index.ts';

const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `t_rollout_${randomBytes(4).toString('hex')}`;
const [TURIN, MILAN_CLIENT] = DEMO_DELEGATING_COMPANIES;
let first: TestServer;
let second: TestServer;
let supervisorToken: string;

beforeAll(async () => {
  first = await startTestServer({ store: { databaseUrl, schema } });
  second = await startTestServer({ store: { databaseUrl, schema }, sharePrefixOf: first });
  supervisorToken = await first.token('supervisor');
}, 120_000);
afterAll(async () => {
  await second.close();
  await first.close();
  const db = await openDb({ databaseUrl });
  await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await db.close();
});

const putPlan = (server: TestServer, phases: RolloutPhase[], token = supervisorToken) =>
  fetch(`${server.url}/api/supervisor/rollout`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ phases, reason: 'test of the rollout' }),
  });

const workersIn = (code: string, from = '2021-01-01'): RolloutPhase => ({
  audience: 'workers',
  place: { kind: 'province', code },
  from,
});
const employersIn = (code: string, from = '2021-01-01'): RolloutPhase => ({
  audience: 'employers',
  place: { kind: 'province', code },
  from,
});

async function readyOf(server: TestServer, persona: Parameters<TestServer['token']>[0]) {
  const client = await connectVisitor(server.url, await server.token(persona));
  const ready = await client.next('session:ready');
  return { client, ready };
}

describe('the rollout plan', () => {
  it('starts as the historical plan, which admits everyone today', async () => {
    const res = await fetch(`${first.url}/api/supervisor/rollout`, {
      headers: { authorization: `Bearer ${supervisorToken}` },
    });
    const plan = (await res.json()) as { version: number; phases: RolloutPhase[] };
    expect(plan.version).toBe(1);
    expect(plan.phases[0]).toMatchObject({
      audience: 'workers',
      place: { kind: 'province', code: 'RM' },
      from: '2021-05-10',
    });
    const { client, ready } = await readyOf(first, 'worker-na');
    expect(ready.admission).toEqual({ admitted: true, availableFrom: null });
    client.close();
  });

  it('turns away people outside it honestly, on every process within a second, and keeps them out of queues', async () => {
    const res = await putPlan(first, [workersIn('RM'), workersIn('NA', '2099-03-01'), employersIn('MI')]);
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_000));

    const { client: naples, ready } = await readyOf(second, 'worker-na');
    expect(ready.admission).toEqual({ admitted: false, availableFrom: '2099-03-01' });
    expect(await naples.request('chat:request', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_YET_AVAILABLE' },
    });
    expect(await naples.request('claims:get', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_YET_AVAILABLE' },
    });
    expect(await naples.request('followup:create', { text: 'Posso scrivere?' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_YET_AVAILABLE' },
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(naples.all('claims:status')).toEqual([]);
    expect(await first.app.redis.zcard(first.app.keys.queueWaiting('workers'))).toBe(0);

    const { client: rome, ready: romeReady } = await readyOf(second, 'worker-rm');
    expect(romeReady.admission.admitted).toBe(true);
    expect((await rome.next('claims:status')).claims.length).toBeGreaterThan(0);
    for (const c of [naples, rome]) c.close();
  });

  it('admits employers by their company seat and intermediaries by their delegating companies', async () => {
    await putPlan(first, [employersIn('RM')]);
    await new Promise((r) => setTimeout(r, 1_000));
    const employer = await readyOf(second, 'employer-mi');
    expect(employer.ready.admission).toEqual({ admitted: false, availableFrom: null });
    const consultant = await readyOf(second, 'consultant-to');
    expect(consultant.ready.admission.admitted).toBe(false);

    await putPlan(first, [employersIn('TO'), employersIn('MI', '2099-01-01')]);
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await readyOf(second, 'consultant-to')).ready.admission.admitted).toBe(true);
    expect((await readyOf(second, 'employer-mi')).ready.admission).toEqual({
      admitted: false,
      availableFrom: '2099-01-01',
    });
    expect((await readyOf(second, 'worker-rm')).ready.admission).toEqual({
      admitted: false,
      availableFrom: null,
    });

    // The consultant is admitted (a Turin client), but not yet for the Milan client: one rule, the
    // same answer on the socket and over REST.
    const { client } = await readyOf(second, 'consultant-to');
    expect(await client.request('claims:company', { companyCf: MILAN_CLIENT.cf })).toMatchObject({
      ok: false,
      error: { code: 'NOT_YET_AVAILABLE' },
    });
    expect((await client.ok('claims:company', { companyCf: TURIN.cf })).claims.length).toBeGreaterThan(0);
    client.close();
    const rest = (companyCf: string) =>
      second.token('consultant-to').then((token) =>
        fetch(`${second.url}/api/me/claims?companyCf=${companyCf}`, {
          headers: { authorization: `Bearer ${token}` },
        }),
      );
    const refused = await rest(MILAN_CLIENT.cf);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('NOT_YET_AVAILABLE');
    expect((await rest(TURIN.cf)).status).toBe(200);
  });

  it('keeps every version with who changed it, and refuses bad plans and non-supervisors', async () => {
    const bad = await putPlan(first, [workersIn('ZZ')]);
    expect(bad.status).toBe(400);
    const notSupervisor = await putPlan(first, [workersIn('RM')], await first.token('advisor'));
    expect(notSupervisor.status).toBe(403);
    const history = await fetch(`${first.url}/api/supervisor/rollout/history`, {
      headers: { authorization: `Bearer ${supervisorToken}` },
    });
    const { versions } = (await history.json()) as { versions: { version: number; changedBy: string }[] };
    expect(versions.map((v) => v.version)).toEqual([4, 3, 2, 1]);
    expect(versions[0]?.changedBy).toBe('MRNLNE70A65A662X');
  });
});
