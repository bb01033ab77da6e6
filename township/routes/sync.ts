import {
  MAX_SYNC_BODY_BYTES,
  PullRequest,
  PullResponse,
  PushRequest,
  PushResponse,
  SYNC_PATHS,
} from '../../contract/api/sync.ts';
import type { Deps } from '../http/deps.ts';
import { TownshipError } from '../http/errors.ts';
import { route, type RouteDef } from '../http/route.ts';
import { pull } from '../sync/pull.ts';
import { push } from '../sync/push.ts';

export const syncRoutes = (deps: Deps): RouteDef[] => [
  route({
    method: 'POST',
    url: SYNC_PATHS.push,
    operationId: 'push',
    summary:
      'Case events from the outbox, in commit order, applied in one transaction; idempotent on the event id. An event ' +
      "for a step that is not the station's to take (approve, reject … of a matter decided at the township or county, " +
      "by its handling level) is refused as the conflict 'sync.conflict-not-station-step' — a 409 per event, inside the " +
      '200 answer so the batch goes on — and kept for a person.',
    auth: 'station',
    body: PushRequest,
    bodyLimit: MAX_SYNC_BODY_BYTES,
    response: PushResponse,
    errors: [400, 403, 413, 415],
    handler: ({ body, stationId }) => {
      if (body.stationId !== stationId) {
        throw new TownshipError(403, 'sync.station-mismatch', `signed by ${stationId} but pushing for ${body.stationId}`);
      }
      return push(deps.store, stationId, body.events, deps.now());
    },
  }),
  route({
    method: 'POST',
    url: SYNC_PATHS.pull,
    operationId: 'pull',
    summary: "What changed for this station after its cursor: its cases' township steps, catalogue and calendar versions, blacklist changes.",
    auth: 'station',
    body: PullRequest,
    bodyLimit: MAX_SYNC_BODY_BYTES,
    response: PullResponse,
    errors: [400, 413, 415],
    handler: ({ body, stationId }) => pull(deps.store, stationId, body),
  }),
];
