import { describe, expect, it } from 'vitest';
import type { UiError } from '../src/client/ack.ts';
import { errorText, formatAmount, formatDate, formatMonth } from '../src/client/i18n.ts';
import { ERROR_CODES } from '../src/index.ts';

const CLIENT_CODES = [
  'ACK_TIMEOUT',
  'NOT_CONNECTED',
  'TOKEN_UNAVAILABLE',
  'SERVER_DISCONNECTED',
  'CONNECTION_FAILED',
] as const;
const errors = Object.fromEntries(
  [...ERROR_CODES, ...CLIENT_CODES].map((code) => [code, `testo per ${code}`]),
) as Partial<Record<UiError['code'], string>>;

describe('error texts', () => {
  it("uses the catalogue's text, and the server's message for a code the client does not know", () => {
    expect(errorText({ errors }, { code: 'ACK_TIMEOUT', message: 'timeout' })).toBe('testo per ACK_TIMEOUT');
    const unknown = { code: 'SOMETHING_NEW', message: 'as the server says' } as unknown as UiError;
    expect(errorText({ errors }, unknown)).toBe('as the server says');
  });
});

describe('formats', () => {
  it('writes calendar dates in the style asked, without a time zone shift', () => {
    expect(formatDate('it', '2026-03-05', 'long')).toBe('5 marzo 2026');
    expect(formatDate('it', '2026-03-05T23:30:00Z', 'medium')).toBe('5 mar 2026');
    expect(formatDate('en', '2026-03-05', 'long')).toBe('5 March 2026');
  });

  it('writes competence months and amounts in euro', () => {
    expect(formatMonth('it', '2026-03')).toBe('marzo 2026');
    expect(formatAmount('it', 98_765).replace(/\s/g, ' ')).toBe('987,65 €');
    expect(formatAmount('en', 98_765)).toBe('€987.65');
  });
});
