import { createHash } from 'node:crypto';
import { type Audience, audienceOf, type VisitorRole } from '@infocig/shared';
import type { BatchWriter } from './batch-writer.ts';
import { DAY_MS, type Day, isoDate, monthEnd, monthsBetween } from './calendar.ts';
import { Random, WeightedTable } from './random.ts';
import type { FollowUpCountRow, InteractionRow } from './tables.ts';

/**
 * The user categories of the published figures (`CATEGORY_OF_ROLE` in figures/published-figures.ts;
 * the store cannot import it without a loop between the folders, the seed test checks they agree).
 */
const CATEGORY_OF_ROLE: Record<VisitorRole, FollowUpCountRow['category']> = {
  lavoratore: 'worker',
  titolare: 'employer',
  legale_rappresentante: 'employer',
  consulente: 'intermediary',
};

/** Visits on an ordinary day, Sunday first: busiest on Monday, few at the weekend. */
const VISITS_BY_WEEKDAY = [2, 18, 16, 15, 15, 13, 4];
/** Italian public holidays (MM-DD), quiet as a Sunday; Easter Monday is left out. */
const HOLIDAYS = new Set([
  '01-01',
  '01-06',
  '04-25',
  '05-01',
  '06-02',
  '08-15',
  '11-01',
  '12-08',
  '12-25',
  '12-26',
]);
/** At the height of the crisis month, this many times an ordinary day's visits. */
const PEAK_FACTOR = 2.8;
/** How quickly the crisis builds up and fades, in days from the middle of its month. */
const PEAK_SPREAD_DAYS = 11;

/** The hour (Italian time) a visit starts: office hours, the mornings busiest. */
const HOURS = new WeightedTable<number>([
  [8, 4],
  [9, 9],
  [10, 12],
  [11, 12],
  [12, 9],
  [13, 5],
  [14, 7],
  [15, 9],
  [16, 8],
  [17, 6],
  [18, 4],
  [19, 2],
]);
const EMPLOYER_ROLES = new WeightedTable<VisitorRole>([
  ['titolare', 45],
  ['legale_rappresentante', 20],
  ['consulente', 35],
]);
/** Working days from a follow-up left to its answer. */
const ANSWER_DAYS = new WeightedTable<number>([
  [0, 15],
  [1, 35],
  [2, 25],
  [3, 15],
  [5, 10],
]);

/** People who come back: a pool per audience, the first of each pool the most frequent visitors. */
const POOL_SIZE: Record<Audience, number> = { workers: 2400, employers: 900 };

const weekdayOf = (day: Day) => (day + 4) % 7; // 1970-01-01 was a Thursday; 0 is Sunday.
const isWorkingDay = (day: Day) => weekdayOf(day) % 6 !== 0 && !HOLIDAYS.has(isoDate(day).slice(5));

/** The last Sunday of the month of `day`: when Italy's summer time starts (March) and ends (October). */
function lastSunday(year: number, month: number): Day {
  const last = monthEnd(Math.floor(Date.UTC(year, month - 1, 1) / DAY_MS));
  return last - weekdayOf(last);
}

/** Italian time's offset from UTC on `day`, in hours, from 03:00 on (visits start at 08:00). */
function romeOffsetHours(day: Day): number {
  const year = new Date(day * DAY_MS).getUTCFullYear();
  return day >= lastSunday(year, 3) && day < lastSunday(year, 10) ? 2 : 1;
}

/** 1 in the middle of the crisis month, fading to 0 a few weeks either side. */
function crisisOf(day: Day, peakMiddle: Day): number {
  return Math.exp(-(((day - peakMiddle) / PEAK_SPREAD_DAYS) ** 2));
}

/** How busy the time of year is: August and the Christmas holidays are quiet. */
function seasonOf(day: Day): number {
  const monthDay = isoDate(day).slice(5);
  if (monthDay >= '08-10' && monthDay <= '08-20') return 0.35;
  if (monthDay.startsWith('08')) return 0.6;
  if (monthDay >= '12-23' || monthDay <= '01-06') return 0.5;
  return 1;
}

/** Seconds with a tenth: what `(at - openedAt) / 1000` gives, rounded. */
const seconds = (random: Random, min: number, max: number) =>
  Math.round((random.skewed(min, max) + random.next()) * 10) / 10;

/**
 * A year of use of the service up to the day before `today`, for the published figures: visits
 * (a few a day at the weekend, a dozen or two on working days, several dozen in a crisis month),
 * of both audiences and every user category, settled by the answers alone, in a chat (with its
 * wait and first response) or by a follow-up; and the follow-ups opened and answered each day.
 * People are pseudonymous keys made from the seed, shaped as the service's own, and come back now
 * and then; visits start in office hours, Italian time. Its own draws: the same for a seed and
 * `today` whatever the rest of the seed does.
 */
