import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { isDependencyFailure } from '../../src/errors/dependency-failure.ts';
import { gathered } from '../../src/store/gathered.ts';

/** A statement that records the batches it was given and answers each key doubled, after `ms`. */
function doubling(ms = 5) {
  const batches: number[][] = [];
  let running = 0;
  let mostAtOnce = 0;
  const run = async (keys: readonly number[]) => {
    batches.push([...keys]);
    running++;
    mostAtOnce = Math.max(mostAtOnce, running);
    await sleep(ms);
    running--;
    return keys.map((k) => k * 2);
  };
  return { run, batches, mostAtOnce: () => mostAtOnce };
}

describe('gathered statements', () => {
  it('sends a lone call at once, and gathers calls made while the slots are busy', async () => {
    const statement = doubling(100);
    const call = gathered(statement.run, { inFlight: 1 });
    expect(await call(1)).toBe(2);
    expect(statement.batches).toEqual([[1]]);

    const first = call(10);
    await sleep(1);
    // These arrive one by one while the first statement runs: they go out together after it.
    const later = [];
    for (let k = 11; k <= 15; k++) {
      later.push(call(k));
      await sleep(0);
    }
    expect(await first).toBe(20);
    expect(await Promise.all(later)).toEqual([22, 24, 26, 28, 30]);
    expect(statement.batches.slice(1)).toEqual([[10], [11, 12, 13, 14, 15]]);
  });

  it('keeps at most inFlight statements running, and no batch above maxBatch', async () => {
    const statement = doubling(2);
    const call = gathered(statement.run, { inFlight: 2, maxBatch: 7 });
    const keys = Array.from({ length: 100 }, (_, i) => i);
    const answers = [];
    for (const k of keys) {
      answers.push(call(k));
      if (k % 9 === 0) await sleep(1);
    }
    expect(await Promise.all(answers)).toEqual(keys.map((k) => k * 2));
    expect(statement.mostAtOnce()).toBe(2);
    expect(Math.max(...statement.batches.map((b) => b.length))).toBeLessThanOrEqual(7);
    expect(statement.batches.flat().sort((a, b) => a - b)).toEqual(keys);
  });

  it("fails only the failing batch's callers, with its own error, and carries on", async () => {
    let failNext = true;
    const call = gathered(
      async (keys: readonly string[]) => {
        await sleep(2);
        if (failNext) {
          failNext = false;
          throw new Error('store unreachable');
        }
        return keys.map((k) => k.toUpperCase());
      },
      { inFlight: 1 },
    );
    const failed = call('a');
    await sleep(0);
    const next = [call('b'), call('c')];
    await expect(failed).rejects.toThrow('store unreachable');
    expect(await Promise.all(next)).toEqual(['B', 'C']);
  });

  it('rejects a statement that throws at once, or answers the wrong number of keys', async () => {
    const throwing = gathered((): Promise<readonly number[]> => {
      throw new Error('bad statement');
    });
    await expect(throwing(1)).rejects.toThrow('bad statement');
    const short = gathered(async (keys: readonly number[]) => keys.slice(1));
    await expect(Promise.all([short(1), short(2)])).rejects.toThrow('answered 1 of 2');
    // The helper still works after both.
    const fine = gathered(async (keys: readonly number[]) => keys);
    expect(await fine(3)).toBe(3);
  });

  it('answers the callers of a hung statement in bounded time, as a dependency failure, and goes on', async () => {
    let hang = true;
    const seen: string[][] = [];
    const call = gathered(
      async (keys: readonly string[]) => {
        seen.push([...keys]);
        if (hang) await new Promise(() => {});
        return keys.map((k) => k.length);
      },
      { inFlight: 1, timeoutMs: 50 },
    );
    const started = performance.now();
    const stuck = await Promise.allSettled([call('a'), call('bb')]);
    expect(performance.now() - started).toBeLessThan(1_000);
    for (const outcome of stuck) {
      expect(outcome.status).toBe('rejected');
      const error = (outcome as PromiseRejectedResult).reason;
      expect(error).toMatchObject({ code: 'ETIMEDOUT' });
      expect(isDependencyFailure(error)).toBe(true);
    }
    // The slot was given back: the next call goes out, and is answered once the store answers.
    hang = false;
    expect(await call('ccc')).toBe(3);
    expect(seen).toEqual([['a', 'bb'], ['ccc']]);
  });
});
