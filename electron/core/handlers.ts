import sharp from 'sharp';
import type { Handlers } from './dispatch.ts';
import { guidePdf } from './guide/guide-document.ts';
import { devicesOf, type Station } from './station.ts';

/** Previews are for the screen: small and quick to send. */
const PREVIEW_PX = 480;

/** The contract's implementation: each method a thin call into one service. */
export function createHandlers(station: Omit<Station, 'handlers'>): Handlers {
  const devices = () => devicesOf(station);
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
      const job = await devices().print('a4', document, copies, `guide-${matter.code}`);
      station.logger.log('info', 'guide.printed', { code, queue: job.queue, jobId: job.jobId });
      return { jobId: String(job.jobId), queue: job.queue, state: job.state };
    },
    devicesList: () => devices().list(),
    idcardRead: () => devices().readIdCard(),
    sigpadStart: () => devices().sigpadStart(),
    sigpadClear: async () => {
      await devices().sigpadClear();
      return {};
    },
    sigpadConfirm: async () => {
      const signature = await devices().sigpadConfirm();
      const { png, width, height } = await devices().renderSignature(signature);
      return station.attachments.put({ kind: 'signature', mime: 'image/png', bytes: png, width, height });
    },
    sigpadCancel: async () => {
      await devices().sigpadCancel();
      return {};
    },
    signatureSave: async ({ signature }) => {
      const { png, width, height } = await devices().renderSignature(signature);
      return station.attachments.put({ kind: 'signature', mime: 'image/png', bytes: png, width, height });
    },
    cameraSavePage: async ({ image }) => {
      const page = await devices().processPage(Buffer.from(image, 'base64'));
      const attachment = station.attachments.put({
        kind: 'scan',
        mime: 'image/jpeg',
        bytes: page.jpeg,
        width: page.width,
        height: page.height,
      });
      return { attachment, detected: page.detected };
    },
    attachmentPreview: async ({ sha256 }) => {
      const { attachment, bytes } = station.attachments.get(sha256);
      station.logger.log('info', 'attachment.viewed', { sha256: sha256.slice(0, 12), kind: attachment.kind });
      const image = sharp(bytes).resize(PREVIEW_PX, PREVIEW_PX, { fit: 'inside', withoutEnlargement: true });
      const png = attachment.mime === 'image/png';
      const preview = await (png ? image.png() : image.jpeg({ quality: 70 })).toBuffer();
      return { mime: png ? 'image/png' : 'image/jpeg', base64: preview.toString('base64') };
    },
    printerTestPage: async ({ role }) => {
      const job = await devices().printTestPage(role);
      return { jobId: String(job.jobId), queue: job.queue, state: job.state };
    },
  };
}
