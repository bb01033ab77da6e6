import { z } from 'zod';
import { AttachmentStatus, ErrorBody, SYNC_HEADERS } from '../contract/api/sync.ts';
import { BlacklistResponse, PublishResponse } from './admin/admin-schemas.ts';
import type { RouteDef } from './http/route.ts';

type Json = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad input: malformed JSON, wrong types, unknown fields; nothing was applied',
  401: 'Not authenticated (the code says why: sync.unsigned, sync.bad-signature, sync.replayed, sync.revoked, admin.unauthorised …)',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflicts with the current state',
  413: 'Body too large',
  415: 'Wrong content type',
  422: 'The uploaded bytes do not match their sha256',
};

const SIGNED_HEADERS = [
  [SYNC_HEADERS.station, 'The station id it enrolled with.'],
  [SYNC_HEADERS.timestamp, 'Unix time in milliseconds; refused beyond 5 minutes from the server clock.'],
  [SYNC_HEADERS.nonce, 'Fresh per request, 16–64 base64url characters; never accepted twice.'],
  [SYNC_HEADERS.contentSha256, 'sha256 of the body bytes, hex (of the empty string when there is no body).'],
] as const;

/** The route table as an OpenAPI 3.1 document: the same declarations the server registers. */
export function openApiDocument(routes: readonly RouteDef[]): Json {
  const components: Record<string, Json> = {};
  // Schemas several routes share get their own name rather than the first route's.
  const named = new Map<z.ZodType, string>();
  const shared = new Map<z.ZodType, string>([
    [ErrorBody, 'ErrorBody'],
    [AttachmentStatus, 'AttachmentStatus'],
    [PublishResponse, 'PublishResponse'],
    [BlacklistResponse, 'BlacklistResponse'],
  ]);

  /** A schema as a component; the $defs zod makes (recursive JSON) move to components too, refs rewritten. */
  const component = (schema: z.ZodType, name: string, io: 'input' | 'output'): Json => {
    const key = named.get(schema) ?? shared.get(schema) ?? name;
    if (!named.has(schema)) {
      named.set(schema, key);
      const { $schema: _s, $defs, ...body } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json & { $defs?: Record<string, Json> };
      const rewrite = (v: unknown): unknown =>
        Array.isArray(v)
          ? v.map(rewrite)
          : v !== null && typeof v === 'object'
            ? Object.fromEntries(
                Object.entries(v).map(([k, x]) => [k, k === '$ref' && typeof x === 'string' ? x.replace(/^#\/\$defs\/_*/, `#/components/schemas/${key}_`) : rewrite(x)]),
              )
            : v;
      for (const [d, def] of Object.entries($defs ?? {})) components[`${key}_${d.replace(/^_+/, '')}`] = rewrite(def) as Json;
      components[key] = rewrite(body) as Json;
    }
    return { $ref: `#/components/schemas/${key}` };
  };

  const parameters = (schema: z.ZodType | undefined, where: 'path' | 'query'): Json[] => {
    if (!schema) return [];
    const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, Json>; required?: string[] };
    return Object.entries(js.properties ?? {}).map(([name, s]) => ({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: s }));
  };

  const paths: Record<string, Record<string, Json>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    const errors = [...new Set([...r.errors, ...(r.auth === 'none' ? [] : [401])])].sort();
    const op: Json = {
      operationId: r.operationId,
      summary: r.summary,
      security: r.auth === 'station' ? [{ stationSignature: [] }] : r.auth === 'admin' ? [{ adminToken: [] }] : [],
      parameters: [
        ...parameters(r.params, 'path'),
        ...parameters(r.query, 'query'),
        ...(r.auth === 'station' ? SIGNED_HEADERS.map(([name, description]) => ({ name, in: 'header', required: true, description, schema: { type: 'string' } })) : []),
        ...(r.body === 'octet-stream' ? [{ name: 'content-range', in: 'header', required: false, description: 'bytes START-END/TOTAL (or ?offset=&size=)', schema: { type: 'string' } }] : []),
      ],
      responses: {
        '200': {
          description: 'OK',
          ...(r.responseHeaders && { headers: Object.fromEntries(Object.entries(r.responseHeaders).map(([h, d]) => [h, { description: d, schema: { type: 'string' } }])) }),
          ...(r.response && { content: { 'application/json': { schema: component(r.response, `${r.operationId}Response`, 'output') } } }),
        },
        ...Object.fromEntries(
          errors.map((s) => [String(s), { description: STATUS_TEXT[s] ?? 'Refused', content: { 'application/json': { schema: component(ErrorBody, 'ErrorBody', 'output') } } }]),
        ),
      },
    };
    if (r.body === 'octet-stream') {
      op.requestBody = { required: true, content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } };
    } else if (r.body) {
      op.requestBody = { required: true, content: { 'application/json': { schema: component(r.body, `${r.operationId}Request`, 'input') } } };
    }
    (paths[path] ??= {})[r.method.toLowerCase()] = op;
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Doorstep township sync',
      version: 'v1',
      description:
        'Stations sync with the township: enrol a key, push case events, upload attachments in chunks, pull changes. ' +
        `Station requests are signed: Ed25519 over "v1\\nMETHOD\\nPATH\\nTIMESTAMP\\nNONCE\\nBODY_SHA256_HEX" (PATH with its query string), ` +
        `base64url in ${SYNC_HEADERS.signature}. Errors are {"error": {"code", "message"}}.`,
    },
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        stationSignature: { type: 'apiKey', in: 'header', name: SYNC_HEADERS.signature, description: 'Ed25519 request signature; see the description above for the signed string and the other headers.' },
        adminToken: { type: 'http', scheme: 'bearer', description: "The township's admin token (TOWNSHIP_ADMIN_TOKEN or <data-dir>/admin-token)." },
      },
    },
  };
}
