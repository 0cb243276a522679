import type {
  ApplicationStatus,
  Audience,
  BenefitType,
  PaymentAnomalyKind,
  PaymentMethod,
  PaymentStatus,
  VisitorRole,
} from '@infocig/shared';

/** Economic sectors of INPS positions; they decide which benefit types a company can claim. */
export const SECTORS = [
  'industria',
  'edilizia',
  'artigianato',
  'commercio',
  'terziario',
  'trasporti',
  'agricoltura',
] as const;
export type Sector = (typeof SECTORS)[number];

export const INTERMEDIARY_KINDS = [
  'consulente_del_lavoro',
  'commercialista',
  'avvocato',
  'centro_servizi',
] as const;
export type IntermediaryKind = (typeof INTERMEDIARY_KINDS)[number];

// Dates are `YYYY-MM-DD`, instants ISO 8601 strings.

export interface OfficeRow {
  code: string;
  name: string;
  province: string;
}
export interface CompanyRow {
  cf: string;
  name: string;
  legalSeatProvince: string;
}
export interface PositionRow {
  matricola: string;
  companyCf: string;
  inpsOfficeCode: string;
  sector: Sector;
}
export interface WorkerRow {
  cf: string;
  surname: string;
  firstName: string;
  birthDate: string;
  sex: 'M' | 'F';
  residenceProvince: string;
  iban: string | null;
}
export interface ApplicationRow {
  id: string;
  matricola: string;
  benefitType: BenefitType;
  reason: string;
  periodFrom: string;
  periodTo: string;
  status: ApplicationStatus;
  statusSince: string;
  submittedAt: string;
  protocolNumber: string | null;
  inpsOfficeCode: string;
  hoursRequested: number;
  hoursAuthorised: number | null;
  decreeNumber: string | null;
}
export interface ApplicationWorkerRow {
  applicationId: string;
  workerCf: string;
}
export interface ApplicationHistoryRow {
  applicationId: string;
  status: ApplicationStatus;
  at: string;
  note: string | null;
}
export interface PaymentRequestRow {
  id: number;
  applicationId: string;
  workerCf: string;
  competenceMonth: string;
  status: PaymentStatus;
  statusSince: string;
  method: PaymentMethod;
  hours: number | null;
  amountCents: number | null;
  advanceCents: number | null;
  iban: string | null;
  dataDeadline: string;
  dataReceivedAt: string | null;
  paidAt: string | null;
  /** What is wrong with the employer's data, while the payment is in DATI_ANOMALI. */
  anomalyKind: PaymentAnomalyKind | null;
}
export interface PaymentHistoryRow {
  paymentRequestId: number;
  status: PaymentStatus;
  at: string;
  note: string | null;
}
export interface IntermediaryRow {
  cf: string;
  name: string;
  kind: IntermediaryKind;
}
export interface DelegationRow {
  intermediaryCf: string;
  companyCf: string;
  grantedAt: string;
  revokedAt: string | null;
}

/** A visit of the history the figures are made from (see `interactions.ts`). */
export interface InteractionRow {
  day: string;
  personKey: string;
  audience: Audience;
  role: VisitorRole;
  startedAt: string;
  outcome: 'self_service' | 'chat' | 'follow_up';
  waitSeconds: number | null;
  firstResponseSeconds: number | null;
}
/** A day's follow-ups opened and answered, of one audience and user category. */
export interface FollowUpCountRow {
  day: string;
  audience: Audience;
  category: 'worker' | 'employer' | 'intermediary';
  opened: number;
  answered: number;
}

/** A table as the bulk insert sees it: each column's name, SQL type and how to read it from a row. */
export interface TableSpec<R> {
  name: string;
  columns: readonly (readonly [column: string, sqlType: string, read: (row: R) => unknown])[];
  /** What to do with a row whose key is there already (`ON CONFLICT ...`); by default the insert fails. */
  onConflict?: string;
}

export const OFFICES: TableSpec<OfficeRow> = {
  name: 'inps_offices',
  columns: [
    ['code', 'text', (r) => r.code],
    ['name', 'text', (r) => r.name],
    ['province', 'text', (r) => r.province],
  ],
};

export const COMPANIES: TableSpec<CompanyRow> = {
  name: 'companies',
  columns: [
    ['cf', 'text', (r) => r.cf],
    ['name', 'text', (r) => r.name],
    ['legal_seat_province', 'text', (r) => r.legalSeatProvince],
  ],
};

export const POSITIONS: TableSpec<PositionRow> = {
  name: 'company_positions',
  columns: [
    ['matricola', 'text', (r) => r.matricola],
    ['company_cf', 'text', (r) => r.companyCf],
    ['inps_office_code', 'text', (r) => r.inpsOfficeCode],
    ['sector', 'text', (r) => r.sector],
  ],
};

export const WORKERS: TableSpec<WorkerRow> = {
  name: 'workers',
  columns: [
    ['cf', 'text', (r) => r.cf],
    ['surname', 'text', (r) => r.surname],
    ['first_name', 'text', (r) => r.firstName],
    ['birth_date', 'date', (r) => r.birthDate],
    ['sex', 'text', (r) => r.sex],
    ['residence_province', 'text', (r) => r.residenceProvince],
    ['iban', 'text', (r) => r.iban],
  ],
};

