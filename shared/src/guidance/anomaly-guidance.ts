import type { Label } from '../domain/labels.ts';
import { dayEn, dayIt, isPast } from './dates.ts';
import type { Guidance } from './guidance.ts';
import type { PaymentAnomalyKind } from './payment-anomaly.ts';

/** What is wrong, for the anomalies the employer has to correct. */
const CORRECTABLE: Record<Exclude<PaymentAnomalyKind, 'iban_not_owned'>, Label> = {
  invalid_bank_codes: {
    it: "I codici bancari dell'IBAN inviato dal datore di lavoro non sono validi",
    en: 'The bank codes in the IBAN the employer sent are not valid',
  },
  other_data: {
    it: 'I dati inviati dal datore di lavoro per pagarti contengono errori',
    en: 'The payment data the employer sent has errors',
  },
};

const CHECK_YOUR_IBAN: Partial<Record<PaymentAnomalyKind, Label>> = {
  invalid_bank_codes: {
    it: " Controlla di avergli dato l'IBAN giusto.",
    en: ' Check that you gave the employer the right IBAN.',
  },
};

/**
 * DATI_ANOMALI, by what is wrong (domain.md §4 Claim lifecycle, steps 7–8). `dataDeadline` is the
 * employer's deadline for the data (already moved off a holiday); corrected data is due by it.
 * An unknown kind (the store always records one) is worded as a data error to correct.
 */
export function anomalyGuidance(
  kind: PaymentAnomalyKind | null,
  dataDeadline: string | null,
  today: string,
): Guidance {
  if (kind === 'iban_not_owned') {
    // Step 8: INPS pays anyway, to be collected at a post office; nothing waits on the employer.
    return {
      it: "L'IBAN indicato dal datore di lavoro non è intestato a te. INPS ti paga comunque con un bonifico domiciliato, da ritirare a un ufficio postale quando ricevi l'avviso. Per i prossimi mesi, dai al datore di lavoro un IBAN intestato a te.",
      en: 'The IBAN the employer gave is not in your name. INPS pays you anyway by a domiciled transfer (bonifico domiciliato), to collect at a post office once you get the notice. For the coming months, give the employer an IBAN in your name.',
      nextActor: 'inps',
      actBy: null,
    };
  }
  const problem = CORRECTABLE[kind ?? 'other_data'];
  const check = CHECK_YOUR_IBAN[kind ?? 'other_data'] ?? { it: '', en: '' };
  if (dataDeadline !== null && isPast(dataDeadline, today)) {
    return {
      it: `${problem.it}: il termine per correggerli è scaduto il ${dayIt(dataDeadline)}. Se non li ha corretti in tempo, deve pagarti direttamente il datore di lavoro.`,
      en: `${problem.en}: the deadline to correct them passed on ${dayEn(dataDeadline)}. If they were not corrected in time, the employer must pay you directly.`,
      nextActor: 'employer',
      actBy: null,
    };
  }
  return {
    it: `${problem.it}: il datore di lavoro deve correggerli${dataDeadline ? ` entro il ${dayIt(dataDeadline)}` : ''}.${check.it}`,
    en: `${problem.en}: the employer must correct them${dataDeadline ? ` by ${dayEn(dataDeadline)}` : ''}.${check.en}`,
    nextActor: 'employer',
    actBy: dataDeadline,
  };
}
