import type { PaymentMethod, PaymentStatus } from '../domain/statuses.ts';
import { dayEn, dayIt, isPast } from './dates.ts';
import type { Guidance } from './guidance.ts';

export interface PaymentFacts {
  status: PaymentStatus;
  method: PaymentMethod;
  paidAt: string | null;
  dataDeadline: string | null;
  /**
   * Today in Italy (`YYYY-MM-DD`, `italianDay`): a deadline before it is worded as passed, and is
   * never the next action.
   */
  today: string;
}

/** What a monthly payment's status means for the worker, and what happens next. */
export function paymentGuidance({ status, method, paidAt, dataDeadline, today }: PaymentFacts): Guidance {
  const passed = dataDeadline !== null && isPast(dataDeadline, today) ? dataDeadline : null;
  switch (status) {
    case 'ATTESA_DATI':
      if (passed) {
        return {
          it: `INPS attendeva dal datore di lavoro i dati per pagarti (flusso UniEmens-Cig): il termine per inviarli è scaduto il ${dayIt(passed)}. Se non li ha inviati, deve pagarti direttamente il datore di lavoro.`,
          en: `INPS was waiting for the employer's payment data (UniEmens-Cig): the deadline to send it passed on ${dayEn(passed)}. If it was not sent, the employer must pay you directly.`,
          nextActor: 'employer',
          actBy: null,
        };
      }
      return {
        it:
          'INPS attende dal datore di lavoro i dati per pagarti (flusso UniEmens-Cig)' +
          (dataDeadline
            ? `, da inviare entro il ${dayIt(dataDeadline)}. Se non arrivano in tempo, paga il datore di lavoro.`
            : '.'),
        en:
          "INPS is waiting for the employer's payment data (UniEmens-Cig)" +
          (dataDeadline
            ? `, due by ${dayEn(dataDeadline)}. If late, the employer must pay you instead.`
            : '.'),
        nextActor: 'employer',
        actBy: dataDeadline,
      };
    case 'DATI_RICEVUTI':
      return {
        it: 'INPS ha ricevuto i dati e dispone il pagamento: di solito servono circa 7 giorni.',
        en: 'INPS has the data and is ordering the payment: it usually takes about 7 days.',
        nextActor: 'inps',
        actBy: null,
      };
    case 'DATI_ANOMALI':
      return {
        it: 'I dati inviati dal datore di lavoro contengono errori (per esempio un IBAN non intestato a te): il datore deve correggerli. Controlla anche che il tuo IBAN sia giusto.',
        en: "The employer's data has errors (for example an IBAN not in your name): the employer must correct them. Check your IBAN too.",
        nextActor: 'employer',
        actBy: null,
      };
    case 'IN_PAGAMENTO':
      return {
        it:
          method === 'bonifico_domiciliato'
            ? "Il pagamento è disposto: potrai ritirarlo a un ufficio postale quando ricevi l'avviso."
            : 'Il pagamento è disposto: arriva sul tuo conto in pochi giorni lavorativi.',
        en:
          method === 'bonifico_domiciliato'
            ? 'The payment is ordered: you can collect it at a post office once you get the notice.'
            : 'The payment is ordered: it reaches your account within a few working days.',
        nextActor: 'inps',
        actBy: null,
      };
    case 'PAGATA':
      return {
        it: paidAt ? `Pagata il ${dayIt(paidAt)}.` : 'Pagata.',
        en: paidAt ? `Paid on ${dayEn(paidAt)}.` : 'Paid.',
        nextActor: 'none',
        actBy: null,
      };
    case 'ANTICIPO_PAGATO':
      if (passed) {
        return {
          it: `Hai ricevuto l'anticipo del 40%; il resto arriva dopo i dati del datore di lavoro, il cui termine per l'invio è scaduto il ${dayIt(passed)}.`,
          en: `You received the 40% advance; the rest follows the employer's data, whose deadline passed on ${dayEn(passed)}.`,
          nextActor: 'employer',
          actBy: null,
        };
      }
      return {
        it: "Hai ricevuto l'anticipo del 40%; il resto arriva dopo che il datore di lavoro ha inviato i dati.",
        en: 'You received the 40% advance; the rest follows once the employer sends the data.',
        nextActor: 'employer',
        actBy: dataDeadline,
      };
    case 'RESTITUITA':
      return {
        it: 'Il pagamento è tornato indietro (per esempio per un conto chiuso). Comunica un IBAN valido intestato a te.',
        en: 'The payment came back (for example, a closed account). Give INPS a valid IBAN in your name.',
        nextActor: 'worker',
        actBy: null,
      };
    case 'DECADUTA':
      return {
        it: 'Il datore di lavoro non ha inviato i dati in tempo: ora deve pagarti direttamente lui.',
        en: 'The employer did not send the data in time: the employer now has to pay you directly.',
        nextActor: 'employer',
        actBy: null,
      };
  }
}
