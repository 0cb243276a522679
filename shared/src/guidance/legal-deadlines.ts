import { addDays } from './dates.ts';
import { isFestivo } from './italian-holidays.ts';

/**
 * How one legal deadline is counted: `days` after the day of the event that starts it (that day
 * itself not counted, art. 155 c.1 c.p.c.), and whether a last day on a Sunday or national holiday
 * moves to the next day that is neither.
 */
export interface DeadlineRule {
  days: number;
  movesOffFestivi: boolean;
}

/**
 * SUPPLEMENTO_ISTRUTTORIO: the employer has 15 days to send the documents asked for
 * (domain.md §4 Claim lifecycle, step 4).
 * Moves off a Sunday or holiday: yes. domain.md says nothing on it; the general rule applies
 * (art. 155 c.4 c.p.c., art. 2963 c.3 c.c.: a deadline ending on a festivo day is extended to the
 * next day that is not), which courts also apply to deadlines in administrative procedures.
 */
export const SUPPLEMENT_REPLY: DeadlineRule = { days: 15, movesOffFestivi: true };

/**
 * RESPINTA: the appeal is due within 30 days (domain.md §4 Claim lifecycle, step 5; for CIGS the
 * rejection is a ministerial decree, §3 and §4 step 5).
 * Moves off a Sunday or holiday: yes, art. 155 c.4 c.p.c., which holds for peremptory appeal
 * deadlines too; domain.md is silent. A Saturday does not move it: art. 155 c.5 c.p.c. covers only
 * procedural acts in court, not an administrative appeal.
 */
export const APPEAL: DeadlineRule = { days: 30, movesOffFestivi: true };

/**
 * ATTESA_DATI and after: the employer's payment data is due by the end of the second month after
 * the CIG month (domain.md §4 Claim lifecycle, step 6, "2022 rule"); the store holds that date.
 * Moves off a Sunday or holiday: yes. domain.md is silent; it is a decadenza term, and art. 2963
 * c.3 c.c. (extended by the courts to decadenza) moves a term ending on a festivo day. INPS's own
 * practice on it is not confirmed.
 */
export const PAYMENT_DATA = { movesOffFestivi: true } as const;

/** The first day from `date` on (itself included) that is neither a Sunday nor a national holiday. */
export function firstDayNotFestivo(date: string): string {
  let day = date;
  while (isFestivo(day)) day = addDays(day, 1);
  return day;
}

/** The last day allowed by `rule` for an event on `eventDay` (`YYYY-MM-DD`). */
export function deadlineAfter(eventDay: string, rule: DeadlineRule): string {
  const last = addDays(eventDay, rule.days);
  return rule.movesOffFestivi ? firstDayNotFestivo(last) : last;
}

/** The last day for the documents asked for on `requestedOn`. */
export const supplementReplyDeadline = (requestedOn: string) => deadlineAfter(requestedOn, SUPPLEMENT_REPLY);

/** The last day to appeal a rejection of `rejectedOn`. */
export const appealDeadline = (rejectedOn: string) => deadlineAfter(rejectedOn, APPEAL);

/** The last day for the employer's payment data, from the date the rule gives. */
export function paymentDataDeadline(ruleDate: string): string {
  return PAYMENT_DATA.movesOffFestivi ? firstDayNotFestivo(ruleDate) : ruleDate;
}
