import { z } from 'zod';
import {
  AttachmentStatus,
  ChunkQuery,
  MAX_CHUNK_BYTES,
  parseContentRange,
  Sha256Hex,
  SYNC_HEADERS,
  SYNC_PATHS,
} from '../../contract/api/sync.ts';
import { recordAttachment } from '../attachments/attachment-records.ts';
import type { Deps } from '../http/deps.ts';
import { TownshipError } from '../http/errors.ts';
import { route, type RouteDef } from '../http/route.ts';
import { releaseWaitingEvents } from '../sync/push.ts';

const Params = z.strictObject({ sha256: Sha256Hex });
const ATTACHMENT_URL = SYNC_PATHS.attachment(':sha256');

/** Where the chunk goes: `Content-Range: bytes S-E/T`, or `?offset=S&size=T`; exactly one of them. */
function chunkPlace(contentRange: string | undefined, query: z.infer<typeof ChunkQuery>, length: number): { offset: number; total: number } {
  const byQuery = query.offset !== undefined || query.size !== undefined;
  if (contentRange !== undefined && byQuery) throw new TownshipError(400, 'sync.range-required', 'give the chunk\'s place once: Content-Range or ?offset=&size=, not both');
  if (contentRange !== undefined) {
    const r = parseContentRange(contentRange);
    if (!r) throw new TownshipError(400, 'sync.range-required', `Content-Range must be "bytes START-END/TOTAL", not "${contentRange}"`);
    if (r.end - r.start + 1 !== length) throw new TownshipError(400, 'sync.invalid', `Content-Range says ${r.end - r.start + 1} bytes, the body has ${length}`);
    return { offset: r.start, total: r.total };
  }
  if (query.offset === undefined || query.size === undefined) {
    throw new TownshipError(400, 'sync.range-required', 'say where the chunk goes: Content-Range, or ?offset=N&size=TOTAL');
  }
  return { offset: Number(query.offset), total: Number(query.size) };
}

export const attachmentRoutes = (deps: Deps): RouteDef[] => {
  /** Once whole: noted in the database, and the station's events that waited for it are applied. */
  const stored = async (stationId: string, sha256: string, size: number) => {
    await recordAttachment(deps.store, sha256, size, stationId, deps.now());
    await releaseWaitingEvents(deps.store, stationId, deps.now());
  };
  /**
   * The status a station resumes from: complete only for what this station uploaded itself (it learns nothing of
   * other stations' photos). After a crash between the rename into blobs/ and the database rows the station is not
   * told "complete", uploads again, and its last chunk notes it. Each complete answer also releases the events that
   * waited for it: noting and releasing are idempotent.
   */
  const held = (stationId: string, sha256: string) => deps.store.transaction((tx) => tx.attachments.heldBy(sha256, stationId));
  const wholeNoted = async (stationId: string, sha256: string) => {
    const status = await deps.blobs.status(stationId, sha256, await held(stationId, sha256));
    if (status.complete) await stored(stationId, sha256, status.received);
    return status;
  };
  return [
    route({
      method: 'PUT',
      url: ATTACHMENT_URL,
      operationId: 'putAttachmentChunk',
      summary: 'One chunk of an attachment, appended where the server\'s copy ends; the last one is verified against the sha256 and stored.',
      auth: 'station',
      params: Params,
      query: ChunkQuery,
      body: 'octet-stream',
      bodyLimit: MAX_CHUNK_BYTES,
      response: AttachmentStatus,
      errors: [400, 409, 413, 415, 422],
      handler: async ({ params, query, body, stationId, request }) => {
        const bytes = body as Buffer;
        const contentRange = request.headers['content-range'];
        if (await held(stationId, params.sha256)) return { sha256: params.sha256, ...(await wholeNoted(stationId, params.sha256)) };
        const { offset, total } = chunkPlace(contentRange, query, bytes.length);
        const result = await deps.blobs.writeChunk(stationId, params.sha256, offset, total, bytes);
        if (result.complete) await stored(stationId, params.sha256, result.received);
        return { sha256: params.sha256, ...result };
      },
    }),
    route({
      method: 'GET',
      url: ATTACHMENT_URL,
      operationId: 'getAttachmentStatus',
      summary: 'How many bytes of this attachment the server holds for this station, and whether it is stored whole.',
      auth: 'station',
      params: Params,
      response: AttachmentStatus,
      errors: [400],
      handler: async ({ params, stationId }) => ({ sha256: params.sha256, ...(await wholeNoted(stationId, params.sha256)) }),
    }),
    route({
      method: 'HEAD',
      url: ATTACHMENT_URL,
      operationId: 'headAttachmentStatus',
      summary: `The same as GET, in the ${SYNC_HEADERS.received} and ${SYNC_HEADERS.complete} headers.`,
      auth: 'station',
      params: Params,
      response: null,
      responseHeaders: {
        [SYNC_HEADERS.received]: 'Bytes held for this station: resume from here.',
        [SYNC_HEADERS.complete]: '"true" once stored whole and verified.',
      },
      errors: [400],
      handler: async ({ params, stationId, reply }) => {
        const status = await wholeNoted(stationId, params.sha256);
        reply.header(SYNC_HEADERS.received, String(status.received)).header(SYNC_HEADERS.complete, String(status.complete));
      },
    }),
  ];
};
