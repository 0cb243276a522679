import { describe, expect, it } from 'vitest';
import {
  isValidMatricolaInps,
  isValidPartitaIva,
  PartitaIvaSchema,
  partitaIvaCheckDigit,
} from '../src/validators/index.ts';

describe('partita IVA', () => {
  it('computes the Luhn check digit', () => {
    expect(partitaIvaCheckDigit('0074311015')).toBe('7');
    expect(partitaIvaCheckDigit('1234567890')).toBe('3');
    expect(() => partitaIvaCheckDigit('123')).toThrow(RangeError);
  });

  it('accepts valid numbers', () => {
    for (const value of ['00743110157', '12345678903', '01114601006', '00488410010']) {
      expect(isValidPartitaIva(value)).toBe(true);
    }
  });

  it('refuses a wrong check digit, a wrong length, non-digits and all zeros', () => {
    expect(isValidPartitaIva('00743110158')).toBe(false);
    expect(isValidPartitaIva('0074311015')).toBe(false);
    expect(isValidPartitaIva('007431101570')).toBe(false);
    expect(isValidPartitaIva('0074311015A')).toBe(false);
    expect(isValidPartitaIva('IT00743110157')).toBe(false);
    expect(isValidPartitaIva('00000000000')).toBe(false);
  });

  it('schema trims and reports', () => {
    expect(PartitaIvaSchema.parse(' 00743110157 ')).toBe('00743110157');
    expect(PartitaIvaSchema.safeParse('00743110158').error?.issues[0]?.message).toBe('invalid partita IVA');
  });
});

describe('INPS matricola', () => {
  it('checks the 10-digit format only', () => {
    expect(isValidMatricolaInps('7012345678')).toBe(true);
    expect(isValidMatricolaInps('701234567')).toBe(false);
    expect(isValidMatricolaInps('70123456789')).toBe(false);
    expect(isValidMatricolaInps('70123X5678')).toBe(false);
  });
});
