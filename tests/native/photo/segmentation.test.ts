import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../../../native/face/decode.ts';
import { Segmenter, stretch } from '../../../native/photo/segmenter.ts';
import {
  buildSegmentationModel,
  SEGMENTATION_MANIFEST_PATH,
  SEGMENTATION_OUT_DIR,
  SELFIE_TFJS_MODEL,
  sha256,
} from '../../../scripts/convert-segmentation-model.ts';
import { SUPPORTED_OPS, tfjsGraphToOnnx } from '../../../scripts/segmentation/graph-to-onnx.ts';
import { loadSelfieTfjs, type SelfieTfjs } from '../../../scripts/segmentation/selfie-tfjs.ts';
import { readTfjsGraph } from '../../../scripts/segmentation/tfjs-graph.ts';
import { DEMO_PHOTOS, demoPhoto } from '../../../scripts/face/demo-faces.ts';

const manifest = JSON.parse(readFileSync(SEGMENTATION_MANIFEST_PATH, 'utf8')) as { file: string; sha256: string; bytes: number };

describe('segmentation model converter', () => {
  it('rebuilds the committed graph byte for byte from the installed TF.js graph', () => {
    const bytes = buildSegmentationModel();
    expect(sha256(bytes), 'run npx tsx scripts/convert-segmentation-model.ts').toBe(manifest.sha256);
    expect(sha256(readFileSync(join(SEGMENTATION_OUT_DIR, manifest.file)))).toBe(manifest.sha256);
    expect(manifest.bytes).toBe(bytes.length);
  });

  it('refuses a graph with an op it does not know, by name', () => {
    const graph = readTfjsGraph(SELFIE_TFJS_MODEL);
    const odd = { ...graph, nodes: [...graph.nodes, { name: 'x', op: 'FusedBatchNormV3', inputs: [], attr: {} }] };
    expect(() => tfjsGraphToOnnx(odd, { name: 'x', input: { name: 'input', shape: [1, 256, 256, 3], divisor: 255 }, output: { name: 'm', shape: [1] } })).toThrow(
      /FusedBatchNormV3/,
    );
    expect(new Set(graph.nodes.map((n) => n.op)).size).toBeLessThanOrEqual(SUPPORTED_OPS.length);
  });
});

describe('selfie segmentation on ONNX against the TF.js original', () => {
  let segmenter: Segmenter;
  let tfjs: SelfieTfjs;
  beforeAll(async () => {
    segmenter = await Segmenter.load();
    tfjs = await loadSelfieTfjs(SELFIE_TFJS_MODEL);
  });

  it('gives the same matte on every demo photo and on noise (max 0.002, mean 0.0002)', async () => {
    const inputs: Float32Array[] = [];
    for (const name of DEMO_PHOTOS) inputs.push(stretch(await decodeImage(demoPhoto(name)), 256));
    let seed = 7;
    inputs.push(Float32Array.from({ length: 256 * 256 * 3 }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 255));
    for (const [i, pixels] of inputs.entries()) {
      const ours = await segmenter.matteOfInput(pixels);
      const theirs = await tfjs.matte(pixels.map((v) => v / 255));
      expect(ours).toHaveLength(256 * 256);
      expect(theirs).toHaveLength(256 * 256);
      let max = 0, sum = 0;
      for (let k = 0; k < ours.length; k++) {
        const d = Math.abs(ours[k]! - theirs[k]!);
        max = Math.max(max, d);
        sum += d;
      }
      expect(max, `input ${i}`).toBeLessThanOrEqual(0.002);
      expect(sum / ours.length, `input ${i}`).toBeLessThanOrEqual(0.0002);
      // Not a graph that answers the same for everything: the demo photos hold people, so part of each is person.
      if (i < DEMO_PHOTOS.length) expect(ours.filter((a) => a > 0.5).length, `input ${i}`).toBeGreaterThan(256 * 256 * 0.05);
    }
  });

  it('refuses a graph file whose sha256 differs from the manifest', async () => {
    const { mkdtempSync, cpSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'seg-'));
    cpSync(SEGMENTATION_OUT_DIR, dir, { recursive: true });
    const bytes = readFileSync(join(dir, manifest.file));
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
    writeFileSync(join(dir, manifest.file), bytes);
    await expect(Segmenter.load(dir)).rejects.toMatchObject({ code: 'photo.model-unusable' });
  });
});
