import type { BenefitType } from '@infocig/shared';
import { type CoveredWorker, writeApplication } from './application-writer.ts';
import type { Day } from './calendar.ts';
import type { GeneratedCompany, GeneratedPosition } from './company-generator.ts';
import type { SeedContext } from './context.ts';
import { isCovidEra } from './covid.ts';
import type { Random } from './random.ts';
import { benefitWeights, reasonsFor } from './sector-profiles.ts';

/** How far back applications go: long enough for finished claims, and the pandemic if today allows. */
const SPAN_DAYS = 42 * 30;

/** Length of the period asked for, in weeks, by scheme. */
const PERIOD_WEEKS: Readonly<Record<BenefitType, readonly [number, number]>> = {
  CIGO: [1, 13],
  CIGS: [13, 52],
  CIGD: [4, 9],
  AIS_FIS: [2, 13],
  FSB: [2, 13],
  CISOA: [1, 12],
};

/** A start day in the span; the pandemic months are about 2.5 times as likely. */
function drawStartDay(ctx: SeedContext): Day {
  for (;;) {
    const day = ctx.today - ctx.random.int(3, SPAN_DAYS);
    if (isCovidEra(day) || ctx.random.chance(0.4)) return day;
  }
}

/** Between 30% and all of a position's workers, chosen at random. */
function coveredSubset(random: Random, workers: readonly CoveredWorker[]): CoveredWorker[] {
  const pool = [...workers];
  const count = Math.min(pool.length, Math.max(1, Math.round(pool.length * (0.3 + random.next() * 0.7))));
  for (let i = 0; i < count; i++) {
    const j = random.int(i, pool.length - 1);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

/** Writes a position's applications: periods one after another, each at whatever stage it has reached today. */
export function writeRandomApplications(
  ctx: SeedContext,
  company: GeneratedCompany,
  position: GeneratedPosition,
  minCount = 0,
): void {
  const { random, today } = ctx;
  const drawn = random.weighted([
    [0, 10],
    [1, 25],
    [2, 25],
    [3, 20],
    [4, 12],
    [5, 8],
  ]);
  const starts = Array.from({ length: Math.max(minCount, drawn) }, () => drawStartDay(ctx)).sort(
    (a, b) => a - b,
  );
  let notBefore = Number.NEGATIVE_INFINITY;
  for (const start of starts) {
    const periodFrom = Math.max(start, notBefore);
    if (periodFrom >= today) break;
    const covidEra = isCovidEra(periodFrom);
    const benefitType = random.weighted(benefitWeights(position.sector, company.size, covidEra));
    const [minWeeks, maxWeeks] = PERIOD_WEEKS[benefitType];
    const periodTo = periodFrom + random.int(minWeeks, maxWeeks) * 7 - 1;
    writeApplication(ctx, position, {
      benefitType,
      reason: random.pick(reasonsFor(benefitType, covidEra)),
      periodFrom,
      periodTo,
      // CIGO may be asked before the period starts and at the latest 15 days after.
      submittedDay: Math.min(periodFrom + random.int(-7, 14), today),
      workers: coveredSubset(random, position.workers),
    });
    notBefore = periodTo + random.int(1, 30);
  }
}
