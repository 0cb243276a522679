import {
  type BenefitType,
  benefitTypeInText,
  type ClaimSummary,
  type PaymentEstimate,
} from '@infocig/shared';
import type { Db } from '../store/index.ts';
import { type Day, dayFromIso, isoFromDay, italianDayOf } from './calendar.ts';
import { loadHistory } from './history.ts';
import { buildPace, type PaceModel } from './pace.ts';
import { FUTURES } from './pace-futures.ts';
import { publishedWindow } from './published-averages.ts';
import type { Stage } from './stage.ts';
import { type Episode, episodesOf, replay, WindowCounts } from './window.ts';

export type { Stage } from './stage.ts';

/** Payments of the last year make the window; stays in DATI_RICEVUTI of a little longer, the pace. */
const LOOKBACK_DAYS = 365;
const STAY_DAYS = 430;
/** A case paid in the last year may have entered its stage well before it. */
const PACE_BACK = 640;
const PACE_AHEAD = 430;
/** A present departure from last year's seasonal course fades by e over this many days. */
const FADE_DAYS = 45;
/** Payments' courses read a day, at most (an even sample beyond). */
const MAX_COURSES = 40_000;
/** Past cases replayed for one window, at most (an even sample beyond). */
const POOL_CAP = 600;
/** Similar cases wanted: the office's own first, then other offices' (weighted to make up the rest). */
const TARGET_SAMPLES = 300;
/** Yesterday's model answers while today's is read; not one older than this. */
const STALE_DAYS = 2;
/** Windows kept for the day, at most. */
const MAX_WINDOWS = 200_000;
/** Fewer similar cases than this, and the next wider basis is used. */
const MIN_SAMPLES = 30;
/** The office's own cases still in the stage: this many, and the confidence is high. */
const HIGH_CONFIDENCE_SAMPLES = 100;

export interface EstimateRequest {
  stage: Stage;
  /** When the claim or payment entered its stage, `YYYY-MM-DD`. */
  stageSince: string;
  benefitType: BenefitType;
  officeCode: string;
  officeName: string;
  asOf: Date;
}

interface DayModel {
  pace: PaceModel;
  episodes: Map<string, Episode[]>;
  pools: Map<string, Episode[]>;
}

/** Every `step`-th, so that at most `cap` remain. */
function thin<T>(items: readonly T[], cap: number): T[] {
  if (items.length <= cap) return [...items];
  const step = items.length / cap;
  return Array.from({ length: cap }, (_, k) => items[Math.floor(k * step)]!);
}

/**
 * Estimates when a payment will arrive from its current stage, by replaying how recent similar cases
 * went on from that stage (issue 16):
 * - each past case's stretches are replayed from the day this claim entered the stage: INPS's work
 *   at this office's pace (measured week by week, and expected ahead from last year's seasonal
 *   course — August, Christmas, a spring surge — and the office's present departure from it, which
 *   fades), the bank's in working days, the employer's and the calendar's in calendar days;
 * - the days ahead are uncertain, so the past cases are replayed in turn in a few futures (last
 *   year's course as it was, two weeks later or earlier, deeper or milder, the pace off by as much
 *   as it lately strayed from what was foreseen): they agree in steady times and spread the window
 *   only where the evidence says the year may differ;
 * - the window is the central 80% of the replayed payment days among past cases that would still be
 *   in the stage today; `typicalDays` the middle of all of them, from the stage's first day.
 * Similar cases: the same benefit type at the same office; fewer than 300 still in the stage, and
 * other offices' make up the rest (their work is measured in their own pace, so it travels); too few
 * of those, every benefit type; too few of those, the published averages — confidence low, a rough
 * guide with no share promised. `pnpm calibrate` measures the coverage of each.
 *
 * What the history says is read once a day, and the windows kept for the day by stage, benefit type,
 * office and day the stage began, since many people share them. While a new day's history is read,
 * the previous day's answers; the server reads the first day's as it starts (`warm`).
 */
