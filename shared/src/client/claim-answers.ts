import type { ApplicationStatus, Language, Role } from '../domain/index.ts';
import type { Guidance, NextActor } from '../guidance/index.ts';
import type { PaymentEstimate } from '../protocol/index.ts';
import { formatDate } from './i18n.ts';

/**
 * Who is reading a claim's guidance: "who acts next" is worded for them — a worker is "tu" when
 * the worker must act, an owner is "la tua azienda" when the employer must, an advisor reads
 * everyone in the third person.
 */
export type Reader = 'worker' | 'employer' | 'intermediary' | 'staff';

export function readerOf(role: Role): Reader {
  switch (role) {
    case 'lavoratore':
      return 'worker';
    case 'titolare':
    case 'legale_rappresentante':
      return 'employer';
    case 'consulente':
      return 'intermediary';
    case 'advisor':
    case 'supervisor':
      return 'staff';
  }
}

type Words = Record<Language, string>;
type ActingParty = Exclude<NextActor, 'none'>;

const INPS: Words = { it: 'INPS', en: 'INPS' };
const MINISTRY: Words = { it: 'il Ministero del Lavoro', en: 'the Ministry of Labour' };
const THE_EMPLOYER: Words = { it: 'il datore di lavoro', en: 'the employer' };
const THE_WORKER: Words = { it: 'il lavoratore', en: 'the worker' };
const YOU: Words = { it: 'tu', en: 'you' };

const ACTORS: Record<Reader, Record<ActingParty, Words>> = {
  worker: { inps: INPS, ministry: MINISTRY, employer: THE_EMPLOYER, worker: YOU },
  employer: {
    inps: INPS,
    ministry: MINISTRY,
    employer: { it: 'la tua azienda', en: 'your company' },
    worker: THE_WORKER,
  },
  intermediary: {
    inps: INPS,
    ministry: MINISTRY,
    employer: { it: 'l’azienda (o tu, per suo conto)', en: 'the company (or you, on its behalf)' },
    worker: THE_WORKER,
  },
  staff: { inps: INPS, ministry: MINISTRY, employer: THE_EMPLOYER, worker: THE_WORKER },
};

/** "Who acts next" in parts, so that a view can set the actor in bold. `actor` is null for nobody. */
export interface NextStep {
  label: string;
  actor: string | null;
  /** "entro il 31 dicembre 2026", when a rule sets a date. */
  by: string | null;
}

export function nextStep(lang: Language, guidance: Guidance, reader: Reader): NextStep {
  const by = guidance.actBy
    ? `${lang === 'it' ? 'entro il' : 'by'} ${formatDate(lang, guidance.actBy, 'long')}`
    : null;
  if (guidance.nextActor === 'none') {
    return { label: lang === 'it' ? 'Nessuna azione necessaria' : 'No action needed', actor: null, by };
  }
  return {
    label: lang === 'it' ? 'Chi deve agire ora' : 'Who acts next',
    actor: ACTORS[reader][guidance.nextActor][lang],
    by,
  };
}

/** "Chi deve agire ora: il datore di lavoro, entro il 31 dicembre 2026" as one line. */
export function nextStepText(lang: Language, guidance: Guidance, reader: Reader): string {
  const step = nextStep(lang, guidance, reader);
  if (step.actor === null) return step.by ? `${step.label} (${step.by})` : step.label;
  return `${step.label}: ${step.actor}${step.by ? `, ${step.by}` : ''}`;
}

const CONFIDENCE: Record<PaymentEstimate['confidence'], Words> = {
  high: { it: 'alta', en: 'high' },
  medium: { it: 'media', en: 'medium' },
  low: { it: 'bassa', en: 'low' },
};

export function confidenceWord(lang: Language, confidence: PaymentEstimate['confidence']): string {
  return CONFIDENCE[confidence][lang];
}

/** A payment's own window, or, for an application not yet decided, its first payment's. */
export type EstimateOf = 'payment' | 'first-payment';

const DECIDED: readonly ApplicationStatus[] = ['AUTORIZZATA', 'AUTORIZZATA_PARZIALMENTE', 'RESPINTA'];

/**
 * What an application's own estimate is about: its first payment while undecided; once decided,
 * just "a payment" (an employer's view lists no payments, so "first" may not be true).
 */
