import type { Language } from '@infocig/shared';
import type { AudienceChoice, CategoryChoice, Preset } from './figures-model.ts';

export interface FiguresTexts {
  title: string;
  intro: string;
  period: string;
  from: string;
  to: string;
  show: string;
  presets: string;
  preset: Record<Preset, string>;
  group: string;
  audience: string;
  audiences: Record<AudienceChoice, string>;
  category: string;
  categories: Record<CategoryChoice, string>;
  loading: string;
  errorPrefix: string;
  downloadCsv: string;
  downloadFailed: string;
  dataTable: string;
  chartLabel: (title: string) => string;
  perDay: { title: string; key: string };
  perMonth: { title: string; key: string };
  perHour: { title: string; key: string };
  requests: string;
  summary: {
    title: string;
    figure: string;
    value: string;
    requests: string;
    distinctPeople: string;
    averagePerMonth: string;
    peakDay: string;
    peakMonth: string;
    peakHour: string;
    settledOnline: string;
    settledOnlineHint: string;
    settledWithoutAdvisor: string;
    waitP50: string;
    waitP90: string;
    firstResponseP50: string;
    firstResponseP90: string;
    followUpsOpened: string;
    followUpsAnswered: string;
    rating: string;
  };
  /** The average rating, and how many ratings it is made of (as a number, and as shown). */
  rating: (average: string, count: number, shown: string) => string;
  none: string;
  hours: (hour: number) => string;
  /** A peak: when, and how many requests (as a number, and as shown). */
  peak: (what: string, requests: number, shown: string) => string;
  duration: (seconds: number) => string;
}

const twoDigits = (n: number) => String(n).padStart(2, '0');
const hours = (h: number) => `${twoDigits(h)}:00–${twoDigits((h + 1) % 24)}:00`;

