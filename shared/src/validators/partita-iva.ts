import { z } from 'zod';

/**
 * Check digit for the first 10 digits of a partita IVA (Luhn, Italian form): digits in odd
 * positions are summed; digits in even positions are doubled, minus 9 when above 9.
 */
export function partitaIvaCheckDigit(first10: string): string {
  if (!/^\d{10}$/.test(first10)) throw new RangeError('expected 10 digits');
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const digit = Number(first10[i]);
    if (i % 2 === 0) sum += digit;
    else sum += digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
  }
  return String((10 - (sum % 10)) % 10);
}

/**
 * Company codice fiscale / partita IVA: 11 digits, e.g. `00743110157`. Expects no spaces and no
 * `IT` prefix. All zeros passes the check digit but is never assigned, so it is refused.
 */
export function isValidPartitaIva(value: string): boolean {
  if (!/^\d{11}$/.test(value) || value === '00000000000') return false;
  return partitaIvaCheckDigit(value.slice(0, 10)) === value[10];
}

/** Trims surrounding spaces; outputs the 11 digits. */
export const PartitaIvaSchema = z
  .string()
  .transform((value) => value.trim())
  .refine(isValidPartitaIva, { message: 'invalid partita IVA' });

/**
 * INPS company registration number (matricola aziendale): 10 digits, e.g. `7012345678`.
 * Format only: INPS publishes no check-digit rule for it, so a mistyped digit is not caught here.
 */
export function isValidMatricolaInps(value: string): boolean {
  return /^\d{10}$/.test(value);
}

export const MatricolaInpsSchema = z
  .string()
  .transform((value) => value.trim())
  .refine(isValidMatricolaInps, { message: 'invalid INPS matricola' });
