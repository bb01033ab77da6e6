import type { Point, Quad } from './geometry.ts';

/** Row-major 3×3 projective matrix mapping (x, y, 1) to (X, Y, W), i.e. the point (X/W, Y/W). */
export type Homography = Float64Array;

export function applyHomography(h: Homography, p: Point): Point {
  const w = h[6]! * p.x + h[7]! * p.y + h[8]!;
  return { x: (h[0]! * p.x + h[1]! * p.y + h[2]!) / w, y: (h[3]! * p.x + h[4]! * p.y + h[5]!) / w };
}

export function multiplyHomography(a: Homography, b: Homography): Homography {
  const out = new Float64Array(9);
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) {
      out[r * 3 + c] = a[r * 3]! * b[c]! + a[r * 3 + 1]! * b[3 + c]! + a[r * 3 + 2]! * b[6 + c]!;
    }
  }
  return out;
}

/** Inverse up to scale (the adjugate); scale does not matter to a homography. Null when singular. */
export function invertHomography(h: Homography): Homography | null {
  const [a, b, c, d, e, f, g, i, j] = h as unknown as [number, number, number, number, number, number, number, number, number];
  const adj = new Float64Array([
    e * j - f * i, c * i - b * j, b * f - c * e,
    f * g - d * j, a * j - c * g, c * d - a * f,
    d * i - e * g, b * g - a * i, a * e - b * d,
  ]);
  const det = a * adj[0]! + b * adj[3]! + c * adj[6]!;
  if (!Number.isFinite(det) || det === 0) return null;
  // Normalise so callers see well-scaled numbers whatever the input's magnitude.
  for (let k = 0; k < 9; k++) adj[k] = adj[k]! / det;
  return adj;
}

/**
 * The map from the unit square (0,0) (1,0) (1,1) (0,1) onto a quad, in closed form (Heckbert 1989): no linear solve,
 * so it stays exact for the near-affine quads a document camera produces. Null for a degenerate quad.
 */
export function squareToQuad(q: Quad): Homography | null {
  const [p0, p1, p2, p3] = q;
  const dx1 = p1.x - p2.x;
  const dx2 = p3.x - p2.x;
  const dx3 = p0.x - p1.x + p2.x - p3.x;
  const dy1 = p1.y - p2.y;
  const dy2 = p3.y - p2.y;
  const dy3 = p0.y - p1.y + p2.y - p3.y;
  const det = dx1 * dy2 - dx2 * dy1;
  if (!Number.isFinite(det) || det === 0) return null;
  const g = (dx3 * dy2 - dx2 * dy3) / det;
  const h = (dx1 * dy3 - dx3 * dy1) / det;
  return new Float64Array([
    p1.x - p0.x + g * p1.x, p3.x - p0.x + h * p3.x, p0.x,
    p1.y - p0.y + g * p1.y, p3.y - p0.y + h * p3.y, p0.y,
    g, h, 1,
  ]);
}

/** The homography taking each corner of `from` to the same-index corner of `to`; null if either is degenerate. */
export function homographyBetween(from: Quad, to: Quad): Homography | null {
  const s = squareToQuad(from);
  const t = squareToQuad(to);
  if (!s || !t) return null;
  const sInv = invertHomography(s);
  return sInv ? multiplyHomography(t, sInv) : null;
}

/** The upright width × height rectangle as a quad, clockwise from the top-left. */
export function rectangle(width: number, height: number): Quad {
  return [
    { x: 0, y: 0 },
    { x: width, y: 0 },
    { x: width, y: height },
    { x: 0, y: height },
  ];
}
