import { NAMESPACES, type RolloutPhase } from '@infocig/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DELEGATING_COMPANIES, DEMO_PERSONAS } from '../../src/dev/personas.ts';
import {
  connectAdvisor,
  connectVisitor,
  refusal,
  startTestServer,
  type TestServer,
} from '../support/index.ts';

let server: TestServer;
const [TURIN, MILAN_CLIENT] = DEMO_DELEGATING_COMPANIES;
const EMPLOYER_COMPANY = DEMO_PERSONAS['employer-mi'].company.cf;
const CONSULTANT = DEMO_PERSONAS['consultant-to'].sub;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const refusals = (actor: string) =>
  server.app.db.query<{ subject_cf: string; what: string }>(
    `SELECT subject_cf, what FROM access_audit WHERE actor_cf = $1 AND outcome = 'refused' ORDER BY id`,
    [actor],
  );

async function visitor(persona: Parameters<TestServer['token']>[0]) {
  const client = await connectVisitor(server.url, await server.token(persona));
  await client.next('session:ready');
  return client;
}

const matricolaeOf = async (companyCf: string) =>
  (
    await server.app.db.query<{ matricola: string }>(
      'SELECT matricola FROM company_positions WHERE company_cf = $1',
      [companyCf],
    )
  ).map((r) => r.matricola);

