/** The largest 4-connected region of set pixels in a 0/1 mask, as its own 0/1 mask. */
export function largestComponent(mask: Uint8Array, width: number, height: number): { mask: Uint8Array; area: number } {
  const n = width * height;
  const labels = new Int32Array(n);
  const stack = new Int32Array(n);
  let label = 0;
  let bestLabel = 0;
  let bestArea = 0;
  for (let seed = 0; seed < n; seed++) {
    if (mask[seed] === 0 || labels[seed] !== 0) continue;
    label++;
    let area = 0;
    let top = 0;
    stack[top++] = seed;
    labels[seed] = label;
    while (top > 0) {
      const i = stack[--top]!;
      area++;
      const x = i % width;
      if (x > 0 && mask[i - 1] !== 0 && labels[i - 1] === 0) {
        labels[i - 1] = label;
        stack[top++] = i - 1;
      }
      if (x < width - 1 && mask[i + 1] !== 0 && labels[i + 1] === 0) {
        labels[i + 1] = label;
        stack[top++] = i + 1;
      }
      if (i >= width && mask[i - width] !== 0 && labels[i - width] === 0) {
        labels[i - width] = label;
        stack[top++] = i - width;
      }
      if (i < n - width && mask[i + width] !== 0 && labels[i + width] === 0) {
        labels[i + width] = label;
        stack[top++] = i + width;
      }
    }
    if (area > bestArea) {
      bestArea = area;
      bestLabel = label;
    }
  }
  const out = new Uint8Array(n);
  if (bestLabel !== 0) for (let i = 0; i < n; i++) out[i] = labels[i] === bestLabel ? 1 : 0;
  return { mask: out, area: bestArea };
}

/**
 * Area of a region with its holes filled: everything not reachable from the frame border through unset pixels
 * (8-connected, the complement of 4-connected regions). Text on a page makes holes; stripes of wood grain do not.
 */
export function filledArea(region: Uint8Array, width: number, height: number): number {
  const n = width * height;
  // 1 = inside the region or already reached from outside.
  const done = region.slice(0, n);
  const stack = new Int32Array(n);
  let top = 0;
  for (let i = 0; i < n; i++) {
    const x = i % width;
    const onBorder = i < width || i >= n - width || x === 0 || x === width - 1;
    if (onBorder && done[i] === 0) {
      done[i] = 1;
      stack[top++] = i;
    }
  }
  let outside = 0;
  while (top > 0) {
    const i = stack[--top]!;
    outside++;
    const x = i % width;
    const y0 = i >= width ? -1 : 0;
    const y1 = i < n - width ? 1 : 0;
    const x0 = x > 0 ? -1 : 0;
    const x1 = x < width - 1 ? 1 : 0;
    for (let dy = y0; dy <= y1; dy++) {
      for (let dx = x0; dx <= x1; dx++) {
        const j = i + dy * width + dx;
        if (done[j] === 0) {
          done[j] = 1;
          stack[top++] = j;
        }
      }
    }
  }
  return n - outside;
}
