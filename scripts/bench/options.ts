import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';

export const SCENARIOS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
export type ScenarioId = (typeof SCENARIOS)[number];

export interface BenchOptions {
  quick: boolean;
  scenarios: ScenarioId[];
  /** (a) idle visitors to hold (capped by the open-files limit). */
  visitors: number;
  /** (b) concurrent conversations in the steady stream and the sweep. */
  conversations: number;
  /** Advisors for (b); (c) uses `surgeAdvisors`. */
  advisors: number;
  /** (b) messages per second, both directions together. */
  rate: number;
  /** Seconds of each measured load phase. */
  duration: number;
  /** Server processes. */
  processes: number;
  /** Load generator processes. */
  generators: number;
  /** (b) turnover: chats opened per hour, each of `messagesPerChat` messages. */
  chatsPerHour: number;
  messagesPerChat: number;
  /** (c) chats arriving in the burst, and the advisors (capacity 3) facing it. */
  surge: number;
  surgeAdvisors: number;
  /** (d) `claims:get` per second. */
  claimsRate: number;
  /** (e) the flooding socket's messages per second, and the honest chats' rate beside it. */
  floodRate: number;
  floodBaseRate: number;
  /** Seed size (workers); 280,000 gives about a million payment requests. */
  workers: number;
  storeSchema: string;
  keepStore: boolean;
  /** Where the servers write CPU profiles, if asked. */
  profile: string | undefined;
  /** Where (a) writes heap snapshots of the server, before and while holding its visitors. */
  heapSnapshots: string | undefined;
  /** A unique tag for this run: the Redis prefix and advisor identities carry it. */
  runTag: string;
}

export const USAGE = `pnpm bench [options]

Drives simulated visitors and advisors against infocig (and a bare Socket.IO relay, the ceiling).

  --quick                 a smoke run under a minute (small seed, short phases)
  --scenarios a,b,c,d,e,f a idle capacity, b steady chat (+ turnover + sweep), c surge, d claim lookups,
                          e flood (one socket at --flood-rate beside honest chats),
                          f connects per second (seeded workers at 250, 500, 1,000/s; quick 50, 100)
  --visitors N            (a) idle visitors to hold                      [full 50000, quick 500]
  --conversations N       (b) concurrent conversations                  [full 2000, quick 100]
  --advisors N            (b) advisors                                  [full 200, quick 20]
  --rate N                (b) messages per second                       [full 5000, quick 400]
  --duration S            seconds per measured phase                    [full 20, quick 2]
  --processes N           infocig server processes                      [1]
  --generators N          load generator processes                      [2]
  --chats-per-hour N      (b) turnover chats per hour                   [full 200000, quick 20000]
  --surge N               (c) chats in the burst                        [full 3000, quick 150]
  --claims-rate N         (d) claims:get per second                     [full 500, quick 100]
  --flood-rate N          (e) one socket's messages per second          [2000]
  --flood-base-rate N     (e) the other chats' messages per second      [full 1000, quick 200]
  --workers N             seed size in workers (290000 ≈ 1.03M payments) [full 290000, quick 300]
  --store-schema NAME     PostgreSQL schema (seeded only if empty)      [a new one per run]
  --keep-store            keep the schema (or PGlite folder) afterwards
  --profile DIR           write a V8 CPU profile of each server process to DIR (--cpu-prof)
  --heap-snapshots DIR    (a) write heap snapshots of the first server, before and while holding
                          its visitors, to compare with scripts/bench/heap-diff.ts
`;

function whole(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number: ${value}`);
  return n;
}

export function parseOptions(argv: string[]): BenchOptions | null {
  // `pnpm bench -- --quick` passes the `--` on.
  const args = argv.filter((arg, i) => !(i === 0 && arg === '--'));
  const { values } = parseArgs({
    args,
    options: {
      quick: { type: 'boolean', default: false },
      scenarios: { type: 'string' },
      visitors: { type: 'string' },
      conversations: { type: 'string' },
      advisors: { type: 'string' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      processes: { type: 'string' },
      generators: { type: 'string' },
      'chats-per-hour': { type: 'string' },
      'messages-per-chat': { type: 'string' },
      surge: { type: 'string' },
      'surge-advisors': { type: 'string' },
      'claims-rate': { type: 'string' },
      'flood-rate': { type: 'string' },
      'flood-base-rate': { type: 'string' },
      workers: { type: 'string' },
      'store-schema': { type: 'string' },
      'keep-store': { type: 'boolean', default: false },
      profile: { type: 'string' },
      'heap-snapshots': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return null;
  const quick = values.quick;
  const pick = (full: number, small: number) => (quick ? small : full);
  const scenarios = (values.scenarios ?? SCENARIOS.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of scenarios)
    if (!(SCENARIOS as readonly string[]).includes(s))
      throw new Error(`unknown scenario "${s}" (a, b, c, d, e)`);
  const runTag = randomBytes(4).toString('hex');
  const schema = values['store-schema'] ?? `infocig_bench_${runTag}`;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error(`--store-schema must be a plain lower-case name: ${schema}`);
  return {
    quick,
    scenarios: scenarios as ScenarioId[],
    visitors: whole('visitors', values.visitors, pick(50_000, 500)),
    conversations: Math.max(1, whole('conversations', values.conversations, pick(2000, 100))),
    advisors: Math.max(1, whole('advisors', values.advisors, pick(200, 20))),
    rate: whole('rate', values.rate, pick(5000, 400)),
    duration: Math.max(1, whole('duration', values.duration, pick(20, 2))),
    processes: Math.max(1, whole('processes', values.processes, 1)),
    generators: Math.max(1, whole('generators', values.generators, 2)),
    chatsPerHour: whole('chats-per-hour', values['chats-per-hour'], pick(200_000, 20_000)),
    messagesPerChat: Math.max(2, whole('messages-per-chat', values['messages-per-chat'], 10)),
    surge: whole('surge', values.surge, pick(3000, 150)),
    surgeAdvisors: Math.max(1, whole('surge-advisors', values['surge-advisors'], pick(40, 10))),
    claimsRate: whole('claims-rate', values['claims-rate'], pick(500, 100)),
    floodRate: whole('flood-rate', values['flood-rate'], 2000),
    floodBaseRate: whole('flood-base-rate', values['flood-base-rate'], pick(1000, 200)),
    workers: whole('workers', values.workers, pick(290_000, 300)),
    storeSchema: schema,
    keepStore: values['keep-store'],
    profile: values.profile,
    heapSnapshots: values['heap-snapshots'],
    runTag,
  };
}
