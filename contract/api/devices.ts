import { z } from 'zod';

export const DeviceKind = z.enum(['idcard', 'sigpad', 'camera', 'printer', 'face']);
export type DeviceKind = z.infer<typeof DeviceKind>;

/**
 * One device as the technician sees it. `state`: ready; busy (in use); absent (configured or expected, not
 * plugged in); unavailable (cannot work here, e.g. a missing system library: `detail` says why); error (failed
 * last time, `lastError` says how; the next use tries again).
 */
export const DeviceStatus = z.strictObject({
  id: z.string(),
  kind: DeviceKind,
  name: z.string(),
  state: z.enum(['ready', 'busy', 'absent', 'unavailable', 'error']),
  simulated: z.boolean(),
  /** The roles it plays: the ID reader and pad of this window, printer roles receipt / a4 / photo. */
  roles: z.array(z.string()),
  detail: z.string().nullable(),
  lastError: z
    .strictObject({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])), at: z.iso.datetime() })
    .nullable(),
});
export type DeviceStatus = z.infer<typeof DeviceStatus>;

/** A stored file (scanned page, signature image), addressed by the sha256 of its bytes. */
export const Attachment = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  kind: z.enum(['scan', 'signature', 'photo', 'document']),
  mime: z.string(),
  size: z.int().positive(),
  width: z.int().positive().nullable(),
  height: z.int().positive().nullable(),
});
export type Attachment = z.infer<typeof Attachment>;
