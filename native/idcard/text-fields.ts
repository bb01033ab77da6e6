/**
 * Fixed-width UCS-2LE fields of the 256-byte card text, space padded, and the value formats inside them
 * (YYYYMMDD dates, "长期", gender "1"/"2").
 */
import { isCalendarDate } from '../../contract/domain/calendar/civil-date.ts';
import { BadTextError, type DataOrigin } from './errors.ts';

export interface FieldSpec {
  offset: number;
  bytes: number;
}

/**
 * The field's text without its trailing padding. Control characters and unpaired surrogates are rejected so
 * garbage never reaches a form; private-use characters stay, because cards store rare name characters (生僻字)
 * there.
 */
export function readField(
  text: Uint8Array,
  spec: FieldSpec,
  field: string,
  origin: DataOrigin,
  trimPadding = true,
): string {
  // Buffer keeps unpaired surrogates (TextDecoder would hide them as U+FFFD), so they can be rejected below.
  const value = Buffer.from(text.buffer, text.byteOffset + spec.offset, spec.bytes).toString('utf16le');
  let end = value.length;
  while (trimPadding && end > 0 && (value.charCodeAt(end - 1) === 0x20 || value.charCodeAt(end - 1) === 0)) end--;
  for (let i = 0; i < end; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c >= 0xfffd) {
      throw new BadTextError(field, `character U+${c.toString(16).padStart(4, '0').toUpperCase()}`, origin);
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = i + 1 < end ? value.charCodeAt(i + 1) : 0;
      if (next < 0xdc00 || next > 0xdfff) throw new BadTextError(field, 'unpaired surrogate', origin);
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      throw new BadTextError(field, 'unpaired surrogate', origin);
    }
  }
  return value.slice(0, end);
}

export function readRequiredField(text: Uint8Array, spec: FieldSpec, field: string, origin: DataOrigin): string {
  const value = readField(text, spec, field, origin);
  if (value === '') throw new BadTextError(field, 'empty', origin);
  return value;
}

/** Writes a value space-padded; fails when it does not fit, because a truncated field would be a wrong one. */
export function writeField(text: Uint8Array, spec: FieldSpec, value: string): void {
  const encoded = Buffer.from(value, 'utf16le');
  if (encoded.length > spec.bytes) {
    throw new RangeError(`${JSON.stringify(value)} needs ${encoded.length} bytes, the field holds ${spec.bytes}`);
  }
  text.set(encoded, spec.offset);
  for (let i = spec.offset + encoded.length; i + 1 < spec.offset + spec.bytes; i += 2) {
    text[i] = 0x20;
    text[i + 1] = 0;
  }
}

/** YYYYMMDD → YYYY-MM-DD. */
export function parseDate(raw: string, field: string, origin: DataOrigin): string {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
  if (!match || !isCalendarDate(match[1]!, match[2]!, match[3]!)) {
    throw new BadTextError(field, `not a date: ${JSON.stringify(raw)}`, origin);
  }
  return `${match[1]}-${match[2]}-${match[3]}`;
}

export const LONG_TERM = '长期';

/** End of validity: a date, or 长期 for cards issued to people aged 46 and over. */
export function parseValidTo(raw: string, origin: DataOrigin): string {
  return raw === LONG_TERM ? LONG_TERM : parseDate(raw, 'validTo', origin);
}

/** YYYY-MM-DD (or 长期) → the card's form. */
export function toCardDate(value: string): string {
  return value === LONG_TERM ? value : value.replaceAll('-', '');
}

export type GenderCode = '1' | '2';
export type Gender = '男' | '女';

/** GB/T 2261.1 codes; cards only ever carry 1 (男) and 2 (女). */
export function parseGender(raw: string, origin: DataOrigin): { gender: Gender; genderCode: GenderCode } {
  if (raw === '1') return { gender: '男', genderCode: '1' };
  if (raw === '2') return { gender: '女', genderCode: '2' };
  throw new BadTextError('gender', `code ${JSON.stringify(raw)}`, origin);
}
