import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uuid7 } from '../../../contract/domain/uuid7.ts';

describe('uuid7', () => {
  it('is a version-7, variant-1 UUID whose first 48 bits are the time in ms, so ids sort by time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 47 }), fc.integer({ min: 1, max: 2 ** 20 }), (t, dt) => {
        const a = uuid7(new Date(t));
        const b = uuid7(new Date(t + dt));
        expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(Number.parseInt(a.replace(/-/g, '').slice(0, 12), 16)).toBe(t);
        expect(a < b).toBe(true);
      }),
    );
  });

  it('differs every time within the same millisecond', () => {
    const at = new Date();
    expect(new Set(Array.from({ length: 1000 }, () => uuid7(at))).size).toBe(1000);
  });
});
