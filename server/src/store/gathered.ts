export interface GatherOptions {
  /** Batches running at once; calls made while all are busy wait and go together in the next. */
  inFlight?: number;
  /** The most calls one batch carries. */
  maxBatch?: number;
  /**
   * How long a batch may take before its callers are told the store did not answer (`ETIMEDOUT`,
   * a dependency failure) and its slot goes to the next batch; a late answer is dropped.
   */
  timeoutMs?: number;
}

/** What the callers of a batch that outlived `timeoutMs` get. */
function timedOut(ms: number): Error {
  return Object.assign(new Error(`the store did not answer within ${ms} ms`), { code: 'ETIMEDOUT' });
}

/**
 * Turns a statement for many keys into a call for one. A call goes out at once when a batch slot is
 * free; calls made while every slot is busy are gathered and sent together as soon as one frees.
 * At low load nothing waits; under a flood, hundreds of connects cost a handful of statements
 * instead of one round trip (and one socket write) each. Each caller gets its own answer, or the
 * batch's error, and never an answer acknowledged before its statement finished. A store that
 * hangs instead of refusing costs each caller at most `timeoutMs`, not the slots for good.
 */
export function gathered<K, V>(
  run: (keys: readonly K[]) => Promise<readonly V[]>,
  { inFlight = 2, maxBatch = 200, timeoutMs = 10_000 }: GatherOptions = {},
): (key: K) => Promise<V> {
  interface Waiting {
    key: K;
    resolve: (value: V) => void;
    reject: (error: unknown) => void;
  }
  let waiting: Waiting[] = [];
  let running = 0;
  let scheduled = false;

  function start(batch: Waiting[]): void {
    running++;
    let open = true;
    const settle = (outcome: () => void) => {
      if (!open) return;
      open = false;
      clearTimeout(timer);
      outcome();
      running--;
      send();
    };
    const fail = (error: unknown) => () => {
      for (const w of batch) w.reject(error);
    };
    const timer = setTimeout(() => settle(fail(timedOut(timeoutMs))), timeoutMs);
    // A statement that throws at once fails its batch like one that rejects.
    new Promise<readonly V[]>((resolve) => resolve(run(batch.map((w) => w.key)))).then(
      (values) =>
        settle(
          values.length === batch.length
            ? () => {
                for (const [i, w] of batch.entries()) w.resolve(values[i] as V);
              }
            : fail(new Error(`a gathered statement answered ${values.length} of ${batch.length}`)),
        ),
      (error: unknown) => settle(fail(error)),
    );
  }

  function send(): void {
    scheduled = false;
    while (running < inFlight && waiting.length > 0) {
      const batch = waiting.slice(0, maxBatch);
      waiting = waiting.slice(batch.length);
      start(batch);
    }
  }

  return (key) =>
    new Promise<V>((resolve, reject) => {
      waiting.push({ key, resolve, reject });
      // Calls of the same tick go in one batch.
      if (!scheduled && running < inFlight) {
        scheduled = true;
        process.nextTick(send);
      }
    });
}

/** The distinct keys of a batch, for a statement that must not see one twice. */
export const distinct = <K>(keys: readonly K[]): K[] => [...new Set(keys)];

/** Rows of a gathered statement, handed back to each key (in the rows' order); none gives an empty list. */
export function rowsByKey<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): R[][] {
  const found = new Map<K, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = found.get(key);
    if (list) list.push(row);
    else found.set(key, [row]);
  }
  return keys.map((key) => found.get(key) ?? []);
}
