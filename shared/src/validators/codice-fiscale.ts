import { z } from 'zod';
import { oddEvenCheckLetter } from './check-letter.ts';

/** Month letters, January to December. */
const MONTH_LETTERS = 'ABCDEHLMPRST';
/** Omocodia: a digit in the year, day or place number may be replaced by the letter at its index. */
const OMOCODIA_LETTERS = 'LMNPQRSTUV';
const D = `[0-9${OMOCODIA_LETTERS}]`;
const FORMAT = new RegExp(`^[A-Z]{6}${D}{2}[${MONTH_LETTERS}]${D}{2}[A-Z]${D}{3}[A-Z]$`);

/** Trims and uppercases; validation itself accepts only the normalised form. */
export function normaliseCodiceFiscale(value: string): string {
  return value.trim().toUpperCase();
}

/** The check character for the first 15 characters of a codice fiscale. */
export function codiceFiscaleCheckChar(first15: string): string {
  if (!/^[A-Z0-9]{15}$/.test(first15)) throw new RangeError('expected 15 uppercase letters or digits');
  return oddEvenCheckLetter(first15);
}

function decodeDigit(char: string): string {
  const index = OMOCODIA_LETTERS.indexOf(char);
  return index === -1 ? char : String(index);
}

/**
 * Personal codice fiscale, e.g. `RSSMRA80D12H501G`, including omocodia variants such as
 * `RSSMRA80D12H50MY`. Expects the normalised (uppercase, trimmed) form.
 */
export function isValidCodiceFiscale(value: string): boolean {
  if (!FORMAT.test(value)) return false;
  const day = Number(decodeDigit(value[9]!) + decodeDigit(value[10]!));
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return false;
  return codiceFiscaleCheckChar(value.slice(0, 15)) === value[15];
}

export interface CodiceFiscaleInput {
  surname: string;
  firstName: string;
  /** `YYYY-MM-DD` */
  birthDate: string;
  sex: 'M' | 'F';
  /** Cadastral code of the birth municipality, or `Z` code of the foreign country, e.g. `H501`. */
  placeCode: string;
}

const VOWELS = new Set(['A', 'E', 'I', 'O', 'U']);

function lettersOf(name: string): { consonants: string[]; vowels: string[] } {
  const letters = name
    .normalize('NFD')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
  const chars = [...letters];
  return { consonants: chars.filter((c) => !VOWELS.has(c)), vowels: chars.filter((c) => VOWELS.has(c)) };
}

function threeLetters(consonants: string[], vowels: string[]): string {
  return [...consonants, ...vowels, 'X', 'X', 'X'].slice(0, 3).join('');
}

function surnameCode(surname: string): string {
  const { consonants, vowels } = lettersOf(surname);
  return threeLetters(consonants, vowels);
}

function firstNameCode(firstName: string): string {
  const { consonants, vowels } = lettersOf(firstName);
  if (consonants.length >= 4) return `${consonants[0]}${consonants[2]}${consonants[3]}`;
  return threeLetters(consonants, vowels);
}

/**
 * The regular codice fiscale for a person (never an omocodia variant: those are assigned by the
 * Agenzia delle Entrate only on collision). Throws RangeError on a malformed date or place code.
 */
export function buildCodiceFiscale(input: CodiceFiscaleInput): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.birthDate);
  const date = new Date(`${input.birthDate}T00:00:00Z`);
  if (!match || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== input.birthDate) {
    throw new RangeError(`not a date: ${input.birthDate}`);
  }
  const placeCode = input.placeCode.trim().toUpperCase();
  if (!/^[A-Z]\d{3}$/.test(placeCode)) throw new RangeError(`not a place code: ${input.placeCode}`);
  const [, year, month, day] = match;
  const dayCode = Number(day) + (input.sex === 'F' ? 40 : 0);
  const first15 =
    surnameCode(input.surname) +
    firstNameCode(input.firstName) +
    year!.slice(2) +
    MONTH_LETTERS[Number(month) - 1] +
    String(dayCode).padStart(2, '0') +
    placeCode;
  return first15 + codiceFiscaleCheckChar(first15);
}

/** Accepts any case and surrounding spaces; outputs the normalised code. */
export const CodiceFiscaleSchema = z
  .string()
  .transform(normaliseCodiceFiscale)
  .refine(isValidCodiceFiscale, { message: 'invalid codice fiscale' });
