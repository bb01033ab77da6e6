import { readFileSync } from 'node:fs';
import { PhotoSpecsSchema, type PhotoBackground, type PhotoSpec, type PhotoSpecs } from '../../contract/domain/photo-spec.ts';
import { assetPath } from '../app-paths.ts';
import { BackgroundNotAllowedError, UnknownPhotoSpecError } from './errors.ts';

let cached: PhotoSpecs | undefined;

export function loadPhotoSpecs(file = assetPath('photo', 'specs.json')): PhotoSpecs {
  if (file !== assetPath('photo', 'specs.json')) return PhotoSpecsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  cached ??= PhotoSpecsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  return cached;
}

/** One spec by id; refused when there is none. */
export function findSpec(specId: string, specs = loadPhotoSpecs()): PhotoSpec {
  const spec = specs.specs.find((s) => s.id === specId);
  if (!spec) throw new UnknownPhotoSpecError(specId, specs.specs.map((s) => s.id));
  return spec;
}

/** A spec and background chosen together, refused when the spec is unknown or not made on that background. */
export function choosePhoto(specId: string, background: PhotoBackground, specs = loadPhotoSpecs()): { spec: PhotoSpec; rgb: [number, number, number] } {
  const spec = findSpec(specId, specs);
  if (!spec.backgrounds.includes(background)) throw new BackgroundNotAllowedError(spec.id, background, spec.backgrounds);
  return { spec, rgb: specs.backgrounds[background].rgb };
}
