/**
 * Face verification benchmarks:
 *  - one verification (detect + landmarks + align + embed + compare against a stored descriptor) on a 640 × 480
 *    frame through the ONNX graphs on onnxruntime-node: goal p50 < 100 ms;
 *  - the same work by @vladmandic/face-api on TF.js's wasm backend on the same decoded frames, and the ratio:
 *    goal ≥ 3× faster;
 *  - model load time (manifest, sha256 checks, three sessions) and the resident memory the loaded models add.
 * Frames are demo portraits (scripts/face/demo-faces.ts) centred on a 640 × 480 grey frame, as a kiosk camera sees.
 */
import sharp from 'sharp';
import { decodeImage, type RgbImage } from '../../native/face/decode.ts';
import { euclidean, FaceEngine } from '../../native/face/face-engine.ts';
import { demoFaces } from '../face/demo-faces.ts';
import { loadFaceApiTfjs } from '../face/face-api-tfjs.ts';
import { percentile, type Figure } from './report.ts';

async function kioskFrames(engine: FaceEngine): Promise<RgbImage[]> {
  const frames: RgbImage[] = [];
  for (const { portrait } of (await demoFaces(engine)).slice(0, 4)) {
    const face = await sharp(portrait).resize(300, 300, { fit: 'inside' }).toBuffer();
    const meta = await sharp(face).metadata();
    const frame = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#7f7f7f' } })
      .composite([{ input: face, left: Math.round((640 - meta.width) / 2), top: Math.round((480 - meta.height) / 2) }])
      .jpeg({ quality: 85 })
      .toBuffer();
    frames.push(await decodeImage(frame));
  }
  return frames;
}

export async function benchFace(runs = 20): Promise<Figure[]> {
  const rssBefore = process.memoryUsage().rss;
  const engine = await FaceEngine.load();
  const loadMs = engine.info().loadMs;
  const frames = await kioskFrames(engine);
  const reference = (await engine.describeImage(frames[0]!)).descriptor;
  const verify = async (frame: RgbImage) => euclidean(reference, (await engine.describeImage(frame)).descriptor) < engine.info().threshold;
  for (const frame of frames) await verify(frame);
  const ours: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await verify(frames[i % frames.length]!);
    ours.push(performance.now() - start);
  }
  const rssModels = process.memoryUsage().rss - rssBefore;

  const faceapi = await loadFaceApiTfjs();
  const options = new faceapi.TinyFaceDetectorOptions({ inputSize: engine.manifest.models.detector.input.size, scoreThreshold: 0.5 });
  const peerVerify = async (frame: RgbImage) => {
    const tensor = faceapi.tf.tensor3d(frame.rgb, [frame.height, frame.width, 3], 'int32');
    const found = await faceapi.detectSingleFace(tensor as never, options).withFaceLandmarks().withFaceDescriptor();
    tensor.dispose();
    if (!found) throw new Error('face-api found no face in a benchmark frame');
    return faceapi.euclideanDistance(reference, found.descriptor) < engine.info().threshold;
  };
  for (const frame of frames) await peerVerify(frame);
  const theirs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await peerVerify(frames[i % frames.length]!);
    theirs.push(performance.now() - start);
  }
  await engine.close();

  const p50 = percentile(ours, 50);
  const peerP50 = percentile(theirs, 50);
  const ratio = peerP50 / p50;
  return [
    {
      name: 'face: one verification on a 640×480 frame (ONNX): p50',
      value: p50,
      unit: 'ms',
      goal: { text: '< 100 ms', met: p50 < 100 },
      peer: { name: 'face-api tfjs-wasm', value: peerP50 },
    },
    { name: 'face: same verification, face-api on TF.js wasm: p50', value: peerP50, unit: 'ms' },
    { name: 'face: ONNX speed-up over face-api tfjs-wasm', value: ratio, unit: '×', goal: { text: '≥ 3×', met: ratio >= 3 } },
    { name: 'face: model load (manifest, sha256, three sessions)', value: loadMs, unit: 'ms' },
    { name: 'face: resident memory added by the loaded models', value: rssModels / (1024 * 1024), unit: 'MB' },
  ];
}
