/**
 * The simulator's control channel: one JSON object per line in, one reply per line out. An optional `id` is
 * echoed so a driver can match replies.
 *
 *   {"op":"place","profile":"li-yangben"}   put a card on the reader
 *   {"op":"remove"}                         lift it
 *   {"op":"faults","faults":{...}}          replace the faults (FaultConfig JSON) …
 *   {"op":"faults","spec":"checksum=read*1"} … or as a short spec
 *   {"op":"unplug"}                         close the port now
 *   {"op":"replug"}                         open the port again (after the pty is back)
 *   {"op":"status"}                         card, faults, connection, counters
 *   {"op":"quit"}
 *
 * Replies: {"id":…,"ok":true,"status":{…}} or {"id":…,"ok":false,"error":"…"}.
 * Events (unsolicited): {"event":"ready"|"unplugged"|"disconnected"|"removed"|"request", …}.
 */
import { z } from 'zod';
import { FaultConfigSchema, parseFaultSpec, type FaultConfig } from './faults.ts';
import type { SamSimulator, SimulatorStats } from './simulator.ts';

const Id = z.union([z.string(), z.number()]).optional();

export const ControlMessage = z.discriminatedUnion('op', [
  z.strictObject({ id: Id, op: z.literal('place'), profile: z.string() }),
  z.strictObject({ id: Id, op: z.literal('remove') }),
  z.strictObject({ id: Id, op: z.literal('faults'), faults: FaultConfigSchema.optional(), spec: z.string().optional() }),
  z.strictObject({ id: Id, op: z.literal('unplug') }),
  z.strictObject({ id: Id, op: z.literal('replug') }),
  z.strictObject({ id: Id, op: z.literal('status') }),
  z.strictObject({ id: Id, op: z.literal('quit') }),
]);
export type ControlMessage = z.infer<typeof ControlMessage>;

export interface SimulatorStatus {
  card: string | null;
  connected: boolean;
  faults: FaultConfig;
  stats: SimulatorStats;
}

export function statusOf(sim: SamSimulator): SimulatorStatus {
  return { card: sim.cardId, connected: sim.attached, faults: sim.faults, stats: { ...sim.stats } };
}

export interface ControlHost {
  sim: SamSimulator;
  /** Opens the port again and attaches the simulator. */
  replug(): Promise<void>;
  quit(): Promise<void>;
}

export type ControlReply =
  | { id?: string | number; ok: true; status: SimulatorStatus }
  | { id?: string | number; ok: false; error: string };

/** Applies one control line; never throws — problems become `ok: false` replies. */
export async function handleControlLine(host: ControlHost, line: string): Promise<ControlReply> {
  let id: string | number | undefined;
  try {
    const raw: unknown = JSON.parse(line);
    if (raw && typeof raw === 'object' && 'id' in raw && (typeof raw.id === 'string' || typeof raw.id === 'number')) {
      id = raw.id;
    }
    const message = ControlMessage.parse(raw);
    const { sim } = host;
    switch (message.op) {
      case 'place':
        sim.place(message.profile);
        break;
      case 'remove':
        sim.remove();
        break;
      case 'faults':
        sim.setFaults(message.spec !== undefined ? parseFaultSpec(message.spec) : (message.faults ?? {}));
        break;
      case 'unplug':
        await sim.unplug();
        break;
      case 'replug':
        await host.replug();
        break;
      case 'status':
        break;
      case 'quit':
        await host.quit();
        break;
    }
    return { ...(id === undefined ? {} : { id }), ok: true, status: statusOf(sim) };
  } catch (error) {
    return { ...(id === undefined ? {} : { id }), ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
