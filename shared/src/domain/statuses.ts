import type { Label } from './labels.ts';

/** Where a company's application stands (per INPS position, for a period). */
export const APPLICATION_STATUSES = [
  'INVIATA',
  'PROTOCOLLATA',
  'IN_ISTRUTTORIA',
  'SUPPLEMENTO_ISTRUTTORIO',
  'AUTORIZZATA',
  'AUTORIZZATA_PARZIALMENTE',
  'RESPINTA',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Where one worker's payment for one month of CIG ("competenza") stands. */
export const PAYMENT_STATUSES = [
  'ATTESA_DATI',
  'DATI_RICEVUTI',
  'DATI_ANOMALI',
  'IN_PAGAMENTO',
  'PAGATA',
  'ANTICIPO_PAGATO',
  'RESTITUITA',
  'DECADUTA',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** How a payment reaches the worker: transfer to their IBAN, or collected at a post office. */
export const PAYMENT_METHODS = ['bonifico', 'bonifico_domiciliato'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, Label> = {
  INVIATA: { it: 'Inviata', en: 'Submitted' },
  PROTOCOLLATA: { it: 'Protocollata', en: 'Registered' },
  IN_ISTRUTTORIA: { it: 'In istruttoria', en: 'Under review' },
  SUPPLEMENTO_ISTRUTTORIO: { it: 'Supplemento istruttorio', en: 'Documents requested' },
  AUTORIZZATA: { it: 'Autorizzata', en: 'Authorised' },
  AUTORIZZATA_PARZIALMENTE: { it: 'Autorizzata parzialmente', en: 'Partly authorised' },
  RESPINTA: { it: 'Respinta', en: 'Rejected' },
};

export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, Label> = {
  ATTESA_DATI: { it: 'In attesa dei dati del datore di lavoro', en: "Waiting for the employer's data" },
  DATI_RICEVUTI: { it: 'Dati di pagamento ricevuti', en: 'Payment data received' },
  DATI_ANOMALI: { it: 'Dati di pagamento con anomalie', en: 'Payment data with errors' },
  IN_PAGAMENTO: { it: 'In pagamento', en: 'Payment ordered' },
  PAGATA: { it: 'Pagata', en: 'Paid' },
  ANTICIPO_PAGATO: { it: 'Anticipo del 40% pagato', en: '40% advance paid' },
  RESTITUITA: { it: 'Pagamento restituito', en: 'Payment returned' },
  DECADUTA: { it: 'Decaduta: paga il datore di lavoro', en: 'Lapsed: the employer pays' },
};

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, Label> = {
  bonifico: { it: 'Bonifico sul conto corrente', en: 'Bank transfer' },
  bonifico_domiciliato: { it: 'Bonifico domiciliato (ufficio postale)', en: 'Cash at a post office' },
};

/** Statuses after which nothing more happens to an application. */
export const FINAL_APPLICATION_STATUSES: readonly ApplicationStatus[] = [
  'AUTORIZZATA',
  'AUTORIZZATA_PARZIALMENTE',
  'RESPINTA',
];

/** Statuses after which nothing more happens to a payment. */
export const FINAL_PAYMENT_STATUSES: readonly PaymentStatus[] = ['PAGATA', 'DECADUTA'];
