import sharp from 'sharp';
import type { Quad } from '../../native/camera/geometry.ts';
import { homographyBetween, rectangle } from '../../native/camera/homography.ts';
import { mulberry32 } from './seeded-random.ts';

/**
 * A made-up document-camera still for tests and the bench: an A4 form (black text lines, a red stamp over the last
 * lines) lying on a wood-grain desk under a lamp, with sensor noise. Geometry is in page units (1000 × 1414).
 */
export const PAGE = {
  width: 1000,
  height: 1414,
  /** Body text lines: top and height of each (a title line sits above them at 130). */
  lines: Array.from({ length: 22 }, (_, i) => ({ top: 230 + i * 44, height: 14 })),
  left: 100,
  right: 900,
  stamp: { cx: 700, cy: 1150, r: 110, stroke: 12 },
} as const;

export interface SyntheticStillOptions {
  width: number;
  height: number;
  /** Where the page's corners land in the frame, clockwise from its top-left; null for an empty desk. */
  page: Quad | null;
  seed?: number;
  format?: 'jpeg' | 'png';
}

/** A page `share` of the frame's height tall, turned `degrees` clockwise, its top edge tilted away by `keystone`. */
export function tiltedPage(width: number, height: number, degrees: number, keystone = 0, share = 0.8): Quad {
  const h = share * height;
  const w = (h * PAGE.width) / PAGE.height;
  const a = (degrees * Math.PI) / 180;
  const cx = width / 2;
  const cy = height / 2;
  return rectangle(w, h).map(({ x, y }) => {
    const dx = x - w / 2;
    const dy = y - h / 2;
    const rx = dx * Math.cos(a) - dy * Math.sin(a);
    const ry = dx * Math.sin(a) + dy * Math.cos(a);
    // A projective foreshortening: points higher in the frame are farther from the lens, so drawn smaller.
    const s = 1 / (1 - (keystone * ry) / h);
    return { x: cx + rx * s, y: cy + ry * s };
  }) as Quad;
}


