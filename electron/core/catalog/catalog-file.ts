import { readFileSync } from 'node:fs';
import { Catalog } from '../../../contract/domain/catalog.ts';
import { StationError, ValidationError } from '../../../contract/domain/errors.ts';
import { parseOrThrow } from '../../../contract/domain/validate.ts';

export class CatalogFileError extends StationError {
  constructor(file: string, cause: unknown) {
    super('catalog.file-unreadable', `cannot read catalogue file ${file}`, { params: { file }, kind: 'input', cause });
  }
}

/** Parses and fully validates a catalogue; a bad one throws a ValidationError naming every bad field. */
export function parseCatalog(text: string, source: string): Catalog {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`catalogue ${source}`, [{ path: '', message: `not valid JSON: ${(error as Error).message}` }]);
  }
  return parseOrThrow(Catalog, json, `catalogue ${source}`);
}

export function readCatalogFile(file: string): Catalog {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CatalogFileError(file, error);
  }
  return parseCatalog(text, file);
}
