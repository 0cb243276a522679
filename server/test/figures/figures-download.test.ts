import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/index.ts';
import { PERIOD, writeHistory } from './figure-history.ts';

let server: TestServer;
let supervisor: string;

beforeAll(async () => {
  server = await startTestServer();
  await writeHistory(server.app.db, { followUps: false });
  supervisor = await server.token('supervisor');
});
afterAll(() => server.close());

const get = (path: string, token = supervisor) =>
  fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
const period = `from=${PERIOD.from}&to=${PERIOD.to}`;

/** A CSV of (segment, key, requests) rows as the JSON series it stands for. */
const seriesOf = (csv: string, segment: string) =>
  csv
    .trimEnd()
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter(([s]) => s === segment)
    .map(([, key, requests]) => [key, Number(requests)]);

describe('figures downloads', () => {
  it('give each series as CSV with the numbers of the JSON answer, never cached', async () => {
    const json = (await (await get(`/api/supervisor/figures?${period}`)).json()) as {
      byAudience: Record<string, { perDay: { day: string; interactions: number }[] }>;
      byCategory: Record<string, { perMonth: { month: string; interactions: number }[] }>;
    };
    const res = await get(`/api/supervisor/figures.csv?${period}&figure=perDay`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="infocig-figures-perDay-all-${PERIOD.from}-${PERIOD.to}.csv"`,
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    const csv = await res.text();
    expect(csv.split('\r\n')[0]).toBe('segment,day,requests');
    expect(seriesOf(csv, 'employers')).toEqual(
      json.byAudience.employers?.perDay.map((p) => [p.day, p.interactions]),
    );
    expect(seriesOf(csv, 'workers')).toEqual([
      ['2024-03-10', 2],
      ['2024-03-11', 1],
      ['2024-04-10', 1],
    ]);

    const months = await (
      await get(`/api/supervisor/figures.csv?${period}&figure=perMonth&segment=employer`)
    ).text();
    expect(months).toBe('segment,month,requests\r\nemployer,2024-03,1\r\nemployer,2024-04,2\r\n');
    expect(seriesOf(months, 'employer')).toEqual(
      json.byCategory.employer?.perMonth.map((p) => [p.month, p.interactions]),
    );
  });

  it('give the summary of every group, one row each', async () => {
    const json = (await (await get(`/api/supervisor/figures?${period}`)).json()) as {
      total: {
        requests: number;
        distinctPeople: number;
        settledOnlineShare: number;
        followUps: { opened: number; answered: number };
      };
    };
    const csv = await (
      await get(`/api/supervisor/figures.csv?${period}&figure=summary&segment=total`)
    ).text();
    const [header, row] = csv
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(','));
    const total = Object.fromEntries(header!.map((name, i) => [name, row![i]]));
    expect(total).toMatchObject({
      segment: 'total',
      from: PERIOD.from,
      to: PERIOD.to,
      requests: String(json.total.requests),
      distinct_people: String(json.total.distinctPeople),
      settled_online_share: String(json.total.settledOnlineShare),
      peak_day: '2024-04-10',
      peak_hour: '11',
      wait_p50_seconds: '20',
      follow_ups_opened: String(json.total.followUps.opened),
      follow_ups_answered: String(json.total.followUps.answered),
    });
  });

  it('are for supervisors only', async () => {
    const advisor = await get(
      `/api/supervisor/figures.csv?${period}&figure=summary`,
      await server.token('advisor'),
    );
    expect(advisor.status).toBe(403);
    expect(((await advisor.json()) as { error: { code: string } }).error.code).toBe('AUTH_ROLE_FORBIDDEN');
    const anonymous = await fetch(`${server.url}/api/supervisor/figures.csv?figure=summary`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('AUTH_TOKEN_MISSING');
  });

  it.each([
    ['a reversed period', 'from=2024-05-01&to=2024-04-01&figure=summary', 'from'],
    ['a period over three years', 'from=2020-01-01&to=2023-01-02&figure=summary', 'to'],
    ['an unknown figure', `${period}&figure=everything`, 'figure'],
    ['an unknown group', `${period}&figure=perDay&segment=advisors`, 'segment'],
  ])('refuse %s with VALIDATION_FAILED', async (_, query, path) => {
    const res = await get(`/api/supervisor/figures.csv?${query}`);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues.map((i) => i.path)).toContain(path);
  });

  it('accept a period of exactly three years, and default to the year up to today', async () => {
    expect((await get('/api/supervisor/figures?from=2021-01-01&to=2024-01-01')).status).toBe(200);
    const reversed = await get('/api/supervisor/figures?from=2024-05-01&to=2024-04-01');
    expect(reversed.status).toBe(400);
    const { from, to } = (await (await get('/api/supervisor/figures')).json()) as {
      from: string;
      to: string;
    };
    expect(Number(to.slice(0, 4)) - Number(from.slice(0, 4))).toBe(1);
    expect(from.slice(5)).toBe(to.slice(5) === '02-29' ? '03-01' : to.slice(5));
  });
});
