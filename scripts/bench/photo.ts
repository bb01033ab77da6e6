/**
 * 证件照 benchmarks, on 640 × 480 camera frames made of the demo portraits (scripts/face/demo-faces.ts) filling
 * the frame's height on a grey wall, as the kiosk camera sees a person standing at the head outline:
 *  - segmentation of one frame on onnxruntime-node (squeeze to the network's input, the graph): goal p50 < 80 ms,
 *    beside the TF.js original on its wasm backend on the same inputs, as a ratio;
 *  - camera frame to finished photo (detect, landmarks, checks, two segmentations, compose, JPEG): goal p50 < 400 ms;
 *  - the 6-inch sheet PDF of a finished 一寸: goal p50 < 300 ms and < 3 MB.
 */
import sharp from 'sharp';
import { message } from '../../electron/core/messages.ts';
import { decodeImage, type RgbImage } from '../../native/face/decode.ts';
import { FaceEngine } from '../../native/face/face-engine.ts';
import { madeSheet, PhotoMaker, type MadePhoto } from '../../native/photo/photo-maker.ts';
import { Segmenter, stretch } from '../../native/photo/segmenter.ts';
import { SELFIE_TFJS_MODEL } from '../convert-segmentation-model.ts';
import { demoFaces } from '../face/demo-faces.ts';
import { loadSelfieTfjs } from '../segmentation/selfie-tfjs.ts';
import { percentile, type Figure } from './report.ts';

async function cameraFrames(engine: FaceEngine, maker: PhotoMaker): Promise<RgbImage[]> {
  const frames: RgbImage[] = [];
  for (const { portrait } of await demoFaces(engine)) {
    const face = await sharp(portrait).resize(480, 480, { fit: 'inside' }).toBuffer();
    const meta = await sharp(face).metadata();
    const frame = await decodeImage(
      await sharp({ create: { width: 640, height: 480, channels: 3, background: '#8a8a84' } })
        .composite([{ input: face, left: Math.round((640 - meta.width) / 2), top: 480 - meta.height }])
        .jpeg({ quality: 85 })
        .toBuffer(),
    );
    // Only the frames a photo can be made of: the refused ones stop early and would flatter the figure.
    try {
      await maker.make([frame], '1inch', 'red');
      frames.push(frame);
    } catch {
      continue;
    }
  }
  if (frames.length < 3) throw new Error(`only ${frames.length} demo frames make a photo`);
  return frames;
}

async function timed<T>(runs: number, fn: (i: number) => Promise<T>): Promise<number[]> {
  await fn(0);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  return times;
}

export async function benchPhoto(runs = 20): Promise<Figure[]> {
  const engine = await FaceEngine.load();
  const maker = await PhotoMaker.load(engine);
  const segmenter = await Segmenter.load();
  try {
    const frames = await cameraFrames(engine, maker);
    const size = segmenter.manifest.input.size;
    const ours = percentile(await timed(runs, (i) => segmenter.segment(frames[i % frames.length]!)), 50);
    const selfie = await loadSelfieTfjs(SELFIE_TFJS_MODEL);
    const theirs = percentile(
      await timed(runs, (i) => {
        // TF.js's graph is fed 0–1, ours divides inside the graph: the same squeeze and the same network either way.
        const input = stretch(frames[i % frames.length]!, size).map((v) => v / 255);
        return selfie.matte(input);
      }),
      50,
    );
    const photo = percentile(await timed(runs, (i) => maker.make([frames[i % frames.length]!], '1inch', 'red')), 50);
    const made: MadePhoto = await maker.make([frames[0]!], '1inch', 'red');
    let bytes = 0;
    const sheet = percentile(
      await timed(runs, async () => {
        bytes = (await madeSheet(made, message('photo.sheet-title', { spec: made.report.spec.name }))).pdf.length;
      }),
      50,
    );
    return [
      { name: 'photo: segmentation of a 640×480 frame (onnxruntime-node): p50', value: ours, unit: 'ms', goal: { text: '< 80 ms', met: ours < 80 }, peer: { name: 'TF.js wasm', value: theirs } },
      { name: 'photo: camera frame to finished 一寸 (detect … compose, JPEG): p50', value: photo, unit: 'ms', goal: { text: '< 400 ms', met: photo < 400 } },
      { name: 'photo: 6-inch sheet PDF of ten 一寸: p50', value: sheet, unit: 'ms', goal: { text: '< 300 ms', met: sheet < 300 } },
      { name: 'photo: 6-inch sheet PDF size', value: bytes / 1e6, unit: 'MB', goal: { text: '< 3 MB', met: bytes < 3e6 } },
    ];
  } finally {
    await segmenter.close();
    await maker.close();
    await engine.close();
  }
}
