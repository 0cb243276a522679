/**
 * Seeded histories of CIG claims for calibrating the payment window: applications reviewed by INPS
 * offices whose pace changes (a slow office, spring surges, the August and Christmas slowdowns, a
 * weekly wobble), employers who send the payment data at once or in the last week before the
 * deadline, lapses, anomalous data, returned transfers (RESTITUITA) and re-opened examinations.
 *
 * The office's work is done in "work days": a leg of `w` work days ends on the first day the
 * office's pace, added up over the working days after it started, reaches `w` — so a leg begun
 * before Ferragosto ends late, and one at an office at half speed takes twice as long.
 */
import type { ApplicationStatus, BenefitType, PaymentMethod, PaymentStatus } from '@infocig/shared';
import {
  DAY_MS,
  type Day,
  dayFromIso,
  isWorkingDay,
  workingDayFrom,
} from '../../server/src/timing/calendar.ts';
import { addMonths, monthEnd, monthStart } from './months.ts';
import { planPayments } from './payment-course.ts';
import { Rng } from './random.ts';

export interface OfficeSpec {
  code: string;
  name: string;
  province: string;
  /** Share of the applications. */
  weight: number;
  /** Usual pace: 1 typical, 0.4 takes two and a half times as long. */
  pace: number;
}

export type SlowdownKind = 'surge' | 'august' | 'christmas';

/** A period of reduced pace at every office, ramping in and out over a few days. */
export interface Slowdown {
  kind: SlowdownKind;
  from: string;
  to: string;
  /** Pace multiplier at its depth. */
  factor: number;
}

export interface ScenarioSpec {
  name: string;
  seed: number;
  /** Applications a working day over all offices, in ordinary times. */
  applicationsPerDay: number;
  /** Applications are submitted from this day (a year and more before the first answer). */
  start: string;
  /** The days the chat answers on, in order. */
  asOf: string[];
  slowdowns: Slowdown[];
  /** Applications during a surge, times the ordinary number. */
  surgeDemand: number;
  offices: OfficeSpec[];
  /** Each office's week-to-week wobble of pace (standard deviation of its logarithm). */
  wobble: number;
}

export interface Event<S> {
  status: S;
  day: Day;
  /** Epoch ms, office hours of `day` (07:00–15:00 UTC, the same calendar day in Italy). */
  at: number;
  method?: PaymentMethod;
}

export interface Company {
  cf: string;
  name: string;
  matricola: string;
  office: number;
  behaviour: 'prompt' | 'deadline' | 'mixed';
  lapse: number;
}

export interface Application {
  id: string;
  company: number;
  office: number;
  benefitType: BenefitType;
  submitted: Day;
  periodFrom: Day;
  periodTo: Day;
  protocol: string;
  workers: string[];
  events: Event<ApplicationStatus>[];
  payments: number[];
  /** The first payment of any worker under it, when one was made. */
  firstPaid: Day | null;
}

export interface Payment {
  id: number;
  application: number;
  worker: string;
  /** First day of the CIG month. */
  month: Day;
  deadline: Day;
  events: Event<PaymentStatus>[];
  paid: Day | null;
  /** What was wrong with the data, while in DATI_ANOMALI. */
  anomaly: 'iban_not_owned' | 'other_data' | null;
}

export interface World {
  spec: ScenarioSpec;
  /** Events after this day are not simulated: what is still open then is unresolved. */
  end: Day;
  offices: OfficeSpec[];
  companies: Company[];
  applications: Application[];
  payments: Payment[];
  /** Pace of office `o` on day `d`: `pace[o][d - first]` (0 on days offices are closed). */
  pace: Float64Array[];
  first: Day;
  /** Seasonal multiplier at every office, the same indexing. */
  season: Float64Array;
}

export const OFFICES: OfficeSpec[] = [
  { code: '7001', name: 'Roma Tuscolano', province: 'RM', weight: 0.24, pace: 1 },
  { code: '4901', name: 'Milano Missori', province: 'MI', weight: 0.2, pace: 1.1 },
  { code: '5101', name: 'Napoli Fuorigrotta', province: 'NA', weight: 0.15, pace: 0.85 },
  { code: '8101', name: 'Torino Nord', province: 'TO', weight: 0.13, pace: 1 },
  { code: '0901', name: 'Bari', province: 'BA', weight: 0.13, pace: 0.4 },
  { code: '6601', name: 'Palermo', province: 'PA', weight: 0.11, pace: 0.9 },
  { code: '0101', name: 'Aosta', province: 'AO', weight: 0.04, pace: 1.2 },
];
/** The office at 0.4× all year. */
export const SLOW_OFFICE = '0901';

const BENEFITS: [BenefitType, number][] = [
  ['CIGO', 60],
  ['AIS_FIS', 25],
  ['CIGS', 15],
];
/** Mean review, in work days at a typical office. */
const REVIEW: Partial<Record<BenefitType, number>> = { CIGO: 18, AIS_FIS: 22, CIGS: 35 };
const RAMP_DAYS = 6;

