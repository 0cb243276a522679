import { z } from 'zod';
import { oddEvenCheckLetter } from './check-letter.ts';

/**
 * IBAN lengths of the SEPA countries (ISO 13616 registry). Only these are listed because payments go
 * by SEPA credit transfer (an assumption to confirm with INPS); any other country is refused.
 */
// biome-ignore format: a table reads better in rows
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20,
  ES: 24, FI: 18, FR: 27, GB: 22, GI: 23, GR: 27, HR: 21, HU: 28, IE: 22, IS: 26,
  IT: 27, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MT: 31, NL: 18, NO: 15, PL: 28,
  PT: 25, RO: 24, SE: 24, SI: 19, SK: 24, SM: 27, VA: 22,
};

/** Countries whose BBAN is CIN letter + ABI (5 digits) + CAB (5 digits) + account (12). */
const CIN_COUNTRIES = new Set(['IT', 'SM']);
const ITALIAN_BBAN = /^[A-Z]\d{10}[A-Z0-9]{12}$/;

/** Removes all whitespace and uppercases, e.g. `it60 x054...` → `IT60X054...`. */
export function normaliseIban(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** Remainder mod 97 of the number made by replacing letters with 10..35, chunk by chunk. */
function mod97(value: string): number {
  let remainder = 0;
  for (const char of value) {
    const code = char.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : char;
    remainder = Number(`${remainder}${digits}`) % 97;
  }
  return remainder;
}

function ibanCheckDigits(country: string, bban: string): string {
  return String(98 - mod97(`${bban}${country}00`)).padStart(2, '0');
}

/** Italian bank CIN: one letter over ABI + CAB + account with the odd/even position tables. */
export function italianCin(abi: string, cab: string, account: string): string {
  return oddEvenCheckLetter(`${abi}${cab}${account}`);
}

/**
 * ISO 13616 IBAN of a SEPA country with the right length and mod-97 remainder 1; for Italy and
 * San Marino also the BBAN layout and its CIN. Accepts spaces and lower case.
 */
export function isValidIban(value: string): boolean {
  const iban = normaliseIban(value);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  const country = iban.slice(0, 2);
  if (IBAN_LENGTHS[country] !== iban.length) return false;
  if (mod97(iban.slice(4) + iban.slice(0, 4)) !== 1) return false;
  if (!CIN_COUNTRIES.has(country)) return true;
  const bban = iban.slice(4);
  return (
    ITALIAN_BBAN.test(bban) && italianCin(bban.slice(1, 6), bban.slice(6, 11), bban.slice(11)) === bban[0]
  );
}

export interface ItalianBankAccount {
  /** Bank code, 5 digits, e.g. `05428`. */
  abi: string;
  /** Branch code, 5 digits, e.g. `11101`. */
  cab: string;
  /** Account number, up to 12 letters or digits; zero-padded on the left. */
  account: string;
}

/** Builds `IT` + check digits + CIN + ABI + CAB + account. Throws RangeError on malformed parts. */
export function buildItalianIban({ abi, cab, account }: ItalianBankAccount): string {
  if (!/^\d{5}$/.test(abi)) throw new RangeError('ABI must be 5 digits');
  if (!/^\d{5}$/.test(cab)) throw new RangeError('CAB must be 5 digits');
  const paddedAccount = account.toUpperCase().padStart(12, '0');
  if (!/^[A-Z0-9]{12}$/.test(paddedAccount))
    throw new RangeError('account must be up to 12 letters or digits');
  const bban = `${italianCin(abi, cab, paddedAccount)}${abi}${cab}${paddedAccount}`;
  return `IT${ibanCheckDigits('IT', bban)}${bban}`;
}

/**
 * For display: the country code and the last 4 characters, everything else `*`, in the groups of 4
 * of the paper format. `IT60X0542811101000000123456` → `IT** **** **** **** **** ***3 456`.
 * Input shorter than 8 characters is masked entirely.
 */
export function maskIban(iban: string): string {
  const value = normaliseIban(iban);
  const keep = (i: number) => value.length >= 8 && (i < 2 || i >= value.length - 4);
  const masked = [...value].map((char, i) => (keep(i) ? char : '*')).join('');
  return masked.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Accepts spaces and any case; outputs the compact uppercase IBAN. */
export const IbanSchema = z
  .string()
  .transform(normaliseIban)
  .refine(isValidIban, { message: 'invalid IBAN' });
