import type { BenefitType } from '@infocig/shared';
import type { Day } from './calendar.ts';
import type { Course } from './history.ts';
import type { PaceModel } from './pace.ts';

/** The share of similar cases the window should hold, split evenly on both sides. */
export const COVERAGE = 0.8;

/**
 * Who sets the length of a stretch between two statuses, and so how it is measured:
 * - `PACED`: INPS's own work at the office (review, ordering a payment, re-issuing one), in
 *   office work (its pace summed over working days): it takes longer at a slow office, in August;
 * - `WORKING`: the bank's transfer (IN_PAGAMENTO to PAGATA), in working days;
 * - `CALENDAR`: the employer or the worker (payment data by a deadline, documents, an appeal), or
 *   the calendar (the CIG month must end), in calendar days.
 */
export const PACED = 0;
export const WORKING = 1;
export const CALENDAR = 2;
export type StretchKind = typeof PACED | typeof WORKING | typeof CALENDAR;

export function stretchKind(status: string, next: string): StretchKind {
  switch (status) {
    case 'INVIATA':
    case 'PROTOCOLLATA':
    case 'IN_ISTRUTTORIA':
    case 'DATI_RICEVUTI':
    case 'RESTITUITA':
      return PACED;
    case 'DATI_ANOMALI':
      // Corrected by the employer, or paid anyway at a post office once INPS has re-ordered it.
      return next === 'DATI_RICEVUTI' ? CALENDAR : PACED;
    case 'IN_PAGAMENTO':
      return WORKING;
    default:
      return CALENDAR;
  }
}

/**
 * One past case from the moment it entered a stage to its payment: the stretches it went through,
 * each measured in its own unit, so that it can be replayed from another day at another office.
 */
export interface Episode {
  officeCode: string;
  benefitType: BenefitType;
  entered: Day;
  kinds: Uint8Array;
  amounts: Float64Array;
}

/** `kind:status` → every entry into that stage among the courses (a status entered twice counts twice). */
export function episodesOf(courses: readonly Course[], pace: PaceModel): Map<string, Episode[]> {
  const out = new Map<string, Episode[]>();
  const { first, workingDays } = pace;
  const last = workingDays.length - 1;
  const at = (day: Day) => Math.min(last, Math.max(0, day - first));
  for (const course of courses) {
    const work = pace.work(course.officeCode);
    const steps = course.steps;
    // Up to the payment (PAGATA is the last step of a paid course).
    let end = steps.findIndex((s) => s.status === 'PAGATA');
    if (end < 0) end = steps.length;
    const kinds = new Uint8Array(end);
    const amounts = new Float64Array(end);
    for (let i = 0; i < end; i++) {
      const from = steps[i]!.day;
      const to = i + 1 < steps.length ? steps[i + 1]!.day : course.paid;
      const kind = stretchKind(steps[i]!.status, steps[i + 1]?.status ?? 'PAGATA');
      kinds[i] = kind;
      amounts[i] =
        kind === CALENDAR
          ? to - from
          : kind === WORKING
            ? workingDays[at(to)]! - workingDays[at(from)]!
            : work[at(to)]! - work[at(from)]!;
    }
    // Application courses: only their application statuses start an episode of an application stage.
    const appSteps = course.kind === 'application' ? steps.findIndex((s) => s.status === 'ATTESA_DATI') : end;
    const stageEnd = appSteps < 0 ? end : Math.min(end, appSteps);
    for (let i = 0; i < stageEnd; i++) {
      const key = `${course.kind}:${steps[i]!.status}`;
      let list = out.get(key);
      if (!list) {
        list = [];
        out.set(key, list);
      }
      list.push({
        officeCode: course.officeCode,
        benefitType: course.benefitType,
        entered: steps[i]!.day,
        kinds: kinds.subarray(i),
        amounts: amounts.subarray(i),
      });
    }
  }
  return out;
}

/** Smallest index at or after `from` whose cumulative value reaches `target` (the last index when none does). */
function reach(cum: Float64Array, from: number, target: number): number {
  let lo = from;
  let hi = cum.length - 1;
  if (cum[hi]! < target) return hi;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid]! >= target - 1e-9) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * A past case replayed for this claim, from the index of the day it entered the stage (in the pace
 * arrays): the index of the day it would be paid — as `-index - 1` when it would have left the
 * stage before `today` (it is then unlike this claim, which is still there).
 */
export function replay(
  episode: Episode,
  since: number,
  today: number,
  work: Float64Array,
  workingDays: Float64Array,
): number {
  const last = workingDays.length - 1;
  let i = since;
  let stillThere = true;
  const { kinds, amounts } = episode;
  for (let k = 0; k < kinds.length; k++) {
    const amount = amounts[k]!;
    const kind = kinds[k]!;
    if (kind === CALENDAR) i = Math.min(last, i + amount);
    else if (kind === WORKING) i = reach(workingDays, i, workingDays[i]! + amount);
    else i = reach(work, i, work[i]! + amount);
    if (k === 0 && i < today) stillThere = false;
  }
  return stillThere ? i : -i - 1;
}

export interface DayWindow {
  /** Days after entering the stage. */
  fromDays: number;
  toDays: number;
  /** Days from entering the stage to the payment, middle case (for a case that entered when this one did). */
  typicalDays: number;
  /**
   * The share of the cases still in the stage that the window holds. Days are whole, so it can be
   * well above `coverage` when a few days carry most cases (a bank transfer takes 1, 2 or 3
   * working days: the window that holds 8 in 10 holds all three, and so nearly 10 in 10).
   */
  held: number;
}

/**
 * Weighted counts of replayed payment days (days after entering the stage): of every past case,
 * and of those still in the stage today, whose central share is the window.
 */
export class WindowCounts {
  private readonly still: Float64Array;
  private readonly all: Float64Array;
  private stillWeight = 0;
  private allWeight = 0;
  private longest = 0;

  constructor(readonly span: number) {
    this.still = new Float64Array(span);
    this.all = new Float64Array(span);
  }

  /** `replayed` as `replay` gives it, from a stage entered at index `since`. */
  add(replayed: number, since: number, weight: number): void {
    const still = replayed >= 0;
    const days = Math.min(this.span - 1, Math.max(0, (still ? replayed : -replayed - 1) - since));
    this.all[days] = this.all[days]! + weight;
    this.allWeight += weight;
    if (still) {
      this.still[days] = this.still[days]! + weight;
      this.stillWeight += weight;
    }
    if (days > this.longest) this.longest = days;
  }

  private quantile(counts: Float64Array, total: number, share: number): number {
    const target = share * total - 1e-9;
    let sum = 0;
    for (let d = 0; d <= this.longest; d++) {
      sum += counts[d]!;
      if (sum >= target && counts[d]! > 0) return d;
    }
    return this.longest;
  }

  /** The central `coverage` of those still in the stage; null when none is. */
  window(coverage = COVERAGE): DayWindow | null {
    if (this.stillWeight <= 0) return null;
    const tail = (1 - coverage) / 2;
    const fromDays = this.quantile(this.still, this.stillWeight, tail);
    const toDays = this.quantile(this.still, this.stillWeight, 1 - tail);
    let inside = 0;
    for (let d = fromDays; d <= toDays; d++) inside += this.still[d]!;
    return {
      fromDays,
      toDays,
      typicalDays: this.quantile(this.all, this.allWeight, 0.5),
      held: inside / this.stillWeight,
    };
  }

  reset(): void {
    this.still.fill(0, 0, this.longest + 1);
    this.all.fill(0, 0, this.longest + 1);
    this.stillWeight = 0;
    this.allWeight = 0;
    this.longest = 0;
  }
}