/** How much of a slowdown's depth applies on `day` (0 outside, 1 inside, ramps at the edges). */
function depth(s: Slowdown, day: Day): number {
  const from = dayFromIso(s.from);
  const to = dayFromIso(s.to);
  if (day < from || day > to) return 0;
  return Math.min(1, (day - from + 1) / RAMP_DAYS, (to - day + 1) / RAMP_DAYS);
}

export function seasonalFactor(slowdowns: readonly Slowdown[], day: Day): number {
  let m = 1;
  for (const s of slowdowns) m *= 1 - (1 - s.factor) * depth(s, day);
  return m;
}

export type Regime = 'steady' | 'before' | 'during' | 'after';
export const REGIMES: readonly Regime[] = ['steady', 'before', 'during', 'after'];
/** How far ahead "before" and behind "after" a slowdown reach. */
const REGIME_REACH = 30;

/** Where `day` stands against the scenario's slowdowns: during one, within a month before or after one, or steady. */
export function regimeOf(slowdowns: readonly Slowdown[], day: Day): Regime {
  const deep = slowdowns.filter((s) => s.factor < 0.85);
  if (deep.some((s) => day >= dayFromIso(s.from) && day <= dayFromIso(s.to))) return 'during';
  if (deep.some((s) => dayFromIso(s.from) > day && dayFromIso(s.from) <= day + REGIME_REACH)) return 'before';
  if (deep.some((s) => dayFromIso(s.to) < day && dayFromIso(s.to) >= day - REGIME_REACH)) return 'after';
  return 'steady';
}

