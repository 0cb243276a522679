import type { PaymentAnomalyKind, PaymentMethod, PaymentStatus } from '@infocig/shared';
import { addMonths, type Day, monthEnd } from './calendar.ts';
import type { Random } from './random.ts';
import { type PlannedStep, stopAt } from './timeline.ts';

/**
 * How the employer's payment data turned out: valid; with an IBAN not the worker's, paid at a post
 * office; or with wrong bank codes or other errors, which the employer corrects.
 */
export type DataOutcome = 'valid' | 'post_office' | 'bank_codes_corrected' | 'data_corrected';

/** What was wrong with the data, for each outcome that is not valid. */
const ANOMALY_OF: Record<Exclude<DataOutcome, 'valid'>, { kind: PaymentAnomalyKind; note: string }> = {
  post_office: { kind: 'iban_not_owned', note: 'IBAN non intestato al lavoratore' },
  bank_codes_corrected: { kind: 'invalid_bank_codes', note: 'Codici bancari non validi' },
  data_corrected: { kind: 'other_data', note: 'Errori nei dati di pagamento' },
};

/** Fixed choices for scripted scenarios; each is drawn at random when absent. */
export interface PaymentChoices {
  advance?: boolean;
  /** Days from the request to the employer's data. */
  dataDelay?: number;
  outcome?: DataOutcome;
  returned?: boolean;
  stopAt?: PaymentStatus;
}

export interface PaymentPlanOptions extends PaymentChoices {
  /** When the request exists: the month is over and the application authorised. */
  start: Day;
  deadline: Day;
  /** The office's pace: 1 is typical, above 1 slower. */
  speed: number;
  /** The COVID-era 40% advance applies to this month and benefit. */
  advanceAllowed: boolean;
  /** The worker has an IBAN the employer can send. */
  hasIban: boolean;
}

export interface PlannedPaymentStep extends PlannedStep<PaymentStatus> {
  /** How the payment is made from this step on. */
  method?: PaymentMethod;
  /** On a DATI_ANOMALI step: what is wrong with the data. */
  anomaly?: PaymentAnomalyKind;
}

/**
 * The employer's deadline for the payment data: the end of the second month after the CIG month
 * or, when the authorisation comes later, 60 days after it (rule in force since 2022). This is the
 * date the rule gives; the chat moves it off a Sunday or holiday (legal-deadlines.ts). Lapses are
 * decided on it unmoved, so data that came on the moved day is DECADUTA here: deciding on the moved
 * date would change the random draws, and so every row generated after.
 */
export function dataDeadline(competenceMonth: Day, authorisedDay: Day): Day {
  return Math.max(monthEnd(addMonths(competenceMonth, 2)), authorisedDay + 60);
}

function drawDataDelay(random: Random): number {
  return random.weighted<() => number>([
    [() => random.int(3, 30), 72],
    [() => random.int(30, 55), 22],
    [() => random.int(55, 150), 6],
  ])();
}

/**
 * The whole course of one monthly payment: ATTESA_DATI (→ ANTICIPO_PAGATO) → DATI_RICEVUTI or
 * DATI_ANOMALI → IN_PAGAMENTO → PAGATA, with DECADUTA when the data comes after the deadline and
 * RESTITUITA when the bank sends a transfer back. Callers keep what has happened by today.
 */
export function planPayment(random: Random, options: PaymentPlanOptions): PlannedPaymentStep[] {
  const wait = (days: number) => Math.max(1, Math.round(days * options.speed));
  const steps: PlannedPaymentStep[] = [];
  let day = options.start;
  const reach = (
    status: PaymentStatus,
    after: number,
    extra: Omit<PlannedPaymentStep, 'status' | 'day'> = {},
  ) => {
    day += after;
    steps.push({ status, day, ...extra });
  };

  reach('ATTESA_DATI', 0, { method: options.hasIban ? 'bonifico' : 'bonifico_domiciliato' });
  const advance = options.advanceAllowed && (options.advance ?? random.chance(0.35));
  const advanceAfter = random.int(3, 15);
  if (advance) reach('ANTICIPO_PAGATO', advanceAfter, { note: 'Anticipo del 40% pagato' });

  // With the advance paid, employers were in less of a hurry to send the data for the balance.
  const dataDelay = options.dataDelay ?? drawDataDelay(random) + (advance ? random.int(10, 30) : 0);
  const arrival = options.start + Math.max(dataDelay, advance ? advanceAfter + 1 : 0);
  if (arrival > options.deadline) {
    reach('DECADUTA', options.deadline + 1 - day, {
      note: 'Dati non inviati entro il termine: paga il datore di lavoro',
    });
    return finish(steps, options.stopAt);
  }

  const outcome =
    options.outcome ??
    random.weighted<DataOutcome>([
      ['valid', 90],
      ['bank_codes_corrected', 3],
      ['data_corrected', 3],
      ['post_office', 4],
    ]);
  day = arrival;
  if (outcome === 'valid') {
    reach('DATI_RICEVUTI', 0);
  } else if (outcome === 'post_office') {
    // INPS pays anyway, by bonifico domiciliato (domain.md §4, step 8): nothing to correct.
    const { kind, note } = ANOMALY_OF[outcome];
    reach('DATI_ANOMALI', 0, { note, anomaly: kind, method: 'bonifico_domiciliato' });
  } else {
    const { kind, note } = ANOMALY_OF[outcome];
    reach('DATI_ANOMALI', 0, { note, anomaly: kind });
    reach('DATI_RICEVUTI', random.int(5, 30), { note: 'Dati corretti dal datore di lavoro' });
  }
  reach('IN_PAGAMENTO', wait(random.int(2, 8)));
  if (options.returned ?? random.chance(0.03)) {
    reach('RESTITUITA', random.int(5, 15), { note: 'Bonifico respinto dalla banca' });
    reach('IN_PAGAMENTO', random.int(10, 30), {
      method: 'bonifico_domiciliato',
      note: 'Riemesso come bonifico domiciliato',
    });
  }
  reach('PAGATA', random.int(1, 4));
  return finish(steps, options.stopAt);
}

function finish(steps: PlannedPaymentStep[], status: PaymentStatus | undefined): PlannedPaymentStep[] {
  return status ? stopAt(steps, status) : steps;
}

/** The payment method in force after the given steps. */
export function methodAfter(steps: readonly PlannedPaymentStep[]): PaymentMethod {
  return steps.reduce<PaymentMethod>((method, step) => step.method ?? method, 'bonifico');
}
