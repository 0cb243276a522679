import type { ApplicationStatus, BenefitType } from '@infocig/shared';
import type { Day } from './calendar.ts';
import { isCovidEra } from './covid.ts';
import type { Random } from './random.ts';
import { type PlannedStep, stopAt } from './timeline.ts';

export type Decision = Extract<ApplicationStatus, 'AUTORIZZATA' | 'AUTORIZZATA_PARZIALMENTE' | 'RESPINTA'>;

export interface ApplicationPlanOptions {
  benefitType: BenefitType;
  submittedDay: Day;
  /** The office's pace: 1 is typical, above 1 slower. */
  speed: number;
  /** Fixed choices for scripted scenarios; drawn at random when absent. */
  supplement?: boolean;
  decision?: Decision;
  /** Days from the start of the review (or from the documents) to the decision. */
  reviewDays?: number;
  stopAt?: ApplicationStatus;
}

const NOTES: Partial<Record<ApplicationStatus, string>> = {
  SUPPLEMENTO_ISTRUTTORIO: 'Richiesta documentazione integrativa: 15 giorni per rispondere',
  AUTORIZZATA_PARZIALMENTE: 'Autorizzate parte delle ore richieste',
  RESPINTA: 'Requisiti non soddisfatti: ricorso possibile entro 30 giorni',
};

/**
 * The whole course of an application, day by day: INVIATA → PROTOCOLLATA → IN_ISTRUTTORIA →
 * (SUPPLEMENTO_ISTRUTTORIO →) decision. Callers keep what has happened by today.
 */
export function planApplication(
  random: Random,
  options: ApplicationPlanOptions,
): PlannedStep<ApplicationStatus>[] {
  const pace = options.speed * (isCovidEra(options.submittedDay) ? 1.8 : 1);
  const wait = (days: number) => Math.max(1, Math.round(days * pace));
  const steps: PlannedStep<ApplicationStatus>[] = [];
  let day = options.submittedDay;
  const reach = (status: ApplicationStatus, after: number) => {
    day += after;
    steps.push({ status, day, ...(NOTES[status] ? { note: NOTES[status] } : {}) });
  };

  reach('INVIATA', 0);
  reach('PROTOCOLLATA', random.int(0, 2));
  reach('IN_ISTRUTTORIA', wait(random.int(1, 15)));
  const supplement = options.supplement ?? random.chance(0.18);
  if (supplement) reach('SUPPLEMENTO_ISTRUTTORIO', wait(random.int(5, 30)));
  const decision =
    options.decision ??
    random.weighted<Decision>(
      supplement
        ? [
            ['AUTORIZZATA', 60],
            ['AUTORIZZATA_PARZIALMENTE', 15],
            ['RESPINTA', 25],
          ]
        : [
            ['AUTORIZZATA', 82],
            ['AUTORIZZATA_PARZIALMENTE', 11],
            ['RESPINTA', 7],
          ],
    );
  // CIGS waits for the Ministry's decree; after a request for documents the employer has 15 days.
  const review =
    options.reviewDays ??
    (supplement
      ? random.int(15, 40)
      : wait(options.benefitType === 'CIGS' ? random.skewed(20, 120) : random.skewed(7, 80)));
  reach(decision, review);
  return options.stopAt ? stopAt(steps, options.stopAt) : steps;
}

export function isAuthorised(status: ApplicationStatus): boolean {
  return status === 'AUTORIZZATA' || status === 'AUTORIZZATA_PARZIALMENTE';
}
