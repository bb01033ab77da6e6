import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BadFrameError } from '../../../native/idcard/errors.ts';
import { encodeSamId, formatSamId } from '../../../native/idcard/sam-id.ts';

describe('SAM id', () => {
  it('formats d0.d2-u32LE-%010u-%010u', () => {
    const bytes = new Uint8Array(16);
    const view = new DataView(bytes.buffer);
    bytes[0] = 5;
    bytes[2] = 1;
    view.setUint32(4, 20101216, true);
    view.setUint32(8, 11276412, true);
    view.setUint32(12, 2147486165, true);
    expect(formatSamId(bytes)).toBe('05.01-20101216-0011276412-2147486165');
  });

  it('round-trips', () => {
    fc.assert(
      fc.property(fc.nat(255), fc.nat(255), fc.nat(0xffffffff), fc.nat(0xffffffff), fc.nat(0xffffffff), (a, b, c, d, e) => {
        const text = `${String(a).padStart(2, '0')}.${String(b).padStart(2, '0')}-${c}-${String(d).padStart(10, '0')}-${String(e).padStart(10, '0')}`;
        expect(formatSamId(encodeSamId(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects the wrong number of bytes', () => {
    expect(() => formatSamId(new Uint8Array(15))).toThrow(BadFrameError);
  });
});
