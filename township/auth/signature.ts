import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import {
  canonicalRequest,
  MAX_CLOCK_SKEW_MS,
  PublicKeyB64u,
  SYNC_HEADERS,
  StationId,
} from '../../contract/api/sync.ts';
import { TownshipError } from '../http/errors.ts';

type Headers = Record<string, string | string[] | undefined>;

export interface StationKey {
  id: string;
  publicKey: string;
  revokedAt: string | null;
}

/** Remembers nonces until they expire; says false when one was already used (a replay). */
export interface NonceStore {
  use(stationId: string, nonce: string, expiresMs: number, nowMs: number): Promise<boolean>;
}

/** What the headers say, checked before the body is read: an unsigned or stale request costs no upload. */
export interface SignedHeaders {
  station: StationKey;
  timestamp: string;
  nonce: string;
  contentSha256: string;
  signature: Buffer;
}

const SIGNING_HEADERS = [SYNC_HEADERS.station, SYNC_HEADERS.timestamp, SYNC_HEADERS.nonce, SYNC_HEADERS.contentSha256, SYNC_HEADERS.signature];
const TIMESTAMP = /^\d{1,15}$/;
const NONCE = /^[A-Za-z0-9_-]{16,64}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{86}$/;

const header = (headers: Headers, name: string): string | undefined => {
  const v = headers[name];
  return typeof v === 'string' ? v : undefined;
};

const unauthorised = (code: ConstructorParameters<typeof TownshipError>[1], message: string, extra = {}) =>
  new TownshipError(401, code, message, extra);

const keys = new Map<string, KeyObject>();

/** The raw 32-byte key as a KeyObject (through JWK, which takes raw Ed25519 keys as they are). */
export function ed25519PublicKey(raw: string): KeyObject {
  let key = keys.get(raw);
  if (!key) {
    if (!PublicKeyB64u.safeParse(raw).success) throw new Error('not a raw Ed25519 public key');
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw }, format: 'jwk' });
    keys.set(raw, key);
  }
  return key;
}

/** Presence and shape of the signing headers, the station, and the clock. */
export async function checkSignedHeaders(
  headers: Headers,
  findStation: (id: string) => Promise<StationKey | undefined>,
  now: Date,
): Promise<SignedHeaders> {
  const stationId = header(headers, SYNC_HEADERS.station);
  const timestamp = header(headers, SYNC_HEADERS.timestamp);
  const nonce = header(headers, SYNC_HEADERS.nonce);
  const contentSha256 = header(headers, SYNC_HEADERS.contentSha256);
  const signature = header(headers, SYNC_HEADERS.signature);
  if (stationId === undefined || timestamp === undefined || nonce === undefined || contentSha256 === undefined || signature === undefined) {
    const missing = SIGNING_HEADERS.filter((h) => header(headers, h) === undefined);
    throw unauthorised('sync.unsigned', `not signed: missing ${missing.join(', ')}`);
  }
  if (!StationId.safeParse(stationId).success || !TIMESTAMP.test(timestamp) || !NONCE.test(nonce) || !SHA256.test(contentSha256) || !SIGNATURE.test(signature)) {
    throw unauthorised('sync.unsigned', 'malformed signing headers');
  }
  const station = await findStation(stationId);
  if (!station) throw unauthorised('sync.unknown-station', `no station ${stationId} is enrolled here`);
  if (Math.abs(now.getTime() - Number(timestamp)) > MAX_CLOCK_SKEW_MS) {
    throw unauthorised('sync.clock-skew', `the request's time is more than ${MAX_CLOCK_SKEW_MS / 60_000} minutes from the server's`, {
      serverTime: now.toISOString(),
    });
  }
  return { station, timestamp, nonce, contentSha256, signature: Buffer.from(signature, 'base64url') };
}

/**
 * The body's hash, the Ed25519 signature over the canonical string, revocation, and last the nonce, which is spent
 * only by a request that passed everything else (a forgery cannot use up a real station's nonces).
 */
export async function checkSignedBody(
  signed: SignedHeaders,
  request: { method: string; url: string; body: Buffer },
  nonces: NonceStore,
  now: Date,
): Promise<void> {
  const bodySha256 = createHash('sha256').update(request.body).digest('hex');
  if (bodySha256 !== signed.contentSha256) {
    throw unauthorised('sync.body-hash', `the body's sha256 is not the one in ${SYNC_HEADERS.contentSha256}: it changed on the way or was hashed wrongly`);
  }
  const data = Buffer.from(canonicalRequest({ method: request.method, path: request.url, timestamp: signed.timestamp, nonce: signed.nonce, bodySha256 }));
  if (!verify(null, data, ed25519PublicKey(signed.station.publicKey), signed.signature)) {
    throw unauthorised('sync.bad-signature', `the signature does not verify with station ${signed.station.id}'s enrolled key`);
  }
  if (signed.station.revokedAt !== null) {
    throw unauthorised('sync.revoked', `station ${signed.station.id} was revoked at ${signed.station.revokedAt}; enrol it again with a new code`);
  }
  // Kept for the whole window in which the timestamp would still pass, then forgotten.
  const expiresMs = Number(signed.timestamp) + MAX_CLOCK_SKEW_MS + 60_000;
  if (!(await nonces.use(signed.station.id, signed.nonce, expiresMs, now.getTime()))) {
    throw unauthorised('sync.replayed', 'this nonce was already used: a request is never accepted twice');
  }
}
