import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isConvexQuad, type Point, type Quad } from '../../../native/camera/geometry.ts';
import {
  applyHomography,
  homographyBetween,
  invertHomography,
  rectangle,
  squareToQuad,
} from '../../../native/camera/homography.ts';

/** Convex quads from a rotated rectangle with each corner pushed about: squares, slivers and strong perspective. */
const convexQuad: fc.Arbitrary<Quad> = fc
  .record({
    cx: fc.double({ min: -500, max: 3000, noNaN: true }),
    cy: fc.double({ min: -500, max: 3000, noNaN: true }),
    w: fc.double({ min: 20, max: 3000, noNaN: true }),
    h: fc.double({ min: 20, max: 3000, noNaN: true }),
    turn: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
    push: fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), { minLength: 8, maxLength: 8 }),
  })
  .map(({ cx, cy, w, h, turn, push }) => {
    const size = Math.min(w, h);
    return rectangle(w, h).map((p, i) => {
      const x = p.x - w / 2 + push[2 * i]! * size;
      const y = p.y - h / 2 + push[2 * i + 1]! * size;
      return { x: cx + x * Math.cos(turn) - y * Math.sin(turn), y: cy + x * Math.sin(turn) + y * Math.cos(turn) };
    }) as Quad;
  })
  .filter(isConvexQuad);

const close = (a: Point, b: Point) => {
  const tolerance = 1e-7 * (1 + Math.abs(b.x) + Math.abs(b.y));
  expect(Math.abs(a.x - b.x)).toBeLessThanOrEqual(tolerance);
  expect(Math.abs(a.y - b.y)).toBeLessThanOrEqual(tolerance);
};

describe('homography', () => {
  it('maps the four source corners onto the four destination corners', () => {
    fc.assert(
      fc.property(convexQuad, convexQuad, (from, to) => {
        const h = homographyBetween(from, to);
        expect(h).not.toBeNull();
        from.forEach((p, i) => close(applyHomography(h!, p), to[i]!));
      }),
      { numRuns: 500 },
    );
  });

  it('maps points inside the quad back where they came from through its inverse', () => {
    fc.assert(
      fc.property(convexQuad, convexQuad, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (from, to, s, t) => {
        const h = homographyBetween(from, to)!;
        const back = invertHomography(h)!;
        // A point inside `from`: bilinear blend of its corners.
        const p = {
          x: (1 - t) * ((1 - s) * from[0].x + s * from[1].x) + t * ((1 - s) * from[3].x + s * from[2].x),
          y: (1 - t) * ((1 - s) * from[0].y + s * from[1].y) + t * ((1 - s) * from[3].y + s * from[2].y),
        };
        const q = applyHomography(back, applyHomography(h, p));
        expect(Math.abs(q.x - p.x)).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(p.x)));
        expect(Math.abs(q.y - p.y)).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(p.y)));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps straight lines straight: the midpoint of a side lands on the mapped side', () => {
    fc.assert(
      fc.property(convexQuad, convexQuad, (from, to) => {
        const h = homographyBetween(from, to)!;
        const mid = applyHomography(h, { x: (from[0].x + from[1].x) / 2, y: (from[0].y + from[1].y) / 2 });
        const [a, b] = [to[0], to[1]];
        const offLine = ((b.x - a.x) * (mid.y - a.y) - (b.y - a.y) * (mid.x - a.x)) / Math.hypot(b.x - a.x, b.y - a.y);
        expect(Math.abs(offLine)).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(a.x) + Math.abs(a.y) + Math.abs(b.x) + Math.abs(b.y)));
      }),
      { numRuns: 300 },
    );
  });

  it('is the identity between a rectangle and itself', () => {
    const h = homographyBetween(rectangle(640, 480), rectangle(640, 480))!;
    close(applyHomography(h, { x: 123.5, y: 456.25 }), { x: 123.5, y: 456.25 });
  });

  it('refuses a degenerate quad', () => {
    const line: Quad = [
      { x: 0, y: 0 },
      { x: 1, y: 1 },
      { x: 2, y: 2 },
      { x: 3, y: 3 },
    ];
    expect(squareToQuad(line)).toBeNull();
    expect(homographyBetween(line, rectangle(10, 10))).toBeNull();
  });
});