export const APPLICATIONS: TableSpec<ApplicationRow> = {
  name: 'applications',
  columns: [
    ['id', 'text', (r) => r.id],
    ['matricola', 'text', (r) => r.matricola],
    ['benefit_type', 'text', (r) => r.benefitType],
    ['reason', 'text', (r) => r.reason],
    ['period_from', 'date', (r) => r.periodFrom],
    ['period_to', 'date', (r) => r.periodTo],
    ['status', 'text', (r) => r.status],
    ['status_since', 'timestamptz', (r) => r.statusSince],
    ['submitted_at', 'timestamptz', (r) => r.submittedAt],
    ['protocol_number', 'text', (r) => r.protocolNumber],
    ['inps_office_code', 'text', (r) => r.inpsOfficeCode],
    ['hours_requested', 'integer', (r) => r.hoursRequested],
    ['hours_authorised', 'integer', (r) => r.hoursAuthorised],
    ['decree_number', 'text', (r) => r.decreeNumber],
  ],
};

export const APPLICATION_WORKERS: TableSpec<ApplicationWorkerRow> = {
  name: 'application_workers',
  columns: [
    ['application_id', 'text', (r) => r.applicationId],
    ['worker_cf', 'text', (r) => r.workerCf],
  ],
};

export const APPLICATION_HISTORY: TableSpec<ApplicationHistoryRow> = {
  name: 'application_status_history',
  columns: [
    ['application_id', 'text', (r) => r.applicationId],
    ['status', 'text', (r) => r.status],
    ['at', 'timestamptz', (r) => r.at],
    ['note', 'text', (r) => r.note],
  ],
};

export const PAYMENT_REQUESTS: TableSpec<PaymentRequestRow> = {
  name: 'payment_requests',
  columns: [
    ['id', 'bigint', (r) => r.id],
    ['application_id', 'text', (r) => r.applicationId],
    ['worker_cf', 'text', (r) => r.workerCf],
    ['competence_month', 'date', (r) => r.competenceMonth],
    ['status', 'text', (r) => r.status],
    ['status_since', 'timestamptz', (r) => r.statusSince],
    ['method', 'text', (r) => r.method],
    ['hours', 'numeric', (r) => r.hours],
    ['amount_cents', 'integer', (r) => r.amountCents],
    ['advance_cents', 'integer', (r) => r.advanceCents],
    ['iban', 'text', (r) => r.iban],
    ['data_deadline', 'date', (r) => r.dataDeadline],
    ['data_received_at', 'timestamptz', (r) => r.dataReceivedAt],
    ['paid_at', 'timestamptz', (r) => r.paidAt],
    ['anomaly_kind', 'text', (r) => r.anomalyKind],
  ],
};

export const PAYMENT_HISTORY: TableSpec<PaymentHistoryRow> = {
  name: 'payment_status_history',
  columns: [
    ['payment_request_id', 'bigint', (r) => r.paymentRequestId],
    ['status', 'text', (r) => r.status],
    ['at', 'timestamptz', (r) => r.at],
    ['note', 'text', (r) => r.note],
  ],
};

export const INTERMEDIARIES: TableSpec<IntermediaryRow> = {
  name: 'intermediaries',
  columns: [
    ['cf', 'text', (r) => r.cf],
    ['name', 'text', (r) => r.name],
    ['kind', 'text', (r) => r.kind],
  ],
};

export const DELEGATIONS: TableSpec<DelegationRow> = {
  name: 'delegations',
  columns: [
    ['intermediary_cf', 'text', (r) => r.intermediaryCf],
    ['company_cf', 'text', (r) => r.companyCf],
    ['granted_at', 'timestamptz', (r) => r.grantedAt],
    ['revoked_at', 'timestamptz', (r) => r.revokedAt],
  ],
};

export const INTERACTIONS: TableSpec<InteractionRow> = {
  name: 'interactions',
  columns: [
    ['day', 'date', (r) => r.day],
    ['person_key', 'text', (r) => r.personKey],
    ['audience', 'text', (r) => r.audience],
    ['role', 'text', (r) => r.role],
    ['started_at', 'timestamptz', (r) => r.startedAt],
    ['outcome', 'text', (r) => r.outcome],
    ['wait_seconds', 'double precision', (r) => r.waitSeconds],
    ['first_response_seconds', 'double precision', (r) => r.firstResponseSeconds],
  ],
};

/** Added to any count already there (a store that counted follow-ups before it was seeded). */
export const FOLLOW_UP_COUNTS: TableSpec<FollowUpCountRow> = {
  name: 'follow_up_counts',
  columns: [
    ['day', 'date', (r) => r.day],
    ['audience', 'text', (r) => r.audience],
    ['category', 'text', (r) => r.category],
    ['opened', 'integer', (r) => r.opened],
    ['answered', 'integer', (r) => r.answered],
  ],
  onConflict: `ON CONFLICT (day, audience, category) DO UPDATE SET
    opened = follow_up_counts.opened + EXCLUDED.opened, answered = follow_up_counts.answered + EXCLUDED.answered`,
};
