/** RGB (3 bytes a pixel) to I420: full-size Y, then U and V at half size, BT.601 studio range as libyuv does. */
export function rgbToI420(rgb: Uint8Array, width: number, height: number): Buffer {
  const cw = width / 2;
  const ch = height / 2;
  const out = Buffer.alloc(width * height + 2 * cw * ch);
  const u0 = width * height;
  const v0 = u0 + cw * ch;
  for (let i = 0; i < width * height; i++) {
    const [r, g, b] = [rgb[i * 3]!, rgb[i * 3 + 1]!, rgb[i * 3 + 2]!];
    out[i] = ((66 * r + 129 * g + 25 * b + 128) >> 8) + 16;
  }
  for (let y = 0; y < ch; y++) {
    for (let x = 0; x < cw; x++) {
      let [r, g, b] = [0, 0, 0];
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
        const o = ((2 * y + dy) * width + 2 * x + dx) * 3;
        r += rgb[o]!;
        g += rgb[o + 1]!;
        b += rgb[o + 2]!;
      }
      [r, g, b] = [r / 4, g / 4, b / 4];
      out[u0 + y * cw + x] = Math.round((-38 * r - 74 * g + 112 * b + 128) / 256) + 128;
      out[v0 + y * cw + x] = Math.round((112 * r - 94 * g - 18 * b + 128) / 256) + 128;
    }
  }
  return out;
}

/**
 * A YUV4MPEG2 file of I420 frames, as Chromium's fake capture device reads it (it plays them in a loop at `fps`).
 * Repeating one picture costs nothing extra to pass: the same buffer may appear many times.
 */
export function y4m(frames: readonly Buffer[], width: number, height: number, fps = 30): Buffer {
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`, 'ascii');
  const marker = Buffer.from('FRAME\n', 'ascii');
  return Buffer.concat([header, ...frames.flatMap((f) => [marker, f])]);
}
