import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { syntheticStill, tiltedPage } from '../../../scripts/lib/synthetic-still.ts';
import { rgbToI420, y4m } from '../../../scripts/lib/y4m.ts';

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
  const still = rgbToI420(data, width, height);
  writeFileSync(path, y4m(Array.from({ length: frames }, () => still), width, height));
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
