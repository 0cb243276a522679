import type { BenefitType } from '@infocig/shared';
import type { Db } from '../store/index.ts';
import { DAY_MS, type Day } from './calendar.ts';

/** A status entered on a day (the calendar day in Italy). */
export interface Step {
  status: string;
  day: Day;
}

/** One payment's (or one application's, then its first payment's) course, up to the payment. */
export interface Course {
  kind: 'payment' | 'application';
  benefitType: BenefitType;
  officeCode: string;
  steps: Step[];
  paid: Day;
}

/** A stay in DATI_RICEVUTI (INPS ordering a payment): entered, left (null: still there). */
export interface Stay {
  officeCode: string;
  entered: Day;
  left: Day | null;
  count: number;
}

export interface History {
  courses: Course[];
  stays: Stay[];
}

export interface HistoryQuery {
  /** What was known at the start of this day: nothing on or after it is read. */
  asOf: Day;
  /** Courses paid in the last `lookbackDays`; stays entered in the last `stayDays`. */
  lookbackDays: number;
  stayDays: number;
  /** At most about this many payments' courses (an even sample of them when there are more). */
  maxCourses: number;
}

const localDay = (column: string) => `((${column} AT TIME ZONE 'Europe/Rome')::date - DATE '1970-01-01')`;

interface CourseRow {
  benefit_type: BenefitType;
  office: string;
  paid: number;
  /** `STATUS:day,STATUS:day,…` in order. */
  steps: string;
}

function toCourse(row: CourseRow, kind: Course['kind']): Course {
  return {
    kind,
    benefitType: row.benefit_type,
    officeCode: row.office,
    paid: Number(row.paid),
    steps: row.steps.split(',').map((step) => {
      const colon = step.indexOf(':');
      return { status: step.slice(0, colon), day: Number(step.slice(colon + 1)) };
    }),
  };
}

/** How long each of the history's reads may take (a national store, a whole year). */
const HISTORY_READ_TIMEOUT_MS = 300_000;

/**
 * What the window is made from, as known at the start of `asOf`: the courses of payments made in the
 * last year (each status with the day it was entered) and of applications whose first payment came
 * in the last year (their statuses, then that payment's); and every stay in DATI_RICEVUTI begun in
 * the last `stayDays`, finished or not, which is how fast each office is ordering payments.
 */
export async function loadHistory(db: Db, q: HistoryQuery): Promise<History> {
  // Read once a day in the background over a year of the store: not bound by the store's query
  // timeout, which is for what people wait on.
  const background = { timeoutMs: HISTORY_READ_TIMEOUT_MS };
  const until = new Date(q.asOf * DAY_MS);
  const since = new Date((q.asOf - q.lookbackDays) * DAY_MS);
  const staysSince = new Date((q.asOf - q.stayDays) * DAY_MS);
  // An even sample when the year holds more payments than needed, by a hash of the payment's id
  // (the same payments' stays in DATI_RICEVUTI then, so the pace is measured on the same sample).
  const [{ paid }] = (await db.query<{ paid: number }>(
    'SELECT count(*)::int AS paid FROM payment_requests WHERE paid_at >= $1 AND paid_at < $2',
    [since, until],
    background,
  )) as [{ paid: number }];
  const keep = Math.min(1, q.maxCourses / Math.max(1, paid));
  const sample = keep < 1 ? `AND ((pr.id * 2654435761) % 1000003) < ${Math.ceil(keep * 1000003)}` : '';

  // One row per course, its steps in a string: far fewer rows to carry than one per status.
  const step = (status: string, at: string) => `${status} || ':' || ${localDay(at)}`;
  const paymentsRead = db.query<CourseRow>(
    `SELECT a.benefit_type, a.inps_office_code AS office, ${localDay('pr.paid_at')} AS paid,
            string_agg(${step('h.status', 'h.at')}, ',' ORDER BY h.at, h.id) AS steps
     FROM payment_requests pr
     JOIN applications a ON a.id = pr.application_id
     JOIN payment_status_history h ON h.payment_request_id = pr.id AND h.at < $2
     WHERE pr.paid_at >= $1 AND pr.paid_at < $2 ${sample}
     GROUP BY pr.id, a.benefit_type, a.inps_office_code`,
    [since, until],
    background,
  );
  // Each application whose first payment came in the last year: its statuses, then that payment's.
  const applicationsRead = db.query<CourseRow>(
    `WITH firsts AS (
       SELECT DISTINCT ON (pr.application_id) pr.application_id, pr.id, pr.paid_at
       FROM payment_requests pr
       WHERE pr.paid_at < $2
       ORDER BY pr.application_id, pr.paid_at, pr.id
     )
     SELECT a.benefit_type, a.inps_office_code AS office, ${localDay('f.paid_at')} AS paid,
            (SELECT string_agg(${step('h.status', 'h.at')}, ',' ORDER BY h.at, h.id)
             FROM application_status_history h WHERE h.application_id = f.application_id AND h.at < $2)
            || ',' ||
            (SELECT string_agg(${step('p.status', 'p.at')}, ',' ORDER BY p.at, p.id)
             FROM payment_status_history p WHERE p.payment_request_id = f.id AND p.at < $2) AS steps
     FROM firsts f
     JOIN applications a ON a.id = f.application_id
     WHERE f.paid_at >= $1`,
    [since, until],
    background,
  );
  // Each stay in DATI_RICEVUTI and when it ended (the next status), counted by office and days.
  const staysRead = db.query<{ office: string; entered: number; left: number | null; count: number }>(
    `SELECT a.inps_office_code AS office, ${localDay('h.at')} AS entered, ${localDay('n.at')} AS left,
            count(*)::int AS count
     FROM payment_status_history h
     JOIN payment_requests pr ON pr.id = h.payment_request_id
     JOIN applications a ON a.id = pr.application_id
     LEFT JOIN LATERAL (
       SELECT min(x.at) AS at FROM payment_status_history x
       WHERE x.payment_request_id = h.payment_request_id AND x.at > h.at AND x.at < $2
     ) n ON true
     WHERE h.status = 'DATI_RICEVUTI' AND h.at >= $1 AND h.at < $2 ${sample}
     GROUP BY 1, 2, 3`,
    [staysSince, until],
    background,
  );
  // Side by side on PostgreSQL's pool (PGlite takes them in turn).
  const [payments, applications, stayRows] = await Promise.all([paymentsRead, applicationsRead, staysRead]);
  return {
    courses: [
      ...payments.map((row) => toCourse(row, 'payment')),
      ...applications.filter((row) => row.steps !== null).map((row) => toCourse(row, 'application')),
    ],
    stays: stayRows.map((r) => ({
      officeCode: r.office,
      entered: Number(r.entered),
      left: r.left === null ? null : Number(r.left),
      count: r.count,
    })),
  };
}
