/**
 * The odd/even position tables shared by the codice fiscale check character and the Italian
 * bank CIN: a digit counts as the letter at the same index (0 = A, 1 = B, ...).
 */
const ODD_VALUES = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

const A = 'A'.charCodeAt(0);
const ZERO = '0'.charCodeAt(0);

function indexOf(char: string): number {
  const code = char.charCodeAt(0);
  if (code >= ZERO && code <= ZERO + 9) return code - ZERO;
  if (code >= A && code < A + 26) return code - A;
  throw new RangeError(`not an uppercase letter or digit: ${JSON.stringify(char)}`);
}

/** Sum of the table values (1-based odd positions use the odd table) mod 26, as a letter. */
export function oddEvenCheckLetter(value: string): string {
  let sum = 0;
  for (let i = 0; i < value.length; i++) {
    const index = indexOf(value[i]!);
    sum += i % 2 === 0 ? ODD_VALUES[index]! : index;
  }
  return String.fromCharCode(A + (sum % 26));
}