export function generateWorld(spec: ScenarioSpec, options: { resolveDays?: number } = {}): World {
  const rng = new Rng(spec.seed);
  const first = dayFromIso(spec.start);
  const lastAsOf = dayFromIso(spec.asOf[spec.asOf.length - 1]!);
  const end = lastAsOf + (options.resolveDays ?? 300);
  const span = end - first + 1;
  const offices = spec.offices;

  const season = new Float64Array(span);
  for (let i = 0; i < span; i++) season[i] = seasonalFactor(spec.slowdowns, first + i);
  const pace = offices.map((office) => {
    const wobbleRng = rng.fork();
    const p = new Float64Array(span);
    let x = 0;
    for (let i = 0; i < span; i++) {
      if (i % 7 === 0) x = 0.75 * x + spec.wobble * wobbleRng.normal();
      p[i] = isWorkingDay(first + i) ? office.pace * season[i]! * Math.exp(x) : 0;
    }
    return p;
  });

  /** The day a leg of `work` work days begun on `from` at office `o` ends (Infinity past the end). */
  function advance(o: number, from: Day, work: number): Day {
    const p = pace[o]!;
    let i = from - first;
    let done = 0;
    while (done < work) {
      i++;
      if (i >= span) return Number.POSITIVE_INFINITY;
      done += p[i]!;
    }
    return first + i;
  }

  const companies: Company[] = [];
  const companiesOf: number[][] = offices.map(() => []);
  offices.forEach((office, o) => {
    const count = Math.max(12, Math.round(office.weight * 700));
    for (let k = 0; k < count; k++) {
      const behaviour = rng.weighted<Company['behaviour']>([
        ['prompt', 55],
        ['deadline', 35],
        ['mixed', 10],
      ]);
      const id = companies.length;
      companiesOf[o]!.push(id);
      companies.push({
        cf: String(30_000_000_000 + spec.seed * 100_000 + id).slice(-11),
        name: `Azienda ${office.province} ${k + 1}`,
        matricola: String(5_000_000_000 + spec.seed * 100_000 + id).slice(-10),
        office: o,
        behaviour,
        lapse: behaviour === 'deadline' ? 0.06 : 0.015,
      });
    }
  });

  const applications: Application[] = [];
  const payments: Payment[] = [];
  let workerSerial = 0;
  const stamp = <S>(events: Event<S>[], status: S, day: Day, method?: PaymentMethod) => {
    let at = day * DAY_MS + (7 * 60 + rng.int(0, 470)) * 60_000;
    const previous = events[events.length - 1];
    if (previous && at <= previous.at) at = previous.at + rng.int(1, 9) * 60_000;
    events.push({ status, day, at, ...(method ? { method } : {}) });
  };
  const surges = spec.slowdowns.filter((s) => s.kind === 'surge');
  const officeWeights = offices.map((office, o) => [o, office.weight] as const);

  for (let day = first; day <= lastAsOf; day++) {
    if (!isWorkingDay(day)) continue;
    const surging = surges.some((s) => depth(s, day) > 0);
    const count = rng.poisson(spec.applicationsPerDay * (surging ? spec.surgeDemand : 1));
    for (let n = 0; n < count; n++) {
      const o = rng.weighted(officeWeights);
      const companyId = rng.pick(companiesOf[o]!);
      const company = companies[companyId]!;
      const benefitType = rng.weighted(BENEFITS);
      const periodFrom = monthStart(rng.chance(0.4) ? day - 12 : day);
      const months = rng.weighted([
        [1, 40],
        [2, 35],
        [3, 25],
      ]);
      const workerCount = Math.min(40, 1 + Math.floor(rng.gamma(1.2, 5)));
      const app: Application = {
        id: `CAL${spec.seed}-${String(applications.length).padStart(6, '0')}`,
        company: companyId,
        office: o,
        benefitType,
        submitted: day,
        periodFrom,
        periodTo: monthEnd(addMonths(periodFrom, months - 1)),
        protocol: `INPS.${offices[o]!.code}.${day}.${applications.length}`,
        workers: Array.from({ length: workerCount }, () => workerCf(spec.seed, workerSerial++)),
        events: [],
        payments: [],
        firstPaid: null,
      };
      const appIndex = applications.length;
      applications.push(app);
      const decided = planApplication(app, o);
      if (decided !== null)
        planPayments({ rng, end, payments, advance, stamp }, app, appIndex, company, decided);
      for (const id of app.payments) {
        const paid = payments[id]!.paid;
        if (paid !== null && (app.firstPaid === null || paid < app.firstPaid)) app.firstPaid = paid;
      }
    }
  }

  /** The application's course; the day it was authorised, or null (rejected, or past the end). */
  function planApplication(app: Application, o: number): Day | null {
    const ev = (status: ApplicationStatus, day: Day) => {
      if (Number.isFinite(day)) stamp(app.events, status, day);
      return Number.isFinite(day);
    };
    let d = app.submitted;
    ev('INVIATA', d);
    d = advance(o, d, rng.uniform(0.3, 1.5));
    if (!ev('PROTOCOLLATA', d)) return null;
    d = advance(o, d, rng.uniform(0.5, 6));
    if (!ev('IN_ISTRUTTORIA', d)) return null;
    d = advance(o, d, rng.gamma(3, REVIEW[app.benefitType] ?? 20));
    let outcome = rng.weighted<ApplicationStatus>([
      ['AUTORIZZATA', 78],
      ['AUTORIZZATA_PARZIALMENTE', 7],
      ['SUPPLEMENTO_ISTRUTTORIO', 10],
      ['RESPINTA', 5],
    ]);
    if (outcome === 'SUPPLEMENTO_ISTRUTTORIO') {
      if (!ev('SUPPLEMENTO_ISTRUTTORIO', d)) return null;
      // The employer has 15 days to send the documents; then the review is re-opened.
      const answered = workingDayFrom(d + rng.int(3, 15));
      if (rng.chance(0.65)) {
        if (!ev('IN_ISTRUTTORIA', answered)) return null;
        d = advance(o, answered, rng.gamma(2, 8));
      } else d = advance(o, answered, rng.gamma(2, 6));
      outcome = rng.weighted<ApplicationStatus>([
        ['AUTORIZZATA', 88],
        ['AUTORIZZATA_PARZIALMENTE', 4],
        ['RESPINTA', 8],
      ]);
    }
    if (outcome === 'RESPINTA') {
      if (!ev('RESPINTA', d)) return null;
      if (!rng.chance(0.35)) return null;
      // A re-examination (riesame) re-opens the review.
      const reopened = workingDayFrom(d + rng.int(10, 30));
      if (!ev('IN_ISTRUTTORIA', reopened)) return null;
      d = advance(o, reopened, rng.gamma(2, 10));
      outcome = rng.chance(0.8) ? 'AUTORIZZATA' : 'RESPINTA';
      if (!ev(outcome, d) || outcome === 'RESPINTA') return null;
      return d;
    }
    return ev(outcome, d) ? d : null;
  }

  return { spec, end, offices, companies, applications, payments, pace, first, season };
}

const CF_LETTERS = 'ABCDEFGHILMNOPRSTUVZ';
function workerCf(seed: number, serial: number): string {
  let n = seed * 1_000_003 + serial;
  let letters = '';
  for (let i = 0; i < 6; i++) {
    letters += CF_LETTERS[n % CF_LETTERS.length];
    n = Math.floor(n / CF_LETTERS.length);
  }
  return `${letters}${String(serial).padStart(9, '0').slice(-9)}X`;
}

/** The status an application or payment was in at the start of `day`, and since which day. */
export function stateAt<S>(
  events: readonly Event<S>[],
  day: Day,
): { status: S; since: Day; index: number } | null {
  let found = -1;
  for (let i = 0; i < events.length; i++) {
    if (events[i]!.day < day) found = i;
    else break;
  }
  if (found < 0) return null;
  const e = events[found]!;
  return { status: e.status, since: e.day, index: found };
}
