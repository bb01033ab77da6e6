import { Health, SYNC_PATHS } from '../../contract/api/sync.ts';
import type { Deps } from '../http/deps.ts';
import { route, type RouteDef } from '../http/route.ts';

export const healthRoutes = (deps: Deps): RouteDef[] => [
  route({
    method: 'GET',
    url: SYNC_PATHS.health,
    operationId: 'health',
    summary: "Liveness, and the server's clock (a station can see its own skew before signing).",
    auth: 'none',
    response: Health,
    errors: [],
    handler: async () => ({ status: 'ok', protocol: 'v1', serverTime: deps.now().toISOString() }),
  }),
];
