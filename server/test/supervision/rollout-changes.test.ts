import { randomBytes } from 'node:crypto';
import { HISTORICAL_ROLLOUT, type RolloutPhase } from '@infocig/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/index.ts';
import { startTestServer, type TestServer, until } from '../support/index.ts';

/** Two processes on one PostgreSQL store (a schema of this file's own) and one Redis prefix. */
const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `t_rollout_sup_${randomBytes(4).toString('hex')}`;
let first: TestServer;
let second: TestServer;
let supervisorToken: string;

beforeAll(async () => {
  first = await startTestServer({ store: { databaseUrl, schema } });
  second = await startTestServer({ store: { databaseUrl, schema }, sharePrefixOf: first });
  supervisorToken = await first.token('supervisor');
}, 120_000);
afterAll(async () => {
  await second?.close();
  await first?.close();
  const db = await openDb({ databaseUrl });
  await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await db.close();
});

interface Reach {
  admitted: number;
  closed: number;
}
interface Preview {
  basedOn: number;
  today: { workers: Reach; employers: Reach };
  onceScheduledBegin: { workers: Reach; employers: Reach };
}
interface PlanVersion {
  version: number;
  phases: RolloutPhase[];
  changedBy: string;
  reason: string;
}

const call = (method: string, path: string, body?: unknown, token = supervisorToken) =>
  fetch(`${first.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const preview = async (phases: RolloutPhase[]) => {
  const res = await call('POST', '/api/supervisor/rollout/preview', { phases });
  expect(res.status).toBe(200);
  return (await res.json()) as Preview;
};
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

const count = async (sql: string, params: unknown[] = []) => {
  const [row] = await first.app.db.query<{ n: number }>(sql, params);
  return Number(row?.n);
};
const workersOutside = (province: string) =>
  count('SELECT count(*)::int AS n FROM workers WHERE residence_province <> $1', [province]);
const companiesIn = (province: string) =>
  count('SELECT count(*)::int AS n FROM companies WHERE legal_seat_province = $1', [province]);
const companiesOutside = (provinces: string[]) =>
  count('SELECT count(*)::int AS n FROM companies WHERE NOT (legal_seat_province = ANY($1))', [provinces]);

const NONE = { admitted: 0, closed: 0 };
const employersPhases = HISTORICAL_ROLLOUT.filter((p) => p.audience === 'employers');
const workersIn = (code: string, from = '2021-05-10'): RolloutPhase => ({
  audience: 'workers',
  place: { kind: 'province', code },
  from,
});
/** Workers in Rome only; employers as they were. */
const romeOnly: RolloutPhase[] = [workersIn('RM'), ...employersPhases];

describe('rollout changes for supervisors', () => {
  it('previews what a narrower plan would shut out, counted from the claims store', async () => {
    const outsideRome = await workersOutside('RM');
    expect(outsideRome).toBeGreaterThan(0);
    const result = await preview(romeOnly);
    expect(result).toEqual({
      basedOn: 1,
      today: { workers: { admitted: 0, closed: outsideRome }, employers: NONE },
      onceScheduledBegin: { workers: { admitted: 0, closed: outsideRome }, employers: NONE },
    });

    // Employers: Milan and Turin only shuts out every company seated elsewhere.
    const northOnly: RolloutPhase[] = [
      ...HISTORICAL_ROLLOUT.filter((p) => p.audience === 'workers'),
      { audience: 'employers', place: { kind: 'province', code: 'MI' }, from: '2022-12-15' },
      { audience: 'employers', place: { kind: 'province', code: 'TO' }, from: '2023-02-13' },
    ];
    expect(await companiesOutside(['MI', 'TO'])).toBeGreaterThan(0);
    expect((await preview(northOnly)).today).toEqual({
      workers: NONE,
      employers: { admitted: 0, closed: await companiesOutside(['MI', 'TO']) },
    });

    // Previewing changes nothing.
    expect(first.app.rollout.current().version).toBe(1);
    expect((await (await call('GET', '/api/supervisor/rollout')).json()) as PlanVersion).toMatchObject({
      version: 1,
    });
  });

  it('applies a change on every process within a second, and refuses one made on a stale plan', async () => {
    const res = await call('PUT', '/api/supervisor/rollout', {
      phases: romeOnly,
      reason: 'workers back to the Rome pilot',
      basedOn: 1,
    });
    expect(res.status).toBe(200);
    const saved = (await res.json()) as PlanVersion;
    expect(saved).toMatchObject({ version: 2, changedBy: 'MRNLNE70A65A662X', phases: romeOnly });
    await until(
      () => second.app.rollout.current().version === 2,
      'the second process applies version 2',
      1_000,
    );
    expect(second.app.rollout.current().phases).toEqual(romeOnly);

    const stale = await call('PUT', '/api/supervisor/rollout', {
      phases: HISTORICAL_ROLLOUT,
      reason: 'made on version 1',
      basedOn: 1,
    });
    expect(stale.status).toBe(409);
    expect(await errorCode(stale)).toBe('ROLLOUT_CHANGED');
    expect(first.app.rollout.current().version).toBe(2);
    const history = (await (await call('GET', '/api/supervisor/rollout/history')).json()) as {
      versions: PlanVersion[];
    };
    expect(history.versions.map((v) => v.version)).toEqual([2, 1]);
  });

  it('previews a scheduled phase as a change to come, not a change today', async () => {
    const [outsideRome, inNaples] = [await workersOutside('RM'), await companiesIn('NA')];
    const scheduled: RolloutPhase[] = [
      ...romeOnly,
      { audience: 'workers', place: { kind: 'italy' }, from: '2099-01-01' },
    ];
    expect(await preview(scheduled)).toEqual({
      basedOn: 2,
      today: { workers: NONE, employers: NONE },
      onceScheduledBegin: { workers: { admitted: outsideRome, closed: 0 }, employers: NONE },
    });

    // Moving Naples' employers to a future date closes them today, and gives them back later.
    expect(inNaples).toBeGreaterThan(0);
    const employersIn = (code: string, from: string): RolloutPhase => ({
      audience: 'employers',
      place: { kind: 'province', code },
      from,
    });
    const naplesLater: RolloutPhase[] = [
      workersIn('RM'),
      employersIn('MI', '2022-12-15'),
      employersIn('TO', '2023-02-13'),
      employersIn('RM', '2023-02-13'),
      employersIn('NA', '2099-06-01'),
    ];
    const naples = await preview(naplesLater);
    expect(naples.today.workers).toEqual(NONE);
    expect(naples.onceScheduledBegin.workers).toEqual(NONE);
    // Without the Italy-wide employers phase, every company outside the named provinces closes too.
    const named = ['MI', 'TO', 'RM', 'NA'];
    expect(await companiesOutside(named)).toBeGreaterThan(0);
    expect(naples.today.employers).toEqual({
      admitted: 0,
      closed: (await companiesOutside(named)) + inNaples,
    });
    expect(naples.onceScheduledBegin.employers).toEqual({
      admitted: 0,
      closed: await companiesOutside(named),
    });
  });

  it('undoes the newest change as a new version, and only the newest', async () => {
    const res = await call('POST', '/api/supervisor/rollout/undo', { version: 2 });
    expect(res.status).toBe(200);
    const undone = (await res.json()) as PlanVersion;
    expect(undone.version).toBe(3);
    expect(undone.phases).toEqual(HISTORICAL_ROLLOUT);
    expect(undone.reason).toMatch(/undo/i);
    expect(undone.reason).toContain('2');
    expect(undone.changedBy).toBe('MRNLNE70A65A662X');
    await until(
      () => second.app.rollout.current().version === 3,
      'the second process applies version 3',
      1_000,
    );
    expect(second.app.rollout.current().phases).toEqual(HISTORICAL_ROLLOUT);

    const again = await call('POST', '/api/supervisor/rollout/undo', { version: 2 });
    expect(again.status).toBe(409);
    expect(await errorCode(again)).toBe('ROLLOUT_CHANGED');
    const ahead = await call('POST', '/api/supervisor/rollout/undo', { version: 4 });
    expect(ahead.status).toBe(409);
    expect(await errorCode(ahead)).toBe('ROLLOUT_CHANGED');
    expect(first.app.rollout.current().version).toBe(3);

    for (const body of [{}, { version: 0 }, { version: '3' }, { version: 3, extra: 1 }]) {
      const bad = await call('POST', '/api/supervisor/rollout/undo', body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(await errorCode(bad)).toBe('VALIDATION_FAILED');
    }
  });

  it('keeps preview, change and undo to supervisors, and refuses bad plans', async () => {
    const advisorToken = await first.token('advisor');
    for (const [method, path, body] of [
      ['POST', '/api/supervisor/rollout/preview', { phases: romeOnly }],
      ['PUT', '/api/supervisor/rollout', { phases: romeOnly, reason: 'not mine to change', basedOn: 3 }],
      ['POST', '/api/supervisor/rollout/undo', { version: 3 }],
    ] as const) {
      const res = await call(method, path, body, advisorToken);
      expect(res.status, path).toBe(403);
      expect(await errorCode(res)).toBe('AUTH_ROLE_FORBIDDEN');
    }
    const badPreview = await call('POST', '/api/supervisor/rollout/preview', {
      phases: [{ audience: 'workers', place: { kind: 'province', code: 'ZZ' }, from: '2021-01-01' }],
    });
    expect(badPreview.status).toBe(400);
    expect(await errorCode(badPreview)).toBe('VALIDATION_FAILED');
    expect(first.app.rollout.current().version).toBe(3);
  });
});