export function claimEstimateOf(status: ApplicationStatus): EstimateOf {
  return DECIDED.includes(status) ? 'payment' : 'first-payment';
}

/**
 * The start of a range without what its end says anyway: "3" before "19 dicembre 2026",
 * "28 novembre" before "9 dicembre 2026", the full date before a date of another year.
 */
function rangeStart(lang: Language, from: string, to: string): string {
  if (from.slice(0, 4) !== to.slice(0, 4)) return formatDate(lang, from, 'long');
  const sameMonth = from.slice(0, 7) === to.slice(0, 7);
  return new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', {
    day: 'numeric',
    ...(sameMonth ? {} : { month: 'long' }),
    timeZone: 'UTC',
  }).format(new Date(`${from.slice(0, 10)}T00:00:00Z`));
}

/** "Pagamento previsto tra il 3 e il 19 dicembre 2026" … "tra il 28 dicembre 2026 e il 9 gennaio 2027". */
export function estimateText(lang: Language, estimate: PaymentEstimate, of: EstimateOf): string {
  const to = formatDate(lang, estimate.to, 'long');
  const from = rangeStart(lang, estimate.from, estimate.to);
  const what =
    lang === 'it'
      ? of === 'payment'
        ? 'Pagamento previsto'
        : 'Primo pagamento previsto'
      : of === 'payment'
        ? 'Payment expected'
        : 'First payment expected';
  if (estimate.from === estimate.to) return lang === 'it' ? `${what} il ${to}` : `${what} on ${to}`;
  return lang === 'it' ? `${what} tra il ${from} e il ${to}` : `${what} between ${from} and ${to}`;
}

/** "Affidabilità della stima: media". */
export function confidenceText(lang: Language, confidence: PaymentEstimate['confidence']): string {
  const word = confidenceWord(lang, confidence);
  return lang === 'it' ? `Affidabilità della stima: ${word}` : `How sure the estimate is: ${word}`;
}

/**
 * What the window means, as far as the data behind it supports: with recent similar cases behind it
 * (confidence high or medium; `pnpm calibrate` measures each promise in every regime), the share
 * of them paid inside it, as the server states it (8 in 10 from older servers); on INPS's published
 * averages alone (low: too few similar cases), that it is a rough guide and why, with no share
 * promised.
 */
export function windowMeaning(
  lang: Language,
  estimate: Pick<PaymentEstimate, 'confidence' | 'share'>,
): string {
  if (estimate.confidence === 'low') {
    return lang === 'it'
      ? 'È solo un’indicazione di massima: i casi simili recenti sono troppo pochi, quindi si basa sui tempi medi pubblicati da INPS e non possiamo dire quanti pagamenti arrivino in queste date.'
      : 'This is only a rough guide: there are too few recent similar cases, so it rests on the average times INPS publishes, and we cannot say how many payments arrive within these dates.';
  }
  const share = estimate.share ?? 8;
  return lang === 'it'
    ? `Circa ${share} casi simili su 10 sono stati pagati entro questo intervallo di date.`
    : `About ${share} in 10 similar cases were paid within this range of dates.`;
}

/**
 * How long a payment usually takes from this stage, from the same cases as the window (so that it
 * never contradicts it): "Nei casi simili recenti, da questa fase al pagamento sono passati di solito
 * circa 9 giorni." Null when the estimate does not say (an older server).
 */
export function typicalText(
  lang: Language,
  estimate: Pick<PaymentEstimate, 'confidence' | 'typicalDays'>,
): string | null {
  const days = estimate.typicalDays;
  if (days === undefined) return null;
  const it = days === 1 ? 'circa 1 giorno' : `circa ${days} giorni`;
  const en = days === 1 ? 'about 1 day' : `about ${days} days`;
  if (estimate.confidence === 'low') {
    return lang === 'it'
      ? `Secondo i tempi medi pubblicati, da questa fase al pagamento passano di solito ${it}.`
      : `By the published averages, a payment usually comes ${en} after this stage begins.`;
  }
  return lang === 'it'
    ? `Nei casi simili recenti, da questa fase al pagamento sono passati di solito ${it}.`
    : `In recent similar cases, the payment usually came ${en} after this stage began.`;
}

export const BASIS_LABEL: Words = { it: 'Su cosa si basa', en: 'What this is based on' };
