/** Adds days to a `YYYY-MM-DD` date, in calendar terms. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const IT = new Intl.DateTimeFormat('it-IT', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const EN = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

export const dayIt = (date: string) => IT.format(new Date(`${date}T00:00:00Z`));
export const dayEn = (date: string) => EN.format(new Date(`${date}T00:00:00Z`));

/** Whether a deadline (`YYYY-MM-DD`, the last day allowed) is over on `today`. */
export const isPast = (deadline: string, today: string) => deadline < today;