function pageSvg(random: () => number): string {
  const parts: string[] = [`<rect width="${PAGE.width}" height="${PAGE.height}" fill="#f6f4ee"/>`];
  parts.push(`<rect x="300" y="130" width="400" height="26" fill="#111"/>`);
  for (const [i, line] of PAGE.lines.entries()) {
    // Every sixth line ends a paragraph early, as prose does.
    const end = i % 6 === 5 ? PAGE.left + (PAGE.right - PAGE.left) * (0.3 + 0.3 * random()) : PAGE.right;
    for (let x: number = PAGE.left; x < end - 20; ) {
      const word = Math.min(20 + random() * 70, end - x);
      parts.push(`<rect x="${x.toFixed(1)}" y="${line.top}" width="${word.toFixed(1)}" height="${line.height}" fill="#161616"/>`);
      x += word + 14;
    }
  }
  const { cx, cy, r, stroke } = PAGE.stamp;
  parts.push(`<circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="#d21f1f" stroke-width="${stroke}" opacity="0.9"/>`);
  const star = Array.from({ length: 10 }, (_, k) => {
    const rr = k % 2 === 0 ? 40 : 16;
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    return `${(cx + rr * Math.cos(a)).toFixed(1)},${(cy + rr * Math.sin(a)).toFixed(1)}`;
  }).join(' ');
  parts.push(`<polygon points="${star}" fill="#d21f1f" opacity="0.9"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${PAGE.width} ${PAGE.height}">${parts.join('')}</svg>`;
}

/** Renders the still; the page is drawn with 2 × 2 coverage sampling so its edges are antialiased like a photo's. */
export async function syntheticStill(opts: SyntheticStillOptions): Promise<Buffer> {
  const { width, height, page } = opts;
  const random = mulberry32(opts.seed ?? 1);
  const frame = new Uint8ClampedArray(width * height * 3);
  const phase = random() * 100;

  let paper: Uint8Array = new Uint8Array(0);
  let pw = 0;
  let ph = 0;
  let toPage: Float64Array | null = null;
  if (page) {
    ph = Math.ceil(Math.max(Math.hypot(page[3].x - page[0].x, page[3].y - page[0].y), Math.hypot(page[2].x - page[1].x, page[2].y - page[1].y)));
    pw = Math.ceil((ph * PAGE.width) / PAGE.height);
    paper = await sharp(Buffer.from(pageSvg(random)), { density: (72 * ph) / PAGE.height })
      .resize(pw, ph, { fit: 'fill' })
      .flatten({ background: '#ffffff' })
      .raw()
      .toBuffer();
    toPage = homographyBetween(page, rectangle(pw, ph));
  }

  const grainShift = Float64Array.from({ length: width }, (_, x) => 9 * Math.sin(x / 170 + phase));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const nx = x / width - 0.5;
      const ny = y / height - 0.45;
      const light = 1 - 0.35 * (nx * nx + ny * ny);
      const grain = 1 + 0.1 * Math.sin((y + grainShift[x]!) / 5.5) + 0.05 * Math.sin(x / 37 + y / 90);
      let r = 139 * grain;
      let g = 96 * grain;
      let b = 58 * grain;
      const covered = toPage ? coverage(toPage, x, y, pw, ph) : 0;
      if (toPage && covered > 0) {
        const w = toPage[6]! * (x + 0.5) + toPage[7]! * (y + 0.5) + toPage[8]!;
        const u = Math.min(pw - 1, Math.max(0, Math.floor((toPage[0]! * (x + 0.5) + toPage[1]! * (y + 0.5) + toPage[2]!) / w)));
        const v = Math.min(ph - 1, Math.max(0, Math.floor((toPage[3]! * (x + 0.5) + toPage[4]! * (y + 0.5) + toPage[5]!) / w)));
        const p = (v * pw + u) * 3;
        r += (paper[p]! - r) * covered;
        g += (paper[p + 1]! - g) * covered;
        b += (paper[p + 2]! - b) * covered;
      }
      // Uniform noise of ±7 has the spread (σ 4) of a decent camera's; the clamped array rounds and clips.
      const o = (y * width + x) * 3;
      frame[o] = r * light + 14 * (random() - 0.5);
      frame[o + 1] = g * light + 14 * (random() - 0.5);
      frame[o + 2] = b * light + 14 * (random() - 0.5);
    }
  }
  const image = sharp(frame, { raw: { width, height, channels: 3 } });
  return opts.format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 92 }).toBuffer();
}

/** Share of pixel (x, y) the page covers: exact 0 or 1 away from its edges, 2 × 2 samples near them. */
function coverage(m: Float64Array, x: number, y: number, pw: number, ph: number): number {
  const [a, b, c, d, e, f, g, h, i] = m as unknown as [number, number, number, number, number, number, number, number, number];
  const cx = x + 0.5;
  const cy = y + 0.5;
  const w = g * cx + h * cy + i;
  const u = (a * cx + b * cy + c) / w;
  const v = (d * cx + e * cy + f) / w;
  // The page is rendered at about the frame's scale, so two page units is about two frame pixels.
  if (u > 2 && v > 2 && u < pw - 2 && v < ph - 2) return 1;
  if (u < -2 || v < -2 || u > pw + 2 || v > ph + 2) return 0;
  let inside = 0;
  for (let k = 0; k < 4; k++) {
    const sx = x + 0.25 + 0.5 * (k & 1);
    const sy = y + 0.25 + 0.5 * (k >> 1);
    const sw = g * sx + h * sy + i;
    const su = (a * sx + b * sy + c) / sw;
    const sv = (d * sx + e * sy + f) / sw;
    if (su >= 0 && sv >= 0 && su < pw && sv < ph) inside++;
  }
  return inside / 4;
}
