import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { decodeImage } from '../../../native/face/decode.ts';
import { FaceEngine } from '../../../native/face/face-engine.ts';
import { demoPhoto, portrait } from '../../../scripts/face/demo-faces.ts';
import { rgbToI420, y4m } from '../../../scripts/lib/y4m.ts';
import type { FakeCameraClip } from './fake-camera.ts';

/**
 * A fake-camera clip of a person standing at the photo camera: a frontal face of the face-api demo (sample3.jpg's
 * second face, which makes a 一寸) filling the height of a 1280 × 720 frame in front of a grey wall, held still.
 */
export async function writePhotoClip(width = 1280, height = 720, frames = 5): Promise<FakeCameraClip> {
  const engine = await FaceEngine.load();
  let face: Buffer;
  try {
    const sample = demoPhoto('sample3.jpg');
    const boxes = await engine.detect(await decodeImage(sample));
    face = await sharp(await portrait(sample, boxes[1]!, 0.6)).resize(height, height).toBuffer();
  } finally {
    await engine.close();
  }
  const composed = await sharp({ create: { width, height, channels: 3, background: '#8a8a84' } })
    .composite([{ input: face, left: Math.round((width - height) / 2), top: 0 }])
    .png()
    .toBuffer();
  const { data, info } = await sharp(composed).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`the photo clip frame has ${info.channels} channels`);
  const dir = mkdtempSync(join(tmpdir(), 'doorstep-photo-'));
  const path = join(dir, 'sitter.y4m');
  const still = rgbToI420(data, width, height);
  writeFileSync(path, y4m(Array.from({ length: frames }, () => still), width, height));
  return { path, width, height, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
