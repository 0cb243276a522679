import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PERSONAS } from '../../src/dev/personas.ts';
import { startTestServer, type TestServer } from '../support/index.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const get = async (path: string, token?: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, {
    headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    redirect: 'manual',
  });

const put = async (path: string, init: { token?: string; cookie?: string; origin?: string }) =>
  fetch(`${server.url}${path}`, {
    method: 'PUT',
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...(init.origin ? { origin: init.origin } : {}),
    },
  });

interface QueuesAnswer {
  queues: { name: string; readOnlyMode: boolean }[];
}

async function delayedJob() {
  const queue = server.app.jobQueues[0]!;
  const job = await queue.add(
    'followup-offer',
    { conversationId: 'none' },
    { delay: 3_600_000, jobId: `board-${randomBytes(4).toString('hex')}` },
  );
  return job.id!;
}

describe('the job board', () => {
  it('is for supervisors only', async () => {
    expect((await get('/ops/jobs/api/queues')).status).toBe(401);
    const page = await get('/ops/jobs/', undefined, { accept: 'text/html' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/ops/login?next=%2Fops%2Fjobs%2F');
    const asAdvisor = await get('/ops/jobs/api/queues', await server.token('advisor'));
    expect(asAdvisor.status).toBe(403);
    expect(((await asAdvisor.json()) as { error: { code: string } }).error.code).toBe('AUTH_ROLE_FORBIDDEN');
  });

  it('shows every supervisor the queues read-only, and refuses changes there', async () => {
    const token = await server.token('supervisor');
    const page = await get('/ops/jobs/', token);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<base href="/ops/jobs/"');
    const queues = (await (await get('/ops/jobs/api/queues', token)).json()) as QueuesAnswer;
    expect(queues.queues.map((q) => [q.name, q.readOnlyMode])).toEqual([['timers', true]]);

    const jobId = await delayedJob();
    const refused = await put(`/ops/jobs/api/queues/timers/${jobId}/promote`, { token });
    expect(refused.status).toBe(403);
    expect(await (await server.app.jobQueues[0]!.getJob(jobId))!.getState()).toBe('delayed');
    // The read-only supervisor cannot reach the admin board either.
    expect((await get('/ops/jobs-admin/api/queues', token)).status).toBe(403);
    await server.app.jobQueues[0]!.remove(jobId);
  });

  it('lets a supervisor with the jobs:manage right act on jobs, from this site only', async () => {
    const token = await server.token('supervisor-admin');
    expect(DEMO_PERSONAS['supervisor-admin'].rights).toContain('jobs:manage');
    const queues = (await (await get('/ops/jobs-admin/api/queues', token)).json()) as QueuesAnswer;
    expect(queues.queues.map((q) => [q.name, q.readOnlyMode])).toEqual([['timers', false]]);

    const session = await fetch(`${server.url}/ops/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, next: '/ops/jobs-admin/' }),
      redirect: 'manual',
    });
    const cookie = session.headers.getSetCookie()[0]!.split(';')[0]!;
    const jobId = await delayedJob();
    const crossSite = await put(`/ops/jobs-admin/api/queues/timers/${jobId}/promote`, {
      cookie,
      origin: 'https://evil.example',
    });
    expect(crossSite.status).toBe(403);
    expect(await (await server.app.jobQueues[0]!.getJob(jobId))!.getState()).toBe('delayed');

    const promoted = await put(`/ops/jobs-admin/api/queues/timers/${jobId}/promote`, {
      cookie,
      origin: server.url,
    });
    expect(promoted.status).toBeLessThan(300);
    const state = await (await server.app.jobQueues[0]!.getJob(jobId))?.getState();
    expect(state === undefined || state !== 'delayed').toBe(true);
  });
});
