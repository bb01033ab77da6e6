import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gcmOpen, gcmSeal, KEY_BYTES, tampered } from './aead.ts';
import { createFileOnce } from './atomic-file.ts';
import { SecurityError } from './errors.ts';
import { keysDir, type KeyProtector } from './key-protector.ts';

const MAGIC = Buffer.from('DKP1');
const AAD = Buffer.from('doorstep/file-key-protector/v1');

/**
 * The web-mode KeyProtector: wraps secrets with a random 256-bit key in `<dataDir>/keys/master.key`. The file is
 * made on first `protect`, never on `unprotect` (a missing file then means the keys folder was lost, and a fresh
 * key would only hide that). A key file others could read is refused rather than used.
 */
export class FileKeyProtector implements KeyProtector {
  readonly kind = 'file';
  readonly file: string;
  #key: Buffer | undefined;

  constructor(dataDir: string) {
    this.file = join(keysDir(dataDir), 'master.key');
  }

  protect(plain: Buffer): Buffer {
    return Buffer.concat([MAGIC, gcmSeal(this.#loadKey(true), plain, AAD)]);
  }

  unprotect(blob: Buffer): Buffer {
    if (!blob.subarray(0, MAGIC.length).equals(MAGIC)) throw tampered('not a file-protected blob');
    return gcmOpen(this.#loadKey(false), blob.subarray(MAGIC.length), AAD);
  }

  #loadKey(create: boolean): Buffer {
    if (this.#key) return this.#key;
    if (!existsSync(this.file)) {
      if (!create) {
        throw new SecurityError('security.key-missing', `key file is missing: ${this.file}`, { file: this.file });
      }
      mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
      createFileOnce(this.file, randomBytes(KEY_BYTES), 0o600);
    }
    assertPrivate(this.file);
    const key = readFileSync(this.file);
    if (key.length !== KEY_BYTES) {
      const why = `key file ${this.file} holds ${key.length} bytes, not ${KEY_BYTES}`;
      throw new SecurityError('security.key-corrupt', why, { file: this.file });
    }
    this.#key = key;
    return key;
  }
}

/** Group or world access to the key file defeats it; Windows has no mode bits, so there the folder ACL decides. */
function assertPrivate(file: string): void {
  if (process.platform === 'win32') return;
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    const octal = mode.toString(8).padStart(4, '0');
    throw new SecurityError('security.key-permissions', `key file ${file} has mode ${octal}; it must be 0600`, {
      file,
      mode: octal,
    });
  }
}
