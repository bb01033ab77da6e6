// A plain HTTP proxy between the stations and the township that misbehaves on purpose, rule by rule: it loses an
// answer after the township committed, sends a request twice, delivers a request late (after the next one), or
// refuses to connect. Requests and answers are buffered whole, so every fault is exact and repeatable.
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { SYNC_HEADERS } from '../../../contract/api/sync.ts';

export type RequestKind = 'push' | 'pull' | 'attachment-head' | 'attachment-put' | 'attachment-get' | 'enroll' | 'other';

export interface ProxiedRequest {
  /** Arrival order at the proxy. */
  n: number;
  method: string;
  /** The request target exactly as sent: the station signed it. */
  path: string;
  kind: RequestKind;
  station: string | null;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface UpstreamAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The error code of a refusal (`sync.replayed` …), '' for a success. */
  code: string;
}

export type FaultAction =
  /** Forward, wait for the whole answer (the township committed), then cut the station's connection. */
  | 'ack-lost'
  /** Forward and answer the station, then send the very same bytes again. */
  | 'duplicate'
  /** Send the same bytes twice at once; the station gets the answer to the first copy. */
  | 'duplicate-race'
  /** Cut the station at once, hold the request, and deliver it after the station's next request was answered. */
  | 'reorder'
  /** Like reorder, but the held request goes right behind the next one, both in flight together. */
  | 'reorder-race'
  /** Cut without forwarding: the township unreachable. */
  | 'refuse'
  /** Forward normally (with onForwarded/onAnswered hooks). */
  | 'pass';

export interface FaultRule {
  name: string;
  action: FaultAction;
  match: (r: ProxiedRequest) => boolean;
  /** Requests it applies to before it is used up. */
  times: number;
  /** The request's bytes are on their way upstream (e.g. kill the township now: mid-request). */
  onForwarded?: (r: ProxiedRequest) => void;
  /** The township's whole answer is in, not yet passed on (the township has committed). */
  onUpstreamAnswer?: (r: ProxiedRequest, answer: UpstreamAnswer) => void;
  /** The station has received the answer. */
  onAnswered?: (r: ProxiedRequest, answer: UpstreamAnswer) => void;
}

/** What one injected fault did, and what the township answered to each copy that reached it. */
export interface FaultRecord {
  rule: string;
  action: FaultAction;
  kind: RequestKind;
  station: string | null;
  /** The answer to the request (first copy); an Error text when the township never answered. */
  upstream: UpstreamAnswer | string | null;
  /** The answer to the extra or late copy, for duplicate and reorder. */
  extra: UpstreamAnswer | string | null;
  /** Whether the station got an answer at all. */
  delivered: boolean;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'host', 'content-length', 'proxy-connection', 'upgrade', 'te', 'trailer']);

