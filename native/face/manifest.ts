import { createHash } from 'node:crypto';
import { z } from 'zod';
import { assetPath } from '../app-paths.ts';

export type ModelRole = 'detector' | 'landmarks' | 'recognition';
export const MODEL_ROLES: readonly ModelRole[] = ['detector', 'landmarks', 'recognition'];

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const ModelEntry = z.strictObject({
  file: z.string().regex(/^[a-z0-9_]+\.onnx$/),
  sha256: Sha256,
  bytes: z.number().int().positive(),
  tfjsModel: z.string().describe('the weights manifest in @vladmandic/face-api/model/ it was converted from'),
  input: z
    .strictObject({
      name: z.string(),
      layout: z.literal('NHWC'),
      pixels: z.literal('RGB 0-255 float32'),
      size: z.number().int().positive().describe('side of the square input; the detector takes any multiple of cellStride'),
      mean: z.tuple([z.number(), z.number(), z.number()]).describe('subtracted inside the graph'),
      divisor: z.number().positive().describe('divides inside the graph, after the mean'),
    })
    .describe('what the graph takes: pixels as they are, the normalisation is part of the graph'),
  output: z.strictObject({ name: z.string(), shape: z.array(z.union([z.number().int(), z.string()])) }),
});

const DetectorEntry = ModelEntry.extend({
  anchors: z.array(z.tuple([z.number(), z.number()])).length(5).describe('box priors in grid cells (width, height)'),
  cellStride: z.number().int().positive().describe('input pixels per output cell'),
  iouThreshold: z.number().min(0).max(1).describe('non-maximum suppression overlap'),
});

export const FaceManifestSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.string().describe('names the three graphs together: source version + a digest of their sha256'),
    source: z.strictObject({ package: z.literal('@vladmandic/face-api'), version: z.string() }),
    converter: z.string().describe('the script that wrote the graphs; running it again reproduces every sha256'),
    models: z.strictObject({ detector: DetectorEntry, landmarks: ModelEntry, recognition: ModelEntry }),
    quality: z
      .strictObject({
        minFaceWidth: z.number().positive().describe('jaw width in picture pixels'),
        maxCentreOffset: z.number().min(0).max(0.5).describe('face centre from picture centre, fraction of its side'),
        minBrightness: z.number().min(0).max(255),
        maxBrightness: z.number().min(0).max(255),
        minSharpness: z.number().min(0).describe('variance of the Laplacian of the aligned chip'),
        minEyeOpenness: z.number().min(0).describe('eye aspect ratio'),
        minEyeLuma: z.number().min(0).describe('eye regions over cheeks, mean luma'),
        maxYawOffset: z.number().min(0).max(0.5).describe('nose tip from the middle of the jaw, fraction of its width'),
        pitchRange: z.tuple([z.number(), z.number()]).describe('nose tip between eye line (0) and mouth line (1)'),
      })
      .describe('the quality gates of a face to verify, each with its prompt in assets/messages/*/face.json'),
    threshold: z
      .strictObject({
        distance: z.number().positive().describe('descriptors closer than this (Euclidean) are the same person'),
        model: z.string().describe('the manifest version it was calibrated on; a threshold is void for other graphs'),
        calibration: z.strictObject({
          on: z.string(),
          samePairs: z.number().int().nonnegative(),
          differentPairs: z.number().int().nonnegative(),
          falseAcceptRate: z.number().min(0).max(1),
          falseRejectRate: z.number().min(0).max(1),
          sameMax: z.number().describe('largest distance of a same-person pair'),
          differentMin: z.number().describe('smallest distance of a different-person pair'),
        }),
      })
      .describe('written by scripts/face/calibrate-threshold.ts'),
  })
  .meta({ title: 'Doorstep face models manifest' });
export type FaceManifest = z.infer<typeof FaceManifestSchema>;

export const faceModelDir = (): string => assetPath('models', 'face');

/** The JSON Schema of assets/models/face/manifest.json; a test keeps the checked-in copy equal to it. */
export function faceManifestJsonSchema(): unknown {
  return z.toJSONSchema(FaceManifestSchema, { io: 'input' });
}

/** A short name for one set of graphs: the source version and a digest of their hashes. */
export function faceModelVersion(sourceVersion: string, models: Record<ModelRole, { sha256: string }>): string {
  const digest = createHash('sha256')
    .update(MODEL_ROLES.map((r) => models[r].sha256).join('\n'))
    .digest('hex');
  return `face-api-${sourceVersion}+${digest.slice(0, 12)}`;
}
