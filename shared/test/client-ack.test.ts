import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { checked, command, connectErrorOf, type TimedAck } from '../src/client/ack.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('commands with an ack', () => {
  it('passes on the data of a successful ack', async () => {
    const out = await command<{ seq: number }>((ack) => ack(null, { ok: true, data: { seq: 4 } }));
    expect(out).toEqual({ ok: true, data: { seq: 4 } });
  });

  it("passes on the server's error", async () => {
    const error = { code: 'CONVERSATION_CLOSED' as const, message: 'closed' };
    expect(await command<object>((ack) => ack(null, { ok: false, error }))).toEqual({ ok: false, error });
  });

  it('turns a timeout into ACK_TIMEOUT instead of rejecting', async () => {
    const timedOut: (ack: TimedAck<object>) => void = (ack) =>
      ack(new Error('operation has timed out'), { ok: true, data: {} });
    expect(await command(timedOut)).toEqual({
      ok: false,
      error: { code: 'ACK_TIMEOUT', message: 'operation has timed out' },
    });
  });
});

describe('connection errors', () => {
  it("reads the server's code from connect_error data, else says the connection failed", () => {
    const refused = Object.assign(new Error('refused'), {
      data: { code: 'AUTH_TOKEN_EXPIRED', message: 'token expired' },
    });
    expect(connectErrorOf(refused)).toEqual({ code: 'AUTH_TOKEN_EXPIRED', message: 'token expired' });
    expect(connectErrorOf(new Error('websocket error'))).toEqual({
      code: 'CONNECTION_FAILED',
      message: 'websocket error',
    });
  });
});

describe('checked pushes', () => {
  it('hands on what fits the schema and drops, with a warning, what does not', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const seen: number[] = [];
    const handler = checked('queue:position', z.object({ position: z.number() }), (p) => {
      seen.push(p.position);
    });
    handler({ position: 2 });
    handler({ position: 'first' });
    expect(seen).toEqual([2]);
    expect(warn).toHaveBeenCalledOnce();
  });
});
