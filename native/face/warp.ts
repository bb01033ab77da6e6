import type { RgbImage } from './decode.ts';

/** x' = a·x − b·y + tx, y' = b·x + a·y + ty: rotation, uniform scale and shift. */
export interface Similarity {
  a: number;
  b: number;
  tx: number;
  ty: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Least-squares similarity taking `from[i]` onto `to[i]` (Umeyama without reflection). */
export function fitSimilarity(from: readonly Point[], to: readonly Point[]): Similarity {
  const n = from.length;
  let fx = 0, fy = 0, tx = 0, ty = 0;
  for (let i = 0; i < n; i++) {
    fx += from[i]!.x; fy += from[i]!.y; tx += to[i]!.x; ty += to[i]!.y;
  }
  fx /= n; fy /= n; tx /= n; ty /= n;
  let sxx = 0, sxy = 0, norm = 0;
  for (let i = 0; i < n; i++) {
    const px = from[i]!.x - fx, py = from[i]!.y - fy;
    const qx = to[i]!.x - tx, qy = to[i]!.y - ty;
    sxx += px * qx + py * qy;
    sxy += px * qy - py * qx;
    norm += px * px + py * py;
  }
  const a = sxx / norm;
  const b = sxy / norm;
  return { a, b, tx: tx - (a * fx - b * fy), ty: ty - (b * fx + a * fy) };
}

export function invert(s: Similarity): Similarity {
  const d = s.a * s.a + s.b * s.b;
  const a = s.a / d, b = -s.b / d;
  return { a, b, tx: -(a * s.tx - b * s.ty), ty: -(b * s.tx + a * s.ty) };
}

export const apply = (s: Similarity, p: Point): Point => ({ x: s.a * p.x - s.b * p.y + s.tx, y: s.b * p.x + s.a * p.y + s.ty });

/**
 * Samples an `outW × outH` float RGB picture (0–255, NHWC) whose pixel centres map through `toSource` into the
 * image; outside the image is black, as TF.js pads. When one output pixel spans several source pixels it averages
 * a grid of bilinear samples, so a large face shrunk to 150 px does not alias.
 */
export function warp(image: RgbImage, toSource: Similarity, outW: number, outH: number): Float32Array {
  const { rgb, width, height } = image;
  const out = new Float32Array(outW * outH * 3);
  const scale = Math.hypot(toSource.a, toSource.b);
  const grid = Math.min(4, Math.max(1, Math.ceil(scale - 0.25)));
  const weight = 1 / (grid * grid);
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      let r = 0, g = 0, bl = 0;
      for (let gy = 0; gy < grid; gy++) {
        for (let gx = 0; gx < grid; gx++) {
          const u = ox + (gx + 0.5) / grid;
          const v = oy + (gy + 0.5) / grid;
          // Pixel centres sit at +0.5 on both sides of the map.
          const sx = toSource.a * u - toSource.b * v + toSource.tx - 0.5;
          const sy = toSource.b * u + toSource.a * v + toSource.ty - 0.5;
          const x0 = Math.floor(sx), y0 = Math.floor(sy);
          const fx = sx - x0, fy = sy - y0;
          for (let k = 0; k < 4; k++) {
            const x = x0 + (k & 1), y = y0 + (k >> 1);
            if (x < 0 || y < 0 || x >= width || y >= height) continue;
            const w = ((k & 1) ? fx : 1 - fx) * ((k >> 1) ? fy : 1 - fy) * weight;
            const i = (y * width + x) * 3;
            r += rgb[i]! * w; g += rgb[i + 1]! * w; bl += rgb[i + 2]! * w;
          }
        }
      }
      const o = (oy * outW + ox) * 3;
      out[o] = r; out[o + 1] = g; out[o + 2] = bl;
    }
  }
  return out;
}
