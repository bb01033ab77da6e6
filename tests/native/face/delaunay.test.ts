import { describe, expect, it } from 'vitest';
import { delaunay } from '../../../scripts/face/delaunay.ts';

/** Points on the convex hull, by the monotone chain, for the triangle count of a triangulation. */
function hullSize(points: { x: number; y: number }[]): number {
  const p = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  const cross = (o: { x: number; y: number }, a: { x: number; y: number }, b: { x: number; y: number }) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const half = (list: typeof p) => {
    const out: typeof p = [];
    for (const q of list) {
      while (out.length >= 2 && cross(out.at(-2)!, out.at(-1)!, q) <= 0) out.pop();
      out.push(q);
    }
    return out.length - 1;
  };
  return half(p) + half([...p].reverse());
}

describe('the face mesh triangulation', () => {
  it('is Delaunay: no point inside any triangle\'s circumcircle, and 2n − 2 − h triangles', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let round = 0; round < 20; round++) {
      const points = Array.from({ length: 150 }, () => ({ x: random() * 640, y: random() * 480 }));
      const triangles = delaunay(points);
      expect(triangles.length).toBe(2 * points.length - 2 - hullSize(points));
      for (const [a, b, c] of triangles) {
        const [p, q, r] = [points[a]!, points[b]!, points[c]!];
        const d = 2 * (p.x * (q.y - r.y) + q.x * (r.y - p.y) + r.x * (p.y - q.y));
        const ux = ((p.x ** 2 + p.y ** 2) * (q.y - r.y) + (q.x ** 2 + q.y ** 2) * (r.y - p.y) + (r.x ** 2 + r.y ** 2) * (p.y - q.y)) / d;
        const uy = ((p.x ** 2 + p.y ** 2) * (r.x - q.x) + (q.x ** 2 + q.y ** 2) * (p.x - r.x) + (r.x ** 2 + r.y ** 2) * (q.x - p.x)) / d;
        const r2 = (p.x - ux) ** 2 + (p.y - uy) ** 2;
        for (const [i, s] of points.entries()) {
          if (i !== a && i !== b && i !== c) expect((s.x - ux) ** 2 + (s.y - uy) ** 2).toBeGreaterThan(r2 * (1 - 1e-9));
        }
      }
    }
  });
});
