import type { BenefitType, PaymentStatus } from '@infocig/shared';
import { type ApplicationPlanOptions, isAuthorised, planApplication } from './application-lifecycle.ts';
import { type Day, isoDate, monthEnd, monthsBetween } from './calendar.ts';
import { type SeedContext, speedOf } from './context.ts';
import { isCovidEra } from './covid.ts';
import {
  dataDeadline,
  methodAfter,
  type PaymentChoices,
  type PlannedPaymentStep,
  planPayment,
} from './payment-lifecycle.ts';
import type { Sector } from './tables.ts';
import { fitBy, isoTimestamp, type StatusEvent, stamp, upTo } from './timeline.ts';

/** The monthly ceiling of the benefit (2024 figure), in cents. */
const MONTHLY_CEILING_CENTS = 139_289;
/** The benefit is 80% of the pay lost for the hours not worked. */
const REPLACEMENT_RATE = 0.8;
const ADVANCE_RATE = 0.4;
/** The 40% advance was paid on these schemes' direct-payment claims. */
const ADVANCE_BENEFITS: readonly BenefitType[] = ['CIGO', 'CIGD', 'AIS_FIS'];

export interface PositionInfo {
  matricola: string;
  officeCode: string;
  /**
   * The office whose pace the claims follow, when not `officeCode`: a demo office pinned for its
   * staff persona keeps the pace of the office drawn, so that the rest of the seed stays the same.
   */
  paceOfficeCode?: string;
  sector: Sector;
}

export interface CoveredWorker {
  cf: string;
  iban: string | null;
}

export interface ApplicationSpec {
  benefitType: BenefitType;
  reason: string;
  periodFrom: Day;
  periodTo: Day;
  submittedDay: Day;
  workers: readonly CoveredWorker[];
  /** A scripted course: it is squeezed if needed so that it has ended by today. */
  script?: Omit<ApplicationPlanOptions, 'benefitType' | 'submittedDay' | 'speed'>;
  /** Scripted payments, for the demo personas. */
  paymentScript?: (workerCf: string, competenceMonth: Day) => PaymentChoices | undefined;
}

const dayOfEvent = (event: StatusEvent<unknown>) => Math.floor(event.at / 86_400_000);

/** Writes one application with its history, the workers it covers and, once authorised, their payments. */
export function writeApplication(ctx: SeedContext, position: PositionInfo, spec: ApplicationSpec): void {
  if (spec.submittedDay > ctx.today || spec.workers.length === 0) return;
  const { random, ids, writer, today } = ctx;
  const speed = speedOf(ctx, position.paceOfficeCode ?? position.officeCode);
  const plan = planApplication(random, {
    benefitType: spec.benefitType,
    submittedDay: spec.submittedDay,
    speed,
    ...spec.script,
  });
  const events = stamp(random, spec.script ? fitBy(plan, today) : upTo(plan, today));
  const first = events[0]!;
  const last = events[events.length - 1]!;
  const id = ids.applicationId(first.at);
  const protocolEvent = events.find((event) => event.status === 'PROTOCOLLATA');

  const weeklyHours = spec.workers.map(() => random.int(2, 10) * 4);
  const periodWeeks = (spec.periodTo - spec.periodFrom + 1) / 7;
  const hoursRequested = Math.max(1, Math.round(weeklyHours.reduce((sum, h) => sum + h * periodWeeks, 0)));
  const authorisedShare = last.status === 'AUTORIZZATA_PARZIALMENTE' ? 0.5 + random.next() * 0.4 : 1;

  writer.applications.add({
    id,
    matricola: position.matricola,
    benefitType: spec.benefitType,
    reason: spec.reason,
    periodFrom: isoDate(spec.periodFrom),
    periodTo: isoDate(spec.periodTo),
    status: last.status,
    statusSince: isoTimestamp(last.at),
    submittedAt: isoTimestamp(first.at),
    protocolNumber: protocolEvent ? ids.protocolNumber(position.officeCode, dayOfEvent(protocolEvent)) : null,
    inpsOfficeCode: position.officeCode,
    hoursRequested,
    hoursAuthorised: isAuthorised(last.status) ? Math.round(hoursRequested * authorisedShare) : null,
    decreeNumber: spec.benefitType === 'CIGS' && isAuthorised(last.status) ? ids.decreeNumber() : null,
  });
  for (const event of events) {
    writer.applicationHistory.add({
      applicationId: id,
      status: event.status,
      at: isoTimestamp(event.at),
      note: event.note,
    });
  }
  for (const worker of spec.workers)
    writer.applicationWorkers.add({ applicationId: id, workerCf: worker.cf });

  if (!isAuthorised(last.status)) return;
  spec.workers.forEach((worker, i) => {
    writePayments(ctx, {
      applicationId: id,
      spec,
      worker,
      speed,
      authorisedDay: dayOfEvent(last),
      hoursPerWeek: weeklyHours[i]! * authorisedShare,
    });
  });
}

