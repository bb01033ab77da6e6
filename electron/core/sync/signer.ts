import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { canonicalRequest, SYNC_HEADERS } from '../../../contract/api/sync.ts';

export const sha256Hex = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** A fresh Ed25519 key pair: the private key as PKCS#8 DER (to be sealed), the public key raw, base64url. */
export function newKeyPair(): { privateDer: Buffer; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  return { privateDer: privateKey.export({ format: 'der', type: 'pkcs8' }), publicKey: jwk.x! };
}

export const privateKeyFromDer = (der: Buffer): KeyObject => createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });

export function signText(key: KeyObject, text: string): string {
  return sign(null, Buffer.from(text), key).toString('base64url');
}

/** The headers that make a request the station's own: who, when, a one-time nonce, the body's hash, the signature. */
export function signedHeaders(key: KeyObject, stationId: string, method: string, path: string, body: Uint8Array, now: Date): Record<string, string> {
  const timestamp = String(now.getTime());
  const nonce = randomBytes(18).toString('base64url');
  const bodySha256 = sha256Hex(body);
  return {
    [SYNC_HEADERS.station]: stationId,
    [SYNC_HEADERS.timestamp]: timestamp,
    [SYNC_HEADERS.nonce]: nonce,
    [SYNC_HEADERS.contentSha256]: bodySha256,
    [SYNC_HEADERS.signature]: signText(key, canonicalRequest({ method, path, timestamp, nonce, bodySha256 })),
  };
}
