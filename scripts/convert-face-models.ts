// Rebuilds the three face networks of @vladmandic/face-api (tiny face detector, 68-point landmarks, dlib's 128-d
// recognition ResNet) as ONNX graphs for onnxruntime-node, from the TF.js weights the package ships, and records
// what it wrote in assets/models/face/manifest.json. The graphs take raw RGB pixels (0–255, NHWC) and do the
// networks' own normalisation, so callers hand them pixels exactly as they hand them to face-api.
//   npx tsx scripts/convert-face-models.ts
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { faceModelVersion, MODEL_ROLES, type FaceManifest, type ModelRole } from '../native/face/manifest.ts';
import { GraphBuilder } from './face/onnx-graph.ts';
import { readTfjsWeights, type Weight } from './face/tfjs-weights.ts';

const ROOT = join(import.meta.dirname, '..');
export const FACE_API_DIR = join(ROOT, 'node_modules', '@vladmandic', 'face-api');
export const MODEL_OUT_DIR = join(ROOT, 'assets', 'models', 'face');
export const MANIFEST_PATH = join(MODEL_OUT_DIR, 'manifest.json');

type Weights = Map<string, Weight>;
type Specs = { [R in ModelRole]: Omit<FaceManifest['models'][R], 'sha256' | 'bytes'> };

const RECOGNITION_MEAN: [number, number, number] = [122.782, 117.001, 104.298];

/** What each graph takes and gives, from face-api's sources; written into the manifest beside each hash. */
export const FACE_MODEL_SPECS: Specs = {
  detector: {
    file: 'tiny_face_detector.onnx',
    tfjsModel: 'tiny_face_detector_model',
    input: { name: 'input', layout: 'NHWC', pixels: 'RGB 0-255 float32', size: 416, mean: [117.001, 114.697, 97.404], divisor: 256 },
    output: { name: 'grid', shape: [1, 'rows', 'cols', 25] },
    anchors: [
      [1.603231, 2.094468],
      [6.041143, 7.080126],
      [2.882459, 3.518061],
      [4.266906, 5.178857],
      [9.041765, 10.66308],
    ],
    cellStride: 32,
    iouThreshold: 0.4,
  },
  landmarks: {
    file: 'face_landmark_68.onnx',
    tfjsModel: 'face_landmark_68_model',
    input: { name: 'input', layout: 'NHWC', pixels: 'RGB 0-255 float32', size: 112, mean: RECOGNITION_MEAN, divisor: 255 },
    output: { name: 'landmarks', shape: [1, 136] },
  },
  recognition: {
    file: 'face_recognition.onnx',
    tfjsModel: 'face_recognition_model',
    input: { name: 'input', layout: 'NHWC', pixels: 'RGB 0-255 float32', size: 150, mean: RECOGNITION_MEAN, divisor: 256 },
    output: { name: 'descriptor', shape: [1, 128] },
  },
};

function need(w: Weights, name: string): Weight {
  const found = w.get(name);
  if (!found) throw new Error(`weight ${name} missing`);
  return found;
}

/** Subtracts the network's mean colour, divides as TF.js does, and turns NHWC pixels into NCHW. */
function normalise(g: GraphBuilder, mean: readonly number[], divisor: number): string {
  const centred = g.op('Sub', ['input', g.constant([...mean], [1, 1, 1, 3])]);
  const scaled = g.op('Div', [centred, g.constant([divisor], [1])]);
  return g.op('Transpose', [scaled], { perm: [0, 3, 1, 2] });
}

/** face-api's TinyFaceDetector: TinyYolov2Base.runMobilenet with a plain first convolution. */
function detectorGraph(w: Weights): Uint8Array {
  const spec = FACE_MODEL_SPECS.detector.input;
  const g = new GraphBuilder('tiny_face_detector');
  const leaky = (x: string) => g.op('LeakyRelu', [x], { alpha: 0.1 });
  const pool = (x: string, stride: number) => g.op('MaxPool', [x], { kernel_shape: [2, 2], strides: [stride, stride], auto_pad: 'SAME_UPPER' });
  // TinyYolov2's separable convolution pads by one pixel itself, then convolves 'valid'.
  const separable = (x: string, p: string) => {
    const dw = g.conv(x, need(w, `${p}/depthwise_filter`), { padding: [1, 1, 1, 1], depthwise: true });
    return leaky(g.conv(dw, need(w, `${p}/pointwise_filter`), { padding: 'valid', bias: need(w, `${p}/bias`) }));
  };
  let x = normalise(g, spec.mean, spec.divisor);
  x = leaky(g.conv(x, need(w, 'conv0/filters'), { padding: 'valid', bias: need(w, 'conv0/bias') }));
  x = pool(x, 2);
  for (const layer of ['conv1', 'conv2', 'conv3', 'conv4']) x = pool(separable(x, layer), 2);
  x = pool(separable(x, 'conv5'), 1);
  x = g.conv(x, need(w, 'conv8/filters'), { padding: 'valid', bias: need(w, 'conv8/bias') });
  const out = g.op('Transpose', [x], { perm: [0, 2, 3, 1] });
  return g.encode([{ name: 'input', shape: [1, 'height', 'width', 3] }], [{ name: 'grid', from: out, shape: [1, 'rows', 'cols', 25] }]);
}

