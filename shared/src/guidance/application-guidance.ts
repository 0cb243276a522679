import type { BenefitType } from '../domain/benefit-types.ts';
import type { ApplicationStatus } from '../domain/statuses.ts';
import { dayEn, dayIt, isPast } from './dates.ts';
import type { Guidance } from './guidance.ts';
import { appealDeadline, supplementReplyDeadline } from './legal-deadlines.ts';
import { ministryApplicationGuidance } from './ministry-application-guidance.ts';

export interface ApplicationFacts {
  status: ApplicationStatus;
  statusSince: string;
  inpsOffice: string;
  benefitType: BenefitType;
  /**
   * Today in Italy (`YYYY-MM-DD`, `italianDay`): a deadline before it is worded as passed, and is
   * never the next action.
   */
  today: string;
}

/** CIGS is granted by a decree of the Ministry of Labour (domain.md §3 Benefit types, §4 step 5). */
export const grantedByMinistryDecree = (benefitType: BenefitType) => benefitType === 'CIGS';

/** What an application's status means for the person asking, and what happens next. */
export function applicationGuidance(facts: ApplicationFacts): Guidance {
  if (grantedByMinistryDecree(facts.benefitType)) return ministryApplicationGuidance(facts);
  const { status, statusSince, inpsOffice, today } = facts;
  switch (status) {
    case 'INVIATA':
      return {
        it: 'Il datore di lavoro ha inviato la domanda; INPS la deve ancora protocollare.',
        en: 'The employer has submitted the application; INPS has yet to register it.',
        nextActor: 'inps',
        actBy: null,
      };
    case 'PROTOCOLLATA':
      return {
        it: `La domanda è protocollata e passa all'esame della sede ${inpsOffice}.`,
        en: `The application is registered and goes to the ${inpsOffice} office for review.`,
        nextActor: 'inps',
        actBy: null,
      };
    case 'IN_ISTRUTTORIA':
      return {
        it: `La sede ${inpsOffice} sta esaminando la domanda. La legge non fissa un termine per l'esame.`,
        en: `The ${inpsOffice} office is reviewing the application. The law sets no time limit for the review.`,
        nextActor: 'inps',
        actBy: null,
      };
    case 'SUPPLEMENTO_ISTRUTTORIO': {
      const by = supplementReplyDeadline(statusSince);
      if (isPast(by, today)) {
        return {
          it: `INPS ha chiesto documenti al datore di lavoro: il termine per inviarli è scaduto il ${dayIt(by)}. La sede ${inpsOffice} decide con quello che ha.`,
          en: `INPS asked the employer for documents: the deadline to send them passed on ${dayEn(by)}. The ${inpsOffice} office decides on what it has.`,
          nextActor: 'inps',
          actBy: null,
        };
      }
      return {
        it: `INPS ha chiesto documenti al datore di lavoro, che deve inviarli entro il ${dayIt(by)}.`,
        en: `INPS has asked the employer for documents, due by ${dayEn(by)}.`,
        nextActor: 'employer',
        actBy: by,
      };
    }
    case 'AUTORIZZATA':
      return {
        it: 'La domanda è autorizzata. Per ogni mese INPS paga dopo aver ricevuto i dati dal datore di lavoro.',
        en: "The application is authorised. For each month, INPS pays once it has the employer's payment data.",
        nextActor: 'employer',
        actBy: null,
      };
    case 'AUTORIZZATA_PARZIALMENTE':
      return {
        it: 'La domanda è autorizzata solo in parte (periodi, lavoratori o ore). Per la parte autorizzata INPS paga dopo i dati del datore di lavoro.',
        en: "The application is only partly authorised (periods, staff or hours). For the authorised part INPS pays once it has the employer's data.",
        nextActor: 'employer',
        actBy: null,
      };
    case 'RESPINTA': {
      const by = appealDeadline(statusSince);
      if (isPast(by, today)) {
        return {
          it: `La domanda è stata respinta: il termine per il ricorso è scaduto il ${dayIt(by)}.`,
          en: `The application was rejected: the deadline to appeal passed on ${dayEn(by)}.`,
          nextActor: 'none',
          actBy: null,
        };
      }
      return {
        it: `La domanda è stata respinta. Il datore di lavoro può presentare ricorso entro il ${dayIt(by)}.`,
        en: `The application was rejected. The employer may appeal by ${dayEn(by)}.`,
        nextActor: 'employer',
        actBy: by,
      };
    }
  }
}
