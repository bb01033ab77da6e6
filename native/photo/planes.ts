/** Bilinear resize of an interleaved float picture (`channels` values a pixel), each axis on its own scale. */
export function resizePlanes(src: ArrayLike<number>, width: number, height: number, channels: number, outW: number, outH: number): Float32Array {
  const out = new Float32Array(outW * outH * channels);
  const sx = width / outW, sy = height / outH;
  for (let oy = 0; oy < outH; oy++) {
    const y = Math.min(Math.max((oy + 0.5) * sy - 0.5, 0), height - 1);
    const y0 = Math.floor(y), y1 = Math.min(y0 + 1, height - 1), fy = y - y0;
    for (let ox = 0; ox < outW; ox++) {
      const x = Math.min(Math.max((ox + 0.5) * sx - 0.5, 0), width - 1);
      const x0 = Math.floor(x), x1 = Math.min(x0 + 1, width - 1), fx = x - x0;
      for (let c = 0; c < channels; c++) {
        const top = src[(y0 * width + x0) * channels + c]! * (1 - fx) + src[(y0 * width + x1) * channels + c]! * fx;
        const bottom = src[(y1 * width + x0) * channels + c]! * (1 - fx) + src[(y1 * width + x1) * channels + c]! * fx;
        out[(oy * outW + ox) * channels + c] = top * (1 - fy) + bottom * fy;
      }
    }
  }
  return out;
}

/** Mean over a (2r+1)² window of one plane, by an integral image; the window is cut at the edges. */
export function boxMean(src: Float32Array, width: number, height: number, r: number): Float32Array {
  const w1 = width + 1;
  const sat = new Float64Array(w1 * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += src[y * width + x]!;
      sat[(y + 1) * w1 + x + 1] = sat[y * w1 + x + 1]! + row;
    }
  }
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - r), y1 = Math.min(height, y + r + 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - r), x1 = Math.min(width, x + r + 1);
      const sum = sat[y1 * w1 + x1]! - sat[y0 * w1 + x1]! - sat[y1 * w1 + x0]! + sat[y0 * w1 + x0]!;
      out[y * width + x] = sum / ((y1 - y0) * (x1 - x0));
    }
  }
  return out;
}

/**
 * He's guided filter: the coarse matte made to follow the picture's own edges (grey guide 0–1), so strands of
 * hair that the 256 px network blurred come back as partial alpha instead of a soft blob.
 */
export function guidedFilter(guide: Float32Array, p: Float32Array, width: number, height: number, r: number, eps: number): Float32Array {
  const n = width * height;
  const ip = new Float32Array(n), ii = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    ip[i] = guide[i]! * p[i]!;
    ii[i] = guide[i]! * guide[i]!;
  }
  const mI = boxMean(guide, width, height, r), mP = boxMean(p, width, height, r);
  const mIp = boxMean(ip, width, height, r), mII = boxMean(ii, width, height, r);
  const a = new Float32Array(n), b = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const cov = mIp[i]! - mI[i]! * mP[i]!;
    const variance = mII[i]! - mI[i]! * mI[i]!;
    a[i] = cov / (variance + eps);
    b[i] = mP[i]! - a[i]! * mI[i]!;
  }
  const mA = boxMean(a, width, height, r), mB = boxMean(b, width, height, r);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = mA[i]! * guide[i]! + mB[i]!;
  return out;
}
