/**
 * Otsu's threshold over an 8-bit image: the level t splitting pixels into ≤ t and > t with the largest
 * between-class variance. Null when every pixel has the same value (nothing to split).
 */
export function otsuThreshold(grey: Uint8Array): number | null {
  const hist = new Uint32Array(256);
  for (let i = 0; i < grey.length; i++) hist[grey[i]!]!++;
  const total = grey.length;
  let sumAll = 0;
  for (let v = 0; v < 256; v++) sumAll += v * hist[v]!;
  let countLow = 0;
  let sumLow = 0;
  let best = -1;
  let threshold: number | null = null;
  for (let t = 0; t < 255; t++) {
    countLow += hist[t]!;
    sumLow += t * hist[t]!;
    const countHigh = total - countLow;
    if (countLow === 0 || countHigh === 0) continue;
    const diff = sumLow / countLow - (sumAll - sumLow) / countHigh;
    const between = countLow * countHigh * diff * diff;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}
