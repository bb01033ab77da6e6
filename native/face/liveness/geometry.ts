import { fitSimilarity, type Point } from '../warp.ts';

/** Row-major 3 × 3, mapping (x, y, 1) to (X, Y, W), i.e. the point (X/W, Y/W). */
export type Homography = readonly number[];

export function applyHomography(h: Homography, p: Point): Point {
  const w = h[6]! * p.x + h[7]! * p.y + h[8]!;
  return { x: (h[0]! * p.x + h[1]! * p.y + h[2]!) / w, y: (h[3]! * p.x + h[4]! * p.y + h[5]!) / w };
}

/** Shift to the centroid and scale to a mean distance of √2 (Hartley), so the linear system is well conditioned. */
function normaliser(points: readonly Point[]): { s: number; cx: number; cy: number } {
  const cx = points.reduce((a, p) => a + p.x, 0) / points.length;
  const cy = points.reduce((a, p) => a + p.y, 0) / points.length;
  const mean = points.reduce((a, p) => a + Math.hypot(p.x - cx, p.y - cy), 0) / points.length;
  return { s: mean > 0 ? Math.SQRT2 / mean : 1, cx, cy };
}

/** Solves A x = b for a small dense square A (rows copied), by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    if (Math.abs(m[pivot]![c]!) < 1e-12) return null;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let v = m[r]![n]!;
    for (let k = r + 1; k < n; k++) v -= m[r]![k]! * x[k]!;
    x[r] = v / m[r]![r]!;
  }
  return x;
}

/**
 * The least-squares homography taking `from[i]` onto `to[i]` (normalised DLT with h33 = 1: both point sets are
 * centred and scaled, so the centroid never maps to infinity for the near-frontal views compared here). Null when
 * the points are degenerate (fewer than 4, or all on a line).
 */
export function fitHomography(from: readonly Point[], to: readonly Point[]): Homography | null {
  if (from.length < 4 || from.length !== to.length) return null;
  const nf = normaliser(from), nt = normaliser(to);
  const ata = Array.from({ length: 8 }, () => new Array<number>(8).fill(0));
  const atb = new Array<number>(8).fill(0);
  const add = (row: number[], rhs: number) => {
    for (let i = 0; i < 8; i++) {
      atb[i]! += row[i]! * rhs;
      for (let j = 0; j < 8; j++) ata[i]![j]! += row[i]! * row[j]!;
    }
  };
  for (let i = 0; i < from.length; i++) {
    const x = (from[i]!.x - nf.cx) * nf.s, y = (from[i]!.y - nf.cy) * nf.s;
    const u = (to[i]!.x - nt.cx) * nt.s, v = (to[i]!.y - nt.cy) * nt.s;
    add([x, y, 1, 0, 0, 0, -u * x, -u * y], u);
    add([0, 0, 0, x, y, 1, -v * x, -v * y], v);
  }
  const h = solve(ata, atb);
  if (!h) return null;
  // H = T_to⁻¹ · Hn · T_from, with T(p) = s · (p − c).
  const [a, b, c, d, e, f, g, k] = h as [number, number, number, number, number, number, number, number];
  const n = [a, b, c, d, e, f, g, k, 1];
  const tf = [nf.s, 0, -nf.s * nf.cx, 0, nf.s, -nf.s * nf.cy, 0, 0, 1];
  const ti = [1 / nt.s, 0, nt.cx, 0, 1 / nt.s, nt.cy, 0, 0, 1];
  return multiply(ti, multiply(n, tf));
}

function multiply(p: readonly number[], q: readonly number[]): number[] {
  const out = new Array<number>(9).fill(0);
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) for (let k = 0; k < 3; k++) out[r * 3 + c]! += p[r * 3 + k]! * q[k * 3 + c]!;
  return out;
}

const rms = (from: readonly Point[], to: readonly Point[], map: (p: Point) => Point) =>
  Math.sqrt(from.reduce((sum, p, i) => {
    const q = map(p);
    return sum + (q.x - to[i]!.x) ** 2 + (q.y - to[i]!.y) ** 2;
  }, 0) / from.length);

/** RMS distance, in pixels, left between `to` and `from` mapped by the best homography; Infinity if none fits. */
export function homographyResidual(from: readonly Point[], to: readonly Point[]): number {
  const h = fitHomography(from, to);
  return h ? rms(from, to, (p) => applyHomography(h, p)) : Infinity;
}

/** RMS distance, in pixels, left between `to` and `from` moved, turned and scaled by the best similarity. */
export function similarityResidual(from: readonly Point[], to: readonly Point[]): number {
  const s = fitSimilarity(from, to);
  return rms(from, to, (p) => ({ x: s.a * p.x - s.b * p.y + s.tx, y: s.b * p.x + s.a * p.y + s.ty }));
}
