import type { Handlers } from './dispatch.ts';
import type { Station } from './station.ts';

/** The contract's implementation: each method a thin call into one service. */
export function createHandlers(station: Omit<Station, 'handlers'>): Handlers {
  return {
    appInfo: () => ({
      name: 'Doorstep',
      version: station.version,
      mode: station.mode,
      catalogVersion: station.catalog.current().version,
      idleTimeoutSec: station.config.idleTimeoutSec,
      defaultLocale: station.config.defaultLocale,
    }),
    catalogLifeEvents: () => station.catalog.lifeEvents(),
    catalogList: ({ lifeEvent }) => station.catalog.list(lifeEvent),
    catalogSearch: ({ query }) => station.catalog.search(query),
    catalogGuide: ({ code }) => station.catalog.guide(code),
    guidePrint: () => {
      throw new Error('printing is wired in the devices step');
    },
  };
}
