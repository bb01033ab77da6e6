/** Continuous pixel coordinates: (0,0) is the top-left corner of the first pixel, (w,h) the far corner of the last. */
export interface Point {
  x: number;
  y: number;
}

/** Four corners; page-level quads run clockwise on screen from the top-left. */
export type Quad = [Point, Point, Point, Point];

export function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

/** z of (b − a) × (c − a): positive when a → b → c turns clockwise on screen (y grows downwards). */
export function cross(a: Point, b: Point, c: Point): number {
  return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

/** Shoelace area, positive when the vertices run clockwise on screen. */
export function signedArea(polygon: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i]!;
    const b = polygon[(i + 1) % polygon.length]!;
    sum += a.x * b.y - b.x * a.y;
  }
  return sum / 2;
}

/** Strictly convex: every turn the same way. With four vertices this also rules out a self-crossing bow tie. */
export function isConvexQuad(q: Quad): boolean {
  let sign = 0;
  for (let i = 0; i < 4; i++) {
    const c = cross(q[i]!, q[(i + 1) % 4]!, q[(i + 2) % 4]!);
    if (!Number.isFinite(c) || c === 0) return false;
    const s = Math.sign(c);
    if (sign !== 0 && s !== sign) return false;
    sign = s;
  }
  return true;
}

/** Interior angles in degrees, at each corner in order. */
export function interiorAngles(q: Quad): number[] {
  return q.map((p, i) => {
    const prev = q[(i + 3) % 4]!;
    const next = q[(i + 1) % 4]!;
    const a = Math.atan2(prev.y - p.y, prev.x - p.x);
    const b = Math.atan2(next.y - p.y, next.x - p.x);
    const d = Math.abs(a - b);
    return ((d > Math.PI ? 2 * Math.PI - d : d) * 180) / Math.PI;
  });
}

/**
 * The same quad, clockwise on screen, starting at the corner whose outgoing side points most nearly to the right:
 * the page's top-left as long as it lies within ±45° of upright.
 */
export function clockwiseFromTopLeft(q: Quad): Quad {
  const cw: Quad = signedArea(q) < 0 ? [q[0], q[3], q[2], q[1]] : [q[0], q[1], q[2], q[3]];
  let start = 0;
  let best = -Infinity;
  for (let i = 0; i < 4; i++) {
    const a = cw[i]!;
    const b = cw[(i + 1) % 4]!;
    const rightness = (b.x - a.x) / (distance(a, b) || 1);
    if (rightness > best) {
      best = rightness;
      start = i;
    }
  }
  return [cw[start]!, cw[(start + 1) % 4]!, cw[(start + 2) % 4]!, cw[(start + 3) % 4]!];
}
