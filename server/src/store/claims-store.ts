import {
  type ApplicationStatus,
  applicationGuidance,
  type BenefitType,
  type ClaimSummary,
  italianDay,
  maskIban,
  type PaymentAnomalyKind,
  type PaymentMethod,
  type PaymentStatus,
  type PaymentSummary,
  paymentDataDeadline,
  paymentGuidance,
} from '@infocig/shared';
import type { Db } from './db.ts';
import { gathered, rowsByKey } from './gathered.ts';

export interface CompanyRef {
  cf: string;
  name: string;
  /** Province of the legal seat (sigla). */
  province: string;
}

/** What the chat reads about claims: always for one person or company, never in bulk. */
export interface ClaimsStore {
  /** Applications covering the worker with that worker's own payments, newest first. */
  claimsForWorker(codiceFiscale: string): Promise<ClaimSummary[]>;
  /** The company's applications over all its matricole, newest first; no payments, workers counted. */
  claimsForCompany(companyCf: string): Promise<ClaimSummary[]>;
  company(companyCf: string): Promise<CompanyRef | null>;
  /** Companies with an active (not revoked) delegation to the intermediary, by name. */
  delegatedCompanies(intermediaryCf: string): Promise<CompanyRef[]>;
  isEmpty(): Promise<boolean>;
  ping(): Promise<void>;
}

// Status dates are the calendar day in Italy, whatever the session time zone.
const localDate = (column: string) => `to_char(${column} AT TIME ZONE 'Europe/Rome', 'YYYY-MM-DD')`;

const APPLICATION_COLUMNS = `
  a.id AS application_id,
  a.benefit_type,
  c.name AS company_name,
  a.matricola,
  a.period_from,
  a.period_to,
  a.status,
  ${localDate('a.status_since')} AS status_since,
  a.protocol_number,
  o.name AS inps_office,
  a.inps_office_code,
  a.workers_covered`;

const APPLICATION_JOINS = `
  JOIN company_positions cp ON cp.matricola = a.matricola
  JOIN companies c ON c.cf = cp.company_cf
  JOIN inps_offices o ON o.code = a.inps_office_code`;

const NEWEST_FIRST = 'a.submitted_at DESC, a.id DESC';

interface ApplicationRow {
  application_id: string;
  benefit_type: BenefitType;
  company_name: string;
  matricola: string;
  period_from: string;
  period_to: string;
  status: ApplicationStatus;
  status_since: string;
  protocol_number: string | null;
  inps_office: string;
  inps_office_code: string;
  workers_covered: number;
}

/** One application with at most one of the worker's payments (LEFT JOIN): null columns when none. */
interface WorkerClaimRow extends ApplicationRow {
  worker_cf: string;
  payment_month: string | null;
  payment_status: PaymentStatus | null;
  payment_status_since: string | null;
  payment_method: PaymentMethod | null;
  payment_amount_cents: number | null;
  payment_iban: string | null;
  payment_paid_at: string | null;
  payment_data_deadline: string | null;
  /** Set only while the payment is in DATI_ANOMALI (a constraint of the table). */
  payment_anomaly_kind: PaymentAnomalyKind | null;
}

interface CompanyRow {
  cf: string;
  name: string;
  province: string;
}

// For several workers at once ($1 is an array): connects arriving together share one statement.
const WORKER_CLAIMS_SQL = `
WITH claims AS (
  SELECT aw.worker_cf, ${APPLICATION_COLUMNS}, a.submitted_at
  FROM application_workers aw
  JOIN applications a ON a.id = aw.application_id
  ${APPLICATION_JOINS}
  WHERE aw.worker_cf = ANY($1::text[])
)
SELECT claims.*,
  to_char(p.competence_month, 'YYYY-MM') AS payment_month,
  p.status AS payment_status,
  ${localDate('p.status_since')} AS payment_status_since,
  p.method AS payment_method,
  p.amount_cents AS payment_amount_cents,
  p.iban AS payment_iban,
  ${localDate('p.paid_at')} AS payment_paid_at,
  CASE WHEN p.status IN ('ATTESA_DATI', 'ANTICIPO_PAGATO', 'DATI_ANOMALI')
    THEN p.data_deadline END AS payment_data_deadline,
  p.anomaly_kind AS payment_anomaly_kind
FROM claims
LEFT JOIN payment_requests p ON p.application_id = claims.application_id AND p.worker_cf = claims.worker_cf
ORDER BY claims.worker_cf, claims.submitted_at DESC, claims.application_id DESC, p.competence_month DESC`;

