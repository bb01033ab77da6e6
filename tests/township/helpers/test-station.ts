import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import {
  canonicalRequest,
  enrolmentProofString,
  formatContentRange,
  PullResponse,
  PushResponse,
  SYNC_HEADERS,
  SYNC_PATHS,
  type SyncCaseEvent,
} from '../../../electron/contract/sync.ts';
import { uuid7 } from '../../../electron/contract/uuid7.ts';
import type { TestTownship } from './township.ts';

export const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

type Method = 'GET' | 'HEAD' | 'POST' | 'PUT';

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

/** A station as the protocol sees it: an id, an Ed25519 key pair, and signed requests. */
export class TestStation {
  readonly id: string;
  readonly privateKey: KeyObject;
  readonly publicKey: string;
  #caseCounter = 0;

  constructor(id = `ST${String(++stationCounter).padStart(3, '0')}`) {
    this.id = id;
    const pair = generateKeyPairSync('ed25519');
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey.export({ format: 'jwk' }).x!;
  }

  /** Enrols through the admin API (code) and the enrol endpoint. */
  static async enrolled(t: TestTownship, id?: string): Promise<TestStation> {
    const station = new TestStation(id);
    const code = await t.admin('POST', '/v1/admin/enrolment-codes', { village: '三里村', grid: '第二网格' });
    expect(code.status).toBe(200);
    const res = await station.enrol(t, code.json.code);
    expect(res.statusCode, res.body).toBe(200);
    return station;
  }

  enrolBody(code: string) {
    const fields = { code, stationId: this.id, publicKey: this.publicKey };
    return { ...fields, proof: sign(null, Buffer.from(enrolmentProofString(fields)), this.privateKey).toString('base64url') };
  }

  enrol(t: TestTownship, code: string): Promise<LightMyRequestResponse> {
    return t.app.inject({ method: 'POST', url: SYNC_PATHS.enroll, payload: this.enrolBody(code) });
  }

  headers(method: Method, url: string, body: Buffer, o: SignOptions = {}): Record<string, string> {
    const timestamp = String(o.timestamp ?? Date.now());
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

  /** A signed request; a JSON body unless it is bytes. */
  request(t: TestTownship, method: Method, url: string, body?: unknown, o: SignOptions = {}): Promise<LightMyRequestResponse> {
    const bytes = body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    const contentType = o.contentType ?? (body === undefined ? undefined : Buffer.isBuffer(body) ? 'application/octet-stream' : 'application/json');
    return t.app.inject({
      method,
      url,
      headers: { ...this.headers(method, url, bytes, o), ...(contentType && { 'content-type': contentType }) },
      ...(body !== undefined && { payload: bytes }),
    });
  }

  async push(t: TestTownship, events: SyncCaseEvent[]): Promise<PushResponse> {
    const res = await this.request(t, 'POST', SYNC_PATHS.push, { stationId: this.id, events });
    expect(res.statusCode, res.body).toBe(200);
    return PushResponse.parse(res.json());
  }

  async pull(t: TestTownship, cursor = '0', limit = 100): Promise<PullResponse> {
    const res = await this.request(t, 'POST', SYNC_PATHS.pull, { cursor, limit });
    expect(res.statusCode, res.body).toBe(200);
    return PullResponse.parse(res.json());
  }

  /** One chunk, placed by Content-Range or by the offset query. */
  putChunk(t: TestTownship, sha: string, offset: number, total: number, bytes: Buffer, by: 'range' | 'query' = 'range'): Promise<LightMyRequestResponse> {
    const url = by === 'query' ? `${SYNC_PATHS.attachment(sha)}?offset=${offset}&size=${total}` : SYNC_PATHS.attachment(sha);
    return this.request(t, 'PUT', url, bytes, by === 'range' ? { headers: { 'content-range': formatContentRange(offset, bytes.length, total) } } : {});
  }

  newCaseNo(): string {
    return `${this.id}-20250301-${String(++this.#caseCounter).padStart(4, '0')}`;
  }

  /** An outbox row as the station would push it. */
  event(caseNo: string, seq: number, over: Partial<SyncCaseEvent> = {}): SyncCaseEvent {
    return {
      id: uuid7(),
      caseNo,
      seq,
      type: seq === 1 ? 'received' : 'forward',
      at: new Date().toISOString(),
      state: seq === 1 ? 'received' : 'forwarded',
      actor: '3',
      detail: seq === 1 ? { matterCode: '430000-LNYD-01', channel: 'window', proxy: false } : {},
      attachments: [],
      ...over,
    };
  }
}
