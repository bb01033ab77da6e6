import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { KEY_BYTES } from './aead.ts';
import { createFileOnce } from './atomic-file.ts';
import { SecurityError } from './errors.ts';
import { keysDir, type KeyProtector } from './key-protector.ts';
import { StationKeys } from './station-keys.ts';

/** `<dataDir>/keys/station.key`: the master key as the protector wrapped it, and which protector that was. */
const StationKeyFile = z.object({ format: z.literal(1), protector: z.string(), blob: z.base64() });

export const stationKeyFile = (dataDir: string): string => join(keysDir(dataDir), 'station.key');

/**
 * The station's keys: the master key is made (random, 256 bits) the first time and unwrapped with `protector`
 * every time after. A key file wrapped by another kind of protector, or one this protector cannot open, is an
 * error for the technician: making a fresh key would silently orphan every value sealed with the old one.
 */
export function loadStationKeys(dataDir: string, protector: KeyProtector): StationKeys {
  const file = stationKeyFile(dataDir);
  if (!existsSync(file)) {
    mkdirSync(keysDir(dataDir), { recursive: true, mode: 0o700 });
    const blob = protector.protect(randomBytes(KEY_BYTES)).toString('base64');
    createFileOnce(file, Buffer.from(`${JSON.stringify({ format: 1, protector: protector.kind, blob })}\n`), 0o600);
  }
  const parsed = StationKeyFile.safeParse(parseJson(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new SecurityError('security.key-corrupt', `station key file ${file} is not readable`, { file });
  }
  if (parsed.data.protector !== protector.kind) {
    throw new SecurityError(
      'security.key-protector-mismatch',
      `station key file ${file} was protected by '${parsed.data.protector}', not '${protector.kind}'`,
      { file, found: parsed.data.protector, expected: protector.kind },
    );
  }
  let master: Buffer;
  try {
    master = protector.unprotect(Buffer.from(parsed.data.blob, 'base64'));
  } catch (error) {
    if (error instanceof SecurityError && error.code !== 'security.tampered') throw error;
    throw new SecurityError('security.key-unreadable', `station key file ${file} cannot be unwrapped`, { file }, error);
  }
  if (master.length !== KEY_BYTES) {
    throw new SecurityError('security.key-corrupt', `station key file ${file} holds a key of the wrong size`, { file });
  }
  return new StationKeys(master);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
