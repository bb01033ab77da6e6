/** Separable [1 4 6 4 1]/16 blur (≈ Gaussian σ 1) with clamped edges: enough to quiet sensor noise and text. */
export function binomialBlur(src: Uint8Array, width: number, height: number): Uint8Array {
  const tmp = new Uint16Array(width * height);
  const out = new Uint8Array(width * height);
  const xAt = (x: number) => (x < 0 ? 0 : x >= width ? width - 1 : x);
  const yAt = (y: number) => (y < 0 ? 0 : y >= height ? height - 1 : y);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      tmp[row + x] =
        src[row + xAt(x - 2)]! +
        4 * src[row + xAt(x - 1)]! +
        6 * src[row + x]! +
        4 * src[row + xAt(x + 1)]! +
        src[row + xAt(x + 2)]!;
    }
  }
  for (let y = 0; y < height; y++) {
    const r0 = yAt(y - 2) * width;
    const r1 = yAt(y - 1) * width;
    const r2 = y * width;
    const r3 = yAt(y + 1) * width;
    const r4 = yAt(y + 2) * width;
    for (let x = 0; x < width; x++) {
      const sum = tmp[r0 + x]! + 4 * tmp[r1 + x]! + 6 * tmp[r2 + x]! + 4 * tmp[r3 + x]! + tmp[r4 + x]!;
      out[r2 + x] = (sum + 128) >> 8;
    }
  }
  return out;
}