function kindOf(method: string, path: string): RequestKind {
  const p = path.split('?')[0]!;
  if (p === '/v1/sync/push') return 'push';
  if (p === '/v1/sync/pull') return 'pull';
  if (p === '/v1/enroll') return 'enroll';
  if (p.startsWith('/v1/sync/attachments/')) return method === 'HEAD' ? 'attachment-head' : method === 'PUT' ? 'attachment-put' : 'attachment-get';
  return 'other';
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

function errorCode(status: number, body: Buffer): string {
  if (status < 400) return '';
  try {
    return (JSON.parse(body.toString('utf8')) as { error?: { code?: string } }).error?.code ?? `http-${status}`;
  } catch {
    return `http-${status}`;
  }
}

export const describeAnswer = (a: UpstreamAnswer | string | null): string =>
  a === null ? 'none' : typeof a === 'string' ? `no answer (${a})` : `${a.status}${a.code ? ` ${a.code}` : ''}`;

export class FaultProxy {
  readonly #server: http.Server;
  readonly #agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  readonly #sockets = new Set<Socket>();
  #rules: FaultRule[] = [];
  /** Requests held back by reorder, per station, with whether to race them. */
  readonly #held = new Map<string, { r: ProxiedRequest; rule: FaultRule; race: boolean }>();
  #n = 0;
  /** While true, every connection and request is cut: the township as unreachable. */
  down = false;
  readonly records: FaultRecord[] = [];
  /** `kind status code` → how many answers of that kind went through (faults or not). */
  readonly answers = new Map<string, number>();
  /** Requests seen per kind. */
  readonly seen = new Map<RequestKind, number>();
  #pendingLate: Promise<unknown>[] = [];

  private constructor(
    private readonly upstreamPort: number,
    readonly port: number,
    server: http.Server,
  ) {
    this.#server = server;
  }

  static async start(upstreamPort: number): Promise<FaultProxy> {
    const server = http.createServer();
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const proxy = new FaultProxy(upstreamPort, (server.address() as AddressInfo).port, server);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void proxy.#handle(req, res));
    server.on('connection', (s: Socket) => {
      if (proxy.down) {
        s.destroy();
        return;
      }
      proxy.#sockets.add(s);
      s.on('close', () => proxy.#sockets.delete(s));
    });
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  addRule(rule: FaultRule): FaultRule {
    this.#rules.push(rule);
    return rule;
  }

  /** Rules not used up yet. */
  get activeRules(): readonly FaultRule[] {
    return this.#rules.filter((r) => r.times > 0);
  }

  clearRules(): void {
    this.#rules = [];
  }

  /** Cuts every open station connection now (keep-alive ones included). */
  cutAll(): void {
    for (const s of this.#sockets) s.destroy();
  }

  /** Waits for late copies (reorder, duplicate) still on their way. */
  async settled(): Promise<void> {
    while (this.#pendingLate.length > 0) await Promise.allSettled(this.#pendingLate.splice(0));
  }

  async close(): Promise<void> {
    this.clearRules();
    this.#held.clear();
    this.cutAll();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#agent.destroy();
  }

  #count(kind: RequestKind, a: UpstreamAnswer | string): void {
    const key = typeof a === 'string' ? `${kind} no-answer` : `${kind} ${a.status}${a.code ? ` ${a.code}` : ''}`;
    this.answers.set(key, (this.answers.get(key) ?? 0) + 1);
  }

  /** Sends the request to the township; resolves with its whole answer, or a string when it never came. */
  #forward(r: ProxiedRequest, onSent?: () => void): Promise<UpstreamAnswer | string> {
    return new Promise((resolve) => {
      const headers: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(r.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) headers[k] = v;
      if (r.body.length > 0 || r.headers['content-length'] !== undefined) headers['content-length'] = String(r.body.length);
      const up = http.request({ host: '127.0.0.1', port: this.upstreamPort, method: r.method, path: r.path, headers, agent: this.#agent });
      up.on('error', (e) => resolve(`${(e as NodeJS.ErrnoException).code ?? e.message}`));
      up.on('finish', () => onSent?.());
      up.on('response', (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('error', (e) => resolve(e.message));
        res.on('end', () => {
          const body = Buffer.concat(parts);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, code: errorCode(res.statusCode ?? 0, body) });
        });
      });
      up.end(r.body);
    });
  }

  #deliver(r: ProxiedRequest, res: ServerResponse, a: UpstreamAnswer): void {
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(a.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) headers[k] = v;
    if (r.method !== 'HEAD') headers['content-length'] = String(a.body.length);
    else if (a.headers['content-length'] !== undefined) headers['content-length'] = String(a.headers['content-length']);
    res.writeHead(a.status, headers);
    res.end(r.method === 'HEAD' ? undefined : a.body);
  }

  #late(p: Promise<unknown>): void {
    this.#pendingLate.push(p);
  }

  #sendLate(held: { r: ProxiedRequest; rule: FaultRule; race: boolean }): void {
    const record: FaultRecord = { rule: held.rule.name, action: held.race ? 'reorder-race' : 'reorder', kind: held.r.kind, station: held.r.station, upstream: null, extra: null, delivered: false };
    this.records.push(record);
    this.#late(
      this.#forward(held.r).then((a) => {
        record.extra = a;
        this.#count(held.r.kind, a);
      }),
    );
  }

  /** Sends every request still held back by reorder (its station sent nothing after it). */
  async flushHeld(): Promise<void> {
    for (const held of this.#held.values()) this.#sendLate(held);
    this.#held.clear();
    await this.settled();
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const cut = (): void => {
      req.socket.destroy();
    };
    let body: Buffer;
    try {
      body = await readAll(req);
    } catch {
      return cut();
    }
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const station = typeof req.headers[SYNC_HEADERS.station] === 'string' ? (req.headers[SYNC_HEADERS.station] as string) : null;
    const r: ProxiedRequest = { n: ++this.#n, method, path, kind: kindOf(method, path), station, headers: req.headers, body };
    this.seen.set(r.kind, (this.seen.get(r.kind) ?? 0) + 1);
    if (this.down) return cut();

    // A request held back by reorder goes upstream behind this one, the station's next.
    const held = station !== null ? this.#held.get(station) : undefined;
    if (held) this.#held.delete(station!);
    const sendHeld = () => {
      if (held) this.#sendLate(held);
    };

    const rule = this.#rules.find((x) => x.times > 0 && x.match(r));
    if (rule) rule.times--;
    const action: FaultAction = rule?.action ?? 'pass';

    if (action === 'refuse') {
      this.records.push({ rule: rule!.name, action, kind: r.kind, station, upstream: null, extra: null, delivered: false });
      sendHeld();
      return cut();
    }
    if (action === 'reorder' || action === 'reorder-race') {
      if (station === null || this.#held.has(station)) {
        // Nothing to hold it against: let it through as it is.
      } else {
        this.#held.set(station, { r, rule: rule!, race: action === 'reorder-race' });
        if (held) sendHeld();
        return cut();
      }
    }

    const record: FaultRecord | null = rule ? { rule: rule.name, action, kind: r.kind, station, upstream: null, extra: null, delivered: false } : null;
    if (record) this.records.push(record);

    const first = this.#forward(r, () => {
      rule?.onForwarded?.(r);
      if (action === 'duplicate-race') {
        this.#late(
          this.#forward(r).then((a) => {
            record!.extra = a;
            this.#count(r.kind, a);
          }),
        );
      }
      if (held?.race) sendHeld();
    });
    const answer = await first;
    this.#count(r.kind, answer);
    if (record) record.upstream = answer;
    if (typeof answer !== 'string') rule?.onUpstreamAnswer?.(r, answer);
    if (typeof answer === 'string' || action === 'ack-lost' || this.down) {
      cut();
    } else {
      this.#deliver(r, res, answer);
      if (record) record.delivered = true;
      rule?.onAnswered?.(r, answer);
    }
    if (held && !held.race) sendHeld();
    if (action === 'duplicate') {
      this.#late(
        this.#forward(r).then((a) => {
          record!.extra = a;
          this.#count(r.kind, a);
        }),
      );
    }
  }
}
