import { codiceFiscaleCheckChar } from '@infocig/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAdvisor, startTestServer, type TestServer } from '../support/index.ts';

/** `owner` holds the Redis prefix all along; `restarting` is the one that restarts. */
let owner: TestServer;
let restarting: TestServer;

beforeAll(async () => {
  owner = await startTestServer();
  restarting = await startTestServer({ sharePrefixOf: owner });
});
afterAll(async () => {
  await restarting.close();
  await owner.close();
});

const cf = (first15: string) => `${first15}${codiceFiscaleCheckChar(first15)}`;
const staff = (n: number) => ({
  sub: cf(`PSAPSA80A0${n}H501`),
  role: 'advisor' as const,
  name: `Consulente ${n}`,
});

async function supervise(at: TestServer, advisorId: string, availability: 'available' | 'paused') {
  const res = await fetch(`${at.url}/api/supervisor/advisors/${advisorId}`, {
    method: 'PATCH',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await at.token('supervisor')}`,
    },
    body: JSON.stringify({ availability }),
  });
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ availability });
}

/** Connects the advisor and returns what the server says they are on arrival. */
async function arrive(at: TestServer, n: number) {
  const advisor = await connectAdvisor(at.url, await at.token(staff(n)));
  const ready = await advisor.next('session:ready');
  return { advisor, availability: ready.availability, profile: ready.profile.availability };
}

describe("a supervisor's pause", () => {
  it('survives the advisor reconnecting, until a supervisor lifts it', async () => {
    const first = await arrive(restarting, 1);
    expect(first.availability).toBe('available');
    await supervise(restarting, staff(1).sub, 'paused');
    await first.advisor.next('advisor:profile', (p) => p.availability === 'paused');
    first.advisor.close();

    const again = await arrive(restarting, 1);
    expect(again).toMatchObject({ availability: 'paused', profile: 'paused' });
    await supervise(restarting, staff(1).sub, 'available');
    await again.advisor.next('advisor:profile', (p) => p.availability === 'available');
    again.advisor.close();

    const lifted = await arrive(restarting, 1);
    expect(lifted.availability).toBe('available');
    lifted.advisor.close();
  });

  it('survives a restart of the server process', async () => {
    const first = await arrive(restarting, 2);
    await supervise(restarting, staff(2).sub, 'paused');
    first.advisor.close();
    await restarting.close();
    restarting = await startTestServer({ sharePrefixOf: owner });

    const back = await arrive(restarting, 2);
    expect(back).toMatchObject({ availability: 'paused', profile: 'paused' });
    back.advisor.close();
  });

  it("ends when the advisor deliberately resumes; the advisor's own pause is theirs to keep", async () => {
    const first = await arrive(restarting, 3);
    await supervise(restarting, staff(3).sub, 'paused');
    await first.advisor.ok('advisor:availability', { availability: 'available' });
    first.advisor.close();
    const resumed = await arrive(restarting, 3);
    expect(resumed.availability).toBe('available');

    await resumed.advisor.ok('advisor:availability', { availability: 'paused' });
    resumed.advisor.close();
    const own = await arrive(restarting, 3);
    expect(own.availability).toBe('paused');
    own.advisor.close();
  });
});
