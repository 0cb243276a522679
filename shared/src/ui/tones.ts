import type { ApplicationStatus, PaymentStatus } from '../domain/index.ts';

/** Colour family of a status badge; the badge always carries the status in words too. */
export type Tone = 'ok' | 'warn' | 'bad' | 'info';

export function applicationTone(status: ApplicationStatus): Tone {
  switch (status) {
    case 'AUTORIZZATA':
      return 'ok';
    case 'AUTORIZZATA_PARZIALMENTE':
    case 'SUPPLEMENTO_ISTRUTTORIO':
      return 'warn';
    case 'RESPINTA':
      return 'bad';
    default:
      return 'info';
  }
}

export function paymentTone(status: PaymentStatus): Tone {
  switch (status) {
    case 'PAGATA':
    case 'ANTICIPO_PAGATO':
      return 'ok';
    case 'DATI_ANOMALI':
    case 'RESTITUITA':
      return 'warn';
    case 'DECADUTA':
      return 'bad';
    default:
      return 'info';
  }
}
