/**
 * Identity-number checks. Resident cards, HK/Macau/Taiwan residence permits and the 2023 foreigner's permanent
 * residence card carry an 18-character number with the GB 11643-1999 check character (ISO 7064 MOD 11-2);
 * the 2017 foreigner's card carries a 15-character number with a 7-3-1 check digit.
 */
import { z } from 'zod';
import { isCalendarDate } from './calendar/civil-date.ts';

/** An 18-character ID number as typed or read (the check character X in either case). */
export const ID_NUMBER_PATTERN = /^\d{17}[\dXx]$/;
/** The same, normalised to a capital X: how it is hashed and sent. */
export const NORMAL_ID_NUMBER_PATTERN = /^\d{17}[\dX]$/;
export const IdNumber = z.string().regex(ID_NUMBER_PATTERN);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Province-level codes of GB/T 2260 (71 Taiwan; 81 Hong Kong, 82 Macau, 83 Taiwan residence permits). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82, 83,
]);

/** The GB 11643 check character for the first 17 digits. */
export function gb11643CheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`expected 17 digits, got ${JSON.stringify(first17)}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export type IdNumberProblem = 'shape' | 'region' | 'birth-date' | 'check-digit';

export interface IdNumberCheck {
  valid: boolean;
  problems: IdNumberProblem[];
  /** YYYY-MM-DD from digits 7–14 when they form a real date. */
  birthDate: string | null;
  /** From the 17th digit of a GB 11643 number: odd = male ('1'), even = female ('2'); null for other schemes. */
  genderCode: '1' | '2' | null;
}

/** Checks an 18-character number of a resident ID card (GB 11643-1999) or an HK/Macau/Taiwan residence permit. */
export function checkIdNumber(id: string): IdNumberCheck {
  if (!NORMAL_ID_NUMBER_PATTERN.test(id)) return { valid: false, problems: ['shape'], birthDate: null, genderCode: null };
  const problems: IdNumberProblem[] = [];
  if (!PROVINCES.has(Number(id.slice(0, 2)))) problems.push('region');
  return { ...finish18(id, problems), genderCode: Number(id[16]) % 2 === 1 ? '1' : '2' };
}

/** The 2023 foreigner's permanent residence number: 9, province (2), nationality (3), birth date (8), 3 digits, check. */
export function checkForeignPermanentNumber2023(id: string): IdNumberCheck {
  if (!/^9\d{16}[\dX]$/.test(id)) return { valid: false, problems: ['shape'], birthDate: null, genderCode: null };
  const problems: IdNumberProblem[] = [];
  if (!PROVINCES.has(Number(id.slice(1, 3)))) problems.push('region');
  return finish18(id, problems);
}

function finish18(id: string, problems: IdNumberProblem[]): IdNumberCheck {
  const y = id.slice(6, 10);
  const m = id.slice(10, 12);
  const d = id.slice(12, 14);
  const birthDate = isCalendarDate(y, m, d) ? `${y}-${m}-${d}` : null;
  if (birthDate === null) problems.push('birth-date');
  if (gb11643CheckChar(id.slice(0, 17)) !== id[17]) problems.push('check-digit');
  return { valid: problems.length === 0, problems, birthDate, genderCode: null };
}

/** Value of a character in the 7-3-1 scheme: digits as themselves, A=10 … Z=35. */
function value731(c: string): number {
  const code = c.charCodeAt(0);
  return code >= 65 ? code - 55 : code - 48;
}

/** The 7-3-1 check digit over the first 14 characters of a 2017 foreigner's number. */
export function check731Digit(first14: string): string {
  if (!/^[A-Z]{3}\d{11}$/.test(first14)) throw new RangeError(`expected 3 letters and 11 digits, got ${first14}`);
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < 14; i++) sum += value731(first14[i]!) * weights[i % 3]!;
  return String(sum % 10);
}

/**
 * The 2017 foreigner's permanent residence number: nationality (3 letters), province (2), 2 digits,
 * birth date YYMMDD, 1 digit, check digit. The century is not in the number, so it is compared with the birth
 * date printed on the card.
 */
export function checkForeignPermanentNumber2017(id: string, birthDate: string | null): IdNumberCheck {
  if (!/^[A-Z]{3}\d{12}$/.test(id)) return { valid: false, problems: ['shape'], birthDate: null, genderCode: null };
  const problems: IdNumberProblem[] = [];
  if (!PROVINCES.has(Number(id.slice(3, 5)))) problems.push('region');
  const yymmdd = id.slice(7, 13);
  const matchesBirth =
    birthDate !== null && birthDate.slice(2, 4) + birthDate.slice(5, 7) + birthDate.slice(8, 10) === yymmdd;
  if (!matchesBirth) problems.push('birth-date');
  if (check731Digit(id.slice(0, 14)) !== id[14]) problems.push('check-digit');
  return { valid: problems.length === 0, problems, birthDate: matchesBirth ? birthDate : null, genderCode: null };
}

/**
 * An ID number as shown and printed: the first 6 digits (the issuing region) and the last 4, the rest starred —
 * 430102********1234: enough to tell people apart, not enough to copy down. The full number stays in the
 * encrypted case record.
 */
export function maskIdNumber(idNumber: string): string {
  const chars = [...idNumber.trim().toUpperCase()];
  // Too short to keep 10 characters and still hide some: hide it all rather than show it whole.
  if (chars.length < 14) return '*'.repeat(chars.length);
  return [...chars.slice(0, 6), ...'*'.repeat(chars.length - 10), ...chars.slice(-4)].join('');
}
