import type { Language } from '@infocig/shared';
import type { UiError } from '../session/ack.ts';
import { en } from './en.ts';
import { it, type WidgetTexts } from './it.ts';

export type { WidgetTexts };
export const TEXTS: Record<Language, WidgetTexts> = { it, en };

const LOCALES: Record<Language, string> = { it: 'it-IT', en: 'en-GB' };

/** The error's text in the reader's language; the server's message for a code we do not know. */
export function errorText(t: WidgetTexts, error: UiError): string {
  return (t.errors as Record<string, string | undefined>)[error.code] ?? error.message;
}

/** Dates from the store are calendar dates (`YYYY-MM-DD`): format them without a time zone shift. */
export function formatDate(lang: Language, isoDate: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(
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