describe('who may read what (socket)', () => {
  it('a worker sees their own claims and no company, and tampering is recorded', async () => {
    const worker = await visitor('worker-rm');
    const own = await worker.ok('claims:get', {});
    expect(own.claims.length).toBeGreaterThan(0);
    const other = await visitor('worker-na');
    const others = await other.ok('claims:get', {});
    expect(own.claims.map((c) => c.applicationId)).not.toEqual(
      expect.arrayContaining(others.claims.map((c) => c.applicationId)),
    );

    expect(await worker.request('claims:company', { companyCf: EMPLOYER_COMPANY })).toMatchObject({
      ok: false,
      error: { code: 'ACCESS_FORBIDDEN' },
    });
    const foreignApplication = others.claims[0]!.applicationId;
    const tampered = await worker.request('chat:request', { applicationId: foreignApplication });
    expect(tampered).toMatchObject({ ok: false, error: { code: 'ACCESS_FORBIDDEN' } });
    expect(await refusals(DEMO_PERSONAS['worker-rm'].sub)).toEqual([
      { subject_cf: EMPLOYER_COMPANY, what: 'company claims' },
    ]);
    for (const c of [worker, other]) c.close();
  });

  it("an owner sees their company's claims only", async () => {
    const owner = await visitor('employer-mi');
    const { claims } = await owner.ok('claims:company', { companyCf: EMPLOYER_COMPANY });
    const positions = await matricolaeOf(EMPLOYER_COMPANY);
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((c) => positions.includes(c.matricola))).toBe(true);
    expect(await owner.request('claims:company', { companyCf: TURIN.cf })).toMatchObject({
      ok: false,
      error: { code: 'ACCESS_FORBIDDEN' },
    });
    expect(await refusals(DEMO_PERSONAS['employer-mi'].sub)).toEqual([
      { subject_cf: TURIN.cf, what: 'company claims' },
    ]);
    owner.close();
  });

  it('an intermediary sees delegating companies only, and a revoked delegation stops access at once', async () => {
    const consultant = await connectVisitor(server.url, await server.token('consultant-to'));
    const ready = await consultant.next('session:ready');
    expect(ready.companies.map((c) => c.cf).sort()).toEqual([TURIN.cf, MILAN_CLIENT.cf].sort());
    const [revoked] = await server.app.db.query<{ company_cf: string }>(
      'SELECT company_cf FROM delegations WHERE intermediary_cf = $1 AND revoked_at IS NOT NULL',
      [CONSULTANT],
    );

    const turin = await consultant.ok('claims:company', { companyCf: TURIN.cf });
    const positions = await matricolaeOf(TURIN.cf);
    expect(turin.claims.every((c) => positions.includes(c.matricola))).toBe(true);
    for (const companyCf of [revoked!.company_cf, EMPLOYER_COMPANY]) {
      expect(await consultant.request('claims:company', { companyCf })).toMatchObject({
        ok: false,
        error: { code: 'ACCESS_FORBIDDEN' },
      });
    }
    expect(await consultant.request('chat:request', {})).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });

    await server.app.db.query(
      'UPDATE delegations SET revoked_at = now() WHERE intermediary_cf = $1 AND company_cf = $2 AND revoked_at IS NULL',
      [CONSULTANT, MILAN_CLIENT.cf],
    );
    expect(await consultant.request('claims:company', { companyCf: MILAN_CLIENT.cf })).toMatchObject({
      ok: false,
      error: { code: 'ACCESS_FORBIDDEN' },
    });
    expect((await refusals(CONSULTANT)).map((r) => r.subject_cf)).toEqual([
      revoked!.company_cf,
      EMPLOYER_COMPANY,
      MILAN_CLIENT.cf,
    ]);
    consultant.close();
  });

  it("an intermediary's chat goes to the employers' queue about the chosen company, and the advisor sees only that company", async () => {
    const consultant = await visitor('consultant-to');
    const { conversation } = await consultant.ok('chat:request', {
      companyCf: TURIN.cf,
      topic: 'Tessitura, marzo',
    });
    const advisor = await connectAdvisor(server.url, await server.token('advisor'));
    const assigned = await advisor.next('chat:assigned', (c) => c.id === conversation.id);
    expect(assigned).toMatchObject({
      queue: 'employers',
      subject: { companyCf: TURIN.cf, companyName: TURIN.name },
    });
    const positions = await matricolaeOf(TURIN.cf);
    expect(assigned.claims.length).toBeGreaterThan(0);
    expect(assigned.claims.every((c) => positions.includes(c.matricola))).toBe(true);
    await advisor.ok('chat:close', { conversationId: conversation.id, outcome: 'settled' });
    for (const c of [consultant, advisor]) c.close();
  });

  it("an advisor reads only chats assigned to them; reaching for another's is refused and recorded", async () => {
    const worker = await visitor('worker-na');
    const { conversation } = await worker.ok('chat:request', {});
    const holder = await connectAdvisor(server.url, await server.token('advisor'));
    await holder.next('chat:assigned', (c) => c.id === conversation.id);
    const snoop = await connectAdvisor(
      server.url,
      await server.token({ sub: 'SNPADV80A01H501Z', role: 'advisor', name: 'Curioso' }),
    );
    await snoop.next('session:ready');
    for (const [event, payload] of [
      ['chat:history', { conversationId: conversation.id }],
      ['chat:send', { conversationId: conversation.id, clientMessageId: 'x', text: 'ciao' }],
      ['chat:close', { conversationId: conversation.id, outcome: 'settled' }],
    ] as const) {
      expect(await snoop.request(event, payload)).toMatchObject({
        ok: false,
        error: { code: 'CONVERSATION_FORBIDDEN' },
      });
    }
    expect(await refusals('SNPADV80A01H501Z')).toHaveLength(3);
    await holder.ok('chat:close', { conversationId: conversation.id, outcome: 'settled' });
    for (const c of [worker, holder, snoop]) c.close();
  });

  it('a supervisor reaches neither namespace', async () => {
    const token = await server.token('supervisor');
    for (const nsp of [NAMESPACES.visitor, NAMESPACES.advisor]) {
      expect((await refusal(server.url, nsp, { token, protocolVersion: 1 })).code).toBe(
        'AUTH_ROLE_FORBIDDEN',
      );
    }
  });
});