export function createPaymentTiming(db: Db) {
  interface Entry {
    day: Day;
    model: Promise<DayModel>;
    ready: DayModel | null;
    windows: Map<string, PaymentEstimate | null>;
  }
  let current: Entry | null = null;
  let previous: Entry | null = null;

  /**
   * The model of `day`, read once. While a new day's is being read, yesterday's (or the day
   * before's) answers instead, so that no one waits at the first connect of the day; an older one
   * is not good enough, and the new one is awaited.
   */
  function dayModel(day: Day): Entry {
    if (current?.day !== day) {
      if (current?.ready) previous = current;
      const entry: Entry = { day, model: build(day), ready: null, windows: new Map() };
      entry.model.then(
        (m) => {
          entry.ready = m;
        },
        () => {
          if (current === entry) current = null;
        },
      );
      current = entry;
    }
    if (!current.ready && previous?.ready && day >= previous.day && day - previous.day <= STALE_DAYS)
      return previous;
    return current;
  }

  async function build(day: Day): Promise<DayModel> {
    const history = await loadHistory(db, {
      asOf: day,
      lookbackDays: LOOKBACK_DAYS,
      stayDays: STAY_DAYS,
      maxCourses: MAX_COURSES,
    });
    const pace = buildPace(history.stays, {
      asOf: day,
      back: PACE_BACK,
      ahead: PACE_AHEAD,
      fadeDays: FADE_DAYS,
    });
    return { pace, episodes: episodesOf(history.courses, pace), pools: new Map() };
  }

  function pool(
    m: DayModel,
    stageKey: string,
    benefitType: BenefitType | null,
    office: string | null,
    exceptOffice?: string,
  ) {
    const key = `${stageKey}|${benefitType ?? '*'}|${office ?? '*'}|${exceptOffice ?? ''}`;
    let hit = m.pools.get(key);
    if (!hit) {
      const all = m.episodes.get(stageKey) ?? [];
      hit = thin(
        all.filter(
          (e) =>
            (benefitType === null || e.benefitType === benefitType) &&
            (office === null || e.officeCode === office) &&
            e.officeCode !== exceptOffice,
        ),
        POOL_CAP,
      );
      m.pools.set(key, hit);
    }
    return hit;
  }

  const counts = new WindowCounts(PACE_AHEAD + PACE_BACK);
  const replayed = new Int32Array(POOL_CAP);

  /** Replays a pool for this claim into `replayed`; how many of them would still be in the stage. */
  function draw(
    m: DayModel,
    episodes: readonly Episode[],
    office: string,
    since: number,
    today: number,
  ): number {
    // Each past case is replayed in one of the futures the pace may take, in turn.
    const works = FUTURES.map((_, f) => m.pace.work(office, f));
    let still = 0;
    for (let k = 0; k < episodes.length; k++) {
      const r = replay(episodes[k]!, since, today, works[k % works.length]!, m.pace.workingDays);
      replayed[k] = r;
      if (r >= 0) still++;
    }
    return still;
  }

  function count(length: number, since: number, weight: number): void {
    for (let k = 0; k < length; k++) counts.add(replayed[k]!, since, weight);
  }

  function compute(m: DayModel, r: EstimateRequest, sinceDay: Day, today: Day): PaymentEstimate | null {
    const published = publishedWindow(r.stage);
    if (!published) return null;
    const since = sinceDay - m.pace.first;
    const now = today - m.pace.first;
    const stageKey = `${r.stage.kind}:${r.stage.status}`;
    const type = { it: benefitTypeInText(r.benefitType, 'it'), en: benefitTypeInText(r.benefitType, 'en') };
    const estimate = (
      confidence: PaymentEstimate['confidence'],
      sampleSize: number,
      basis: PaymentEstimate['basis'],
    ): PaymentEstimate => {
      const w = counts.window()!;
      counts.reset();
      return {
        from: isoFromDay(sinceDay + w.fromDays),
        to: isoFromDay(sinceDay + w.toDays),
        confidence,
        sampleSize,
        typicalDays: w.typicalDays,
        // Never less than the 8 in 10 the window is made for, nor a promise of every case.
        share: Math.min(9, Math.max(8, Math.floor(w.held * 10 + 1e-9))),
        basis,
      };
    };
    const adjusted = {
      it: 'riportati al ritmo attuale della sede e al calendario (festività, ferie estive e natalizie)',
      en: "adjusted to the office's present pace and the calendar (holidays, the August and Christmas slowdowns)",
    };
    counts.reset();
    const own = pool(m, stageKey, r.benefitType, r.officeCode);
    const n1 = draw(m, own, r.officeCode, since, now);
    count(own.length, since, 1);
    if (n1 >= TARGET_SAMPLES) {
      return estimate('high', n1, {
        it: `Tempi di ${n1} casi di ${type.it} della sede ${r.officeName} pagati negli ultimi 12 mesi, da questa fase, ${adjusted.it}.`,
        en: `Times of ${n1} cases of ${type.en} at the ${r.officeName} office paid in the last 12 months, from this stage, ${adjusted.en}.`,
      });
    }
    // Other offices make up the rest: their INPS work is measured in their own pace, so it travels.
    const others = pool(m, stageKey, r.benefitType, null, r.officeCode);
    const n2 = draw(m, others, r.officeCode, since, now);
    if (n1 + n2 >= MIN_SAMPLES) {
      count(others.length, since, Math.min(1, (TARGET_SAMPLES - n1) / Math.max(1, n2)));
      return estimate(n1 >= HIGH_CONFIDENCE_SAMPLES ? 'high' : 'medium', n1 + n2, {
        it: `Tempi di ${n1 + n2} casi di ${type.it} pagati negli ultimi 12 mesi, da questa fase (${n1} della sede ${r.officeName}, gli altri di altre sedi), ${adjusted.it}.`,
        en: `Times of ${n1 + n2} cases of ${type.en} paid in the last 12 months, from this stage (${n1} at the ${r.officeName} office, the others at other offices), ${adjusted.en}.`,
      });
    }
    counts.reset();
    const every = pool(m, stageKey, null, null);
    const n3 = draw(m, every, r.officeCode, since, now);
    if (n3 >= MIN_SAMPLES) {
      count(every.length, since, 1);
      return estimate('medium', n3, {
        it: `Tempi di ${n3} casi di ogni tipo di cassa integrazione pagati negli ultimi 12 mesi, da questa fase, ${adjusted.it}: quelli di ${type.it} sono troppo pochi.`,
        en: `Times of ${n3} cases of every kind of wage supplementation paid in the last 12 months, from this stage, ${adjusted.en}: too few of ${type.en}.`,
      });
    }
    const [low, high] = published;
    const elapsed = Math.max(0, today - sinceDay);
    const fromDays = Math.max(elapsed, low);
    // A case already past the published range is slower than the averages: as much again is ahead.
    return {
      from: isoFromDay(sinceDay + fromDays),
      to: isoFromDay(sinceDay + Math.max(high, fromDays + Math.max(7, high - low))),
      confidence: 'low',
      sampleSize: n3,
      typicalDays: Math.round((low + high) / 2),
      basis: {
        it: 'Tempi medi pubblicati da INPS (circa 7 giorni dai dati al pagamento, 8–9 settimane in tutto): i casi simili recenti sono troppo pochi per dire di più.',
        en: 'Average times published by INPS (about 7 days from the payment data, 8–9 weeks end to end): too few recent similar cases to say more.',
      },
    };
  }

  async function estimate(r: EstimateRequest): Promise<PaymentEstimate | null> {
    if (!publishedWindow(r.stage)) return null;
    const today = italianDayOf(r.asOf);
    const since = Math.min(today, dayFromIso(r.stageSince));
    const entry = dayModel(today);
    const key = `${r.stage.kind}:${r.stage.status}|${r.benefitType}|${r.officeCode}|${since}|${today}`;
    const hit = entry.windows.get(key);
    if (hit !== undefined) return hit;
    const m = entry.ready ?? (await entry.model);
    const result = compute(m, r, since, today);
    // Bounded: the windows of a day are many small objects, most asked for again.
    if (entry.windows.size >= MAX_WINDOWS) entry.windows.clear();
    entry.windows.set(key, result);
    return result;
  }

  return {
    estimate,

    /**
     * Reads today's history now, so that the first person after a start does not wait for it (a few
     * seconds on a national store). A failure is the caller's to log; the next request reads again.
     */
    async warm(asOf = new Date()): Promise<void> {
      await dayModel(italianDayOf(asOf)).model;
    },

    /** Adds estimates to claims: each payment still to come, and each application not yet decided. */
    async annotate(claims: ClaimSummary[], asOf = new Date()): Promise<ClaimSummary[]> {
      return Promise.all(
        claims.map(async (claim) => {
          const base = {
            benefitType: claim.benefitType,
            officeCode: claim.inpsOfficeCode,
            officeName: claim.inpsOffice,
            asOf,
          };
          const undecided = !['AUTORIZZATA', 'AUTORIZZATA_PARZIALMENTE', 'RESPINTA'].includes(claim.status);
          const payments = await Promise.all(
            claim.payments.map(async (p) => ({
              ...p,
              estimate: await estimate({
                ...base,
                stage: { kind: 'payment', status: p.status },
                stageSince: p.statusSince,
              }),
            })),
          );
          // Once decided, estimates belong to the monthly payments (an employer's view has none).
          const own = undecided
            ? await estimate({
                ...base,
                stage: { kind: 'application', status: claim.status },
                stageSince: claim.statusSince,
              })
            : null;
          return { ...claim, payments, estimate: own };
        }),
      );
    },
  };
}

export type PaymentTiming = ReturnType<typeof createPaymentTiming>;
