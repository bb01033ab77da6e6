import { EnrollRequest, EnrollResponse, MAX_SYNC_BODY_BYTES, SYNC_PATHS } from '../../contract/api/sync.ts';
import type { Deps } from '../http/deps.ts';
import { route, type RouteDef } from '../http/route.ts';
import { enrol } from '../stations.ts';

export const enrollRoutes = (deps: Deps): RouteDef[] => [
  route({
    method: 'POST',
    url: SYNC_PATHS.enroll,
    operationId: 'enroll',
    summary: "Registers a station's Ed25519 public key against a one-time code, which binds it to its village and grid.",
    auth: 'none',
    body: EnrollRequest,
    bodyLimit: MAX_SYNC_BODY_BYTES,
    response: EnrollResponse,
    errors: [400, 403, 409, 413, 415],
    handler: ({ body }) => enrol(deps.store, body, deps.now()),
  }),
];
