import { cross, distance, type Point, type Quad } from './geometry.ts';

/** A line through `point` along the unit vector (dx, dy). */
export interface Line {
  point: Point;
  dx: number;
  dy: number;
}

/**
 * Indices of the four hull vertices spanning the largest quadrilateral, in hull order. For each first vertex the
 * farthest vertex on either side of a rotating diagonal only moves forward, so this is O(n²).
 */
export function maxAreaQuad(hull: readonly Point[]): [number, number, number, number] | null {
  const n = hull.length;
  if (n < 4) return null;
  const at = (k: number) => hull[k % n]!;
  const tri = (a: number, b: number, c: number) => cross(at(a), at(b), at(c));
  let best = 0;
  let result: [number, number, number, number] | null = null;
  for (let i = 0; i < n; i++) {
    let k = i + 1;
    let l = i + 3;
    for (let j = i + 2; j <= i + n - 2; j++) {
      while (k + 1 < j && tri(i, k + 1, j) >= tri(i, k, j)) k++;
      if (l <= j) l = j + 1;
      while (l + 1 < i + n && tri(j, l + 1, i) >= tri(j, l, i)) l++;
      const area = tri(i, k, j) + tri(j, l, i);
      if (area > best) {
        best = area;
        result = [i, k % n, j % n, l % n];
      }
    }
  }
  return result;
}

/**
 * Total-least-squares line through the hull chain from vertex `from` to vertex `to`, each hull edge weighted by
 * its length and only its middle 80 % used: the corners themselves are rounded by blur and down-sampling.
 * Null when the chain is too thin to trust.
 */
export function fitSide(hull: readonly Point[], from: number, to: number): Line | null {
  const n = hull.length;
  const a = hull[from]!;
  const b = hull[to]!;
  const length = distance(a, b);
  if (length === 0) return null;
  const ux = (b.x - a.x) / length;
  const uy = (b.y - a.y) / length;
  const lo = 0.1 * length;
  const hi = 0.9 * length;
  let w = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let k = from; k !== to; k = (k + 1) % n) {
    const p = hull[k]!;
    const q = hull[(k + 1) % n]!;
    const sp = (p.x - a.x) * ux + (p.y - a.y) * uy;
    const sq = (q.x - a.x) * ux + (q.y - a.y) * uy;
    if (sq === sp) continue;
    // Clip the edge to the part whose projection on the chord lies in [lo, hi].
    const t0 = Math.max(0, Math.min((lo - sp) / (sq - sp), (hi - sp) / (sq - sp)));
    const t1 = Math.min(1, Math.max((lo - sp) / (sq - sp), (hi - sp) / (sq - sp)));
    if (t1 <= t0) continue;
    const x1 = p.x + t0 * (q.x - p.x);
    const y1 = p.y + t0 * (q.y - p.y);
    const x2 = p.x + t1 * (q.x - p.x);
    const y2 = p.y + t1 * (q.y - p.y);
    const len = Math.hypot(x2 - x1, y2 - y1);
    // Moments of a uniform segment, so long hull edges count for what they cover.
    w += len;
    sx += (len * (x1 + x2)) / 2;
    sy += (len * (y1 + y2)) / 2;
    sxx += (len * (x1 * x1 + x1 * x2 + x2 * x2)) / 3;
    syy += (len * (y1 * y1 + y1 * y2 + y2 * y2)) / 3;
    sxy += (len * (2 * x1 * y1 + x1 * y2 + x2 * y1 + 2 * x2 * y2)) / 6;
  }
  if (w < 0.4 * length) return null;
  const mx = sx / w;
  const my = sy / w;
  const cxx = sxx / w - mx * mx;
  const cyy = syy / w - my * my;
  const cxy = sxy / w - mx * my;
  const angle = 0.5 * Math.atan2(2 * cxy, cxx - cyy);
  return { point: { x: mx, y: my }, dx: Math.cos(angle), dy: Math.sin(angle) };
}

export function intersectLines(l1: Line, l2: Line): Point | null {
  const det = l1.dx * l2.dy - l1.dy * l2.dx;
  // Sides meeting at less than ~6° are not a page corner; the intersection would be wild.
  if (Math.abs(det) < 0.1) return null;
  const t = ((l2.point.x - l1.point.x) * l2.dy - (l2.point.y - l1.point.y) * l2.dx) / det;
  return { x: l1.point.x + t * l1.dx, y: l1.point.y + t * l1.dy };
}

/**
 * Corners where the fitted sides meet, each kept at its hull vertex when the fit is missing or strays more than
 * `maxShift` from it (a hand over a side, a page running off the frame).
 */
export function refineCorners(hull: readonly Point[], indices: readonly number[], maxShift: number): Quad {
  const sides = indices.map((from, s) => fitSide(hull, from, indices[(s + 1) % 4]!));
  return indices.map((vertex, c) => {
    const before = sides[(c + 3) % 4];
    const after = sides[c];
    const hullCorner = hull[vertex]!;
    const met = before && after ? intersectLines(before, after) : null;
    return met && distance(met, hullCorner) <= maxShift ? met : hullCorner;
  }) as Quad;
}
