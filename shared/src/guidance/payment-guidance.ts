import type { BenefitType } from '../domain/benefit-types.ts';
import type { PaymentMethod, PaymentStatus } from '../domain/statuses.ts';
import { anomalyGuidance } from './anomaly-guidance.ts';
import { dayEn, dayIt, isPast } from './dates.ts';
import type { Guidance } from './guidance.ts';
import { paymentDataDeadline } from './legal-deadlines.ts';
import type { PaymentAnomalyKind } from './payment-anomaly.ts';
import { paymentDataChannel } from './payment-data-channel.ts';

export interface PaymentFacts {
  status: PaymentStatus;
  method: PaymentMethod;
  benefitType: BenefitType;
  /** The month of CIG the payment is for, `YYYY-MM`. */
  competenceMonth: string;
  paidAt: string | null;
  /** The employer's deadline for the payment data as the rule gives it; moved here off a holiday. */
  dataDeadline: string | null;
  /** What is wrong with the employer's data, for DATI_ANOMALI; null otherwise. */
  anomaly: PaymentAnomalyKind | null;
  /**
   * Today in Italy (`YYYY-MM-DD`, `italianDay`): a deadline before it is worded as passed, and is
   * never the next action.
   */
  today: string;
}

/** What a monthly payment's status means for the worker, and what happens next. */
export function paymentGuidance(facts: PaymentFacts): Guidance {
  const { status, method, paidAt, today } = facts;
  const deadline = facts.dataDeadline === null ? null : paymentDataDeadline(facts.dataDeadline);
  const passed = deadline !== null && isPast(deadline, today) ? deadline : null;
  const channel = paymentDataChannel(facts.benefitType, facts.competenceMonth);
  switch (status) {
    case 'ATTESA_DATI':
      if (passed) {
        return {
          it: `INPS attendeva dal datore di lavoro i dati per pagarti (${channel.it}): il termine per inviarli è scaduto il ${dayIt(passed)}. Se non li ha inviati, deve pagarti direttamente il datore di lavoro.`,
          en: `INPS was waiting for the employer's payment data (${channel.en}): the deadline to send it passed on ${dayEn(passed)}. If it was not sent, the employer must pay you directly.`,
          nextActor: 'employer',
          actBy: null,
        };
      }
      return {
        it:
          `INPS attende dal datore di lavoro i dati per pagarti (${channel.it})` +
          (deadline
            ? `, da inviare entro il ${dayIt(deadline)}. Se non arrivano in tempo, paga il datore di lavoro.`
            : '.'),
        en:
          `INPS is waiting for the employer's payment data (${channel.en})` +
          (deadline ? `, due by ${dayEn(deadline)}. If late, the employer must pay you instead.` : '.'),
        nextActor: 'employer',
        actBy: deadline,
      };
    case 'DATI_RICEVUTI':
      return {
        // How long it usually takes is said beside the payment window, from the same cases.
        it: 'INPS ha ricevuto i dati e dispone il pagamento.',
        en: 'INPS has the data and is ordering the payment.',
        nextActor: 'inps',
        actBy: null,
      };
    case 'DATI_ANOMALI':
      return anomalyGuidance(facts.anomaly, deadline, today);
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
          it: `Hai ricevuto l'anticipo del 40%; il resto arriva dopo i dati del datore di lavoro (${channel.it}), il cui termine per l'invio è scaduto il ${dayIt(passed)}. Se non li ha inviati, il resto deve pagartelo direttamente il datore di lavoro.`,
          en: `You received the 40% advance; the rest follows the employer's data (${channel.en}), whose deadline passed on ${dayEn(passed)}. If it was not sent, the employer must pay you the rest directly.`,
          nextActor: 'employer',
          actBy: null,
        };
      }
      return {
        it:
          `Hai ricevuto l'anticipo del 40%; il resto arriva dopo che il datore di lavoro ha inviato i dati (${channel.it})` +
          (deadline ? `, da inviare entro il ${dayIt(deadline)}.` : '.'),
        en:
          `You received the 40% advance; the rest follows once the employer sends the data (${channel.en})` +
          (deadline ? `, due by ${dayEn(deadline)}.` : '.'),
        nextActor: 'employer',
        actBy: deadline,
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
