import { startTestServer, type TestServer } from '@infocig/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VisitorSession } from '../src/widget/session/visitor-session.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function until(what: string, check: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const person = (n: number) => ({
  sub: `RNWTST80A01H501${n}`,
  role: 'lavoratore' as const,
  name: `Rinnovo ${n}`,
  province: 'RM',
});

describe('the widget renews its session through the host’s token callback', () => {
  it('keeps a session of 3-second tokens going for several lifetimes', async () => {
    let issued = 0;
    const session = new VisitorSession({
      serverUrl: server.url,
      getToken: async () => {
        issued++;
        return server.token(person(1), 3);
      },
    });
    session.connect();
    await until('connected', () => session.getState().connection.kind === 'connected');
    await until('three renewals', () => issued >= 4, 15_000);
    expect(session.getState().connection.kind).toBe('connected');
    expect(session.getState().sessionEndsAt).toBeNull();
    session.dispose();
  });

  it('tells the person when it cannot renew, and why the session ended', async () => {
    let calls = 0;
    const session = new VisitorSession({
      serverUrl: server.url,
      getToken: async () => {
        if (++calls > 1) throw new Error('the portal session is over');
        return server.token(person(2), 3);
      },
    });
    session.connect();
    await until('renewal trouble is shown', () => session.getState().sessionEndsAt !== null);
    expect(session.getState().connection.kind).toBe('connected');
    await until('the session ended', () => session.getState().connection.kind === 'error');
    expect(session.getState().connection).toMatchObject({
      kind: 'error',
      error: { code: 'AUTH_TOKEN_EXPIRED' },
    });
    session.dispose();
  });
});
