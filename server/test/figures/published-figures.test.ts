import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { figuresCsv } from '../../src/figures/figures-csv.ts';
import { publishedFigures } from '../../src/figures/published-figures.ts';
import type { Db } from '../../src/store/index.ts';
import { ENGINES, openMigrated } from '../store/engines.ts';
import { PERIOD, writeHistory } from './figure-history.ts';

describe.each(ENGINES)('published figures on $name', (engine) => {
  let db: Db;
  beforeEach(async () => {
    db = await openMigrated(engine);
    await writeHistory(db);
  });
  afterEach(() => engine.dispose(db));

  const figures = () => publishedFigures(db, PERIOD.from, PERIOD.to);

  it('give the totals by day, month and Italian hour, with their peaks, for the period only', async () => {
    const { total } = await figures();
    expect(total).toEqual({
      requests: 9,
      distinctPeople: 6,
      perDay: [
        { day: '2024-03-10', interactions: 3 },
        { day: '2024-03-11', interactions: 1 },
        { day: '2024-04-10', interactions: 4 },
        { day: '2024-04-11', interactions: 1 },
      ],
      perMonth: [
        { month: '2024-03', interactions: 4 },
        { month: '2024-04', interactions: 5 },
      ],
      // 09:30 UTC is 10:30 in Italy in March and 11:30 in April (summer time).
      perHour: [
        { hour: 9, interactions: 1 },
        { hour: 10, interactions: 2 },
        { hour: 11, interactions: 3 },
        { hour: 12, interactions: 1 },
        { hour: 14, interactions: 1 },
        { hour: 15, interactions: 1 },
      ],
      averagePerMonth: 5,
      peakDay: { day: '2024-04-10', interactions: 4 },
      peakMonth: { month: '2024-04', interactions: 5 },
      peakHour: { hour: 11, interactions: 3 },
      settledOnlineShare: 7 / 9,
      settledWithoutAdvisorShare: 4 / 9,
      waitSeconds: { p50: 20, p90: 28 },
      firstResponseSeconds: { p50: 40, p90: 48 },
      followUps: { opened: 2, answered: 2 },
      caseOutcomes: { settled: 0, follow_up: 0, referred_office: 0 },
      ratings: { count: 0, averageStars: null },
    });
  });

  it('split every figure by audience', async () => {
    const { byAudience } = await figures();
    expect(byAudience.workers).toMatchObject({
      requests: 4,
      distinctPeople: 3,
      perMonth: [
        { month: '2024-03', interactions: 3 },
        { month: '2024-04', interactions: 1 },
      ],
      peakDay: { day: '2024-03-10', interactions: 2 },
      peakHour: { hour: 10, interactions: 2 },
      settledOnlineShare: 3 / 4,
      settledWithoutAdvisorShare: 1 / 4,
      waitSeconds: { p50: 20, p90: 28 },
      firstResponseSeconds: { p50: 40, p90: 48 },
      followUps: { opened: 1, answered: 1 },
    });
    expect(byAudience.employers).toMatchObject({
      requests: 5,
      distinctPeople: 3,
      peakDay: { day: '2024-04-10', interactions: 3 },
      peakHour: { hour: 11, interactions: 2 },
      settledOnlineShare: 4 / 5,
      settledWithoutAdvisorShare: 3 / 5,
      waitSeconds: { p50: 20, p90: 20 },
      followUps: { opened: 1, answered: 1 },
    });
  });

  it('split every figure by user category: workers, employers (owners and legal representatives), intermediaries', async () => {
    const { byCategory, byAudience } = await figures();
    expect(byCategory.worker).toEqual(byAudience.workers);
    expect(byCategory.employer).toMatchObject({
      requests: 3,
      distinctPeople: 2,
      perDay: [
        { day: '2024-03-10', interactions: 1 },
        { day: '2024-04-10', interactions: 2 },
      ],
      settledOnlineShare: 1,
      settledWithoutAdvisorShare: 2 / 3,
      waitSeconds: { p50: 20, p90: 20 },
      followUps: { opened: 0, answered: 0 },
    });
    expect(byCategory.intermediary).toMatchObject({
      requests: 2,
      distinctPeople: 1,
      settledOnlineShare: 1 / 2,
      waitSeconds: { p50: null, p90: null },
      firstResponseSeconds: { p50: null, p90: null },
      followUps: { opened: 1, answered: 1 },
    });
  });

  it('keep counting follow-ups once their cases are deleted', async () => {
    const before = await figures();
    await db.exec('DELETE FROM follow_ups');
    const after = await figures();
    expect(after).toEqual(before);
    expect(after.total.followUps).toEqual({ opened: 2, answered: 2 });
    expect(after.byCategory.intermediary.followUps).toEqual({ opened: 1, answered: 1 });
  });

  it('give the ratings of closed chats, by the day the chat opened: how many and their average', async () => {
    await db.exec(`INSERT INTO rating_counts (day, audience, category, ratings, stars) VALUES
      ('2024-03-10', 'workers', 'worker', 2, 9),
      ('2024-04-10', 'employers', 'intermediary', 1, 2),
      ('2024-04-11', 'employers', 'other', 1, 3),
      ('2024-05-01', 'workers', 'worker', 5, 5)`);
    const { total, byAudience, byCategory } = await figures();
    expect(total.ratings).toEqual({ count: 4, averageStars: 3.5 });
    expect(byAudience.workers.ratings).toEqual({ count: 2, averageStars: 4.5 });
    expect(byAudience.employers.ratings).toEqual({ count: 2, averageStars: 2.5 });
    expect(byCategory.intermediary.ratings).toEqual({ count: 1, averageStars: 2 });
    expect(byCategory.employer.ratings).toEqual({ count: 0, averageStars: null });
    const summary = figuresCsv(await figures(), 'summary', ['total']).split('\r\n');
    expect(summary[0]?.endsWith(',ratings,rating_average_stars')).toBe(true);
    expect(summary[1]?.endsWith(',4,3.5')).toBe(true);
  });

  it('are empty, not missing, for a period without visits', async () => {
    const { total, byCategory } = await publishedFigures(db, '2020-01-01', '2020-12-31');
    expect(total).toMatchObject({
      requests: 0,
      perDay: [],
      peakDay: null,
      peakHour: null,
      settledOnlineShare: null,
      followUps: { opened: 0, answered: 0 },
    });
    expect(byCategory.intermediary.requests).toBe(0);
  });

  it('give each figure as CSV with the same numbers', async () => {
    const result = await figures();
    expect(figuresCsv(result, 'perMonth', ['total', 'intermediary'])).toBe(
      'segment,month,requests\r\ntotal,2024-03,4\r\ntotal,2024-04,5\r\nintermediary,2024-04,2\r\n',
    );
    const [header, ...rows] = figuresCsv(result, 'summary').trimEnd().split('\r\n');
    expect(header?.split(',').slice(0, 6)).toEqual([
      'segment',
      'from',
      'to',
      'requests',
      'distinct_people',
      'average_per_month',
    ]);
    expect(rows.map((r) => r.split(',')[0])).toEqual([
      'total',
      'workers',
      'employers',
      'worker',
      'employer',
      'intermediary',
    ]);
    expect(rows[5]).toBe(
      'intermediary,2024-03-01,2024-04-30,2,1,2,2024-04-10,1,2024-04,2,11,1,0.5,0.5,,,,,1,1,0,',
    );
  });
});
