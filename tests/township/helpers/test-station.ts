import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { formatContentRange, PullResponse, PushResponse, SYNC_PATHS, type SyncCaseEvent } from '../../../contract/api/sync.ts';
import { SigningStation, type SignedMethod, type SignOptions } from '../../../scripts/lib/signing-station.ts';
import type { TestTownship } from './township.ts';

// Keys, signing and outbox events are scripts/lib/signing-station.ts's (shared with the load benchmark); this adds
// the requests through the test township's inject, checked with expect.
export { sha256, type SignOptions } from '../../../scripts/lib/signing-station.ts';

/** A station as the protocol sees it: an id, an Ed25519 key pair, and signed requests to a test township. */
export class TestStation extends SigningStation {
  /** Enrols through the admin API (code) and the enrol endpoint. */
  static async enrolled(t: TestTownship, id?: string): Promise<TestStation> {
    const station = new TestStation(id);
    const code = await t.admin('POST', '/v1/admin/enrolment-codes', { village: '三里村', grid: '第二网格' });
    expect(code.status).toBe(200);
    const res = await station.enrol(t, code.json.code);
    expect(res.statusCode, res.body).toBe(200);
    return station;
  }

  enrol(t: TestTownship, code: string): Promise<LightMyRequestResponse> {
    return t.app.inject({ method: 'POST', url: SYNC_PATHS.enroll, payload: this.enrolBody(code) });
  }

  /** A signed request; a JSON body unless it is bytes. */
  request(t: TestTownship, method: SignedMethod, url: string, body?: unknown, o: SignOptions = {}): Promise<LightMyRequestResponse> {
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
}
