import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { syntheticStill, tiltedPage } from '../../../scripts/lib/synthetic-still.ts';

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

/** A YUV4MPEG2 file of `frames` copies of one I420 picture, as Chromium's fake capture device reads it. */
export function y4m(i420: Buffer, width: number, height: number, frames: number): Buffer {
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`, 'ascii');
  const frame = Buffer.concat([Buffer.from('FRAME\n', 'ascii'), i420]);
  return Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]);
}

export interface FakeCameraClip {
  path: string;
  width: number;
  height: number;
  remove(): void;
}

/**
 * A short clip for `--use-file-for-fake-video-capture`: an A4 form with dark text lines, turned a little, on a
 * wood desk (the same synthetic still the page-processing tests use), so the core has a paper to find.
 */
export async function writeFakeCameraClip(width = 640, height = 480, frames = 3): Promise<FakeCameraClip> {
  const png = await syntheticStill({ width, height, page: tiltedPage(width, height, 8, 0.05), seed: 7, format: 'png' });
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  if (info.width !== width || info.height !== height || info.channels !== 3) {
    throw new Error(`synthetic still is ${info.width}×${info.height}×${info.channels}, wanted ${width}×${height}×3`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'doorstep-camera-'));
  const path = join(dir, 'desk.y4m');
  writeFileSync(path, y4m(rgbToI420(data, width, height), width, height, frames));
  return { path, width, height, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Chromium's flags for a fake camera playing `clip`, with camera permission prompts answered yes. */
export function fakeCameraFlags(clip: FakeCameraClip): string[] {
  return [
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${clip.path}`,
  ];
}
