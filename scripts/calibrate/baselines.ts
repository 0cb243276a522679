/**
 * What the window is measured against, frozen here so that the comparison does not move when the
 * model does: a fixed 40 days, the published table, "8–9 weeks", the unconditioned empirical
 * window, and the model as it was before issue 16 (v1: the central 80% of the last 12 months'
 * durations from the stage, among those longer than the wait so far).
 */

import type { Db } from '@infocig/server/store';
import type { BenefitType } from '@infocig/shared';
import type { Day } from '../../server/src/timing/calendar.ts';

export interface Item {
  kind: 'payment' | 'application';
  status: string;
  benefitType: BenefitType;
  officeCode: string;
  /** The day the claim or payment entered its stage. */
  since: Day;
}

export interface Window {
  from: Day;
  to: Day;
  label: string;
  basis: string;
  /**
   * The share of payments the window says it holds: 0.8 unless it says otherwise (the live model
   * says 0.9 where whole days make its window hold more), null where it promises none (a rough guide).
   */
  promise?: number | null;
}

/** Published figures, in days from entering the stage (as the v1 model's fallback had them). */
const PUBLISHED: Record<string, [number, number]> = {
  'payment:ATTESA_DATI': [14, 75],
  'payment:ANTICIPO_PAGATO': [14, 75],
  'payment:DATI_RICEVUTI': [4, 10],
  'payment:DATI_ANOMALI': [20, 60],
  'payment:IN_PAGAMENTO': [1, 7],
  'payment:RESTITUITA': [14, 45],
  'application:INVIATA': [40, 90],
  'application:PROTOCOLLATA': [35, 85],
  'application:IN_ISTRUTTORIA': [30, 80],
  'application:SUPPLEMENTO_ISTRUTTORIO': [30, 80],
};

/** Never a window wholly in the past: from today at the earliest, at least a week long when pushed. */
function notPast(from: Day, to: Day, today: Day): [Day, Day] {
  const f = Math.max(from, today);
  return [f, Math.max(to, f + (to < today ? 7 : 0))];
}

export function fixed40(item: Item, today: Day): Window {
  const [from, to] = notPast(today, item.since + 40, today);
  return { from, to, label: 'n/a', basis: 'fixed' };
}

export function eightToNineWeeks(item: Item, today: Day): Window {
  const [from, to] = notPast(item.since + 56, item.since + 63, today);
  return { from, to, label: 'n/a', basis: 'fixed' };
}

export function published(item: Item, today: Day): Window {
  const [low, high] = PUBLISHED[`${item.kind}:${item.status}`] ?? [14, 75];
  const elapsed = today - item.since;
  const fromDays = Math.max(elapsed, low);
  return {
    from: item.since + fromDays,
    to: item.since + Math.max(high, fromDays + 7),
    label: 'n/a',
    basis: 'published',
  };
}

/**
 * Days from entering a stage (its first entry) to the payment, for the payments (or applications'
 * first payments) of the last 12 months, by stage, benefit type and office: v1's durations, read
 * for every key at once (v1 read one key per query; the numbers are the same).
 */