const it: FiguresTexts = {
  title: 'Dati pubblicati',
  intro:
    'I dati che l’Istituto pubblica su Info CIG, per il periodo scelto. Ore e giorni sono in ora italiana.',
  period: 'Periodo',
  from: 'Dal',
  to: 'Al',
  show: 'Mostra',
  presets: 'Periodi rapidi',
  preset: {
    last30Days: 'Ultimi 30 giorni',
    last12Months: 'Ultimi 12 mesi',
    thisYear: 'Anno in corso',
    lastYear: 'Anno scorso',
  },
  group: 'Utenti',
  audience: 'Pubblico',
  audiences: { all: 'Tutti', workers: 'Lavoratori', employers: 'Aziende e intermediari' },
  category: 'Categoria di utente',
  categories: {
    all: 'Tutte',
    worker: 'Lavoratore',
    employer: 'Datore di lavoro',
    intermediary: 'Intermediario',
  },
  loading: 'Caricamento dei dati…',
  errorPrefix: 'Errore',
  downloadCsv: 'Scarica CSV',
  downloadFailed: 'Download non riuscito',
  dataTable: 'Tabella dei dati',
  chartLabel: (title) => `Grafico: ${title}. I valori sono nella tabella dei dati.`,
  perDay: { title: 'Richieste al giorno', key: 'Giorno' },
  perMonth: { title: 'Richieste al mese', key: 'Mese' },
  perHour: { title: 'Richieste per ora del giorno', key: 'Ora' },
  requests: 'Richieste',
  summary: {
    title: 'Dati di sintesi',
    figure: 'Dato',
    value: 'Valore',
    requests: 'Richieste gestite',
    distinctPeople: 'Persone distinte',
    averagePerMonth: 'Media mensile delle richieste',
    peakDay: 'Giorno di picco',
    peakMonth: 'Mese di picco',
    peakHour: 'Ora di picco',
    settledOnline: 'Quota risolta online',
    settledOnlineHint: 'senza rinvio a una sede (nessun messaggio da richiamare)',
    settledWithoutAdvisor: 'Quota risolta senza consulente',
    waitP50: 'Attesa, mediana',
    waitP90: 'Attesa, 90° percentile',
    firstResponseP50: 'Prima risposta, mediana',
    firstResponseP90: 'Prima risposta, 90° percentile',
    followUpsOpened: 'Messaggi da richiamare ricevuti',
    followUpsAnswered: 'Messaggi da richiamare con risposta',
    rating: 'Valutazione media delle chat',
  },
  rating: (average, n, shown) => `${average} su 5 (${shown} ${n === 1 ? 'valutazione' : 'valutazioni'})`,
  none: '—',
  hours,
  peak: (what, n, shown) => `${what} (${shown} ${n === 1 ? 'richiesta' : 'richieste'})`,
  duration: (s) => (s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`),
};

const en: FiguresTexts = {
  title: 'Published figures',
  intro:
    'The figures the institute publishes on Info CIG, for the chosen period. Days and hours are Italian time.',
  period: 'Period',
  from: 'From',
  to: 'To',
  show: 'Show',
  presets: 'Quick periods',
  preset: {
    last30Days: 'Last 30 days',
    last12Months: 'Last 12 months',
    thisYear: 'This year',
    lastYear: 'Last year',
  },
  group: 'Users',
  audience: 'Audience',
  audiences: { all: 'All', workers: 'Workers', employers: 'Employers and intermediaries' },
  category: 'User category',
  categories: { all: 'All', worker: 'Worker', employer: 'Employer', intermediary: 'Intermediary' },
  loading: 'Loading the figures…',
  errorPrefix: 'Error',
  downloadCsv: 'Download CSV',
  downloadFailed: 'Download failed',
  dataTable: 'Data table',
  chartLabel: (title) => `Chart: ${title}. The values are in the data table.`,
  perDay: { title: 'Requests per day', key: 'Day' },
  perMonth: { title: 'Requests per month', key: 'Month' },
  perHour: { title: 'Requests by hour of the day', key: 'Hour' },
  requests: 'Requests',
  summary: {
    title: 'Summary figures',
    figure: 'Figure',
    value: 'Value',
    requests: 'Requests handled',
    distinctPeople: 'Distinct people',
    averagePerMonth: 'Average requests per month',
    peakDay: 'Peak day',
    peakMonth: 'Peak month',
    peakHour: 'Peak hour',
    settledOnline: 'Share settled online',
    settledOnlineHint: 'without a hand-off to an office (no follow-up)',
    settledWithoutAdvisor: 'Share settled without an advisor',
    waitP50: 'Wait, median',
    waitP90: 'Wait, 90th percentile',
    firstResponseP50: 'First response, median',
    firstResponseP90: 'First response, 90th percentile',
    followUpsOpened: 'Follow-ups opened',
    followUpsAnswered: 'Follow-ups answered',
    rating: 'Average chat rating',
  },
  rating: (average, n, shown) => `${average} out of 5 (${shown} ${n === 1 ? 'rating' : 'ratings'})`,
  none: '—',
  hours,
  peak: (what, n, shown) => `${what} (${shown} ${n === 1 ? 'request' : 'requests'})`,
  duration: (s) => (s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`),
};

export const FIGURES_TEXTS: Record<Language, FiguresTexts> = { it, en };

/** Numbers, dates and months in the language's own way. */
export function formatsFor(lang: Language) {
  const locale = lang === 'it' ? 'it-IT' : 'en-GB';
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const dayTick = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const monthTick = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  return {
    number: (n: number) => number.format(n),
    percent: (share: number) => percent.format(share),
    day: (iso: string) => day.format(new Date(`${iso}T00:00:00Z`)),
    month: (yyyyMm: string) => month.format(new Date(`${yyyyMm}-01T00:00:00Z`)),
    /** Shorter, for chart axes. */
    dayTick: (iso: string) => dayTick.format(new Date(`${iso}T00:00:00Z`)),
    monthTick: (yyyyMm: string) => monthTick.format(new Date(`${yyyyMm}-01T00:00:00Z`)),
  };
}
export type Formats = ReturnType<typeof formatsFor>;
