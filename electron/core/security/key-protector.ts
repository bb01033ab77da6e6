import { join } from 'node:path';

/**
 * Wraps a small secret (the station master key) with a key held outside the data that it protects.
 *
 * Where the station master key lives:
 * - Always: `<dataDir>/keys/station.key`, the master key as `protect` returned it (see key-store.ts), never in
 *   the clear and never in the database.
 * - Electron app: the shell implements this interface with `safeStorage` (kind 'safe-storage'): `protect` is
 *   `safeStorage.encryptString(plain.toString('base64'))` and `unprotect` the matching `decryptString`, so the
 *   wrapping key stays in the OS store (DPAPI on Windows, Keychain on macOS, the Secret Service on Linux). On Linux
 *   it must refuse to run when `safeStorage.getSelectedStorageBackend()` is 'basic_text', which is a fixed
 *   password, i.e. no protection at all.
 * - Web mode and the CLI: FileKeyProtector (kind 'file'), whose wrapping key is `<dataDir>/keys/master.key`, mode
 *   0600 in a 0700 folder. That is only as strong as the file permissions and the disk's own encryption.
 *
 * Implementations throw a StationError when a blob is not theirs or was changed, and never return garbage.
 */
export interface KeyProtector {
  /** Names the implementation; written next to each blob so a data dir is never read with the wrong protector. */
  readonly kind: string;
  protect(plain: Buffer): Buffer;
  unprotect(blob: Buffer): Buffer;
}

export const keysDir = (dataDir: string): string => join(dataDir, 'keys');
