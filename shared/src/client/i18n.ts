import type { Language } from '../domain/index.ts';
import type { UiError } from './ack.ts';

const LOCALES: Record<Language, string> = { it: 'it-IT', en: 'en-GB' };

/**
 * The error's text in the reader's language; the server's message for a code the catalogue lacks
 * (the apps check theirs is complete with `satisfies`, but a newer server may send a new code).
 */
export function errorText(t: { errors: Partial<Record<UiError['code'], string>> }, error: UiError): string {
  return t.errors[error.code] ?? error.message;
}

/** Dates from the store are calendar dates (`YYYY-MM-DD`): format them without a time zone shift. */
export function formatDate(
  lang: Language,
  isoDate: string,
  dateStyle: Intl.DateTimeFormatOptions['dateStyle'],
): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle, timeZone: 'UTC' }).format(
    new Date(`${isoDate.slice(0, 10)}T00:00:00Z`),
  );
}

export function formatDateTime(lang: Language, iso: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export function formatTime(lang: Language, iso: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { timeStyle: 'short' }).format(new Date(iso));
}

/** A CIG "competenza" month, `YYYY-MM` → "marzo 2026". */
export function formatMonth(lang: Language, month: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

export function formatAmount(lang: Language, cents: number): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: 'EUR' }).format(cents / 100);
}
