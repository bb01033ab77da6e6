import type { Clock } from '../contract/domain/clock.ts';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { ServerOptions } from 'node:https';
import { SYNC_PATHS } from '../contract/api/sync.ts';
import { BlobStore } from './attachments/blob-store.ts';
import { checkAdminToken } from './auth/admin-token.ts';
import { DbNonceStore } from './auth/nonce-store.ts';
import { checkSignedBody, checkSignedHeaders, type SignedHeaders } from './auth/signature.ts';
import { registerBodyParsers } from './http/body-parsers.ts';
import type { Deps } from './http/deps.ts';
import { TownshipError } from './http/errors.ts';
import { parseInput, route, type RouteDef } from './http/route.ts';
import { openApiDocument } from './openapi.ts';
import { adminRoutes } from './routes/admin.ts';
import { attachmentRoutes } from './routes/attachments.ts';
import { enrollRoutes } from './routes/enroll.ts';
import { healthRoutes } from './routes/health.ts';
import { syncRoutes } from './routes/sync.ts';
import { findStationKey } from './stations.ts';
import type { Store } from './store/store.ts';

export interface TownshipOptions {
  store: Store;
  /** Attachments live under it (blobs/, uploads/). */
  dataDir: string;
  adminToken: string;
  /** Where "now" comes from (the CLI passes the process clock, tests their own). */
  now: Clock;
  /** Fastify's logger: off in tests, on for `township serve`. */
  logger?: boolean;
  tls?: Pick<ServerOptions, 'cert' | 'key'>;
}

export interface RouteKey {
  method: string;
  url: string;
}

const served = new WeakMap<FastifyInstance, RouteKey[]>();

/** Every method and path the app serves, as Fastify registered them. */
export function servedRoutes(app: FastifyInstance): readonly RouteKey[] {
  return served.get(app) ?? [];
}

declare module 'fastify' {
  interface FastifyRequest {
    signed: SignedHeaders | null;
  }
}

const FASTIFY_ERRORS: Record<string, [number, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'sync.too-large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'sync.unsupported-media-type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'sync.invalid'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'sync.bad-json'],
};

function sendError(reply: FastifyReply, status: number, code: string, message: string, extra: object = {}): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send({ error: { code, message, ...extra } });
}

/** The whole township HTTP surface on one Fastify app, every route from one table (see openapi.ts). */
export async function buildServer(options: TownshipOptions): Promise<FastifyInstance> {
  const deps: Deps = { store: options.store, blobs: new BlobStore(options.dataDir), now: options.now };
  const nonces = new DbNonceStore(options.store);
  const app = Fastify({
    logger: options.logger ?? false,
    // HEAD is declared where it is meant (attachments), not added to every GET behind the document's back.
    exposeHeadRoutes: false,
    ...(options.tls && { https: options.tls }),
    // The https option only changes the raw server's type; nothing here touches the raw server.
  }) as unknown as FastifyInstance;
  const keys: RouteKey[] = [];
  served.set(app, keys);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) keys.push({ method, url: r.url });
  });
  registerBodyParsers(app);
  app.decorateRequest('signed', null);

  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
  });

  app.setErrorHandler((err: FastifyError | TownshipError, req, reply) => {
    if (err instanceof TownshipError) return sendError(reply, err.status, err.code, err.message, err.extra);
    const known = err.code ? FASTIFY_ERRORS[err.code] : undefined;
    if (known) return sendError(reply, known[0], known[1], err.message);
    if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) return sendError(reply, err.statusCode, 'sync.invalid', err.message);
    req.log.error({ err }, 'township request failed');
    return sendError(reply, 500, 'sync.server-error', 'the township server failed; the request was not applied');
  });
  app.setNotFoundHandler((req, reply) => sendError(reply, 404, 'sync.not-found', `no ${req.method} ${req.url.split('?')[0]}`));

  const stationHeaders = async (req: FastifyRequest) => {
    req.signed = await checkSignedHeaders(req.headers, (id) => findStationKey(options.store, id), deps.now());
  };
  const stationBody = async (req: FastifyRequest) => {
    await checkSignedBody(req.signed!, { method: req.method, url: req.url, body: req.rawBody ?? Buffer.alloc(0) }, nonces, deps.now());
  };
  const admin = async (req: FastifyRequest) => checkAdminToken(req.headers.authorization, options.adminToken);

  const routes: RouteDef[] = [
    ...healthRoutes(deps),
    ...enrollRoutes(deps),
    ...syncRoutes(deps),
    ...attachmentRoutes(deps),
    ...adminRoutes(deps),
  ];
  routes.push(
    route({
      method: 'GET',
      url: SYNC_PATHS.openapi,
      operationId: 'openapi',
      summary: 'This document.',
      auth: 'none',
      response: null,
      errors: [],
      handler: async ({ reply }) => reply.type('application/json; charset=utf-8').send(document),
    }),
  );
  const document = openApiDocument(routes);

  for (const r of routes) {
    const json = r.body !== undefined && r.body !== 'octet-stream' ? r.body : undefined;
    app.route({
      method: r.method,
      url: r.url,
      ...(r.bodyLimit !== undefined && { bodyLimit: r.bodyLimit }),
      ...(r.auth === 'station' && { onRequest: stationHeaders, preHandler: stationBody }),
      ...(r.auth === 'admin' && { onRequest: admin }),
      handler: async (req, reply) => {
        if (r.body !== undefined && Buffer.isBuffer(req.body) !== (r.body === 'octet-stream')) {
          throw new TownshipError(415, 'sync.unsupported-media-type', `send ${r.body === 'octet-stream' ? 'application/octet-stream' : 'application/json'}`);
        }
        const out = await r.handler({
          body: json ? parseInput(json, req.body, 'body') : req.body,
          params: r.params ? parseInput(r.params, req.params, 'path') : req.params,
          query: r.query ? parseInput(r.query, req.query, 'query') : req.query,
          stationId: req.signed?.station.id ?? '',
          request: req,
          reply,
        });
        if (reply.sent) return reply;
        // Answers are checked against the declared schema too: a served answer is a documented answer.
        return r.response === null ? reply.send() : reply.send(r.response.parse(out));
      },
    });
  }
  await app.ready();
  return app;
}
