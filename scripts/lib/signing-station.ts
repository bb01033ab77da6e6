// A station as the sync protocol sees it — an id, an Ed25519 key pair, signed requests and outbox events — without
// the station app behind it. The township tests (tests/township/helpers/test-station.ts) and the township load
// benchmark both use this one implementation.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { canonicalRequest, enrolmentProofString, SYNC_HEADERS, type EnrollRequest, type SyncCaseEvent } from '../../contract/api/sync.ts';
import { CLOCK_ENV, clockFrom, type Clock } from '../../contract/domain/clock.ts';
import { uuid7 } from '../../contract/domain/uuid7.ts';

export const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

export type SignedMethod = 'GET' | 'HEAD' | 'POST' | 'PUT';

export interface SignOptions {
  timestamp?: number;
  nonce?: string;
  /** Sign with this key instead of the station's (a forgery). */
  key?: KeyObject;
  /** Put this in the content-sha256 header instead of the body's hash. */
  contentSha256?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

let stationCounter = 0;

export class SigningStation {
  readonly id: string;
  readonly privateKey: KeyObject;
  readonly publicKey: string;
  /** Signs and stamps events by this clock: the process's own, which DOORSTEP_CLOCK may pin. */
  readonly clock: Clock;
  #caseCounter = 0;

  /** Without an id: ST001, ST002 … in this process. */
  constructor(id = `ST${String(++stationCounter).padStart(3, '0')}`, clock: Clock = clockFrom(process.env[CLOCK_ENV])) {
    this.id = id;
    this.clock = clock;
    const pair = generateKeyPairSync('ed25519');
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey.export({ format: 'jwk' }).x!;
  }

  /** The body of POST /v1/enroll for a one-time code, with the proof signed by the new key. */
  enrolBody(code: string): EnrollRequest {
    const fields = { code, stationId: this.id, publicKey: this.publicKey };
    return { ...fields, proof: sign(null, Buffer.from(enrolmentProofString(fields)), this.privateKey).toString('base64url') };
  }

  /** The signing headers of one request; `url` is the request target as sent, query included. */
  headers(method: SignedMethod, url: string, body: Buffer, o: SignOptions = {}): Record<string, string> {
    const timestamp = String(o.timestamp ?? this.clock().getTime());
    const nonce = o.nonce ?? randomBytes(16).toString('base64url');
    const bodySha256 = sha256(body);
    const signature = sign(null, Buffer.from(canonicalRequest({ method, path: url, timestamp, nonce, bodySha256 })), o.key ?? this.privateKey);
    return {
      [SYNC_HEADERS.station]: this.id,
      [SYNC_HEADERS.timestamp]: timestamp,
      [SYNC_HEADERS.nonce]: nonce,
      [SYNC_HEADERS.contentSha256]: o.contentSha256 ?? bodySha256,
      [SYNC_HEADERS.signature]: signature.toString('base64url'),
      ...o.headers,
    };
  }

  newCaseNo(): string {
    return `${this.id}-20250301-${String(++this.#caseCounter).padStart(4, '0')}`;
  }

  /** An outbox row as the station would push it. */
  event(caseNo: string, seq: number, over: Partial<SyncCaseEvent> = {}): SyncCaseEvent {
    const at = this.clock();
    return {
      id: uuid7(at),
      caseNo,
      seq,
      type: seq === 1 ? 'received' : 'forward',
      at: at.toISOString(),
      state: seq === 1 ? 'received' : 'forwarded',
      actor: '3',
      detail: seq === 1 ? { matterCode: '430000-LNYD-01', channel: 'window', proxy: false } : {},
      attachments: [],
      ...over,
    };
  }
}
