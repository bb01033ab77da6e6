/** What a typed amount may grow into: digits, one point, at most two decimals. */
export function acceptsYuanKey(current: string, key: string): boolean {
  if (key === '.') return current.length > 0 && !current.includes('.');
  const [, decimals] = current.split('.');
  if (decimals !== undefined) return decimals.length < 2;
  return current.replace(/^0+/, '').length < 7;
}
