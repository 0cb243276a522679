import type { Language } from '../domain/index.ts';

/** Service hours are Italian time, whatever the reader's clock says. */
export const SERVICE_TIME_ZONE = 'Europe/Rome';

const DAY_CODES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const DAY_NAMES: Record<Language, readonly string[]> = {
  it: ['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

type DayPart = { from: number; to?: number };

function dayIndex(code: string | undefined): number {
  return DAY_CODES.indexOf(code as (typeof DAY_CODES)[number]);
}

function parseDays(part: string): DayPart[] | null {
  const pieces: DayPart[] = [];
  for (const piece of part.split(',')) {
    const [a, b, extra] = piece.split('-');
    const from = dayIndex(a);
    const to = b === undefined ? undefined : dayIndex(b);
    if (extra !== undefined || from < 0 || (to !== undefined && to < 0)) return null;
    pieces.push(to === undefined ? { from } : { from, to });
  }
  return pieces;
}

function dayWords(lang: Language, days: DayPart[]): string {
  const name = (i: number) => DAY_NAMES[lang][i] ?? '';
  const words = days.map((d) =>
    d.to === undefined
      ? name(d.from)
      : lang === 'it'
        ? `dal ${name(d.from)} al ${name(d.to)}`
        : `${name(d.from)} to ${name(d.to)}`,
  );
  const last = words.pop() ?? '';
  return words.length === 0 ? last : `${words.join(', ')} ${lang === 'it' ? 'e' : 'and'} ${last}`;
}

/**
 * The `hours` of `session:ready.service` in words: `mon-fri 15:00-18:00` → "dal lunedì al
 * venerdì, dalle 15:00 alle 18:00". `null` for `always`, and the text as given when it has
 * another shape (a newer server may say more than this reader knows).
 */
export function describeServiceHours(lang: Language, hours: string): string | null {
  const text = hours.trim().toLowerCase();
  if (text === 'always') return null;
  const match = /^([a-z,-]+)\s+(\d{1,2}:\d{2})-(\d{1,2}:\d{2})$/.exec(text);
  const days = match?.[1] ? parseDays(match[1]) : null;
  if (!match || !days) return hours;
  const [, , from, to] = match;
  const time = lang === 'it' ? `dalle ${from} alle ${to}` : `from ${from} to ${to}`;
  return `${dayWords(lang, days)}, ${time}`;
}

/** When the service opens next, in Italian time: "lunedì 23 novembre alle ore 15:00". */
export function formatOpening(lang: Language, iso: string): string {
  const at = new Date(iso);
  const zone = { timeZone: SERVICE_TIME_ZONE } as const;
  const locale = lang === 'it' ? 'it-IT' : 'en-GB';
  const day = new Intl.DateTimeFormat(locale, { ...zone, weekday: 'long', day: 'numeric', month: 'long' });
  const time = new Intl.DateTimeFormat(locale, {
    ...zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return lang === 'it'
    ? `${day.format(at)} alle ore ${time.format(at)}`
    : `${day.format(at)} at ${time.format(at)}`;
}
