import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { issuePath } from '../../contract/domain/validate.ts';
import { TownshipError } from './errors.ts';

export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';

export interface HandlerContext<B, P, Q> {
  body: B;
  params: P;
  query: Q;
  /** The signing station, on station routes. */
  stationId: string;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * One route, declared once: the server registers it and the OpenAPI document describes it from the same
 * declaration, so the document cannot drift from what is served.
 */
export interface RouteDef<B = unknown, P = unknown, Q = unknown> {
  method: Method;
  /** Fastify form: `/v1/sync/attachments/:sha256`. */
  url: string;
  operationId: string;
  summary: string;
  auth: 'none' | 'station' | 'admin';
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  /** A zod schema for a JSON body, or raw bytes. */
  body?: z.ZodType<B> | 'octet-stream';
  bodyLimit?: number;
  /** null: no body (HEAD). */
  response: z.ZodType | null;
  /** Response headers worth documenting. */
  responseHeaders?: Record<string, string>;
  /** Refusals this route can answer with, besides those of its auth kind. */
  errors: number[];
  handler: (ctx: HandlerContext<B, P, Q>) => Promise<unknown>;
}

/** Erases a route's type parameters for the route table (each handler was checked against its own schemas). */
export const route = <B, P, Q>(def: RouteDef<B, P, Q>): RouteDef => def as unknown as RouteDef;

/** Parses with a schema; on failure a 400 that lists every bad field. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: issuePath(i.path), message: i.message }));
  throw new TownshipError(400, 'sync.invalid', `${what}: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`, { issues });
}
