import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeImage } from '../../../native/face/decode.ts';
import { FaceEngine } from '../../../native/face/face-engine.ts';
import { demoPhoto, portrait } from '../../../scripts/face/demo-faces.ts';
import { faceSource, FRAME_HEIGHT, FRAME_WIDTH, renderFlatReplay, renderHeadTurn, videoY4m } from '../../../scripts/face/face-video.ts';
import type { FakeCameraClip } from './fake-camera.ts';

/**
 * A fake-camera clip of the simulated card's holder (the first profile's photo is the first face of the face-api
 * demo's sample5.jpg): `head-turn`, the rendered head turning to its own left and right (4 s, looped by Chromium),
 * or `flat`, the same photo as a printed card waved in front of the lens.
 */
export async function writeFaceClip(kind: 'head-turn' | 'flat'): Promise<FakeCameraClip> {
  const engine = await FaceEngine.load();
  try {
    const group = demoPhoto('sample5.jpg');
    const boxes = await engine.detect(await decodeImage(group));
    const photo = await portrait(group, boxes[0]!, 0.6);
    const source = await faceSource(engine, photo);
    const video = kind === 'head-turn' ? renderHeadTurn(source) : renderFlatReplay(source);
    const dir = mkdtempSync(join(tmpdir(), 'doorstep-face-'));
    const path = join(dir, `${kind}.y4m`);
    writeFileSync(path, videoY4m(video));
    return { path, width: FRAME_WIDTH, height: FRAME_HEIGHT, remove: () => rmSync(dir, { recursive: true, force: true }) };
  } finally {
    await engine.close();
  }
}

/** The challenges the rendered clips can do: they turn both ways and never blink. */
export const CLIP_CHALLENGES = ['turn-left', 'turn-right'];
