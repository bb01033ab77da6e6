import type { Homography } from './homography.ts';

/**
 * Resamples an RGB image (3 bytes a pixel, rows packed) through a homography with bilinear interpolation.
 * `toSource` maps output coordinates to source coordinates (both continuous, pixel centres at +0.5); points that
 * fall outside the source take its nearest edge pixel. The projective division is done per pixel, but the three
 * numerators advance by a constant along each row.
 */
export function warpRgb(
  src: Uint8Array,
  srcWidth: number,
  srcHeight: number,
  toSource: Homography,
  width: number,
  height: number,
): Uint8Array {
  if (src.length < srcWidth * srcHeight * 3) {
    throw new RangeError(`warpRgb: ${src.length} bytes cannot hold a ${srcWidth}×${srcHeight} RGB image`);
  }
  const out = new Uint8Array(width * height * 3);
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = toSource as unknown as number[] as [
    number, number, number, number, number, number, number, number, number,
  ];
  const maxX = srcWidth - 1;
  const maxY = srcHeight - 1;
  const stride = srcWidth * 3;
  let o = 0;
  for (let y = 0; y < height; y++) {
    const yc = y + 0.5;
    let nx = h0 * 0.5 + h1 * yc + h2;
    let ny = h3 * 0.5 + h4 * yc + h5;
    let nw = h6 * 0.5 + h7 * yc + h8;
    for (let x = 0; x < width; x++, nx += h0, ny += h3, nw += h6) {
      let sx = nx / nw - 0.5;
      let sy = ny / nw - 0.5;
      // `!(a >= b)` also catches NaN from a degenerate map.
      if (!(sx >= 0)) sx = 0;
      else if (sx > maxX) sx = maxX;
      if (!(sy >= 0)) sy = 0;
      else if (sy > maxY) sy = maxY;
      const x0 = sx | 0;
      const y0 = sy | 0;
      const fx = sx - x0;
      const fy = sy - y0;
      const i00 = y0 * stride + x0 * 3;
      const i01 = x0 < maxX ? i00 + 3 : i00;
      const i10 = y0 < maxY ? i00 + stride : i00;
      const i11 = x0 < maxX ? i10 + 3 : i10;
      const w00 = (1 - fx) * (1 - fy);
      const w01 = fx * (1 - fy);
      const w10 = (1 - fx) * fy;
      const w11 = fx * fy;
      out[o++] = src[i00]! * w00 + src[i01]! * w01 + src[i10]! * w10 + src[i11]! * w11 + 0.5;
      out[o++] = src[i00 + 1]! * w00 + src[i01 + 1]! * w01 + src[i10 + 1]! * w10 + src[i11 + 1]! * w11 + 0.5;
      out[o++] = src[i00 + 2]! * w00 + src[i01 + 2]! * w01 + src[i10 + 2]! * w10 + src[i11 + 2]! * w11 + 0.5;
    }
  }
  return out;
}
