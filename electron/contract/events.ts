import { z } from 'zod';

/** Push events from the core to every renderer, declared once like the methods. */
export const events = {
  catalogUpdated: z.strictObject({ version: z.string() }),
  deviceChanged: z.strictObject({
    kind: z.enum(['idcard', 'sigpad', 'camera', 'printer']),
    id: z.string(),
    state: z.string(),
  }),
  syncState: z.strictObject({
    state: z.enum(['idle', 'syncing', 'offline', 'error']),
    pending: z.int().nonnegative(),
    lastSyncAt: z.iso.datetime().nullable(),
  }),
} satisfies Record<string, z.ZodType>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}