describe('who may read what (REST)', () => {
  const get = async (path: string, persona?: Parameters<TestServer['token']>[0]) => {
    const headers: Record<string, string> = persona
      ? { authorization: `Bearer ${await server.token(persona)}` }
      : {};
    const res = await fetch(`${server.url}${path}`, { headers });
    return {
      status: res.status,
      body: (await res.json()) as {
        claims?: { matricola: string }[];
        error?: { code: string };
        entries?: unknown[];
      },
    };
  };

  it('gives a visitor their own claims, never cached, and refuses other companies, other roles and no token', async () => {
    const own = await get('/api/me/claims', 'worker-rm');
    expect(own.status).toBe(200);
    expect(own.body.claims?.length).toBeGreaterThan(0);
    expect(
      (
        await fetch(`${server.url}/api/me/claims`, {
          headers: { authorization: `Bearer ${await server.token('worker-rm')}` },
        })
      ).headers.get('cache-control'),
    ).toBe('no-store');
    expect((await get(`/api/me/claims?companyCf=${EMPLOYER_COMPANY}`, 'worker-rm')).body.error?.code).toBe(
      'ACCESS_FORBIDDEN',
    );
    expect((await get(`/api/me/claims?companyCf=${EMPLOYER_COMPANY}`, 'employer-mi')).status).toBe(200);
    expect((await get(`/api/me/claims?companyCf=${TURIN.cf}`, 'employer-mi')).status).toBe(403);
    expect((await get('/api/me/claims', 'supervisor')).status).toBe(403);
    expect((await get('/api/me/claims', 'advisor')).status).toBe(403);
    expect((await get('/api/me/claims')).status).toBe(401);
  });

  it("shows a person who read their data, and no one else's", async () => {
    const mine = await get('/api/me/access-log', 'worker-na');
    expect(mine.status).toBe(200);
    expect(mine.body.entries).toEqual(
      expect.arrayContaining([expect.objectContaining({ actorName: 'Paolo Romano', outcome: 'granted' })]),
    );
    const stranger = await get('/api/me/access-log', {
      sub: 'NESSUNO80A01H501Z',
      role: 'lavoratore',
      name: 'Nessuno',
      province: 'RM',
    });
    expect(stranger.body.entries).toEqual([]);
  });
});

describe('who may read what when the rollout is narrowed', () => {
  const plan = async (method: 'GET' | 'PUT', phases?: RolloutPhase[]) => {
    const res = await fetch(`${server.url}/api/supervisor/rollout`, {
      method,
      headers: {
        authorization: `Bearer ${await server.token('supervisor')}`,
        ...(phases ? { 'content-type': 'application/json' } : {}),
      },
      ...(phases ? { body: JSON.stringify({ phases, reason: 'authorization matrix: narrowed plan' }) } : {}),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { phases: RolloutPhase[] };
  };

  it('refuses a company whose seat the plan no longer covers, on the socket and on REST alike', async () => {
    const before = await plan('GET');
    // The consultant holds delegations from Turin and Milan again (a test above revoked Milan's).
    await server.app.db.query(
      'UPDATE delegations SET revoked_at = NULL WHERE intermediary_cf = $1 AND company_cf = $2',
      [CONSULTANT, MILAN_CLIENT.cf],
    );
    // Employers only in Milan: the consultant is still admitted (a Milan client), Turin is not.
    await plan('PUT', [
      { audience: 'workers', place: { kind: 'italy' }, from: '2021-01-01' },
      { audience: 'employers', place: { kind: 'province', code: 'MI' }, from: '2021-01-01' },
    ]);
    try {
      const consultant = await visitor('consultant-to');
      expect(await consultant.request('claims:company', { companyCf: TURIN.cf })).toMatchObject({
        ok: false,
        error: { code: 'NOT_YET_AVAILABLE' },
      });
      expect(
        (await consultant.ok('claims:company', { companyCf: MILAN_CLIENT.cf })).claims.length,
      ).toBeGreaterThan(0);
      const headers = { authorization: `Bearer ${await server.token('consultant-to')}` };
      const turin = await fetch(`${server.url}/api/me/claims?companyCf=${TURIN.cf}`, { headers });
      expect(turin.status).toBe(403);
      expect(((await turin.json()) as { error: { code: string } }).error.code).toBe('NOT_YET_AVAILABLE');
      const milan = await fetch(`${server.url}/api/me/claims?companyCf=${MILAN_CLIENT.cf}`, { headers });
      expect(milan.status).toBe(200);
      consultant.close();
    } finally {
      await plan('PUT', before.phases);
    }
  });
});
