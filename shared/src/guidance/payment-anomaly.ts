/**
 * What is wrong with the employer's payment data when a payment is in DATI_ANOMALI
 * (domain.md §4 Claim lifecycle, step 7). The next step depends on it: an IBAN that is not the
 * worker's is paid anyway, by bonifico domiciliato at a post office (step 8); the others wait for
 * the employer to correct the data.
 */
export const PAYMENT_ANOMALY_KINDS = ['iban_not_owned', 'invalid_bank_codes', 'other_data'] as const;
export type PaymentAnomalyKind = (typeof PAYMENT_ANOMALY_KINDS)[number];
