/** Input for `station idcard decode <file|->`: a hex dump (any whitespace) or the raw bytes themselves. */
import { BadFrameError } from './errors.ts';

const HEX_WITH_SPACE = /^[\s0-9a-fA-F]*$/;

/**
 * Hex text when every non-space character is a hex digit; otherwise raw binary. A SAM frame starts with 0xAA,
 * which is not ASCII, so binary input never looks like hex text.
 */
export function parseHexOrBinary(input: Uint8Array): Buffer {
  const raw = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const text = raw.toString('latin1');
  if (!HEX_WITH_SPACE.test(text)) return Buffer.from(raw);
  const digits = text.replace(/\s+/g, '');
  if (digits.length % 2 !== 0) throw new BadFrameError(`odd number of hex digits (${digits.length})`, 'input');
  return Buffer.from(digits, 'hex');
}
