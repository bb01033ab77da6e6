import { describe, expect, it } from 'vitest';
import { warpRgb } from '../../../native/camera/warp.ts';

const translate = (dx: number, dy: number) => new Float64Array([1, 0, dx, 0, 1, dy, 0, 0, 1]);

function ramp(width: number, height: number): Uint8Array {
  const img = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      img[o] = x * 10;
      img[o + 1] = y * 10;
      img[o + 2] = 200;
    }
  }
  return img;
}

describe('warpRgb', () => {
  it('reproduces the source through the identity', () => {
    const src = ramp(9, 7);
    expect(warpRgb(src, 9, 7, translate(0, 0), 9, 7)).toEqual(src);
  });

  it('shifts by whole pixels and repeats the edge beyond the source', () => {
    const out = warpRgb(ramp(9, 7), 9, 7, translate(2, 1), 9, 7);
    // Output (0,0) samples source (2,1); output (8,6) would be (10,7), clamped to (8,6).
    expect([...out.subarray(0, 3)]).toEqual([20, 10, 200]);
    expect([...out.subarray((6 * 9 + 8) * 3, (6 * 9 + 8) * 3 + 3)]).toEqual([80, 60, 200]);
  });

  it('interpolates between pixels', () => {
    const out = warpRgb(ramp(9, 7), 9, 7, translate(0.5, 0.25), 9, 7);
    const o = (3 * 9 + 4) * 3;
    expect(out[o]).toBe(45);
    expect(out[o + 1]).toBe(33); // 32.5 rounds up
  });

  it('scales: a 2× reduction of a linear ramp samples between source pixels', () => {
    const out = warpRgb(ramp(20, 10), 20, 10, new Float64Array([2, 0, 0, 0, 2, 0, 0, 0, 1]), 10, 5);
    // Output centre (x+0.5) maps to source 2x+1, i.e. halfway between pixels 2x and 2x+1.
    expect(out[(2 * 10 + 3) * 3]).toBe(65);
  });
});
