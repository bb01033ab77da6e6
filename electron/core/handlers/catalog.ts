import { Catalog } from '../../../contract/domain/catalog.ts';
import { parseOrThrow } from '../../../contract/domain/validate.ts';
import { guidePdf } from '../guide/guide-document.ts';
import { devicesOf } from '../station.ts';
import { printed, type Core, type HandlersOf } from './handler-kit.ts';

type Methods = 'catalogLifeEvents' | 'catalogList' | 'catalogSearch' | 'catalogGuide' | 'catalogImport' | 'catalogExport' | 'guidePrint' | 'guideDocument';

export function catalogHandlers(core: Core): HandlersOf<Methods> {
  return {
    catalogLifeEvents: () => core.catalog.lifeEvents(),
    catalogList: ({ lifeEvent }) => core.catalog.list(lifeEvent),
    catalogSearch: ({ query, limit }) => core.catalog.search(query, limit),
    catalogGuide: ({ code }) => core.catalog.guide(code),
    catalogImport: ({ catalog }) => {
      const checked = parseOrThrow(Catalog, catalog, 'catalogue');
      return { version: checked.version, changed: core.catalog.install(checked, 'operator') };
    },
    catalogExport: () => core.catalog.current(),
    guidePrint: async ({ code, copies }) => {
      const matter = core.catalog.matter(code);
      const document = await guidePdf(core.catalog, code, core.clock());
      const job = await devicesOf(core).print('a4', document, copies, `guide-${matter.code}`);
      core.logger.log('info', 'guide.printed', { code, queue: job.queue, jobId: job.jobId });
      return printed(job);
    },
    guideDocument: async ({ code }) => ({ pdf: Buffer.from(await guidePdf(core.catalog, code, core.clock())).toString('base64') }),
  };
}
