import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatYuan, parseYuan } from '../../../contract/domain/money.ts';

describe('money on paper', () => {
  it('prints whole fen as yuan with two decimals', () => {
    expect(formatYuan(1234)).toBe('¥12.34');
    expect(formatYuan(0)).toBe('¥0.00');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(formatYuan(90)).toBe('¥0.90');
    expect(formatYuan(100)).toBe('¥1.00');
    expect(formatYuan(100_000_000)).toBe('¥1000000.00');
    // 0.1 + 0.2 yuan is where floating point would show.
    expect(formatYuan(10 + 20)).toBe('¥0.30');
  });

  it('round-trips every amount from 0 to 10^8 fen exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (fen) => {
        const text = formatYuan(fen);
        expect(text).toMatch(/^¥(0|[1-9]\d*)\.\d{2}$/);
        expect(parseYuan(text)).toBe(fen);
        // Against integer arithmetic that cannot round: BigInt division.
        expect(text).toBe(`¥${BigInt(fen) / 100n}.${String(BigInt(fen) % 100n).padStart(2, '0')}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses what is not whole, non-negative fen, and text it would not print', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) expect(() => formatYuan(bad)).toThrow(RangeError);
    for (const bad of ['12.34', '¥12.3', '¥012.34', '¥12.345', '¥-1.00', '¥ 1.00', '¥1,000.00', '¥99999999999999999.00']) {
      expect(() => parseYuan(bad), bad).toThrow(RangeError);
    }
  });
});
