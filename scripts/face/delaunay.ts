// Delaunay triangulation (Bowyer–Watson) of a few hundred points: enough for a face mesh, with no dependency.
// O(n²), which for the ~150 points of a face is well under a millisecond.

export type Triangle = [number, number, number];

interface Circle {
  x: number;
  y: number;
  r2: number;
}

function circumcircle(a: { x: number; y: number }, b: { x: number; y: number }, c: { x: number; y: number }): Circle {
  const d = 2 * (a.x * (b.y - c.y) + b.x * (c.y - a.y) + c.x * (a.y - b.y));
  const a2 = a.x * a.x + a.y * a.y, b2 = b.x * b.x + b.y * b.y, c2 = c.x * c.x + c.y * c.y;
  const x = (a2 * (b.y - c.y) + b2 * (c.y - a.y) + c2 * (a.y - b.y)) / d;
  const y = (a2 * (c.x - b.x) + b2 * (a.x - c.x) + c2 * (b.x - a.x)) / d;
  return { x, y, r2: (a.x - x) ** 2 + (a.y - y) ** 2 };
}

/** Triangles (indices into `points`, in either winding) covering the points' convex hull. */
export function delaunay(points: readonly { x: number; y: number }[]): Triangle[] {
  const xs = points.map((p) => p.x), ys = points.map((p) => p.y);
  const minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...ys), maxY = Math.max(...ys);
  const span = Math.max(maxX - minX, maxY - minY) * 1000;
  const cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
  // A triangle around everything, removed at the end with every triangle touching it. Far out (1000 × the points'
  // span): one only 20 × out can leave a thin triangle on the hull missing.
  const all = [...points, { x: cx - span, y: cy - span }, { x: cx + span, y: cy - span }, { x: cx, y: cy + span }];
  const n = points.length;
  let tris: { t: Triangle; c: Circle }[] = [{ t: [n, n + 1, n + 2], c: circumcircle(all[n]!, all[n + 1]!, all[n + 2]!) }];
  for (let i = 0; i < n; i++) {
    const p = all[i]!;
    const bad = tris.filter(({ c }) => (p.x - c.x) ** 2 + (p.y - c.y) ** 2 < c.r2);
    tris = tris.filter((t) => !bad.includes(t));
    // The hole's boundary: edges of the removed triangles that only one of them has.
    const edges = new Map<string, [number, number]>();
    for (const { t } of bad) {
      for (const [a, b] of [[t[0], t[1]], [t[1], t[2]], [t[2], t[0]]] as const) {
        const key = a < b ? `${a},${b}` : `${b},${a}`;
        if (edges.has(key)) edges.delete(key);
        else edges.set(key, [a, b]);
      }
    }
    for (const [a, b] of edges.values()) tris.push({ t: [a, b, i], c: circumcircle(all[a]!, all[b]!, p) });
  }
  return tris.map(({ t }) => t).filter((t) => t.every((v) => v < n));
}
