/**
 * Money is whole fen (分) and stays integer: yuan are cut from the decimal digits and read back digit by digit,
 * never through a floating-point number, so no amount is ever a cent off — on screen, on paper or in a sum.
 */

/** The largest amount one fee may be: 1 000 000 yuan. */
export const MAX_FEN = 100_000_000;

/** 1250 → "12.50", 5 → "0.05". */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not a whole, non-negative number of fen: ${fen}`);
  const digits = String(fen).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** 1234 → "¥12.34", as the printed documents write it. */
export function formatYuan(fen: number): string {
  return `¥${fenToYuan(fen)}`;
}

const PRINTED_YUAN = /^¥(0|[1-9]\d*)\.(\d{2})$/;

/** The inverse of formatYuan, for exactly what it prints. */
export function parseYuan(text: string): number {
  const match = PRINTED_YUAN.exec(text);
  if (!match) throw new RangeError(`not an amount in yuan: ${text}`);
  const fen = Number(match[1]) * 100 + Number(match[2]);
  if (!Number.isSafeInteger(fen)) throw new RangeError(`amount too large: ${text}`);
  return fen;
}

/**
 * Yuan as typed on the number pad ("12", "12.5", "12.50") → whole fen. Null when it is not an amount (empty, more
 * than two decimals, too large).
 */
export function yuanToFen(text: string): number | null {
  const m = /^(\d{1,7})(?:\.(\d{0,2}))?$/.exec(text);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return fen <= MAX_FEN ? fen : null;
}
