import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  applicationGuidance,
  BENEFIT_TYPES,
  type BenefitType,
  type Guidance,
  PAYMENT_ANOMALY_KINDS,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  type PaymentAnomalyKind,
  type PaymentMethod,
  type PaymentStatus,
  paymentGuidance,
} from '../src/index.ts';

/**
 * Every case the claims store can produce, with the guidance it gets: each application status ×
 * benefit type, and each payment status × benefit type × anomaly kind (the store sets a kind only
 * on DATI_ANOMALI) × payment method, each on days before, on and after its deadlines. Deadlines
 * are written out here, not computed with the code under test.
 */

export const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export interface Due {
  date: string;
  it: string;
  en: string;
}

/** Applications: a status reached on Monday 2 March 2026, and the deadlines that follow from it. */
export const SINCE = '2026-03-02';
export const OFFICE = 'Roma Eur';
/** 15 days (§4 step 4): Tuesday 17 March 2026. */
export const SUPPLEMENT_DUE: Due = { date: '2026-03-17', it: '17 marzo 2026', en: '17 March 2026' };
/** 30 days (§4 step 5): Wednesday 1 April 2026. */
export const APPEAL_DUE: Due = { date: '2026-04-01', it: '1 aprile 2026', en: '1 April 2026' };
const APPLICATION_TODAYS = [SINCE, '2026-03-17', '2026-03-18', '2026-04-01', '2026-04-02'];

export interface ApplicationCase {
  status: ApplicationStatus;
  benefitType: BenefitType;
  today: string;
  g: Guidance;
}

export const APPLICATION_CASES: ApplicationCase[] = APPLICATION_STATUSES.flatMap((status) =>
  BENEFIT_TYPES.flatMap((benefitType) =>
    APPLICATION_TODAYS.map((today) => ({
      status,
      benefitType,
      today,
      g: applicationGuidance({ status, statusSince: SINCE, inpsOffice: OFFICE, benefitType, today }),
    })),
  ),
);

/** Payments: CIG months either side of May 2022, with the data deadline as the store holds it. */
export const MONTHS: readonly { month: string; stored: string; due: Due }[] = [
  {
    month: '2022-04',
    stored: '2022-06-30',
    due: { date: '2022-06-30', it: '30 giugno 2022', en: '30 June 2022' },
  },
  // 31 July 2022 is a Sunday: the deadline is Monday 1 August.
  {
    month: '2022-05',
    stored: '2022-07-31',
    due: { date: '2022-08-01', it: '1 agosto 2022', en: '1 August 2022' },
  },
  {
    month: '2026-04',
    stored: '2026-06-30',
    due: { date: '2026-06-30', it: '30 giugno 2026', en: '30 June 2026' },
  },
];

export interface PaymentCase {
  status: PaymentStatus;
  benefitType: BenefitType;
  anomaly: PaymentAnomalyKind | null;
  method: PaymentMethod;
  month: string;
  due: Due;
  today: string;
  g: Guidance;
}

/** The statuses for which the store passes the data deadline (claims-store.ts). */
const WITH_DATA_DEADLINE: readonly PaymentStatus[] = ['ATTESA_DATI', 'ANTICIPO_PAGATO', 'DATI_ANOMALI'];

const anomaliesOf = (status: PaymentStatus): readonly (PaymentAnomalyKind | null)[] =>
  status === 'DATI_ANOMALI' ? PAYMENT_ANOMALY_KINDS : [null];

export const PAYMENT_CASES: PaymentCase[] = PAYMENT_STATUSES.flatMap((status) =>
  BENEFIT_TYPES.flatMap((benefitType) =>
    anomaliesOf(status).flatMap((anomaly) =>
      PAYMENT_METHODS.flatMap((method) =>
        MONTHS.flatMap(({ month, stored, due }) =>
          [addDays(due.date, -29), due.date, addDays(due.date, 1)].map((today) => ({
            status,
            benefitType,
            anomaly,
            method,
            month,
            due,
            today,
            g: paymentGuidance({
              status,
              method,
              benefitType,
              competenceMonth: month,
              paidAt: status === 'PAGATA' ? addDays(today, -2) : null,
              dataDeadline: WITH_DATA_DEADLINE.includes(status) ? stored : null,
              anomaly,
              today,
            }),
          })),
        ),
      ),
    ),
  ),
);

export const texts = (g: Guidance) => `${g.it}\n${g.en}`;
