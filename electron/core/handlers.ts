import type { Handlers } from './dispatch.ts';
import { guidePdf } from './guide/guide-document.ts';
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
    guidePrint: async ({ code, copies }) => {
      const matter = station.catalog.matter(code);
      const document = await guidePdf(station.catalog, code, new Date());
      const job = await station.printers.print({ role: 'a4', document, copies, title: `guide-${matter.code}` });
      station.logger.log('info', 'guide.printed', { code, queue: job.queue, jobId: job.jobId });
      return { jobId: String(job.jobId), queue: job.queue, state: job.state };
    },
  };
}
