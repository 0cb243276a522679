/**
 * When a queue is staffed, as `always` or `mon-fri 15:00-18:00` (days as a range or a comma list
 * of mon tue wed thu fri sat sun; times in Italian local time). The original service ran
 * Monday to Friday, 15:00 to 18:00.
 */
export type ServiceHours =
  | { always: true; spec: 'always' }
  | { always: false; spec: string; days: Set<number>; from: number; to: number };

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const ZONE = 'Europe/Rome';

export function parseServiceHours(spec: string): ServiceHours {
  const text = spec.trim().toLowerCase();
  if (text === 'always') return { always: true, spec: 'always' };
  const match = /^([a-z,-]+)\s+(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(text);
  if (!match) throw new Error(`service hours "${spec}": expected "always" or e.g. "mon-fri 15:00-18:00"`);
  const [, dayPart, fh, fm, th, tm] = match as unknown as [string, string, string, string, string, string];
  const from = Number(fh) * 60 + Number(fm);
  const to = Number(th) * 60 + Number(tm);
  if (from >= to || to > 24 * 60)
    throw new Error(`service hours "${spec}": the opening must precede the closing`);
  return { always: false, spec: text, days: parseDays(dayPart, spec), from, to };
}

function parseDays(part: string, spec: string): Set<number> {
  const days = new Set<number>();
  for (const piece of part.split(',')) {
    const [a, b] = piece.split('-').map((d) => DAYS.indexOf(d));
    if (a === undefined || a < 0 || (b !== undefined && b < 0))
      throw new Error(`service hours "${spec}": unknown day in "${piece}"`);
    for (let d = a; ; d = (d + 1) % 7) {
      days.add(d);
      if (b === undefined || d === b) break;
    }
  }
  return days;
}

/** Weekday (0 = Sunday) and minutes since midnight in Italy at an instant. */
function romeClock(at: Date): { day: number; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    day: DAYS.indexOf(get('weekday').toLowerCase().slice(0, 3)),
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
  };
}

export function isOpen(hours: ServiceHours, at: Date): boolean {
  if (hours.always) return true;
  const { day, minutes } = romeClock(at);
  return hours.days.has(day) && minutes >= hours.from && minutes < hours.to;
}

/** The next opening after `at`, to the minute; null when always open. */
export function nextOpening(hours: ServiceHours, at: Date): Date | null {
  if (hours.always) return null;
  const start = Math.ceil(at.getTime() / 60_000) * 60_000;
  for (let t = start; t < start + 8 * 86_400_000; t += 60_000) {
    const candidate = new Date(t);
    if (isOpen(hours, candidate)) return candidate;
  }
  return null;
}