/** face-api's FaceLandmark68Net: four dense blocks of separable convolutions, an average pool, a dense layer. */
function landmarksGraph(w: Weights): Uint8Array {
  const spec = FACE_MODEL_SPECS.landmarks.input;
  const g = new GraphBuilder('face_landmark_68');
  const relu = (x: string) => g.op('Relu', [x]);
  const add = (a: string, b: string) => g.op('Add', [a, b]);
  const separable = (x: string, p: string, stride: number) => {
    const dw = g.conv(x, need(w, `${p}/depthwise_filter`), { stride, padding: 'same', depthwise: true });
    return g.conv(dw, need(w, `${p}/pointwise_filter`), { padding: 'valid', bias: need(w, `${p}/bias`) });
  };
  const denseBlock = (x: string, p: string, first: boolean) => {
    const out1 = relu(
      first
        ? g.conv(x, need(w, `${p}/conv0/filters`), { stride: 2, padding: 'same', bias: need(w, `${p}/conv0/bias`) })
        : separable(x, `${p}/conv0`, 2),
    );
    const out2 = separable(out1, `${p}/conv1`, 1);
    const out3 = separable(relu(add(out1, out2)), `${p}/conv2`, 1);
    const out4 = separable(relu(add(out1, add(out2, out3))), `${p}/conv3`, 1);
    return relu(add(out1, add(out2, add(out3, out4))));
  };
  let x = normalise(g, spec.mean, spec.divisor);
  x = denseBlock(x, 'dense0', true);
  for (const block of ['dense1', 'dense2', 'dense3']) x = denseBlock(x, block, false);
  x = g.op('AveragePool', [x], { kernel_shape: [7, 7], strides: [2, 2] });
  x = g.op('Flatten', [x]);
  const fc = need(w, 'fc/weights');
  x = g.op('MatMul', [x, g.constant(fc.values, fc.shape)]);
  x = g.op('Add', [x, g.vector(need(w, 'fc/bias'))]);
  return g.encode([{ name: 'input', shape: [1, spec.size, spec.size, 3] }], [{ name: 'landmarks', from: x, shape: [1, 136] }]);
}

