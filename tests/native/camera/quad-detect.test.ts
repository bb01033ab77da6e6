import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockwiseFromTopLeft, isConvexQuad, type Quad } from '../../../native/camera/geometry.ts';
import { detectQuad } from '../../../native/camera/quad-detect.ts';

/** A size × size greyscale image: a bright quad on a dark, noisy ground, antialiased with 4 × 4 coverage samples. */
function drawQuad(size: number, quad: Quad, seed: number): Uint8Array {
  const img = new Uint8Array(size * size);
  let s = seed >>> 0;
  const noise = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 2 ** 32 - 0.5) * 16;
  };
  const inside = (x: number, y: number) =>
    quad.every((a, i) => {
      const b = quad[(i + 1) % 4]!;
      return (b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x) >= 0;
    });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let k = 0; k < 16; k++) if (inside(x + ((k & 3) + 0.5) / 4, y + ((k >> 2) + 0.5) / 4)) hits++;
      img[y * size + x] = Math.max(0, Math.min(255, Math.round(50 + (170 * hits) / 16 + noise())));
    }
  }
  return img;
}

const pageQuad = fc
  .record({
    w: fc.double({ min: 0.5, max: 0.65, noNaN: true }),
    h: fc.double({ min: 0.5, max: 0.65, noNaN: true }),
    turn: fc.double({ min: -35, max: 35, noNaN: true }),
    dx: fc.double({ min: -6, max: 6, noNaN: true }),
    dy: fc.double({ min: -6, max: 6, noNaN: true }),
    push: fc.array(fc.double({ min: -4, max: 4, noNaN: true }), { minLength: 8, maxLength: 8 }),
  })
  .map(({ w, h, turn, dx, dy, push }) => {
    const size = 256;
    const a = (turn * Math.PI) / 180;
    const corners = [
      [-w / 2, -h / 2],
      [w / 2, -h / 2],
      [w / 2, h / 2],
      [-w / 2, h / 2],
    ].map(([u, v], i) => ({
      x: size / 2 + dx + size * (u! * Math.cos(a) - v! * Math.sin(a)) + push[2 * i]!,
      y: size / 2 + dy + size * (u! * Math.sin(a) + v! * Math.cos(a)) + push[2 * i + 1]!,
    }));
    return clockwiseFromTopLeft(corners as Quad);
  });

describe('detectQuad', () => {
  it('finds the corners of a bright quad on a dark ground to within 1 px', () => {
    fc.assert(
      fc.property(pageQuad, fc.nat(), (truth, seed) => {
        const found = detectQuad(drawQuad(256, truth, seed), 256, 256);
        expect(found).not.toBeNull();
        found!.forEach((p, i) => {
          expect(Math.abs(p.x - truth[i]!.x)).toBeLessThan(1);
          expect(Math.abs(p.y - truth[i]!.y)).toBeLessThan(1);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('never throws on random small images, and whatever it returns is a convex quad inside the frame', () => {
    const image = fc
      .record({ width: fc.integer({ min: 0, max: 48 }), height: fc.integer({ min: 0, max: 48 }) })
      .chain(({ width, height }) =>
        fc.record({
          width: fc.constant(width),
          height: fc.constant(height),
          grey: fc.oneof(
            fc.uint8Array({ minLength: width * height, maxLength: width * height }),
            // Few distinct levels make large flat regions, nearer to what a camera sees than white noise.
            fc
              .array(fc.constantFrom(0, 30, 128, 220, 255), { minLength: width * height, maxLength: width * height })
              .map((a) => Uint8Array.from(a)),
            // A bright block on a dark, textured ground: sometimes a page, so the whole pipeline runs.
            fc
              .tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat())
              .map(([a, b, c, d]) => {
                const x0 = a % (width + 1);
                const x1 = x0 + (b % (width - x0 + 1));
                const y0 = c % (height + 1);
                const y1 = y0 + (d % (height - y0 + 1));
                return Uint8Array.from({ length: width * height }, (_, i) => {
                  const x = i % width;
                  const y = (i - x) / width;
                  return x >= x0 && x < x1 && y >= y0 && y < y1 ? 230 : 40 + ((x * 7 + y * 13) % 9);
                });
              }),
          ),
        }),
      );
    fc.assert(
      fc.property(image, ({ grey, width, height }) => {
        const found = detectQuad(grey, width, height);
        if (found) {
          expect(isConvexQuad(found)).toBe(true);
          for (const p of found) {
            expect(p.x).toBeGreaterThanOrEqual(0);
            expect(p.x).toBeLessThanOrEqual(width);
            expect(p.y).toBeGreaterThanOrEqual(0);
            expect(p.y).toBeLessThanOrEqual(height);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('finds nothing in a flat image, in noise, or in a lamp-lit desk without paper', () => {
    const w = 200;
    const h = 150;
    expect(detectQuad(new Uint8Array(w * h).fill(128), w, h)).toBeNull();

    let s = 7;
    const noise = Uint8Array.from({ length: w * h }, () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) >>> 24));
    expect(detectQuad(noise, w, h)).toBeNull();

    const pool = Uint8Array.from({ length: w * h }, (_, i) => {
      const dx = (i % w) / w - 0.5;
      const dy = Math.floor(i / w) / h - 0.5;
      return 200 - 300 * (dx * dx + dy * dy);
    });
    expect(detectQuad(pool, w, h)).toBeNull();

    // Light falling off from left to right: a threshold splits it into a rectangle, but its edge is soft.
    const falloff = Uint8Array.from({ length: w * h }, (_, i) => 220 - (i % w) * 0.8);
    expect(detectQuad(falloff, w, h)).toBeNull();
  });

  it('finds nothing when the bright region is too small to be the page', () => {
    const truth = clockwiseFromTopLeft([
      { x: 90, y: 90 },
      { x: 190, y: 90 },
      { x: 190, y: 190 },
      { x: 90, y: 190 },
    ]);
    expect(detectQuad(drawQuad(256, truth, 1), 256, 256)).toBeNull();
  });

  it('refuses a buffer too short for the stated size', () => {
    expect(() => detectQuad(new Uint8Array(10), 10, 10)).toThrow(RangeError);
  });
});
