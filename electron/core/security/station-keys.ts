import { hkdfSync } from 'node:crypto';
import { KEY_BYTES } from './aead.ts';
import { SecurityError } from './errors.ts';

/** The keys one master key yields, each for one purpose only, so no output of one use can help attack another. */
export interface SubKeys {
  /** 8 base64url characters naming the master key; written into every keyed output so rotation can find its key. */
  readonly keyId: string;
  /** AES-256-GCM for personal data at rest. */
  readonly data: Buffer;
  /** HMAC-SHA256 for ID-number lookups. */
  readonly lookup: Buffer;
  /** HMAC-SHA256 for the audit hash chain: without it, a rewritten chain cannot be made to verify. */
  readonly audit: Buffer;
  /** HMAC-SHA256 pepper for PIN hashes: a stolen database alone does not let anyone try the million PINs. */
  readonly pin: Buffer;
}

const SALT = Buffer.from('doorstep/station-keys');
const derive = (master: Buffer, purpose: string, bytes = KEY_BYTES): Buffer =>
  Buffer.from(hkdfSync('sha256', master, SALT, `doorstep/v1/${purpose}`, bytes));

function subKeys(master: Buffer): SubKeys {
  if (master.length !== KEY_BYTES) throw new Error(`a master key has ${KEY_BYTES} bytes, not ${master.length}`);
  return {
    keyId: derive(master, 'key-id', 6).toString('base64url'),
    data: derive(master, 'data-aes-256-gcm'),
    lookup: derive(master, 'lookup-hmac-sha256'),
    audit: derive(master, 'audit-hmac-sha256'),
    pin: derive(master, 'pin-hmac-sha256'),
  };
}

/**
 * The station's key ring: the current master key, which everything new is keyed with, and retired ones that are
 * still accepted for reading what was written before a rotation.
 */
export class StationKeys {
  readonly current: SubKeys;
  readonly #byId = new Map<string, SubKeys>();

  constructor(master: Buffer, retired: readonly Buffer[] = []) {
    this.current = subKeys(master);
    for (const keys of [this.current, ...retired.map(subKeys)]) this.#byId.set(keys.keyId, keys);
  }

  byId(keyId: string): SubKeys {
    const keys = this.#byId.get(keyId);
    if (!keys) throw new SecurityError('security.unknown-key', `no key ${keyId} on this station`, { keyId });
    return keys;
  }
}
