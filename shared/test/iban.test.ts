import { describe, expect, it } from 'vitest';
import {
  buildItalianIban,
  IbanSchema,
  isValidIban,
  maskIban,
  normaliseIban,
} from '../src/validators/index.ts';

const EXAMPLE = 'IT60X0542811101000000123456';

describe('isValidIban', () => {
  it('accepts Italian and other SEPA IBANs, with spaces and in lower case', () => {
    expect(isValidIban(EXAMPLE)).toBe(true);
    expect(isValidIban('IT60 X054 2811 1010 0000 0123 456')).toBe(true);
    expect(isValidIban('it60x0542811101000000123456')).toBe(true);
    expect(isValidIban('DE89370400440532013000')).toBe(true);
    expect(isValidIban('GB29NWBK60161331926819')).toBe(true);
    expect(isValidIban('FR1420041010050500013M02606')).toBe(true);
    expect(isValidIban('ES9121000418450200051332')).toBe(true);
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(isValidIban('BE68539007547034')).toBe(true);
    expect(isValidIban('SM86U0322509800000000270100')).toBe(true);
  });

  it('refuses wrong check digits', () => {
    expect(isValidIban('IT61X0542811101000000123456')).toBe(false);
    expect(isValidIban('DE88370400440532013000')).toBe(false);
  });

  it('refuses a changed character', () => {
    expect(isValidIban('IT60X0542811101000000123457')).toBe(false);
  });

  it('refuses wrong lengths and unknown countries', () => {
    expect(isValidIban('IT60X054281110100000012345')).toBe(false);
    expect(isValidIban(`${EXAMPLE}0`)).toBe(false);
    expect(isValidIban('XX60X0542811101000000123456')).toBe(false);
    expect(isValidIban('')).toBe(false);
  });

  it('refuses an Italian IBAN whose CIN is wrong even when mod-97 holds', () => {
    const bban = 'Y0542811101000000123456';
    const iban = `IT${String(98 - mod97(`${bban}IT00`)).padStart(2, '0')}${bban}`;
    expect(mod97(iban.slice(4) + iban.slice(0, 4))).toBe(1);
    expect(isValidIban(iban)).toBe(false);
  });
});

/** Independent mod-97 with BigInt, to build test cases. */
function mod97(value: string): number {
  const numeric = [...value].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join('');
  return Number(BigInt(numeric) % 97n);
}

describe('buildItalianIban', () => {
  it('rebuilds the well-known example', () => {
    expect(buildItalianIban({ abi: '05428', cab: '11101', account: '000000123456' })).toBe(EXAMPLE);
    expect(buildItalianIban({ abi: '05428', cab: '11101', account: '123456' })).toBe(EXAMPLE);
  });

  it('round-trips through isValidIban', () => {
    const accounts = [
      { abi: '03069', cab: '09606', account: '100000012345' },
      { abi: '02008', cab: '05364', account: '000101234567' },
      { abi: '07601', cab: '03200', account: '1234' },
      { abi: '01030', cab: '14200', account: 'cc0012345ab' },
    ];
    for (const account of accounts) {
      const iban = buildItalianIban(account);
      expect(iban).toHaveLength(27);
      expect(isValidIban(iban)).toBe(true);
    }
  });

  it('refuses malformed parts', () => {
    expect(() => buildItalianIban({ abi: '0542', cab: '11101', account: '1' })).toThrow(RangeError);
    expect(() => buildItalianIban({ abi: '05428', cab: '1110X', account: '1' })).toThrow(RangeError);
    expect(() => buildItalianIban({ abi: '05428', cab: '11101', account: '1234567890123' })).toThrow(
      RangeError,
    );
    expect(() => buildItalianIban({ abi: '05428', cab: '11101', account: '12-34' })).toThrow(RangeError);
  });
});

describe('maskIban', () => {
  it('shows only the country code and the last 4 characters, in groups of 4', () => {
    expect(maskIban(EXAMPLE)).toBe('IT** **** **** **** **** ***3 456');
    expect(maskIban('IT60 X054 2811 1010 0000 0123 456')).toBe('IT** **** **** **** **** ***3 456');
    expect(maskIban('DE89370400440532013000')).toBe('DE** **** **** **** **30 00');
  });

  it('leaks no other character', () => {
    const visible = maskIban(EXAMPLE).replace(/[\s*]/g, '');
    expect(visible).toBe('IT3456');
  });

  it('masks short input entirely', () => {
    expect(maskIban('IT60X05')).toBe('**** ***');
  });
});

describe('IbanSchema', () => {
  it('normalises and reports', () => {
    expect(IbanSchema.parse(' it60 x054 2811 1010 0000 0123 456 ')).toBe(EXAMPLE);
    expect(normaliseIban('it60 x054')).toBe('IT60X054');
    expect(IbanSchema.safeParse('IT61X0542811101000000123456').error?.issues[0]?.message).toBe(
      'invalid IBAN',
    );
  });
});
