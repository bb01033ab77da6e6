import { z } from 'zod';
import { DeviceStatus } from './devices.ts';
import { SignaturePointSchema } from '../domain/signature.ts';

/** Push events from the core to every renderer, declared once like the methods. */
export const events = {
  catalogUpdated: z.strictObject({ version: z.string() }),
  deviceChanged: DeviceStatus,
  /** Ink from the signature pad while a villager signs, in pad units, a few points at a time. */
  sigpadInk: z.strictObject({
    stroke: z.int().nonnegative(),
    points: z.array(SignaturePointSchema),
  }),
  sigpadCleared: z.strictObject({}),
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
