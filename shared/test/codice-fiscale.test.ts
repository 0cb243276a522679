import { describe, expect, it } from 'vitest';
import {
  buildCodiceFiscale,
  CodiceFiscaleSchema,
  codiceFiscaleCheckChar,
  isValidCodiceFiscale,
} from '../src/validators/index.ts';

const MARIO = 'RSSMRA80D12H501G';

describe('isValidCodiceFiscale', () => {
  it('accepts well-formed codes for men and women', () => {
    expect(isValidCodiceFiscale(MARIO)).toBe(true);
    expect(isValidCodiceFiscale('SPSNNA75S43F839J')).toBe(true);
    expect(isValidCodiceFiscale('MRTMTT25D09F205Z')).toBe(true);
  });

  it('accepts omocodia variants with their own check character', () => {
    // Omocodia replaces digits from the right: place number first, then day, then year.
    const variants = [
      'RSSMRA80D12H50MY',
      'RSSMRA80D12H5LMJ',
      'RSSMRA80D12HRLME',
      'RSSMRA80D1NHRLMT',
      'RSSMRA80DMNHRLME',
      'RSSMRA8LDMNHRLMP',
      'RSSMRAULDMNHRLMM',
    ];
    for (const variant of variants) {
      expect(codiceFiscaleCheckChar(variant.slice(0, 15))).toBe(variant[15]);
      expect(isValidCodiceFiscale(variant)).toBe(true);
    }
  });

  it('refuses a wrong check character', () => {
    expect(isValidCodiceFiscale('RSSMRA80D12H501A')).toBe(false);
    expect(isValidCodiceFiscale('RSSMRA80D12H50MG')).toBe(false);
    expect(isValidCodiceFiscale('RSSMRAULDMNHRLMG')).toBe(false);
  });

  it('refuses a month letter outside ABCDEHLMPRST', () => {
    const first15 = 'RSSMRA80F12H501';
    expect(isValidCodiceFiscale(first15 + codiceFiscaleCheckChar(first15))).toBe(false);
  });

  it('refuses days outside 1-31 and 41-71', () => {
    for (const day of ['00', '32', '40', '72', '99', 'LL', 'QL', 'VV']) {
      const first15 = `RSSMRA80D${day}H501`;
      expect(isValidCodiceFiscale(first15 + codiceFiscaleCheckChar(first15))).toBe(false);
    }
  });

  it('refuses wrong length, letters where digits belong, and unnormalised input', () => {
    expect(isValidCodiceFiscale('RSSMRA80D12H501')).toBe(false);
    expect(isValidCodiceFiscale(`${MARIO}X`)).toBe(false);
    expect(isValidCodiceFiscale('RSSMRA8AD12H501G')).toBe(false);
    expect(isValidCodiceFiscale('rssmra80d12h501g')).toBe(false);
    expect(isValidCodiceFiscale(` ${MARIO}`)).toBe(false);
  });
});

describe('buildCodiceFiscale', () => {
  it('builds the examples of the domain brief', () => {
    expect(
      buildCodiceFiscale({
        surname: 'Rossi',
        firstName: 'Mario',
        birthDate: '1980-04-12',
        sex: 'M',
        placeCode: 'H501',
      }),
    ).toBe(MARIO);
    expect(
      buildCodiceFiscale({
        surname: 'Esposito',
        firstName: 'Anna',
        birthDate: '1975-11-03',
        sex: 'F',
        placeCode: 'F839',
      }),
    ).toBe('SPSNNA75S43F839J');
  });

  it('applies the consonant, vowel and X rules', () => {
    const code = (surname: string, firstName: string) =>
      buildCodiceFiscale({ surname, firstName, birthDate: '1990-01-01', sex: 'M', placeCode: 'H501' }).slice(
        0,
        6,
      );
    expect(code('Fo', 'Li')).toBe('FOXLIX');
    expect(code('Rea', 'Ugo')).toBe('REAGUO');
    expect(code("D'Amico", 'Gianfranco')).toBe('DMCGFR');
    expect(code('De Luca', 'Niccolò')).toBe('DLCNCL');
    expect(code('Bianchi', 'Francesco')).toBe('BNCFNC');
    expect(code('Verdi', 'Giuseppe')).toBe('VRDGPP');
  });

  it('adds 40 to the day for women', () => {
    const code = buildCodiceFiscale({
      surname: 'Bianchi',
      firstName: 'Maria',
      birthDate: '2001-12-31',
      sex: 'F',
      placeCode: 'f205',
    });
    expect(code.slice(6, 15)).toBe('01T71F205');
    expect(isValidCodiceFiscale(code)).toBe(true);
  });

  it('refuses impossible dates and malformed place codes', () => {
    const base = { surname: 'Rossi', firstName: 'Mario', sex: 'M' as const, placeCode: 'H501' };
    expect(() => buildCodiceFiscale({ ...base, birthDate: '1980-02-30' })).toThrow(RangeError);
    expect(() => buildCodiceFiscale({ ...base, birthDate: '12/04/1980' })).toThrow(RangeError);
    expect(() => buildCodiceFiscale({ ...base, birthDate: '1980-04-12', placeCode: 'H50' })).toThrow(
      RangeError,
    );
  });
});

describe('CodiceFiscaleSchema', () => {
  it('normalises case and spaces', () => {
    expect(CodiceFiscaleSchema.parse('  rssmra80d12h501g ')).toBe(MARIO);
  });

  it('reports an invalid code', () => {
    const result = CodiceFiscaleSchema.safeParse('RSSMRA80D12H501A');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('invalid codice fiscale');
  });
});
