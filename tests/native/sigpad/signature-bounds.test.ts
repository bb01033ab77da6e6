import { describe, expect, it } from 'vitest';
import { SIGNATURE_LIMITS, SignatureSchema, type Signature } from '../../../contract/domain/signature.ts';
import { rasterise } from '../../../native/sigpad/render-png.ts';
import { signatureGeometry } from '../../../native/sigpad/render-geometry.ts';
import { worstSignature } from '../../../scripts/lib/worst-signature.ts';

const issues = (sig: unknown) => {
  const r = SignatureSchema.safeParse(sig);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
const line = (n: number, side = 1000): Signature => ({
  width: side,
  height: side / 2,
  maxPressure: 1024,
  strokes: Array.from({ length: n }, (_, i) => ({ points: [{ x: 0, y: i % 500, p: 10, t: 2 * i }, { x: side, y: 500 - (i % 500), p: 10, t: 2 * i + 1 }] })),
});

describe('signature bounds', () => {
  it('refuse what no hand writes: thousands of strokes, too many points, a huge surface, a pen that crosses it hundreds of times', () => {
    // The reproduction: 3,000 corner-to-corner strokes held every device for 19 s.
    expect(issues(line(3000)).join()).toMatch(/^strokes: Too big/);
    expect(issues({ ...line(1), width: SIGNATURE_LIMITS.side + 1 })[0]).toMatch(/^width/);
    const dense = { width: 100, height: 100, maxPressure: 1, strokes: Array.from({ length: 6 }, () => ({ points: Array.from({ length: 4000 }, (_, i) => ({ x: 1, y: 1, p: 0, t: i })) })) };
    expect(issues(dense)).toEqual([`strokes: 24000 points: at most ${SIGNATURE_LIMITS.points}`]);
    // 250 strokes corner to corner, each a little longer than the surface is wide.
    expect(issues(line(250))).toEqual([`strokes: the pen travels 260 times across the surface: at most ${SIGNATURE_LIMITS.pathSides}`]);
    expect(issues(line(150))).toEqual([]);
  });

  it('the worst signature allowed is allowed, and draws by its path, not by the boxes around its strokes', () => {
    const worst = worstSignature();
    expect(issues(worst)).toEqual([]);
    // Each row visits only the span around a stroke: the ink drawn is the same as testing every pixel of each box.
    const g = signatureGeometry(line(20), {});
    const alpha = rasterise(g);
    const naive = new Uint8Array(g.width * g.height);
    for (const stroke of g.strokes) {
      for (const c of stroke) {
        const r = c.width / 2;
        const dx = c.bx - c.ax;
        const dy = c.by - c.ay;
        const len2 = dx * dx + dy * dy;
        for (let y = 0; y < g.height; y++) {
          for (let x = 0; x < g.width; x++) {
            const px = x + 0.5 - c.ax;
            const py = y + 0.5 - c.ay;
            const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, (px * dx + py * dy) / len2));
            const cover = r + 0.5 - Math.hypot(px - t * dx, py - t * dy);
            if (cover > 0) naive[y * g.width + x] = Math.max(naive[y * g.width + x]!, cover >= 1 ? 255 : Math.round(cover * 255));
          }
        }
      }
    }
    expect(Buffer.from(alpha).equals(Buffer.from(naive))).toBe(true);
  });
});
