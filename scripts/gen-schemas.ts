// Writes the JSON schemas of data files in assets/ from their zod schemas, so editors and the township's tools can
// validate catalogues with the same rules the station applies. A test checks the committed files are current.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { Catalog } from '../contract/domain/catalog.ts';
import { StatutoryRules } from '../contract/domain/calendar/statutory-holidays.ts';
import { PhotoSpecsSchema } from '../contract/domain/photo-spec.ts';
import { faceManifestJsonSchema } from '../native/face/manifest.ts';
import { segmentationManifestJsonSchema } from '../native/photo/segmentation-manifest.ts';

export const generatedSchemas: Record<string, () => unknown> = {
  'assets/schemas/catalog.schema.json': () => ({
    ...z.toJSONSchema(Catalog, { io: 'input', unrepresentable: 'any' }),
    title: 'Doorstep service catalogue (事项清单)',
  }),
  'assets/calendar/statutory-holidays.schema.json': () => z.toJSONSchema(StatutoryRules, { io: 'input', unrepresentable: 'any' }),
  'assets/models/face/manifest.schema.json': faceManifestJsonSchema,
  'assets/models/segmentation/manifest.schema.json': segmentationManifestJsonSchema,
  'assets/schemas/photo-specs.schema.json': () => ({
    ...z.toJSONSchema(PhotoSpecsSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'Doorstep 证件照 specs',
  }),
};

export const schemaText = (make: () => unknown): string => `${JSON.stringify(make(), null, 2)}\n`;

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  for (const [file, make] of Object.entries(generatedSchemas)) writeFileSync(file, schemaText(make));
}
