/**
 * The course of an authorised application's payments in a generated history: for each month of
 * its period and each worker, the data the employer sends (at once or near the deadline, lapsed or
 * anomalous), the payment order at the office's pace, returned transfers and the day it is paid.
 */
import type { PaymentMethod, PaymentStatus } from '@infocig/shared';
import { type Day, dayFromIso, isoFromDay, workingDayFrom } from '../../server/src/timing/calendar.ts';
import { addMonths, addWorkingDays, lastWorkingDayBy, monthDay, monthEnd, monthStart } from './months.ts';
import type { Rng } from './random.ts';
import type { Application, Company, Event, Payment } from './world.ts';

/** What the history being generated lends the payments: its random stream, office pace and lists. */
export interface CourseContext {
  rng: Rng;
  /** The last day events are written for. */
  end: Day;
  payments: Payment[];
  /** The day a leg of `work` work days begun on `from` at office `o` ends (Infinity past the end). */
  advance(o: number, from: Day, work: number): Day;
  stamp<S>(events: Event<S>[], status: S, day: Day, method?: PaymentMethod): void;
}

export function planPayments(
  ctx: CourseContext,
  app: Application,
  appIndex: number,
  company: Company,
  authorised: Day,
): void {
  const { rng, end, payments, advance, stamp } = ctx;
  const o = app.office;
  for (let month = monthStart(app.periodFrom); month <= app.periodTo; month = addMonths(month, 1)) {
    const start = workingDayFrom(Math.max(addMonths(month, 1), authorised));
    const deadline = Math.max(monthEnd(addMonths(month, 2)), authorised + 60);
    const behaviour =
      company.behaviour === 'mixed' ? (rng.chance(0.5) ? 'prompt' : 'deadline') : company.behaviour;
    const lapsed = rng.chance(company.lapse);
    let send = behaviour === 'prompt' ? start + rng.int(1, 12) : deadline - rng.int(0, 7);
    // Companies close for the August holidays: what was due then goes out after them.
    const md = monthDay(send);
    if (behaviour === 'prompt' && md >= '08-09' && md <= '08-23') {
      send = dayFromIso(`${isoFromDay(send).slice(0, 4)}-08-24`) + rng.int(0, 5);
    }
    send = workingDayFrom(send);
    if (send > deadline) send = lastWorkingDayBy(deadline);
    // INPS handles the month's data of an application as one flow, mostly on one day.
    const batch = advance(o, send, rng.gamma(3, 4.5));
    for (const worker of app.workers) {
      const p: Payment = {
        id: payments.length + 1,
        application: appIndex,
        worker,
        month,
        deadline,
        events: [],
        paid: null,
        anomaly: null,
      };
      payments.push(p);
      app.payments.push(p.id - 1);
      const ev = (status: PaymentStatus, day: Day, method?: PaymentMethod) => {
        if (Number.isFinite(day) && day <= end) stamp(p.events, status, day, method);
        return Number.isFinite(day) && day <= end;
      };
      if (!ev('ATTESA_DATI', start, 'bonifico')) continue;
      if (lapsed) {
        ev('DECADUTA', deadline + 1);
        continue;
      }
      let ordered: Day;
      let method: PaymentMethod = 'bonifico';
      if (rng.chance(0.93)) {
        if (!ev('DATI_RICEVUTI', send)) continue;
        ordered = rng.chance(0.85) ? batch : advance(o, send, rng.gamma(3, 4.5));
      } else {
        if (!ev('DATI_ANOMALI', send)) continue;
        p.anomaly = rng.chance(0.75) ? 'other_data' : 'iban_not_owned';
        if (p.anomaly === 'other_data') {
          const corrected = workingDayFrom(send + rng.int(5, 30));
          if (!ev('DATI_RICEVUTI', corrected)) continue;
          ordered = advance(o, corrected, rng.gamma(3, 4.5));
        } else {
          // IBAN not the worker's: paid as a transfer collected at a post office.
          method = 'bonifico_domiciliato';
          ordered = advance(o, send, rng.uniform(6, 15));
        }
      }
      if (!ev('IN_PAGAMENTO', ordered, method)) continue;
      let paid: Day;
      if (rng.chance(0.035)) {
        const returned = addWorkingDays(ordered, rng.int(2, 6));
        if (!ev('RESTITUITA', returned)) continue;
        const reissued = advance(o, returned, rng.gamma(2, 10));
        if (!ev('IN_PAGAMENTO', reissued, 'bonifico_domiciliato')) continue;
        paid = addWorkingDays(reissued, rng.int(1, 4));
      } else paid = addWorkingDays(ordered, rng.int(1, 3));
      if (ev('PAGATA', paid)) p.paid = paid;
    }
  }
}
