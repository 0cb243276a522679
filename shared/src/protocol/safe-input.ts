import { z } from 'zod';

/** Control characters (Unicode `Cc`: C0, DEL and C1, NUL included). */
const CONTROL = /\p{Cc}/u;
/** The same, but a line break or a tab is fine (message bodies). */
const CONTROL_EXCEPT_LINES = /(?![\n\t])\p{Cc}/u;

/** A surrogate without its pair: not text, and refused by some stores. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (s: string) => !LONE_SURROGATE.test(s);

/**
 * Free text as it arrives from a person: Unicode NFC (so the same words compare and store the
 * same), trimmed, well-formed UTF-16 (no lone surrogates), and without control characters — only
 * `\n` and `\t` where `multiline`. Example: `safeText({ max: 500 })` for a topic.
 */
export function safeText(options: { max?: number; multiline?: boolean } = {}) {
  const control = options.multiline ? CONTROL_EXCEPT_LINES : CONTROL;
  const text = z
    .string()
    .refine(wellFormed, 'not well-formed text')
    .normalize('NFC')
    .trim()
    .refine((s) => !control.test(s), 'control characters are not allowed');
  return options.max === undefined ? text : text.max(options.max);
}

/** A ULID: 26 characters of Crockford base 32. Example: `01JD3Q7J0X7M2Y5V9W4T6R8S1A`. */
export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * An opaque id: 1–`max` of `A-Z a-z 0-9 - _` and nothing else, so it can never name another Redis
 * key (no `:`), a path, or carry a control character. Example: `safeId(64, 'not an application id')`.
 */
export function safeId(max: number, message = 'letters, digits, - and _ only') {
  return z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/, message);
}

/**
 * An advisor's id: the codice fiscale (or opaque id) from their portal token, 1–32 of
 * `A-Z a-z 0-9 - _`. It is part of Redis key names (`<prefix>:advisor:<id>`), so nothing else is
 * accepted: `RMNPLA85P15H501Q:convs` is refused rather than naming the advisor's chat set.
 */
export const AdvisorIdSchema = safeId(32, 'not an advisor id');
