import type { Clock } from '../../../contract/domain/clock.ts';
import type { KeyObject } from 'node:crypto';
import type { z } from 'zod';
import { StationError } from '../../../contract/domain/errors.ts';
import { ErrorBody } from '../../../contract/api/sync.ts';
import { signedHeaders } from './signer.ts';

/** The township could not be reached at all: the network is down or the server is off. Work waits; nothing is lost. */
export class OfflineError extends StationError {
  constructor(cause: unknown) {
    super('sync.offline', `township unreachable: ${String((cause as Error)?.message ?? cause)}`, { cause });
  }
}

/** The township answered with a refusal; `code` is its reason (sync.bad-signature, sync.revoked …). */
export class RefusedError extends StationError {
  constructor(
    code: string,
    message: string,
    readonly status: number,
  ) {
    super(code.startsWith('sync.') ? code : 'sync.refused', message, { params: { status } });
  }
}

const TIMEOUT_MS = 30_000;

export interface Signing {
  key: KeyObject;
  stationId: string;
}

/** Signed JSON and byte calls to one township server. */
export class TownshipClient {
  constructor(
    readonly baseUrl: string,
    private readonly signing: Signing | null,
    private readonly now: Clock,
  ) {}

  async request(method: string, path: string, body: Uint8Array | null, headers: Record<string, string> = {}): Promise<Response> {
    const bytes = body ?? new Uint8Array();
    const signed = this.signing ? signedHeaders(this.signing.key, this.signing.stationId, method, path, bytes, this.now()) : {};
    let res: Response;
    try {
      res = await fetch(new URL(path, this.baseUrl), {
        method,
        headers: { ...signed, ...headers },
        ...(body === null ? {} : { body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as BodyInit }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new OfflineError(error);
    }
    if (res.status >= 400) {
      const text = await res.text();
      let parsed: ReturnType<typeof ErrorBody.safeParse> | null = null;
      try {
        parsed = ErrorBody.safeParse(JSON.parse(text));
      } catch {
        parsed = null;
      }
      if (parsed?.success) throw new RefusedError(parsed.data.error.code, parsed.data.error.message, res.status);
      throw new RefusedError('sync.refused', `HTTP ${res.status}: ${text.slice(0, 200)}`, res.status);
    }
    return res;
  }

  async json<S extends z.ZodType>(method: string, path: string, body: unknown, schema: S): Promise<z.output<S>> {
    const res = await this.request(method, path, Buffer.from(JSON.stringify(body)), { 'content-type': 'application/json' });
    return schema.parse(await res.json());
  }
}
