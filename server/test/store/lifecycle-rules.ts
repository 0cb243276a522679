import type { ApplicationStatus, PaymentStatus } from '@infocig/shared';

/**
 * The orders the domain brief gives, written out independently of the generator: which status may
 * follow which (`start` names the first).
 */
export const APPLICATION_NEXT: Readonly<Record<ApplicationStatus | 'start', readonly ApplicationStatus[]>> = {
  start: ['INVIATA'],
  INVIATA: ['PROTOCOLLATA'],
  PROTOCOLLATA: ['IN_ISTRUTTORIA'],
  IN_ISTRUTTORIA: ['SUPPLEMENTO_ISTRUTTORIO', 'AUTORIZZATA', 'AUTORIZZATA_PARZIALMENTE', 'RESPINTA'],
  SUPPLEMENTO_ISTRUTTORIO: ['AUTORIZZATA', 'AUTORIZZATA_PARZIALMENTE', 'RESPINTA'],
  AUTORIZZATA: [],
  AUTORIZZATA_PARZIALMENTE: [],
  RESPINTA: [],
};

export const PAYMENT_NEXT: Readonly<Record<PaymentStatus | 'start', readonly PaymentStatus[]>> = {
  start: ['ATTESA_DATI'],
  ATTESA_DATI: ['ANTICIPO_PAGATO', 'DATI_RICEVUTI', 'DATI_ANOMALI', 'DECADUTA'],
  ANTICIPO_PAGATO: ['DATI_RICEVUTI', 'DATI_ANOMALI', 'DECADUTA'],
  // Corrected by the employer, or paid at a post office when the IBAN is not the worker's.
  DATI_ANOMALI: ['DATI_RICEVUTI', 'IN_PAGAMENTO'],
  DATI_RICEVUTI: ['IN_PAGAMENTO'],
  // A returned transfer is issued again, to be collected at a post office.
  IN_PAGAMENTO: ['PAGATA', 'RESTITUITA'],
  RESTITUITA: ['IN_PAGAMENTO'],
  PAGATA: [],
  DECADUTA: [],
};

interface HistoryRow<S> {
  owner: string;
  status: S;
  at: Date;
}

/** Every history that breaks the order, described; empty when all are in order. */
export function outOfOrder<S extends string>(
  rows: readonly HistoryRow<S>[],
  next: Readonly<Record<S | 'start', readonly S[]>>,
): string[] {
  const problems: string[] = [];
  let owner: string | undefined;
  let previous: HistoryRow<S> | undefined;
  for (const row of rows) {
    const from: S | 'start' = row.owner === owner && previous ? previous.status : 'start';
    if (!next[from].includes(row.status)) problems.push(`${row.owner}: ${from} → ${row.status}`);
    if (row.owner === owner && previous && row.at <= previous.at)
      problems.push(`${row.owner}: time goes back`);
    owner = row.owner;
    previous = row;
  }
  return problems;
}
