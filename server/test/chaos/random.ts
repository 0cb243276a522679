/**
 * The chaos run's one source of randomness, seeded so that a failing run's workload and choices
 * can be replayed: `CHAOS_SEED=<printed seed> pnpm vitest run server/test/chaos`. Timing still
 * varies from run to run; the plan does not.
 */
export const CHAOS_SEED = Number(process.env.CHAOS_SEED ?? Date.now() % 2 ** 31);

// mulberry32: small, fast, and good enough to spread a test's choices.
let state = CHAOS_SEED >>> 0;
export function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
