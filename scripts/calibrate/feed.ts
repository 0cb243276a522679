/**
 * Writes a history into a real claims store as it was known at the start of a day, and brings it
 * forward day by day: rows appear when they exist, statuses and payment dates change when they
 * happen, history rows are added as they occur. What happens later is never in the store.
 */
import type { Db } from '@infocig/server/store';
import {
  APPLICATION_HISTORY,
  APPLICATION_WORKERS,
  APPLICATIONS,
  type ApplicationRow,
  COMPANIES,
  OFFICES,
  PAYMENT_HISTORY,
  PAYMENT_REQUESTS,
  type PaymentRequestRow,
  POSITIONS,
  type TableSpec,
  WORKERS,
} from '../../server/src/store/seed/tables.ts';
import { type Day, isoFromDay } from '../../server/src/timing/calendar.ts';
import { stateAt, type World } from './world.ts';

const CHUNK = 5_000;

async function insert<R>(db: Db, spec: TableSpec<R>, rows: readonly R[], onConflict = ''): Promise<void> {
  const names = spec.columns.map(([column]) => column).join(', ');
  const arrays = spec.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const sql = `INSERT INTO ${spec.name} (${names}) SELECT * FROM unnest(${arrays}) ${onConflict}`;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    await db.query(
      sql,
      spec.columns.map(([, , read]) => chunk.map(read)),
    );
  }
}

/** `ON CONFLICT (id)`: the row as it now is, every column. */
const upsert = <R>(spec: TableSpec<R>) =>
  `ON CONFLICT (id) DO UPDATE SET ${spec.columns
    .filter(([column]) => column !== 'id')
    .map(([column]) => `${column} = EXCLUDED.${column}`)
    .join(', ')}`;

const iso = (ms: number) => new Date(ms).toISOString();

export class StoreFeed {
  /** Events before this day are in the store. */
  private day: Day = Number.NEGATIVE_INFINITY;
  private readonly knownApplications = new Set<number>();

  constructor(
    private readonly db: Db,
    private readonly world: World,
  ) {}

  /** Offices, companies, positions and workers: no dates, known from the start. */
  async begin(): Promise<void> {
    const w = this.world;
    await insert(
      this.db,
      OFFICES,
      w.offices.map((o) => ({ code: o.code, name: o.name, province: o.province })),
    );
    await insert(
      this.db,
      COMPANIES,
      w.companies.map((c) => ({ cf: c.cf, name: c.name, legalSeatProvince: w.offices[c.office]!.province })),
    );
    await insert(
      this.db,
      POSITIONS,
      w.companies.map((c) => ({
        matricola: c.matricola,
        companyCf: c.cf,
        inpsOfficeCode: w.offices[c.office]!.code,
        sector: 'industria' as const,
      })),
    );
    await insert(
      this.db,
      WORKERS,
      w.applications.flatMap((a) =>
        a.workers.map((cf) => ({
          cf,
          surname: 'Rossi',
          firstName: 'Mario',
          birthDate: '1980-01-01',
          sex: 'M' as const,
          residenceProvince: w.offices[a.office]!.province,
          iban: null,
        })),
      ),
    );
  }

  /** Brings the store to the start of `day`: every event before it, nothing on or after it. */
  async advanceTo(day: Day): Promise<void> {
    if (day < this.day) throw new Error('the store only moves forward');
    const from = this.day;
    const w = this.world;
    const changedApps: ApplicationRow[] = [];
    const newWorkers: { applicationId: string; workerCf: string }[] = [];
    const appHistory: { applicationId: string; status: ApplicationRow['status']; at: string; note: null }[] =
      [];
    const changedPayments: PaymentRequestRow[] = [];
    const payHistory: {
      paymentRequestId: number;
      status: PaymentRequestRow['status'];
      at: string;
      note: null;
    }[] = [];

    w.applications.forEach((a, index) => {
      const now = stateAt(a.events, day);
      if (!now) return;
      const fresh = a.events.filter((e) => e.day >= from && e.day < day);
      if (fresh.length === 0) return;
      for (const e of fresh)
        appHistory.push({ applicationId: a.id, status: e.status, at: iso(e.at), note: null });
      const company = w.companies[a.company]!;
      const hours = a.workers.length * 80;
      changedApps.push({
        id: a.id,
        matricola: company.matricola,
        benefitType: a.benefitType,
        reason: 'Mancanza di commesse',
        periodFrom: isoFromDay(a.periodFrom),
        periodTo: isoFromDay(a.periodTo),
        status: now.status,
        statusSince: iso(a.events[now.index]!.at),
        submittedAt: iso(a.events[0]!.at),
        protocolNumber: now.status === 'INVIATA' ? null : a.protocol,
        inpsOfficeCode: w.offices[a.office]!.code,
        hoursRequested: hours,
        hoursAuthorised: now.status.startsWith('AUTORIZZATA') ? hours : null,
        decreeNumber: null,
      });
      if (!this.knownApplications.has(index)) {
        this.knownApplications.add(index);
        for (const cf of a.workers) newWorkers.push({ applicationId: a.id, workerCf: cf });
      }
    });

    for (const p of w.payments) {
      const fresh = p.events.filter((e) => e.day >= from && e.day < day);
      if (fresh.length === 0) continue;
      const now = stateAt(p.events, day)!;
      for (const e of fresh)
        payHistory.push({ paymentRequestId: p.id, status: e.status, at: iso(e.at), note: null });
      const seen = p.events.slice(0, now.index + 1);
      const method = seen.reduce((m, e) => e.method ?? m, 'bonifico' as PaymentRequestRow['method']);
      const received = seen.find((e) => e.status === 'DATI_RICEVUTI');
      const paid = seen.find((e) => e.status === 'PAGATA');
      const a = w.applications[p.application]!;
      changedPayments.push({
        id: p.id,
        applicationId: a.id,
        workerCf: p.worker,
        competenceMonth: isoFromDay(p.month),
        status: now.status,
        statusSince: iso(p.events[now.index]!.at),
        method,
        hours: 80,
        amountCents: 80 * 900,
        advanceCents: null,
        iban: null,
        dataDeadline: isoFromDay(p.deadline),
        dataReceivedAt: received ? iso(received.at) : null,
        paidAt: paid ? iso(paid.at) : null,
        anomalyKind: now.status === 'DATI_ANOMALI' ? p.anomaly : null,
      });
    }

    await this.db.transaction(async (tx) => {
      await insert(tx, APPLICATIONS, changedApps, upsert(APPLICATIONS));
      await insert(tx, APPLICATION_WORKERS, newWorkers);
      await insert(tx, APPLICATION_HISTORY, appHistory);
      await insert(tx, PAYMENT_REQUESTS, changedPayments, upsert(PAYMENT_REQUESTS));
      await insert(tx, PAYMENT_HISTORY, payHistory);
    });
    this.day = day;
  }
}
