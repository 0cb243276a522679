import type { Day } from './calendar.ts';

export const WEEK = 7;

/**
 * What the days ahead may hold, as (shift, depth, fade, stray): last year's seasonal course as it
 * was, two weeks later, two weeks earlier, deeper with the present departure lasting longer, milder
 * with it fading sooner; and the pace off by as much as it strayed lately from what was foreseen,
 * either way. Where last year was steady, the office at its usual pace and the recent past foreseen
 * well, they agree, and the window is no wider for them; before and during a slowdown, or after a
 * surprise, they spread it as far as the evidence says the year may differ from the last.
 */
export const FUTURES: readonly (readonly [shift: number, depth: number, fade: number, stray: number])[] = [
  [0, 1, 1, 0],
  [14, 1, 1, 0],
  [-14, 1, 1, 0],
  [0, 1.5, 2, 0],
  [0, 0.5, 0.5, 0],
  [0, 1, 1, 1],
  [0, 1, 1, -1],
];

/** An office's weekly log paces: filtered forward, smoothed back, and which weeks had evidence. */
export interface OfficeMeasure {
  logPace: Float64Array;
  filtered: Float64Array;
  informed: Uint8Array;
}

/**
 * How far the pace strayed lately from what the model would have foreseen: forecasts made two to
 * six weeks ago from the filtered pace of then (which knew nothing later), against the filtered pace
 * since, averaged over offices by their size (an office's own noise cancels, a shock to all does not).
 */
export function strayedLately(
  measured: ReadonlyMap<string, OfficeMeasure>,
  usual: ReadonlyMap<string, number>,
  sizeOf: (code: string) => number,
  calendar: { weeks: number; weekStart: Day; lastYear: (day: Day) => number; fadeDays: number },
): number {
  const { weeks, weekStart, lastYear, fadeDays } = calendar;
  let squares = 0;
  let forecasts = 0;
  for (let a = weeks - 6; a <= weeks - 2; a++) {
    for (let h = 1; h <= 3 && a + h <= weeks - 1; h++) {
      if (a < 0) continue;
      let error = 0;
      let weight = 0;
      for (const [code, m] of measured) {
        const u = usual.get(code)!;
        const dayA = weekStart + WEEK * a + 3;
        const dayB = dayA + WEEK * h;
        const departureThen = m.filtered[a]! - u - lastYear(dayA);
        const foreseen = u + lastYear(dayB) + departureThen * Math.exp(-(WEEK * h) / fadeDays);
        const size = sizeOf(code);
        error += size * (m.filtered[a + h]! - foreseen);
        weight += size;
      }
      if (weight > 0) {
        squares += (error / weight) ** 2;
        forecasts++;
      }
    }
  }
  return forecasts > 0 ? Math.sqrt(squares / forecasts) : 0;
}

/** The days of the model and what the futures are built from. */
export interface FutureFrame {
  first: Day;
  today: Day;
  length: number;
  working: Uint8Array;
  /** Last year's seasonal departure (log) at the same time of year as a day. */
  lastYear: (day: Day) => number;
  strayed: number;
  fadeDays: number;
}

/**
 * Past days at the measured pace; days ahead at the usual pace with last year's seasonal course,
 * and the present departure from it fading: in each of the futures.
 */
export function futureSeries(
  frame: FutureFrame,
  past: (day: Day) => number | null,
  usualLog: number,
  nowLog: number,
): { pace: Float64Array; cum: Float64Array }[] {
  const { first, today, length, working, lastYear, strayed, fadeDays } = frame;
  return FUTURES.map(([shift, depth, fade, stray]) => {
    const pace = new Float64Array(length);
    const cum = new Float64Array(length);
    const anchor = today - 1;
    const seasonal = (d: Day) => depth * lastYear(d - shift);
    const departureNow = nowLog - usualLog - seasonal(anchor);
    for (let i = 0; i < length; i++) {
      const d = first + i;
      const measuredLog = past(d);
      pace[i] = Math.exp(
        measuredLog ??
          usualLog +
            seasonal(d) +
            departureNow * Math.exp(-(d - anchor) / (fadeDays * fade)) +
            stray * strayed,
      );
      cum[i] = (i > 0 ? cum[i - 1]! : 0) + (working[i] ? pace[i]! : 0);
    }
    return { pace, cum };
  });
}
