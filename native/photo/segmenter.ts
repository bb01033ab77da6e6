import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ort from 'onnxruntime-node';
import type { RgbImage } from '../face/decode.ts';
import { PhotoModelUnusableError } from './errors.ts';
import { resizePlanes } from './planes.ts';
import { readSegmentationManifest, segmentationDir, type SegmentationManifest } from './segmentation-manifest.ts';

/** A person's matte: one value a pixel, 0 background … 1 person, rows packed. */
export interface Matte {
  alpha: Float32Array;
  width: number;
  height: number;
}

/** MediaPipe's selfie segmentation on onnxruntime-node: a picture in, a coarse matte at the network's size out. */
export class Segmenter {
  private constructor(
    readonly manifest: SegmentationManifest,
    private readonly session: ort.InferenceSession,
  ) {}

  /** Loads the graph the manifest names, refusing it if its sha256 differs. */
  static async load(dir = segmentationDir()): Promise<Segmenter> {
    let manifest: SegmentationManifest;
    let bytes: Buffer;
    try {
      manifest = readSegmentationManifest(dir);
      // Read by Node, not by onnxruntime: inside a packaged app the file sits in the asar archive.
      bytes = readFileSync(join(dir, manifest.file));
    } catch (e) {
      throw new PhotoModelUnusableError((e as Error).message, e);
    }
    const hash = createHash('sha256').update(bytes).digest('hex');
    if (hash !== manifest.sha256) throw new PhotoModelUnusableError(`${manifest.file} has sha256 ${hash}, the manifest says ${manifest.sha256}`);
    try {
      // One thread, as the face graphs: two shared cores and a spinning pool slow everything else on the station.
      const session = await ort.InferenceSession.create(bytes, { graphOptimizationLevel: 'all', executionMode: 'sequential', intraOpNumThreads: 1 });
      return new Segmenter(manifest, session);
    } catch (e) {
      throw new PhotoModelUnusableError(`${manifest.file}: ${(e as Error).message}`, e);
    }
  }

  /** The graph on a prepared input: `size × size` RGB 0–255, NHWC. */
  async matteOfInput(pixels: Float32Array): Promise<Float32Array> {
    const { size, name } = this.manifest.input;
    const out = await this.session.run({ [name]: new ort.Tensor('float32', pixels, [1, size, size, 3]) });
    return out[this.manifest.output.name]!.data as Float32Array;
  }

  /** The picture squeezed to the network's square input, as MediaPipe does, and the matte at the network's size. */
  async segment(image: RgbImage): Promise<Matte> {
    const { size } = this.manifest.input;
    return { alpha: await this.matteOfInput(stretch(image, size)), width: size, height: size };
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}

/** Bilinear resize of a picture to `size × size`, each axis on its own scale. */
export function stretch(image: RgbImage, size: number): Float32Array {
  return resizePlanes(image.rgb, image.width, image.height, 3, size, size);
}
