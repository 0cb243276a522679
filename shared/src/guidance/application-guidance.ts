import type { ApplicationStatus } from '../domain/statuses.ts';
import { addDays, dayEn, dayIt } from './dates.ts';
import type { Guidance } from './guidance.ts';

/** The employer's time to answer a request for documents. */
export const SUPPLEMENT_DAYS = 15;
/** The time to appeal a rejection. */
export const APPEAL_DAYS = 30;

export interface ApplicationFacts {
  status: ApplicationStatus;
  statusSince: string;
  inpsOffice: string;
}

/** What an application's status means for the person asking, and what happens next. */
export function applicationGuidance({ status, statusSince, inpsOffice }: ApplicationFacts): Guidance {
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
      const by = addDays(statusSince, SUPPLEMENT_DAYS);
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
      const by = addDays(statusSince, APPEAL_DAYS);
      return {
        it: `La domanda è stata respinta. Il datore di lavoro può presentare ricorso entro il ${dayIt(by)}.`,
        en: `The application was rejected. The employer may appeal by ${dayEn(by)}.`,
        nextActor: 'employer',
        actBy: by,
      };
    }
  }
}
