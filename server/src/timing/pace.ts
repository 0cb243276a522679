import { type Day, isWorkingDay } from './calendar.ts';
import type { Stay } from './history.ts';
import { futureSeries, type OfficeMeasure, strayedLately, WEEK } from './pace-futures.ts';

/**
 * How fast each INPS office works, week by week: measured from the payments in DATI_RICEVUTI there
 * (INPS alone acts in that stage), and carried forward with last year's seasonal course (the August
 * and Christmas slowdowns, a spring surge if there was one) and the office's present departure from
 * it, which fades.
 *
 * The measure: ordering a payment takes an amount of office work drawn from one distribution
 * everywhere; an office at pace 0.5 does half a day's work a working day, so takes twice as long.
 * Week after week, the pace of an office is the one at which the payments that were in DATI_RICEVUTI
 * that week — finished or not — would have left it as often as they did; a local-level filter
 * smooths the weekly figures (more where a week has few). Pace 1 is the national norm of the last
 * year. On days offices are closed (weekends, national holidays) nothing moves.
 */
export interface PaceModel {
  /** First day of the arrays. */
  first: Day;
  /**
   * Cumulative work done by office `code` through each day (pace summed over working days), in one
   * of the `FUTURES` (see pace-futures.ts) for the days ahead.
   */
  work(code: string, future?: number): Float64Array;
  /** Cumulative working days through each day. */
  workingDays: Float64Array;
  /** Pace of the office on `day` (measured, or expected), for reports. */
  paceAt(code: string, day: Day): number;
  /** Offices measured. */
  offices: string[];
}

export interface PaceOptions {
  asOf: Day;
  /** The arrays run from this many days before `asOf` to this many after. */
  back: number;
  ahead: number;
  /** Days over which a present departure from the seasonal course fades by e. */
  fadeDays: number;
}

/** Week-to-week change of an office's log pace the filter expects (standard deviation). */
const DRIFT = 0.3;
/** Passes: the work distribution is measured in the pace of the previous pass. */
const PASSES = 2;
const GRID_STEP = 0.05;
const YEAR = 364; // 52 weeks: the same weekday a year before

/** A distribution of work amounts, as a table of its cumulative share on a fine grid. */
class WorkDistribution {
  private readonly table: Float64Array;

  constructor(amounts: readonly [work: number, count: number][]) {
    const max = Math.max(1, ...amounts.map(([w]) => w));
    const size = Math.ceil(max / GRID_STEP) + 2;
    const counts = new Float64Array(size);
    let total = 0;
    for (const [w, c] of amounts) {
      const i = Math.min(size - 1, Math.max(0, Math.ceil(w / GRID_STEP)));
      counts[i] = counts[i]! + c;
      total += c;
    }
    this.table = new Float64Array(size);
    let sum = 0;
    for (let i = 0; i < size; i++) {
      sum += counts[i]!;
      this.table[i] = total > 0 ? sum / total : 1;
    }
  }

  /** Share of stays needing at most `x` work. */
  cdf(x: number): number {
    const at = x / GRID_STEP;
    const i = Math.floor(at);
    if (i < 0) return 0;
    if (i >= this.table.length - 1) return 1;
    return this.table[i]! + (this.table[i + 1]! - this.table[i]!) * (at - i);
  }

  /** Chance a stay that needed more than `a` needs at most `b`. */
  hazard(a: number, b: number): number {
    const survive = 1 - this.cdf(a);
    return survive > 0.02 ? (this.cdf(b) - this.cdf(a)) / survive : 1;
  }
}

interface OfficeStays {
  entered: Int32Array;
  /** The last working day in it (its leaving day, or the last working day before it), or -1 while still there. */
  left: Int32Array;
  count: Float64Array;
}

