import { gcmOpen, gcmSeal, tampered } from './aead.ts';
import type { StationKeys } from './station-keys.ts';

const TEXT_VERSION = 'v1';
/** 'DSB' and a version byte, then the 6-byte key id, then nonce | ciphertext | tag. */
const BYTES_MAGIC = Buffer.from([0x44, 0x53, 0x42, 0x01]);
const KEY_ID_BYTES = 6;
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const BYTES_HEADER = BYTES_MAGIC.length + KEY_ID_BYTES;

/** The AAD naming where a value lives, so a value copied into another row or column no longer opens. */
export const fieldAad = (table: string, rowId: number | string, column: string): string =>
  `${table}:${rowId}:${column}`;

/**
 * Personal data at rest: AES-256-GCM under the station's data key with a random nonce per value. Text becomes
 * `v1:<keyId>:<base64url(nonce|ciphertext|tag)>`, bytes a binary header followed by the same. The version, the
 * key id and the kind (text or bytes) are authenticated together with the caller's AAD.
 */
export class FieldCipher {
  readonly #keys: StationKeys;

  constructor(keys: StationKeys) {
    this.#keys = keys;
  }

  sealText(plain: string, aad: string): string {
    const { keyId, data } = this.#keys.current;
    const sealed = gcmSeal(data, Buffer.from(plain, 'utf8'), gcmAad('text', keyId, aad));
    return `${TEXT_VERSION}:${keyId}:${sealed.toString('base64url')}`;
  }

  openText(sealed: string, aad: string): string {
    const parts = sealed.split(':');
    const [version, keyId, body] = parts;
    if (parts.length !== 3 || version !== TEXT_VERSION || keyId === undefined || body === undefined) {
      throw tampered('not a sealed text');
    }
    // Buffer.from ignores stray characters and the spare bits of the last one; only the canonical spelling counts.
    const bytes = Buffer.from(body, 'base64url');
    if (!BASE64URL.test(body) || bytes.toString('base64url') !== body) throw tampered('bad encoding');
    return gcmOpen(this.#keys.byId(keyId).data, bytes, gcmAad('text', keyId, aad)).toString('utf8');
  }

  sealBytes(plain: Buffer, aad: string): Buffer {
    const { keyId, data } = this.#keys.current;
    return Buffer.concat([
      BYTES_MAGIC,
      Buffer.from(keyId, 'base64url'),
      gcmSeal(data, plain, gcmAad('bytes', keyId, aad)),
    ]);
  }

  openBytes(sealed: Buffer, aad: string): Buffer {
    if (sealed.length < BYTES_HEADER || !sealed.subarray(0, BYTES_MAGIC.length).equals(BYTES_MAGIC)) {
      throw tampered('not sealed bytes');
    }
    const keyId = sealed.subarray(BYTES_MAGIC.length, BYTES_HEADER).toString('base64url');
    const body = sealed.subarray(BYTES_HEADER);
    return gcmOpen(this.#keys.byId(keyId).data, body, gcmAad('bytes', keyId, aad));
  }
}

function gcmAad(kind: 'text' | 'bytes', keyId: string, aad: string): Buffer {
  return Buffer.from(`doorstep/${TEXT_VERSION}/${kind}/${keyId}/${aad}`, 'utf8');
}
