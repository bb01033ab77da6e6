import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ort from 'onnxruntime-node';
import { chipToImage, landmarkCropToImage } from './align.ts';
import { decodeImage, type RgbImage } from './decode.ts';
import { decodeGrid, detectorInput, toImage, type FaceBox } from './detect.ts';
import { FaceModelsUnusableError, FaceQualityError, NoFaceError, SeveralFacesError } from './errors.ts';
import type { DescribeOptions, FaceApi, FaceComparison, FaceDescription, FaceModelInfo } from './face-api.ts';
import { faceModelDir, FaceManifestSchema, faceModelVersion, MODEL_ROLES, type FaceManifest, type ModelRole } from './manifest.ts';
import { judgeQuality, measureQuality } from './quality.ts';
import { warp, type Point } from './warp.ts';

/** A second face counts only when at least this fraction of the largest's width: a bystander far behind does not. */
export const COMPETING_FACE_RATIO = 0.5;

/** The detector's passes: the picture as it is, then shrunk to 60 % on grey. */
const ZOOM_OUT_PASSES = [1, 1 / 0.6];

export const euclidean = (p: ArrayLike<number>, q: ArrayLike<number>): number => {
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += (p[i]! - q[i]!) ** 2;
  return Math.sqrt(sum);
};

/** One face found, landmarked and (if asked) embedded, before the single-face and quality rules are applied. */
export interface AnalysedFace {
  box: FaceBox;
  landmarks: Point[];
  /** Empty when analysed without the recognition net. */
  descriptor: Float32Array;
  chip: Float32Array;
}

/**
 * The face pipeline on onnxruntime-node: detect, choose the one face, 68 landmarks, align to dlib's chip by a
 * similarity transform, embed, compare. Pictures are decoded into memory and dropped when a call returns.
 */
export class FaceEngine implements FaceApi {
  private constructor(
    readonly manifest: FaceManifest,
    private readonly sessions: Record<ModelRole, ort.InferenceSession>,
    private readonly loadMs: number,
  ) {}

  /**
   * Loads the graphs the manifest names, refusing any whose sha256 differs. The threshold may be absent only for
   * the calibration that writes it.
   */
  static async load(options: { dir?: string; withoutThreshold?: boolean } = {}): Promise<FaceEngine> {
    const start = performance.now();
    const dir = options.dir ?? faceModelDir();
    let manifest: FaceManifest;
    try {
      const json: unknown = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      manifest = (options.withoutThreshold ? FaceManifestSchema.partial({ threshold: true }) : FaceManifestSchema).parse(json) as FaceManifest;
    } catch (e) {
      throw new FaceModelsUnusableError(`manifest: ${(e as Error).message}`, e);
    }
    const version = faceModelVersion(manifest.source.version, manifest.models);
    if (manifest.version !== version) throw new FaceModelsUnusableError(`manifest version ${manifest.version} is not that of its hashes (${version})`);
    if (manifest.threshold && manifest.threshold.model !== version) {
      throw new FaceModelsUnusableError(`the threshold was calibrated on ${manifest.threshold.model}, not ${version}`);
    }
    const sessions = {} as Record<ModelRole, ort.InferenceSession>;
    for (const role of MODEL_ROLES) {
      const entry = manifest.models[role];
      let bytes: Buffer;
      try {
        // Read by Node, not by onnxruntime: inside a packaged app the file sits in the asar archive.
        bytes = readFileSync(join(dir, entry.file));
      } catch (e) {
        throw new FaceModelsUnusableError(`${entry.file}: ${(e as Error).message}`, e);
      }
      const hash = createHash('sha256').update(bytes).digest('hex');
      if (hash !== entry.sha256) throw new FaceModelsUnusableError(`${entry.file} has sha256 ${hash}, the manifest says ${entry.sha256}`);
      try {
        // One thread: on the station's two shared cores ORT's spinning worker pool halves throughput (85 → 44 ms).
        sessions[role] = await ort.InferenceSession.create(bytes, { graphOptimizationLevel: 'all', executionMode: 'sequential', intraOpNumThreads: 1 });
      } catch (e) {
        throw new FaceModelsUnusableError(`${entry.file}: ${(e as Error).message}`, e);
      }
    }
    return new FaceEngine(manifest, sessions, performance.now() - start);
  }

  info(): FaceModelInfo {
    return { version: this.manifest.version, threshold: this.manifest.threshold.distance, loadMs: this.loadMs };
  }

  private async run(role: ModelRole, pixels: Float32Array, height: number, width: number): Promise<ort.Tensor> {
    const entry = this.manifest.models[role];
    const out = await this.sessions[role].run({ [entry.input.name]: new ort.Tensor('float32', pixels, [1, height, width, 3]) });
    return out[entry.output.name]!;
  }