const COMPANY_CLAIMS_SQL = `
SELECT ${APPLICATION_COLUMNS}
FROM applications a
${APPLICATION_JOINS}
WHERE cp.company_cf = $1
ORDER BY ${NEWEST_FIRST}`;

const COMPANY_COLUMNS = 'c.cf, c.name, c.legal_seat_province AS province';

function toClaim(row: ApplicationRow): ClaimSummary {
  return {
    applicationId: row.application_id,
    benefitType: row.benefit_type,
    companyName: row.company_name,
    matricola: row.matricola,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    status: row.status,
    statusSince: row.status_since,
    protocolNumber: row.protocol_number,
    inpsOffice: row.inps_office,
    inpsOfficeCode: row.inps_office_code,
    workersCovered: row.workers_covered,
    payments: [],
    guidance: applicationGuidance({
      status: row.status,
      statusSince: row.status_since,
      inpsOffice: row.inps_office,
      benefitType: row.benefit_type,
      today: italianDay(new Date()),
    }),
    estimate: null,
  };
}

function toPayment(row: WorkerClaimRow): PaymentSummary | null {
  if (row.payment_month === null || row.payment_status === null || row.payment_method === null) return null;
  const dataDeadline =
    row.payment_data_deadline === null ? null : paymentDataDeadline(row.payment_data_deadline);
  return {
    competenceMonth: row.payment_month,
    status: row.payment_status,
    statusSince: row.payment_status_since ?? row.status_since,
    method: row.payment_method,
    amountCents: row.payment_amount_cents,
    ibanMasked: row.payment_iban === null ? null : maskIban(row.payment_iban),
    paidAt: row.payment_paid_at,
    dataDeadline,
    guidance: paymentGuidance({
      status: row.payment_status,
      method: row.payment_method,
      benefitType: row.benefit_type,
      competenceMonth: row.payment_month,
      paidAt: row.payment_paid_at,
      dataDeadline,
      anomaly: row.payment_anomaly_kind,
      today: italianDay(new Date()),
    }),
    // Filled in by the payment-timing estimator, which needs history the row does not carry.
    estimate: null,
  };
}

/** Folds one worker's joined rows (already in order) into one claim per application. */
function groupWorkerClaims(rows: readonly WorkerClaimRow[]): ClaimSummary[] {
  const claims: ClaimSummary[] = [];
  let current: ClaimSummary | undefined;
  for (const row of rows) {
    if (current?.applicationId !== row.application_id) {
      current = toClaim(row);
      claims.push(current);
    }
    const payment = toPayment(row);
    if (payment) current.payments.push(payment);
  }
  return claims;
}

/** Every read here runs at each connection or assignment, with fixed SQL. */
const PREPARED = { prepare: true } as const;

export function createClaimsStore(db: Db): ClaimsStore {
  // Each worker's rows are folded afresh, so a worker asked twice in one batch gets two copies.
  const claimsForWorkers = gathered(async (workers: readonly string[]) => {
    const rows = await db.query<WorkerClaimRow>(WORKER_CLAIMS_SQL, [workers], PREPARED);
    return rowsByKey(workers, rows, (row) => row.worker_cf).map(groupWorkerClaims);
  });
  return {
    claimsForWorker: claimsForWorkers,

    async claimsForCompany(companyCf) {
      return (await db.query<ApplicationRow>(COMPANY_CLAIMS_SQL, [companyCf], PREPARED)).map(toClaim);
    },

    async company(companyCf) {
      const rows = await db.query<CompanyRow>(
        `SELECT ${COMPANY_COLUMNS} FROM companies c WHERE c.cf = $1`,
        [companyCf],
        PREPARED,
      );
      return rows[0] ?? null;
    },

    async delegatedCompanies(intermediaryCf) {
      return db.query<CompanyRow>(
        `SELECT ${COMPANY_COLUMNS}
         FROM delegations d JOIN companies c ON c.cf = d.company_cf
         WHERE d.intermediary_cf = $1 AND d.revoked_at IS NULL
         ORDER BY c.name, c.cf`,
        [intermediaryCf],
        PREPARED,
      );
    },

    async isEmpty() {
      const rows = await db.query<{ empty: boolean }>(
        'SELECT NOT EXISTS (SELECT 1 FROM companies) AND NOT EXISTS (SELECT 1 FROM workers) AS empty',
      );
      return rows[0]?.empty ?? true;
    },

    async ping() {
      await db.query('SELECT 1');
    },
  };
}
