import type { Stage } from './stage.ts';

/**
 * Windows from published INPS figures, in days from entering a stage, for when history is thin:
 * about 7 days from the payment data to the payment; the employer has until the end of the second
 * month after the CIG month to send the data; end to end 8–9 weeks, with a stated target of ~40 days.
 */
const PAYMENT: Record<string, [number, number]> = {
  ATTESA_DATI: [14, 75],
  ANTICIPO_PAGATO: [14, 75],
  DATI_RICEVUTI: [4, 10],
  DATI_ANOMALI: [20, 60],
  IN_PAGAMENTO: [1, 7],
  RESTITUITA: [14, 45],
};

const APPLICATION: Record<string, [number, number]> = {
  INVIATA: [40, 90],
  PROTOCOLLATA: [35, 85],
  IN_ISTRUTTORIA: [30, 80],
  SUPPLEMENTO_ISTRUTTORIO: [30, 80],
  AUTORIZZATA: [14, 75],
  AUTORIZZATA_PARZIALMENTE: [14, 75],
};

/** Null for stages after which no payment is expected (paid, lapsed, rejected). */
export function publishedWindow(stage: Stage): [number, number] | null {
  return (stage.kind === 'payment' ? PAYMENT : APPLICATION)[stage.status] ?? null;
}
