/**
 * Money on paper. Amounts are whole fen (分) and stay integers: yuan are cut from the decimal digits, never
 * computed by dividing, so no amount can print a cent off.
 */

/** 1234 → "¥12.34", 5 → "¥0.05". */
export function formatYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not a whole, non-negative number of fen: ${fen}`);
  const digits = String(fen).padStart(3, '0');
  return `¥${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

const YUAN = /^¥(0|[1-9]\d*)\.(\d{2})$/;

/** The inverse of formatYuan, for exactly what it prints. */
export function parseYuan(text: string): number {
  const match = YUAN.exec(text);
  if (!match) throw new RangeError(`not an amount in yuan: ${text}`);
  const fen = Number(match[1]) * 100 + Number(match[2]);
  if (!Number.isSafeInteger(fen)) throw new RangeError(`amount too large: ${text}`);
  return fen;
}
