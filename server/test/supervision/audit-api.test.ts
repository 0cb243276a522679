import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PERSONAS } from '../../src/dev/personas.ts';
import { startAssignedChat, startTestServer, type TestServer } from '../support/index.ts';

let server: TestServer;
/** The worker whose chat the demo advisor took: the advisor read their claims, which is audited. */
const SUBJECT = DEMO_PERSONAS['worker-na'].sub;
const close: (() => void)[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const { advisor, visitor } = await startAssignedChat(server, 'worker-na');
  close.push(
    () => advisor.close(),
    () => visitor.close(),
  );
});
afterAll(async () => {
  for (const done of close) done();
  await server.close();
});

interface Access {
  at: string;
  actorName: string;
  actorRole: string;
  what: string;
  purpose: string;
  outcome: string;
}

const call = async (
  method: 'GET' | 'POST',
  path: string,
  persona: 'supervisor' | 'supervisor-admin' | 'advisor' | 'worker-na' | null = 'supervisor-admin',
) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: persona ? { authorization: `Bearer ${await server.token(persona)}` } : {},
  });
const accesses = (subject: string, persona: Parameters<typeof call>[2] = 'supervisor-admin') =>
  call('GET', `/api/supervisor/audit/accesses?subject=${encodeURIComponent(subject)}`, persona);
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
const auditRows = async () => {
  const [row] = await server.app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM access_audit');
  return Number(row?.n);
};

describe('the access audit for supervisors', () => {
  it('verifies an intact chain, counting every row', async () => {
    const before = Date.now();
    const res = await call('POST', '/api/supervisor/audit/verify', 'supervisor');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; rows: number; checkedAt: string };
    expect(body).toEqual({ ok: true, rows: await auditRows(), checkedAt: expect.any(String) });
    expect(body.rows).toBeGreaterThan(0);
    expect(Date.parse(body.checkedAt)).toBeGreaterThanOrEqual(before - 1_000);
  });

  it('keeps the search by person to the privacy officer, and logs nothing it refused', async () => {
    const rows = await auditRows();
    const refused = await accesses(SUBJECT, 'supervisor');
    expect(refused.status).toBe(403);
    expect(await errorCode(refused)).toBe('RIGHT_MISSING');
    expect(await auditRows()).toBe(rows);
  });

  it("shows the privacy officer who read a person's data, and logs the search itself", async () => {
    const res = await accesses(SUBJECT);
    expect(res.status).toBe(200);
    const first = (await res.json()) as { subject: string; accesses: Access[] };
    expect(first.subject).toBe(SUBJECT);
    // The search is logged before it is answered: it is the newest entry.
    expect(first.accesses[0]).toMatchObject({
      actorName: 'Franco Ricci',
      actorRole: 'supervisor',
      what: 'access-log',
      purpose: 'privacy officer search',
      outcome: 'granted',
    });
    expect(first.accesses).toContainEqual(
      expect.objectContaining({ actorName: 'Paolo Romano', actorRole: 'advisor', outcome: 'granted' }),
    );
    const times = first.accesses.map((a) => Date.parse(a.at));
    expect(times.every((t) => Number.isFinite(t))).toBe(true);
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    // A second search (the subject typed in lower case) shows the first one.
    const again = (await (await accesses(SUBJECT.toLowerCase())).json()) as {
      subject: string;
      accesses: Access[];
    };
    expect(again.subject).toBe(SUBJECT);
    expect(again.accesses.filter((a) => a.what === 'access-log')).toHaveLength(2);
    expect(again.accesses.slice(1)).toEqual(first.accesses);

    // A company number is a subject too.
    const company = await accesses(DEMO_PERSONAS['employer-mi'].company.cf);
    expect(company.status).toBe(200);
    expect(((await company.json()) as { accesses: Access[] }).accesses[0]).toMatchObject({
      what: 'access-log',
    });

    // The chain still holds with the searches in it.
    const verified = (await (await call('POST', '/api/supervisor/audit/verify')).json()) as {
      ok: boolean;
      rows: number;
    };
    expect(verified).toMatchObject({ ok: true, rows: await auditRows() });
  });

  it('refuses bad subjects, and anyone but a supervisor', async () => {
    for (const subject of ['', 'ABC', `${SUBJECT}X`, '0123456015', 'RSSMRA80D12H501G:convs', '%27 OR 1=1']) {
      const res = await accesses(subject);
      expect(res.status, subject).toBe(400);
      expect(await errorCode(res)).toBe('VALIDATION_FAILED');
    }
    const missing = await call('GET', '/api/supervisor/audit/accesses');
    expect(missing.status).toBe(400);
    expect(await errorCode(missing)).toBe('VALIDATION_FAILED');

    for (const persona of ['advisor', 'worker-na'] as const) {
      const search = await accesses(SUBJECT, persona);
      expect(search.status, persona).toBe(403);
      expect(await errorCode(search)).toBe('AUTH_ROLE_FORBIDDEN');
      const verify = await call('POST', '/api/supervisor/audit/verify', persona);
      expect(verify.status, persona).toBe(403);
      expect(await errorCode(verify)).toBe('AUTH_ROLE_FORBIDDEN');
    }
    expect((await accesses(SUBJECT, null)).status).toBe(401);
    expect((await call('POST', '/api/supervisor/audit/verify', null)).status).toBe(401);
  });
});
