import { EnrollRequest, EnrollResponse, MAX_SYNC_BODY_BYTES, SYNC_PATHS } from '../../contract/api/sync.ts';
import { AttemptLimiter } from '../auth/attempt-limiter.ts';
import type { Deps } from '../http/deps.ts';
import { TownshipError } from '../http/errors.ts';
import { route, type RouteDef } from '../http/route.ts';
import { enrol } from '../stations.ts';

/** Wrong codes one address may send in ten minutes before it must wait. */
export const ENROL_FAILURES_ALLOWED = 5;
export const ENROL_FAILURE_WINDOW_MS = 10 * 60_000;

const WRONG_CODE = new Set(['sync.enroll-code-unknown', 'sync.enroll-code-used', 'sync.enroll-code-expired']);

export const enrollRoutes = (deps: Deps): RouteDef[] => {
  const limiter = new AttemptLimiter(ENROL_FAILURES_ALLOWED, ENROL_FAILURE_WINDOW_MS, deps.now);
  return [
    route({
      method: 'POST',
      url: SYNC_PATHS.enroll,
      operationId: 'enroll',
      summary:
        "Registers a station's Ed25519 public key against a one-time code, which binds it to its village and grid. " +
        `After ${ENROL_FAILURES_ALLOWED} wrong codes in ten minutes an address gets 429 with Retry-After.`,
      auth: 'none',
      body: EnrollRequest,
      bodyLimit: MAX_SYNC_BODY_BYTES,
      response: EnrollResponse,
      responseHeaders: { 'retry-after': 'On 429: seconds until this address may try a code again.' },
      errors: [400, 403, 409, 413, 415, 429],
      handler: async ({ body, request, reply }) => {
        const wait = limiter.retryAfter(request.ip);
        if (wait > 0) {
          reply.header('retry-after', String(wait));
          throw new TownshipError(429, 'sync.rate-limited', `too many wrong enrolment codes from this address; try again in ${wait} s`);
        }
        try {
          return await enrol(deps.store, body, deps.now());
        } catch (err) {
          if (err instanceof TownshipError && WRONG_CODE.has(err.code)) limiter.fail(request.ip);
          throw err;
        }
      },
    }),
  ];
};