/** Weekly log paces of one office, filtered forward week by week and smoothed back. */
function measureOffice(
  s: OfficeStays,
  g: WorkDistribution,
  ctx: { first: Day; today: Day; working: Uint8Array; workingDays: Float64Array; weeks: number },
): OfficeMeasure {
  const { first, today, working, workingDays, weeks } = ctx;
  const weekStart = (w: number) => today - WEEK * (weeks - w);
  const n = s.entered.length;
  // Stays by the weeks they were there in.
  const byWeek: number[][] = Array.from({ length: weeks }, () => []);
  for (let k = 0; k < n; k++) {
    const until = s.left[k]! >= 0 ? s.left[k]! : today - 1;
    const w0 = Math.max(0, Math.floor((s.entered[k]! + 1 - weekStart(0)) / WEEK));
    const w1 = Math.min(weeks - 1, Math.floor((until - weekStart(0)) / WEEK));
    for (let w = w0; w <= w1; w++) byWeek[w]!.push(k);
  }
  const pace = new Float64Array(today - first); // filtered pace so far, by day
  const cum = new Float64Array(today - first + 1); // cum[i]: work through day first + i - 1
  const filtered = new Float64Array(weeks);
  const variance = new Float64Array(weeks);
  const prior = new Float64Array(weeks);
  const priorVariance = new Float64Array(weeks);
  const informed = new Uint8Array(weeks);
  let x = 0;
  let p = 1;
  let filledTo = 0; // cum is valid through index filledTo
  const fill = (upTo: number, value: number) => {
    for (let i = filledTo; i < upTo; i++) {
      pace[i] = value;
      cum[i + 1] = cum[i]! + (working[i] ? value : 0);
    }
    filledTo = Math.max(filledTo, upTo);
  };
  for (let w = 0; w < weeks; w++) {
    const ws = weekStart(w);
    const we = ws + WEEK - 1;
    fill(ws - first, Math.exp(x));
    p += DRIFT * DRIFT;
    prior[w] = x;
    priorVariance[w] = p;
    // Stays there this week: the work each had done before it, and its working days in it.
    const stays = byWeek[w]!;
    let exits = 0;
    let rows = 0;
    for (const k of stays) {
      const l = s.left[k]!;
      if (l >= ws && l <= we) {
        exits += s.count[k]!;
        rows++;
      }
    }
    if (rows >= 3) {
      const expected = (k: number) => {
        let sum = 0;
        for (const j of stays) {
          const entered = s.entered[j]!;
          const before = entered < ws ? cum[ws - first]! - cum[entered + 1 - first]! : 0;
          const from = Math.max(entered + 1, ws);
          const last = s.left[j]! >= 0 ? Math.min(s.left[j]!, we) : Math.min(today - 1, we);
          const base = Math.max(entered, ws - 1);
          let h = 0;
          let prev = before;
          for (let d = from; d <= last; d++) {
            if (!working[d - first]) continue;
            const next = before + k * (workingDays[d - first]! - workingDays[base - first]!);
            h += g.hazard(prev, next);
            prev = next;
          }
          sum += s.count[j]! * h;
        }
        return sum;
      };
      let lo = Math.log(0.05);
      let hi = Math.log(20);
      for (let i = 0; i < 22; i++) {
        const mid = (lo + hi) / 2;
        if (expected(Math.exp(mid)) < exits) lo = mid;
        else hi = mid;
      }
      // Distinct (entered, left) rows are roughly independent: payments decided together share them.
      const z = (lo + hi) / 2;
      const r = 1 / rows;
      const gain = p / (p + r);
      x += gain * (z - x);
      p *= 1 - gain;
      informed[w] = 1;
    }
    filtered[w] = x;
    variance[w] = p;
    fill(we + 1 - first, Math.exp(x));
  }
  // Smoothed back (Rauch–Tung–Striebel): a past week also learns from the weeks after it.
  const logPace = new Float64Array(weeks);
  logPace[weeks - 1] = filtered[weeks - 1]!;
  for (let w = weeks - 2; w >= 0; w--) {
    const j = variance[w]! / priorVariance[w + 1]!;
    logPace[w] = filtered[w]! + j * (logPace[w + 1]! - prior[w + 1]!);
  }
  return { logPace, filtered, informed };
}