  /** The detector on a prepared square input (see detectorInput); boxes in that input's pixels. */
  async detectInInput(pixels: Float32Array, size: number): Promise<FaceBox[]> {
    const grid = await this.run('detector', pixels, size, size);
    const [, rows, cols] = grid.dims as number[];
    return decodeGrid(grid.data as Float32Array, rows!, cols!, this.manifest.models.detector);
  }

  /** The landmark net on a prepared 112 × 112 crop: 68 points in that crop's pixels. */
  async landmarksInCrop(pixels: Float32Array): Promise<Point[]> {
    const size = this.manifest.models.landmarks.input.size;
    const data = (await this.run('landmarks', pixels, size, size)).data as Float32Array;
    return Array.from({ length: 68 }, (_, i) => ({ x: data[2 * i]! * size, y: data[2 * i + 1]! * size }));
  }

  /** The recognition net on a prepared 150 × 150 chip. */
  async embedChip(pixels: Float32Array): Promise<Float32Array> {
    const size = this.manifest.models.recognition.input.size;
    return Float32Array.from((await this.run('recognition', pixels, size, size)).data as Float32Array);
  }

  /** Faces in picture pixels; a picture with none is looked at once more zoomed out, for a face filling it. */
  async detect(image: RgbImage): Promise<FaceBox[]> {
    const size = this.manifest.models.detector.input.size;
    for (const zoomOut of ZOOM_OUT_PASSES) {
      const { pixels, scale, offset } = await detectorInput(image, size, zoomOut);
      const boxes = (await this.detectInInput(pixels, size)).map((b) => toImage(b, scale, offset, image)).filter((b) => b.width > 1 && b.height > 1);
      if (boxes.length > 0) return boxes;
    }
    return [];
  }

  async analyse(image: RgbImage, box: FaceBox, embed = true): Promise<AnalysedFace> {
    const lmSize = this.manifest.models.landmarks.input.size;
    const crop = landmarkCropToImage(box, lmSize);
    const inCrop = await this.landmarksInCrop(warp(image, crop, lmSize, lmSize));
    const landmarks = inCrop.map((p) => ({ x: crop.a * p.x + crop.tx, y: crop.a * p.y + crop.ty }));
    const size = this.manifest.models.recognition.input.size;
    const chip = warp(image, chipToImage(landmarks, size), size, size);
    return { box, landmarks, chip, descriptor: embed ? await this.embedChip(chip) : new Float32Array(0) };
  }

  /** Detects in a decoded picture and describes its one face; refuses none, several, or (if asked) a poor face. */
  async describeImage(image: RgbImage, options: DescribeOptions = {}): Promise<FaceDescription> {
    const boxes = await this.detect(image);
    if (boxes.length === 0) throw new NoFaceError();
    const widest = Math.max(...boxes.map((b) => b.width));
    const competing = boxes.filter((b) => b.width >= COMPETING_FACE_RATIO * widest);
    if (competing.length > 1) throw new SeveralFacesError(competing.length);
    const face = await this.analyse(image, competing[0]!, options.embed ?? true);
    const size = this.manifest.models.recognition.input.size;
    const measures = measureQuality(image, face.landmarks, face.chip, size, chipToImage(face.landmarks, size));
    const failed = judgeQuality(measures, this.manifest.quality);
    if (options.enforceQuality && failed.length > 0) throw new FaceQualityError(failed);
    return { faces: boxes.length, box: face.box, descriptor: Array.from(face.descriptor), landmarks: face.landmarks, quality: { measures, failed } };
  }

  async describe(bytes: Uint8Array, options: DescribeOptions = {}): Promise<FaceDescription> {
    return this.describeImage(await decodeImage(bytes), options);
  }

  /** The decision on two described faces, against the threshold calibrated for these graphs. */
  decide(first: FaceDescription, second: FaceDescription): FaceComparison {
    // Two empty descriptors are at distance 0: a description made without the recognition net must not match.
    if (first.descriptor.length === 0 || second.descriptor.length === 0) throw new Error('a face described without its embedding cannot be compared');
    const distance = euclidean(first.descriptor, second.descriptor);
    const threshold = this.manifest.threshold.distance;
    return {
      match: distance < threshold,
      distance,
      threshold,
      model: this.manifest.version,
      faces: [first.faces, second.faces],
      quality: [first.quality.failed, second.quality.failed],
    };
  }

  async compare(a: Uint8Array, b: Uint8Array, options: DescribeOptions = {}): Promise<FaceComparison> {
    const embedded = { ...options, embed: true };
    return this.decide(await this.describe(a, embedded), await this.describe(b, embedded));
  }

  async close(): Promise<void> {
    for (const role of MODEL_ROLES) await this.sessions[role].release();
  }
}
