import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFaceModels, MANIFEST_PATH, MODEL_OUT_DIR, sha256 } from '../../../scripts/convert-face-models.ts';
import { faceManifestJsonSchema } from '../../../native/face/manifest.ts';

const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as { models: Record<string, { file: string; sha256: string; bytes: number }> };

describe('face model converter', () => {
  it('rebuilds every committed graph byte for byte from the installed face-api weights', () => {
    const built = buildFaceModels();
    expect(built.map((m) => m.role)).toEqual(['detector', 'landmarks', 'recognition']);
    for (const m of built) {
      const entry = manifest.models[m.role]!;
      expect(entry.file).toBe(m.file);
      expect(sha256(m.bytes), `${m.file}: run npx tsx scripts/convert-face-models.ts`).toBe(entry.sha256);
      expect(sha256(readFileSync(join(MODEL_OUT_DIR, m.file))), `${m.file} on disk`).toBe(entry.sha256);
      expect(entry.bytes).toBe(m.bytes.length);
    }
  });

  it('ships the manifest schema the code validates with', () => {
    const file = join(MODEL_OUT_DIR, 'manifest.schema.json');
    expect(readFileSync(file, 'utf8'), 'run npx tsx scripts/gen-schemas.ts').toBe(`${JSON.stringify(faceManifestJsonSchema(), null, 2)}\n`);
  });
});