export function writeInteractionHistory(writer: BatchWriter, seed: number, today: Day): void {
  const random = new Random(Math.imul(seed, 0x9e3779b1) ^ 0x5eed);
  const date = new Date(today * DAY_MS);
  const first = Math.floor(
    Date.UTC(date.getUTCFullYear() - 1, date.getUTCMonth(), date.getUTCDate()) / DAY_MS,
  );
  const last = today - 1;
  // The crisis falls in a month well inside the year, so that it shows whole.
  const months = monthsBetween(first, last);
  const peakMonth = random.pick(months.slice(2, -2));
  const peakMiddle = peakMonth + 14;

  const keys = new Map<string, string>();
  const personKey = (audience: Audience, index: number) => {
    const id = `${audience}:${index}`;
    let key = keys.get(id);
    if (!key) {
      key = createHash('sha256')
        .update(`infocig-demo-visitor:${seed}:${id}`)
        .digest('base64url')
        .slice(0, 22);
      keys.set(id, key);
    }
    return key;
  };
  /** Each person keeps a role, drawn from the person's number alone. */
  const roleOf = (audience: Audience, index: number): VisitorRole =>
    audience === 'workers'
      ? 'lavoratore'
      : EMPLOYER_ROLES.pick(new Random(Math.imul(index + 1, 0x85ebca6b) ^ seed));

  const counts = new Map<string, FollowUpCountRow>();
  const count = (day: Day, role: VisitorRole, event: 'opened' | 'answered') => {
    const audience = audienceOf(role);
    const category = CATEGORY_OF_ROLE[role];
    const id = `${day}|${audience}|${category}`;
    let row = counts.get(id);
    if (!row) {
      row = { day: isoDate(day), audience, category, opened: 0, answered: 0 };
      counts.set(id, row);
    }
    row[event] += 1;
  };

  for (let day = first; day <= last; day++) {
    const working = isWorkingDay(day);
    const crisis = crisisOf(day, peakMiddle);
    const weekday = weekdayOf(day);
    // A public holiday is as quiet as a Sunday; Saturday a little busier.
    const base = VISITS_BY_WEEKDAY[working || weekday === 6 ? weekday : 0]!;
    const visits = Math.round(
      base * seasonOf(day) * (1 + (PEAK_FACTOR - 1) * crisis) * (0.75 + 0.5 * random.next()),
    );
    const offsetMs = romeOffsetHours(day) * 3_600_000;
    const seen = new Set<string>();
    const rows: InteractionRow[] = [];
    for (let i = 0; i < visits; i++) {
      // Workers are hit hardest by a crisis; employers and their consultants come more steadily.
      const audience: Audience = random.chance(0.58 + 0.1 * crisis) ? 'workers' : 'employers';
      const index = random.skewed(0, POOL_SIZE[audience] - 1, 1.7);
      const key = personKey(audience, index);
      if (seen.has(key)) continue; // one visit per person per day, as the service records them
      seen.add(key);
      const role = roleOf(audience, index);
      const secondOfDay = HOURS.pick(random) * 3600 + random.int(0, 3599);
      const startedAt = new Date(day * DAY_MS + secondOfDay * 1000 - offsetMs).toISOString();
      // No advisors at the weekend; in a crisis fewer get one, more leave a message.
      const draw = random.next();
      const followUpShare = working ? 0.06 + 0.1 * crisis : 0.25;
      const chatShare = working ? 0.36 - 0.06 * crisis : 0;
      const outcome =
        draw < followUpShare ? 'follow_up' : draw < followUpShare + chatShare ? 'chat' : 'self_service';
      let waitSeconds: number | null = null;
      let firstResponseSeconds: number | null = null;
      if (outcome === 'chat') {
        waitSeconds = seconds(random, 2, 150 + Math.round(650 * crisis));
        firstResponseSeconds = Math.round((waitSeconds + seconds(random, 4, 90)) * 10) / 10;
      }
      rows.push({
        day: isoDate(day),
        personKey: key,
        audience,
        role,
        startedAt,
        outcome,
        waitSeconds,
        firstResponseSeconds,
      });
      if (outcome === 'follow_up') {
        count(day, role, 'opened');
        let answered = day;
        for (let left = ANSWER_DAYS.pick(random); left > 0 || !isWorkingDay(answered); ) {
          answered++;
          if (isWorkingDay(answered)) left--;
        }
        // Answered after yesterday: still open.
        if (answered <= last) count(answered, role, 'answered');
      }
    }
    rows.sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));
    for (const row of rows) writer.interactions.add(row);
  }
  const byDay = [...counts.values()].sort((a, b) =>
    a.day === b.day ? (a.audience + a.category < b.audience + b.category ? -1 : 1) : a.day < b.day ? -1 : 1,
  );
  for (const row of byDay) writer.followUpCounts.add(row);
}
