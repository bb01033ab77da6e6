/** The largest amount one fee may be, as the contract's Fen allows: 1 000 000 yuan. */
export const MAX_FEN = 100_000_000;

/**
 * Yuan as typed on the number pad ("12", "12.5", "12.50") → whole fen, with integer arithmetic only: the digits
 * before and after the point are read separately, never through a floating-point number. Null when it is not an
 * amount (empty, more than two decimals, too large).
 */
export function yuanToFen(text: string): number | null {
  const m = /^(\d{1,7})(?:\.(\d{0,2}))?$/.exec(text);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return fen <= MAX_FEN ? fen : null;
}

/** 1250 → "12.50". */
export function fenToYuan(fen: number): string {
  const whole = Math.trunc(fen / 100);
  return `${whole}.${String(fen % 100).padStart(2, '0')}`;
}

/** What a typed amount may grow into: digits, one point, at most two decimals. */
export function acceptsYuanKey(current: string, key: string): boolean {
  if (key === '.') return current.length > 0 && !current.includes('.');
  const [, decimals] = current.split('.');
  if (decimals !== undefined) return decimals.length < 2;
  return current.replace(/^0+/, '').length < 7;
}