interface PaymentsInput {
  applicationId: string;
  spec: ApplicationSpec;
  worker: CoveredWorker;
  speed: number;
  authorisedDay: Day;
  hoursPerWeek: number;
}

function writePayments(ctx: SeedContext, input: PaymentsInput): void {
  const { random, today } = ctx;
  const { spec, worker } = input;
  const hourlyPayCents = random.int(900, 1_600);
  for (const month of monthsBetween(spec.periodFrom, spec.periodTo)) {
    // A month's request exists once the month is over and the application authorised.
    const start = Math.max(input.authorisedDay + 1, monthEnd(month) + 1) + random.int(0, 2);
    if (start > today) break;
    const choices = spec.paymentScript?.(worker.cf, month);
    const plan = planPayment(random, {
      start,
      deadline: dataDeadline(month, input.authorisedDay),
      speed: input.speed,
      advanceAllowed: isCovidEra(month) && ADVANCE_BENEFITS.includes(spec.benefitType),
      hasIban: worker.iban !== null,
      ...choices,
    });
    const steps = choices?.stopAt ? fitBy(plan, today) : upTo(plan, today);
    const days = Math.min(spec.periodTo, monthEnd(month)) - Math.max(spec.periodFrom, month) + 1;
    const hours = Math.round((days / 7) * input.hoursPerWeek * 10) / 10;
    const amountCents = Math.min(
      MONTHLY_CEILING_CENTS,
      Math.round(hours * hourlyPayCents * REPLACEMENT_RATE),
    );
    writePayment(ctx, { ...input, month, steps, hours, amountCents });
  }
}

interface PaymentInput extends PaymentsInput {
  month: Day;
  steps: PlannedPaymentStep[];
  hours: number;
  amountCents: number;
}

const DATA_STATUSES: readonly PaymentStatus[] = ['DATI_RICEVUTI', 'DATI_ANOMALI'];

function writePayment(ctx: SeedContext, input: PaymentInput): void {
  const { random, writer } = ctx;
  const events = stamp(random, input.steps);
  const last = events[events.length - 1]!;
  const reached = (status: PaymentStatus) => events.find((event) => event.status === status);
  const dataEvent = events.find((event) => DATA_STATUSES.includes(event.status));
  const paid = reached('PAGATA');
  const id = ctx.nextPaymentId++;

  writer.paymentRequests.add({
    id,
    applicationId: input.applicationId,
    workerCf: input.worker.cf,
    competenceMonth: isoDate(input.month),
    status: last.status,
    statusSince: isoTimestamp(last.at),
    method: methodAfter(input.steps),
    hours: dataEvent ? input.hours : null,
    amountCents: dataEvent ? input.amountCents : null,
    advanceCents: reached('ANTICIPO_PAGATO') ? Math.round(input.amountCents * ADVANCE_RATE) : null,
    iban: dataEvent ? ibanReceived(ctx, input.worker, input.steps) : null,
    dataDeadline: isoDate(dataDeadline(input.month, input.authorisedDay)),
    dataReceivedAt: dataEvent ? isoTimestamp(dataEvent.at) : null,
    paidAt: paid ? isoTimestamp(paid.at) : null,
    anomalyKind: last.status === 'DATI_ANOMALI' ? (lastAnomaly(input.steps)?.anomaly ?? null) : null,
  });
  for (const event of events) {
    writer.paymentHistory.add({
      paymentRequestId: id,
      status: event.status,
      at: isoTimestamp(event.at),
      note: event.note,
    });
  }
}

const lastAnomaly = (steps: readonly PlannedPaymentStep[]) =>
  steps.filter((step) => step.status === 'DATI_ANOMALI').pop();

/**
 * The IBAN in the employer's data: while an anomaly in the bank details stands (an IBAN not the
 * worker's, or wrong bank codes), not the worker's own.
 */
function ibanReceived(
  ctx: SeedContext,
  worker: CoveredWorker,
  steps: readonly PlannedPaymentStep[],
): string | null {
  const lastData = steps.filter((step) => DATA_STATUSES.includes(step.status)).pop();
  if (lastData?.status !== 'DATI_ANOMALI') return worker.iban;
  // Drawn for every anomaly, so that the rest of the seed stays the same.
  const someoneElses = ctx.recentIbans.length > 0 ? ctx.random.pick(ctx.recentIbans) : worker.iban;
  const wrong = someoneElses !== worker.iban && someoneElses !== null ? someoneElses : ctx.ids.iban();
  return lastData.anomaly === 'other_data' ? worker.iban : wrong;
}
