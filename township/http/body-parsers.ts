import type { FastifyInstance } from 'fastify';
import { TownshipError } from './errors.ts';

/** Deeper JSON than this is refused before parsing: no event needs it, and deep nesting only costs stack. */
const MAX_JSON_DEPTH = 32;

declare module 'fastify' {
  interface FastifyRequest {
    /** The body's bytes as received: what a station's signature covers. */
    rawBody: Buffer | null;
  }
}

function tooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** JSON.parse, refusing `__proto__` keys, which a plain object would silently turn into a prototype. */
export function parseJson(text: string): unknown {
  if (tooDeep(text)) throw new TownshipError(400, 'sync.bad-json', `JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  try {
    return JSON.parse(text, (key, value: unknown) => {
      if (key === '__proto__') throw new SyntaxError('a __proto__ key');
      return value;
    });
  } catch (err) {
    throw new TownshipError(400, 'sync.bad-json', `the body is not JSON: ${(err as Error).message}`);
  }
}

/**
 * Bodies are read as bytes first and kept on the request, so the signature check hashes exactly what was sent;
 * JSON is parsed from those bytes, attachment chunks stay bytes.
 */
export function registerBodyParsers(app: FastifyInstance): void {
  app.decorateRequest('rawBody', null);
  // Fastify parses text/plain by default, as a string the signature cannot cover: only these two types are read,
  // anything else is 415.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body: Buffer, done) => {
    req.rawBody = body;
    if (body.length === 0) return done(new TownshipError(400, 'sync.bad-json', 'the body is empty; send a JSON object'));
    try {
      done(null, parseJson(body.toString('utf8')));
    } catch (err) {
      done(err as Error);
    }
  });
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (req, body: Buffer, done) => {
    req.rawBody = body;
    done(null, body);
  });
}