/** face-api's FaceRecognitionNet (dlib's ResNet-29): conv layers scaled per channel, residual blocks, a dense layer. */
function recognitionGraph(w: Weights): Uint8Array {
  const spec = FACE_MODEL_SPECS.recognition.input;
  const g = new GraphBuilder('face_recognition');
  let side = spec.size;
  let channels = 3;
  const convLayer = (x: string, p: string, down: boolean, withRelu: boolean) => {
    const filters = need(w, `${p}/conv/filters`);
    let out = g.conv(x, filters, { stride: down ? 2 : 1, padding: down ? 'valid' : 'same', bias: need(w, `${p}/conv/bias`) });
    out = g.op('Add', [g.op('Mul', [out, g.channels(need(w, `${p}/scale/weights`))]), g.channels(need(w, `${p}/scale/biases`))]);
    return withRelu ? g.op('Relu', [out]) : out;
  };
  const residual = (x: string, p: string) => {
    const out = convLayer(convLayer(x, `${p}/conv1`, false, true), `${p}/conv2`, false, false);
    return g.op('Relu', [g.op('Add', [out, x])]);
  };
  const residualDown = (x: string, p: string) => {
    const outChannels = need(w, `${p}/conv1/conv/filters`).shape[3]!;
    let out = convLayer(convLayer(x, `${p}/conv1`, true, true), `${p}/conv2`, false, false);
    const mainSide = Math.floor((side - 3) / 2) + 1;
    const pooledSide = Math.floor(side / 2);
    // face-api appends a zero row and column when the strided path comes out one smaller than the pooled one.
    if (mainSide !== pooledSide) out = g.op('Pad', [out, g.int64s([0, 0, 0, 0, 0, 0, 1, 1])]);
    let pooled = g.op('AveragePool', [x], { kernel_shape: [2, 2], strides: [2, 2] });
    // …and zero channels to the shortcut when the block doubles them.
    if (outChannels !== channels) pooled = g.op('Pad', [pooled, g.int64s([0, 0, 0, 0, 0, outChannels - channels, 0, 0])]);
    side = pooledSide;
    channels = outChannels;
    return g.op('Relu', [g.op('Add', [pooled, out])]);
  };
  let x = normalise(g, spec.mean, spec.divisor);
  x = convLayer(x, 'conv32_down', true, true);
  side = Math.floor((side - 7) / 2) + 1;
  channels = 32;
  x = g.op('MaxPool', [x], { kernel_shape: [3, 3], strides: [2, 2] });
  side = Math.floor((side - 3) / 2) + 1;
  for (const l of ['conv32_1', 'conv32_2', 'conv32_3']) x = residual(x, l);
  x = residualDown(x, 'conv64_down');
  for (const l of ['conv64_1', 'conv64_2', 'conv64_3']) x = residual(x, l);
  x = residualDown(x, 'conv128_down');
  for (const l of ['conv128_1', 'conv128_2']) x = residual(x, l);
  x = residualDown(x, 'conv256_down');
  for (const l of ['conv256_1', 'conv256_2']) x = residual(x, l);
  x = residualDown(x, 'conv256_down_out');
  x = g.op('ReduceMean', [x], { axes: [2, 3], keepdims: 0 });
  const fc = need(w, 'fc');
  x = g.op('MatMul', [x, g.constant(fc.values, fc.shape)]);
  return g.encode([{ name: 'input', shape: [1, spec.size, spec.size, 3] }], [{ name: 'descriptor', from: x, shape: [1, 128] }]);
}

const builders: Record<ModelRole, (w: Weights) => Uint8Array> = {
  detector: detectorGraph,
  landmarks: landmarksGraph,
  recognition: recognitionGraph,
};

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Every graph, built in memory from the installed package: what the converter would write. */
export function buildFaceModels(faceApiDir = FACE_API_DIR): { role: ModelRole; file: string; bytes: Uint8Array }[] {
  return MODEL_ROLES.map((role) => {
    const spec = FACE_MODEL_SPECS[role];
    return { role, file: spec.file, bytes: builders[role](readTfjsWeights(join(faceApiDir, 'model'), spec.tfjsModel)) };
  });
}

export function faceApiVersion(faceApiDir = FACE_API_DIR): string {
  return (JSON.parse(readFileSync(join(faceApiDir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The manifest's record of the graphs; the quality gates and the calibrated threshold are kept as they were. */
export function manifestFor(
  models: ReturnType<typeof buildFaceModels>,
  previous: Partial<FaceManifest> | undefined,
): Omit<FaceManifest, 'threshold' | 'quality'> & Partial<Pick<FaceManifest, 'threshold' | 'quality'>> {
  const hashed = <R extends ModelRole>(role: R): FaceManifest['models'][R] => {
    const m = models.find((x) => x.role === role)!;
    return { ...FACE_MODEL_SPECS[role], sha256: sha256(m.bytes), bytes: m.bytes.length } as FaceManifest['models'][R];
  };
  const files = { detector: hashed('detector'), landmarks: hashed('landmarks'), recognition: hashed('recognition') };
  return {
    $schema: './manifest.schema.json',
    version: faceModelVersion(faceApiVersion(), files),
    source: { package: '@vladmandic/face-api', version: faceApiVersion() },
    converter: 'scripts/convert-face-models.ts',
    models: files,
    ...(previous?.quality ? { quality: previous.quality } : {}),
    ...(previous?.threshold ? { threshold: previous.threshold } : {}),
  };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  mkdirSync(MODEL_OUT_DIR, { recursive: true });
  const models = buildFaceModels();
  for (const m of models) writeFileSync(join(MODEL_OUT_DIR, m.file), m.bytes);
  const previous = existsSync(MANIFEST_PATH) ? (JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as Partial<FaceManifest>) : undefined;
  writeFileSync(MANIFEST_PATH, `${JSON.stringify(manifestFor(models, previous), null, 2)}\n`);
  for (const m of models) console.log(`${m.file}\t${m.bytes.length} bytes\t${sha256(m.bytes)}`);
}
