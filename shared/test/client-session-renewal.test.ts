import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Outcome, renewalDelayMs, SessionRenewal } from '../src/client/index.ts';
import type { SessionExpiry } from '../src/index.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const answer = (expiresInSeconds: number): Outcome<SessionExpiry> => ({
  ok: true,
  data: { expiresAt: new Date(Date.now() + expiresInSeconds * 1000).toISOString(), expiresInSeconds },
});

/** A renewal whose host hands out numbered tokens and whose server answers as told. */
function renewalWith(replies: (token: string) => Outcome<SessionExpiry>, hostFails = () => false) {
  const sent: string[] = [];
  const trouble: (number | null)[] = [];
  let issued = 0;
  const renewal = new SessionRenewal({
    getToken: async () => {
      if (hostFails()) throw new Error('portal unreachable');
      return `token-${++issued}`;
    },
    send: async (token) => {
      sent.push(token);
      return replies(token);
    },
    onTrouble: (endsAt) => trouble.push(endsAt),
  });
  return { renewal, sent, trouble };
}

describe('when a session is renewed', () => {
  it('a minute ahead of a long session, at two thirds of a short one', () => {
    expect(renewalDelayMs(3_600_000)).toBe(3_540_000);
    expect(renewalDelayMs(3_000)).toBe(2_000);
    expect(renewalDelayMs(0)).toBe(0);
  });
});

describe('session renewal', () => {
  it('asks the host for a token before the end, sends it, and goes on from the new deadline', async () => {
    const { renewal, sent, trouble } = renewalWith(() => answer(3));
    renewal.expiresIn(3);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual(['token-1']);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sent).toEqual(['token-1', 'token-2']);
    expect(trouble).toEqual([null, null]);
    renewal.stop();
  });

  it('says when it cannot renew, keeps trying until the end, and clears the trouble once renewed', async () => {
    let hostDown = true;
    const { renewal, sent, trouble } = renewalWith(
      () => answer(60),
      () => hostDown,
    );
    const endsAt = Date.now() + 30_000;
    renewal.expiresIn(30);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(trouble).toEqual([endsAt]);
    expect(sent).toEqual([]);
    hostDown = false;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent).toEqual(['token-1']);
    expect(trouble).toEqual([endsAt, null]);
    renewal.stop();
  });

  it('reports a refusal by the server as trouble, and stops retrying at the end', async () => {
    const { renewal, sent, trouble } = renewalWith(() => ({
      ok: false,
      error: { code: 'AUTH_IDENTITY_MISMATCH', message: 'someone else' },
    }));
    renewal.expiresIn(3);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(trouble.every((t) => t !== null)).toBe(true);
    const attempts = sent.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent.length).toBe(attempts);
  });

  it('does nothing once stopped, even with an answer on its way', async () => {
    let release: (o: Outcome<SessionExpiry>) => void = () => {};
    const trouble: (number | null)[] = [];
    const renewal = new SessionRenewal({
      getToken: async () => 'token',
      send: () => new Promise((resolve) => (release = resolve)),
      onTrouble: (t) => trouble.push(t),
    });
    renewal.expiresIn(3);
    await vi.advanceTimersByTimeAsync(2_000);
    renewal.stop();
    release(answer(60));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(trouble).toEqual([]);
  });
});
