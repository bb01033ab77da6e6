import type { Quad } from './geometry.ts';

const SAMPLES = 24;

/**
 * For each side of the quad, the median brightness step across it (a little inside minus a little outside), or
 * null where the outside lies beyond the frame (a side on the border has nothing to compare with). A real page
 * edge is a sharp step; the soft edge of a lighting gradient split by a threshold is not.
 */
export function sideContrasts(grey: Uint8Array, width: number, height: number, quad: Quad, offset: number): (number | null)[] {
  const cx = (quad[0].x + quad[1].x + quad[2].x + quad[3].x) / 4;
  const cy = (quad[0].y + quad[1].y + quad[2].y + quad[3].y) / 4;
  const at = (x: number, y: number) => grey[Math.floor(y) * width + Math.floor(x)]!;
  const inFrame = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height;
  return quad.map((a, s) => {
    const b = quad[(s + 1) % 4]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len === 0) return null;
    let nx = -(b.y - a.y) / len;
    let ny = (b.x - a.x) / len;
    if (nx * ((a.x + b.x) / 2 - cx) + ny * ((a.y + b.y) / 2 - cy) < 0) {
      nx = -nx;
      ny = -ny;
    }
    const steps: number[] = [];
    for (let k = 0; k < SAMPLES; k++) {
      const t = 0.1 + (0.8 * (k + 0.5)) / SAMPLES;
      const px = a.x + t * (b.x - a.x);
      const py = a.y + t * (b.y - a.y);
      const ix = px - nx * offset;
      const iy = py - ny * offset;
      const ox = px + nx * offset;
      const oy = py + ny * offset;
      if (inFrame(ix, iy) && inFrame(ox, oy)) steps.push(at(ix, iy) - at(ox, oy));
    }
    if (steps.length < SAMPLES / 2) return null;
    steps.sort((p, q) => p - q);
    return steps[steps.length >> 1]!;
  });
}
