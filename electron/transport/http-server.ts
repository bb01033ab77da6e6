import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isEventName } from '../../contract/api/events.ts';
import {
  HTTP_API_PREFIX,
  HTTP_CALL_HEADER,
  HTTP_EVENTS_PATH,
  HTTP_SESSION_HEADER,
  HTTP_VISIT_HEADER,
  HTTP_TOKEN_COOKIE,
  type CallReply,
} from '../../contract/api/wire.ts';
import { message } from '../core/messages.ts';
import { StationError } from '../../contract/domain/errors.ts';
import type { Station } from '../core/station.ts';
import { CONTENT_SECURITY_POLICY } from './csp.ts';
import { resolveStatic, sendFile } from './static-files.ts';

/** Room for a document-camera still (MAX_STILL_BASE64) and its JSON wrapping. */
const MAX_BODY_BYTES = 16 << 20;

export interface WebServerOptions {
  port: number;
  rendererDir: string;
  /** Fixed for tests; otherwise a fresh random token per run. */
  token?: string;
}

export interface WebServer {
  /** Open this in Chromium (`--kiosk --app=URL`): it carries the run's token once, then a cookie does. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function sameToken(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === HTTP_TOKEN_COOKIE) return v.join('=');
  }
  return undefined;
}

function bearerToken(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
  res.end(text);
}

/** The request body, or null when it is larger than the limit (the rest is drained, not stored). */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.off('data', onData);
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const errorReply = (code: string, text: string): CallReply => ({
  ok: false,
  error: { name: 'HttpError', code, message: text, params: {}, kind: 'input' },
});

/**
 * Web mode: the contract over HTTP on 127.0.0.1 plus the built renderer, for a Chromium in kiosk mode and for the
 * end-to-end tests. Calls need the run's token (cookie or bearer), a custom header no cross-site form can send,
 * and a loopback Host header (against DNS rebinding).
 */
/** A token given from outside (STATION_TOKEN) this short could be guessed, and an empty one would turn the check off. */
export const MIN_TOKEN_LENGTH = 20;

class WeakTokenError extends StationError {
  constructor(length: number) {
    super('serve.weak-token', `a web-mode token needs at least ${MIN_TOKEN_LENGTH} characters, got ${length}`, {
      params: { length, min: MIN_TOKEN_LENGTH },
      kind: 'input',
    });
  }
}

/**
 * The HTTP status of a call's answer. Every typed error is a refusal, a 4xx with its code: 401 sign in, 403 not
 * you, 429 locked after wrong PINs, 400 the input, 409 the station cannot now (a printer not set up, a device
 * that failed, no network). 500 means the core crashed, and only that.
 */
export function replyStatus(reply: CallReply): number {
  if (reply.ok) return 200;
  const { code, kind } = reply.error;
  if (code === 'error.internal') return 500;
  if (code === 'auth.sign-in-needed' || code === 'staff.session-expired') return 401;
  if (code === 'auth.role-needed' || code === 'auth.operator-only' || code === 'staff.forbidden' || code === 'staff.inactive') return 403;
  if (code === 'staff.locked') return 429;
  return kind === 'input' ? 400 : 409;
}

/** Refuses a token given from outside that is too short to be one. */
export function checkToken(token: string | undefined): void {
  if (token !== undefined && token.length < MIN_TOKEN_LENGTH) throw new WeakTokenError(token.length);
}

export function startWebServer(station: Station, options: WebServerOptions): Promise<WebServer> {
  checkToken(options.token);
  const token = options.token ?? randomBytes(24).toString('base64url');
  let allowedHosts = new Set<string>();

  const authorised = (req: IncomingMessage) =>
    sameToken(cookieToken(req), token) || sameToken(bearerToken(req), token);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!allowedHosts.has(req.headers.host ?? '')) return sendText(res, 421, 'misdirected request');
    const url = new URL(req.url ?? '/', 'http://localhost');

    if (url.pathname.startsWith(HTTP_API_PREFIX)) {
      if (req.method !== 'POST') return sendJson(res, 405, errorReply('http.method', 'POST only'));
      if (!authorised(req) || req.headers[HTTP_CALL_HEADER] !== '1') {
        return sendJson(res, 401, errorReply('http.unauthorised', 'missing or wrong token'));
      }
      const body = await readBody(req);
      if (body === null) {
        res.setHeader('connection', 'close');
        return sendJson(res, 413, errorReply('http.too-large', 'request body too large'));
      }
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body);
      } catch {
        return sendJson(res, 400, errorReply('http.bad-json', 'request body is not JSON'));
      }
      const header = (name: string) => {
        const value = req.headers[name];
        return typeof value === 'string' ? value : null;
      };
      const reply = await station.call(url.pathname.slice(HTTP_API_PREFIX.length), input, {
        transport: 'http',
        session: header(HTTP_SESSION_HEADER),
        visit: header(HTTP_VISIT_HEADER),
      });
      return sendJson(res, replyStatus(reply), reply);
    }

    if (url.pathname === HTTP_EVENTS_PATH) {
      if (!authorised(req)) return sendJson(res, 401, errorReply('http.unauthorised', 'missing or wrong token'));
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', ...SECURITY_HEADERS });
      res.write(': connected\n\n');
      const unsubscribe = station.bus.subscribe((event, payload) => {
        if (isEventName(event)) res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
      });
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
      req.on('close', () => {
        clearInterval(keepAlive);
        unsubscribe();
      });
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'GET only');
    const offered = url.searchParams.get('t');
    if (offered !== null) {
      if (!sameToken(offered, token)) return sendText(res, 401, message('http.bad-token'));
      // Trade the one-time URL token for a cookie the page's scripts cannot read, and drop it from the address bar.
      res.writeHead(302, {
        location: '/',
        'set-cookie': `${HTTP_TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        ...SECURITY_HEADERS,
      });
      return res.end();
    }
    if (!authorised(req)) return sendText(res, 401, message('http.bad-token'));
    const file = resolveStatic(options.rendererDir, url.pathname) ?? resolveStatic(options.rendererDir, '/');
    if (!file) return sendText(res, 503, message('http.renderer-missing'));
    sendFile(res, file, SECURITY_HEADERS);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      station.logger.log('error', 'http.crashed', { error: String(error) });
      if (!res.headersSent) sendText(res, 500, 'internal error');
      else res.end();
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      const origin = `http://127.0.0.1:${port}`;
      resolve({
        url: `${origin}/?t=${token}`,
        origin,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
