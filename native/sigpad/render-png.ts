import sharp from 'sharp';
import type { Geometry, RenderOptions } from './render-geometry.ts';
import { setPngDpi } from './png-density.ts';
import { signatureGeometry } from './render-geometry.ts';
import type { Signature } from '../../contract/domain/signature.ts';

/**
 * Anti-aliased coverage of every capsule (distance to the segment against its radius, a one-pixel ramp), unioned by
 * max since the ink is one opaque colour. Drawing this directly is several times faster than rasterising the SVG.
 */
export function rasterise(g: Geometry): Uint8Array {
  const { width, height } = g;
  const alpha = new Uint8Array(width * height);
  for (const stroke of g.strokes) {
    for (const c of stroke) {
      const r = c.width / 2;
      const dx = c.bx - c.ax;
      const dy = c.by - c.ay;
      const len2 = dx * dx + dy * dy;
      const boxX0 = Math.max(0, Math.floor(Math.min(c.ax, c.bx) - r - 1));
      const boxX1 = Math.min(width - 1, Math.ceil(Math.max(c.ax, c.bx) + r + 1));
      const y0 = Math.max(0, Math.floor(Math.min(c.ay, c.by) - r - 1));
      const y1 = Math.min(height - 1, Math.ceil(Math.max(c.ay, c.by) + r + 1));
      // Each row visits only the span around the segment's own x there, not its whole bounding box: a long
      // diagonal stroke costs its length times its width, not the area of its box.
      const slope = Math.abs(dy) < 1e-9 ? null : dx / dy;
      const reach = slope === null ? 0 : (r + 1.5) * Math.sqrt(1 + slope * slope);
      const yLo = Math.min(c.ay, c.by);
      const yHi = Math.max(c.ay, c.by);
      for (let y = y0; y <= y1; y++) {
        const py = y + 0.5 - c.ay;
        const row = y * width;
        let x0 = boxX0;
        let x1 = boxX1;
        if (slope !== null) {
          const xc = c.ax + (Math.min(yHi, Math.max(yLo, y + 0.5)) - c.ay) * slope;
          x0 = Math.max(boxX0, Math.floor(xc - reach));
          x1 = Math.min(boxX1, Math.ceil(xc + reach));
        }
        for (let x = x0; x <= x1; x++) {
          const px = x + 0.5 - c.ax;
          const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, (px * dx + py * dy) / len2));
          const ex = px - t * dx;
          const ey = py - t * dy;
          const cover = r + 0.5 - Math.sqrt(ex * ex + ey * ey);
          if (cover <= 0) continue;
          const a = cover >= 1 ? 255 : Math.round(cover * 255);
          if (a > (alpha[row + x] as number)) alpha[row + x] = a;
        }
      }
    }
  }
  return alpha;
}

function parseColor(color: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (m === null) throw new RangeError(`color must be #rrggbb, got ${color}`);
  const [, r, g, b] = m as unknown as [string, string, string, string];
  return [Number.parseInt(r, 16), Number.parseInt(g, 16), Number.parseInt(b, 16)];
}

/** PNG at print resolution (default 600 dpi, 60 × 30 mm → 1417 × 709 px), ink on a transparent background. */
export async function renderSignaturePng(sig: Signature, options: RenderOptions = {}): Promise<Buffer> {
  const g = signatureGeometry(sig, options);
  const [r, gr, b] = parseColor(g.options.color);
  const alpha = rasterise(g);
  const rgba = Buffer.alloc(alpha.length * 4);
  for (let i = 0; i < alpha.length; i++) {
    const a = alpha[i] as number;
    if (a === 0) continue;
    rgba[i * 4] = r;
    rgba[i * 4 + 1] = gr;
    rgba[i * 4 + 2] = b;
    rgba[i * 4 + 3] = a;
  }
  const png = await sharp(rgba, { raw: { width: g.width, height: g.height, channels: 4 } })
    .png({ compressionLevel: 6 })
    .toBuffer();
  return setPngDpi(png, g.options.dpi);
}
