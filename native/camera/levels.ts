/** Share of pixels allowed to clip to black, and to white (the page background should come out white). */
const DARK_SHARE = 0.01;
const LIGHT_SHARE = 0.05;
/** A nearly flat image (a blank desk in the dark) is left alone rather than have its noise blown up. */
const MIN_SPREAD = 32;

/**
 * The levels stretch for an RGB image as one gain and offset for all three channels (out = gain·in + offset), from
 * percentiles of its luma: the same map on every channel stretches lightness without turning hues, so a red stamp
 * stays red. Looks at every 4th pixel, which is plenty for a histogram.
 */
export function levelsStretch(rgb: Uint8Array, pixels: number): { gain: number; offset: number } {
  const hist = new Uint32Array(256);
  let count = 0;
  for (let i = 0; i < pixels; i += 4, count++) {
    const o = i * 3;
    hist[(77 * rgb[o]! + 150 * rgb[o + 1]! + 29 * rgb[o + 2]!) >> 8]!++;
  }
  let low = 0;
  for (let seen = 0; low < 255 && (seen += hist[low]!) <= DARK_SHARE * count; ) low++;
  let high = 255;
  for (let seen = 0; high > 0 && (seen += hist[high]!) <= LIGHT_SHARE * count; ) high--;
  if (high - low < MIN_SPREAD) return { gain: 1, offset: 0 };
  const gain = 255 / (high - low);
  return { gain, offset: -low * gain };
}