async function legacyDurations(db: Db, asOf: Date): Promise<Map<string, number[]>> {
  const since = new Date(asOf.getTime() - 365 * 86_400_000);
  const rows = await db.query<{
    kind: string;
    status: string;
    benefit_type: string;
    office: string;
    days: string;
  }>(
    `SELECT 'payment' AS kind, status, benefit_type, office, string_agg(days::text, ',') AS days FROM (
       SELECT h.status, a.benefit_type, a.inps_office_code AS office,
              EXTRACT(EPOCH FROM (pr.paid_at - min(h.at))) / 86400 AS days
       FROM payment_requests pr
       JOIN applications a ON a.id = pr.application_id
       JOIN payment_status_history h ON h.payment_request_id = pr.id
       WHERE pr.paid_at >= $1 AND pr.paid_at < $2
       GROUP BY pr.id, pr.paid_at, h.status, a.benefit_type, a.inps_office_code
     ) s GROUP BY status, benefit_type, office
     UNION ALL
     SELECT 'application', status, benefit_type, office, string_agg(days::text, ',') FROM (
       SELECT h.status, a.benefit_type, a.inps_office_code AS office,
              EXTRACT(EPOCH FROM (f.paid_at - min(h.at))) / 86400 AS days
       FROM (SELECT application_id, min(paid_at) AS paid_at FROM payment_requests
             WHERE paid_at IS NOT NULL GROUP BY application_id) f
       JOIN applications a ON a.id = f.application_id
       JOIN application_status_history h ON h.application_id = a.id
       WHERE f.paid_at >= $1 AND f.paid_at < $2
       GROUP BY a.id, f.paid_at, h.status, a.benefit_type, a.inps_office_code
     ) s GROUP BY status, benefit_type, office`,
    [since, asOf],
  );
  const out = new Map<string, number[]>();
  const push = (key: string, days: number[]) => out.set(key, [...(out.get(key) ?? []), ...days]);
  for (const r of rows) {
    const days = r.days
      .split(',')
      .map(Number)
      .filter((d) => d >= 0);
    push(`${r.kind}:${r.status}|${r.benefit_type}|${r.office}`, days);
    push(`${r.kind}:${r.status}|${r.benefit_type}|*`, days);
  }
  for (const list of out.values()) list.sort((a, b) => a - b);
  return out;
}

function quantile(sorted: readonly number[], start: number, p: number): number {
  const at = start + (sorted.length - 1 - start) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/**
 * The v1 model and the unconditioned empirical window, from the same durations (read once per day
 * and key). The v1 estimate counts days from the start of the stage's day, floors the start and
 * ceils the end, as `payment-timing.ts` did.
 */
export function createLegacy(db: Db) {
  let cache: { day: Day; durations: Promise<Map<string, number[]>> } | null = null;
  async function durations(item: Item, office: string | null, today: Day) {
    if (cache?.day !== today)
      cache = { day: today, durations: legacyDurations(db, new Date(today * 86_400_000)) };
    return (
      (await cache.durations).get(`${item.kind}:${item.status}|${item.benefitType}|${office ?? '*'}`) ?? []
    );
  }

  async function pick(item: Item, today: Day, conditioned: boolean) {
    const elapsed = conditioned ? Math.max(0, today + 5 / 24 - item.since) : -1;
    for (const office of [item.officeCode, null]) {
      const sorted = await durations(item, office, today);
      let start = 0;
      while (start < sorted.length && sorted[start]! <= elapsed) start++;
      const n = sorted.length - start;
      if (n >= 30) return { sorted, start, n, office };
    }
    return null;
  }

  return {
    async v1(item: Item, today: Day): Promise<Window> {
      const found = await pick(item, today, true);
      const elapsed = Math.max(0, today + 5 / 24 - item.since);
      if (!found) {
        const [low, high] = PUBLISHED[`${item.kind}:${item.status}`] ?? [14, 75];
        const fromDays = Math.max(elapsed, low);
        return {
          from: item.since + Math.floor(fromDays),
          to: item.since + Math.ceil(Math.max(high, fromDays + 7)),
          label: 'low',
          basis: 'published',
        };
      }
      const fromDays = Math.max(elapsed, quantile(found.sorted, found.start, 0.1));
      const toDays = quantile(found.sorted, found.start, 0.9);
      return {
        from: item.since + Math.floor(fromDays),
        to: item.since + Math.ceil(toDays),
        label: found.office && found.n >= 100 ? 'high' : 'medium',
        basis: found.office ? 'office' : 'national',
      };
    },

    async empirical(item: Item, today: Day): Promise<Window> {
      const found = await pick(item, today, false);
      if (!found) return { ...published(item, today), basis: 'published' };
      const [from, to] = notPast(
        item.since + Math.floor(quantile(found.sorted, 0, 0.1)),
        item.since + Math.ceil(quantile(found.sorted, 0, 0.9)),
        today,
      );
      return { from, to, label: 'n/a', basis: found.office ? 'office' : 'national' };
    },
  };
}