export function buildPace(stays: readonly Stay[], o: PaceOptions): PaceModel {
  const first = o.asOf - o.back;
  const today = o.asOf;
  const length = o.back + o.ahead + 1;
  const workingDays = new Float64Array(length);
  const working = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    working[i] = isWorkingDay(first + i) ? 1 : 0;
    workingDays[i] = (i > 0 ? workingDays[i - 1]! : 0) + working[i]!;
  }
  const weeks = Math.floor(o.back / WEEK);
  const weekStart = today - WEEK * weeks;
  const weekOf = (day: Day) => Math.floor((day - weekStart) / WEEK);

  // Stays per office; a leaving day that was not a working day counts as the working day before it.
  const byOffice = new Map<string, { entered: number[]; left: number[]; count: number[] }>();
  for (const s of stays) {
    if (s.entered < weekStart || s.entered >= today) continue;
    let left = s.left === null || s.left >= today ? -1 : s.left;
    while (left > s.entered && !working[left - first]) left--;
    if (left !== -1 && left <= s.entered) continue; // left the day it came: no working day in it
    let list = byOffice.get(s.officeCode);
    if (!list) {
      list = { entered: [], left: [], count: [] };
      byOffice.set(s.officeCode, list);
    }
    list.entered.push(s.entered);
    list.left.push(left);
    list.count.push(s.count);
  }
  const offices = new Map(
    [...byOffice].map(([code, l]) => [
      code,
      {
        entered: Int32Array.from(l.entered),
        left: Int32Array.from(l.left),
        count: Float64Array.from(l.count),
      },
    ]),
  );
  const ctx = { first, today, working, workingDays, weeks };

  // First pass: work measured in working days (pace 1 everywhere); then in the pace just measured.
  let cumOf = (_code: string) => workingDays;
  let measured = new Map<string, ReturnType<typeof measureOffice>>();
  for (let pass = 0; pass < PASSES; pass++) {
    const amounts: [number, number][] = [];
    for (const [code, s] of offices) {
      const cum = cumOf(code);
      for (let k = 0; k < s.entered.length; k++) {
        if (s.left[k]! < 0 || s.entered[k]! < today - 365) continue;
        amounts.push([cum[s.left[k]! - first]! - cum[s.entered[k]! - first]!, s.count[k]!]);
      }
    }
    const g = new WorkDistribution(amounts);
    measured = new Map([...offices].map(([code, s]) => [code, measureOffice(s, g, ctx)]));
    // The national norm of the last year is pace 1.
    const logs: number[] = [];
    for (const { logPace } of measured.values())
      for (let w = weeks - 52; w < weeks; w++) if (w >= 0) logs.push(logPace[w]!);
    logs.sort((a, b) => a - b);
    const norm = logs.length > 0 ? logs[Math.floor(logs.length / 2)]! : 0;
    for (const { logPace, filtered } of measured.values()) {
      for (let w = 0; w < weeks; w++) {
        logPace[w] = logPace[w]! - norm;
        filtered[w] = filtered[w]! - norm;
      }
    }
    const cums = new Map(
      [...measured].map(([code, m]) => {
        const cum = new Float64Array(length);
        for (let i = 1; i < length; i++) {
          const w = Math.min(weeks - 1, Math.max(0, weekOf(first + i)));
          cum[i] = cum[i - 1]! + (working[i] ? Math.exp(m.logPace[w]!) : 0);
        }
        return [code, cum];
      }),
    );
    cumOf = (code) => cums.get(code) ?? workingDays;
  }

  // Each office's usual pace (median week of the last year) and the seasonal course all offices
  // share: each week's departure from usual, averaged over offices by their stays, smoothed.
  const usual = new Map<string, number>();
  const departure = new Float64Array(weeks);
  const departureWeight = new Float64Array(weeks);
  for (const [code, m] of measured) {
    const last = [...m.logPace.slice(Math.max(0, weeks - 52))].sort((a, b) => a - b);
    const median = last[Math.floor(last.length / 2)]!;
    usual.set(code, median);
    const weight = offices.get(code)!.entered.length;
    for (let w = 0; w < weeks; w++) {
      if (!m.informed[w]) continue;
      departure[w] = departure[w]! + weight * (m.logPace[w]! - median);
      departureWeight[w] = departureWeight[w]! + weight;
    }
  }
  const season = new Float64Array(weeks);
  for (let w = 0; w < weeks; w++) {
    let sum = 0;
    let n = 0;
    for (let v = Math.max(0, w - 1); v <= Math.min(weeks - 1, w + 1); v++) {
      if (departureWeight[v]! > 0) {
        sum += departure[v]! / departureWeight[v]!;
        n++;
      }
    }
    season[w] = n > 0 ? sum / n : 0;
  }
  /** Last year's seasonal departure (log) at the same time of year as `day`; 0 where unknown. */
  const lastYear = (day: Day) => {
    const w = weekOf(day - YEAR);
    return w >= 0 && w < weeks && departureWeight[w]! > 0 ? season[w]! : 0;
  };

  const strayed = strayedLately(measured, usual, (code) => offices.get(code)!.entered.length, {
    weeks,
    weekStart,
    lastYear,
    fadeDays: o.fadeDays,
  });

  const frame = { first, today, length, working, lastYear, strayed, fadeDays: o.fadeDays };
  const series = (past: (day: Day) => number | null, usualLog: number, nowLog: number) =>
    futureSeries(frame, past, usualLog, nowLog);
  const paces = new Map<string, { pace: Float64Array; cum: Float64Array }[]>();
  for (const [code, m] of measured) {
    paces.set(
      code,
      series(
        (d) => (d < today ? m.logPace[Math.min(weeks - 1, Math.max(0, weekOf(d)))]! : null),
        usual.get(code)!,
        m.logPace[weeks - 1]!,
      ),
    );
  }
  // An office never measured works at the norm with the seasonal course.
  const fallback = series(
    (d) => (d < today ? season[Math.min(weeks - 1, Math.max(0, weekOf(d)))]! : null),
    0,
    season[weeks - 1]!,
  );

  return {
    first,
    workingDays,
    offices: [...measured.keys()],
    work: (code, future = 0) => (paces.get(code) ?? fallback)[future]!.cum,
    paceAt: (code, day) =>
      (paces.get(code) ?? fallback)[0]!.pace[Math.min(length - 1, Math.max(0, day - first))]!,
  };
}
