import type { ApplicationStatus } from '../domain/statuses.ts';
import { dayEn, dayIt, isPast } from './dates.ts';
import type { Guidance } from './guidance.ts';
import { appealDeadline, supplementReplyDeadline } from './legal-deadlines.ts';

interface MinistryFacts {
  status: ApplicationStatus;
  statusSince: string;
  today: string;
}

/**
 * An application the Ministry of Labour decides by decree (CIGS: domain.md §3 Benefit types,
 * §4 step 5), not the INPS office: while the Ministry holds it, the Ministry acts next.
 */
export function ministryApplicationGuidance({ status, statusSince, today }: MinistryFacts): Guidance {
  switch (status) {
    case 'INVIATA':
      return {
        it: 'Il datore di lavoro ha inviato la domanda, che deve ancora essere protocollata. La cassa integrazione straordinaria la concede il Ministero del Lavoro, con un decreto.',
        en: 'The employer has submitted the application, which has yet to be registered. Extraordinary wage supplementation is granted by the Ministry of Labour, by decree.',
        nextActor: 'none',
        actBy: null,
      };
    case 'PROTOCOLLATA':
      return {
        it: "La domanda è protocollata e passa all'esame del Ministero del Lavoro, che la concede con un decreto.",
        en: 'The application is registered and goes to the Ministry of Labour for review; the Ministry grants it by decree.',
        nextActor: 'ministry',
        actBy: null,
      };
    case 'IN_ISTRUTTORIA':
      return {
        it: 'Il Ministero del Lavoro sta esaminando la domanda: se la accoglie, la autorizza con un decreto e poi INPS paga.',
        en: 'The Ministry of Labour is reviewing the application: if it grants it, it issues a decree and INPS then pays.',
        nextActor: 'ministry',
        actBy: null,
      };
    case 'SUPPLEMENTO_ISTRUTTORIO': {
      const by = supplementReplyDeadline(statusSince);
      if (isPast(by, today)) {
        return {
          it: `Il Ministero del Lavoro ha chiesto documenti al datore di lavoro: il termine per inviarli è scaduto il ${dayIt(by)}. Il Ministero decide con quello che ha.`,
          en: `The Ministry of Labour asked the employer for documents: the deadline to send them passed on ${dayEn(by)}. The Ministry decides on what it has.`,
          nextActor: 'ministry',
          actBy: null,
        };
      }
      return {
        it: `Il Ministero del Lavoro ha chiesto documenti al datore di lavoro, che deve inviarli entro il ${dayIt(by)}.`,
        en: `The Ministry of Labour has asked the employer for documents, due by ${dayEn(by)}.`,
        nextActor: 'employer',
        actBy: by,
      };
    }
    case 'AUTORIZZATA':
      return {
        it: 'La domanda è autorizzata con decreto del Ministero del Lavoro. Per ogni mese INPS paga dopo aver ricevuto i dati dal datore di lavoro.',
        en: "The application is authorised by a Ministry of Labour decree. For each month, INPS pays once it has the employer's payment data.",
        nextActor: 'employer',
        actBy: null,
      };
    case 'AUTORIZZATA_PARZIALMENTE':
      return {
        it: 'Il decreto del Ministero del Lavoro autorizza la domanda solo in parte (periodi, lavoratori o ore). Per la parte autorizzata INPS paga dopo i dati del datore di lavoro.',
        en: "The Ministry of Labour decree authorises the application only in part (periods, staff or hours). For the authorised part INPS pays once it has the employer's data.",
        nextActor: 'employer',
        actBy: null,
      };
    case 'RESPINTA': {
      const by = appealDeadline(statusSince);
      if (isPast(by, today)) {
        return {
          it: `Il Ministero del Lavoro ha respinto la domanda con un decreto: il termine per il ricorso è scaduto il ${dayIt(by)}.`,
          en: `The Ministry of Labour rejected the application by decree: the deadline to appeal passed on ${dayEn(by)}.`,
          nextActor: 'none',
          actBy: null,
        };
      }
      return {
        it: `Il Ministero del Lavoro ha respinto la domanda con un decreto. Il datore di lavoro può presentare ricorso contro il decreto entro il ${dayIt(by)}.`,
        en: `The Ministry of Labour rejected the application by decree. The employer may appeal against the decree by ${dayEn(by)}.`,
        nextActor: 'employer',
        actBy: by,
      };
    }
  }
}
