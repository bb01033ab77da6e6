/**
 * Scripted faults of the simulated reader, as JSON (control channel) or a short spec (command line):
 *
 *   no-card                 find never sees a card
 *   remove-after=find       the card is lifted right after that step's answer (find | select), once
 *   timeout=read[*N]        no answer to that step (find | select | read | sam-id | any), N times or always
 *   checksum=read[*N]       answer with a corrupted checksum
 *   garbage=BYTES[*N]       junk bytes (with broken preambles) before each answer
 *   unplug=read[@BYTES]     close the port part way through that step's answer (default: half of it), once
 *   slow=MS                 the SAM takes MS (0–800) before each answer
 */
import { z } from 'zod';

export const FAULT_STEPS = ['find', 'select', 'read', 'sam-id', 'any'] as const;
export type FaultStep = (typeof FAULT_STEPS)[number];

const Step = z.enum(FAULT_STEPS);
const Times = z.int().min(1).optional();

export const FaultConfigSchema = z.strictObject({
  noCard: z.boolean().optional(),
  removeAfter: z.enum(['find', 'select']).optional(),
  timeout: z.strictObject({ step: Step, times: Times }).optional(),
  checksum: z.strictObject({ step: Step, times: Times }).optional(),
  garbage: z.strictObject({ bytes: z.int().min(1).max(4096), times: Times }).optional(),
  unplug: z.strictObject({ step: Step, afterBytes: z.int().min(0).optional() }).optional(),
  samDelayMs: z.int().min(0).max(800).optional(),
});
export type FaultConfig = z.infer<typeof FaultConfigSchema>;

function counted(value: string): { head: string; times?: number } {
  const [head = '', times] = value.split('*');
  return times === undefined ? { head } : { head, times: Number(times) };
}

/** Parses the short spec; throws a RangeError naming the bad item. */
export function parseFaultSpec(spec: string): FaultConfig {
  const config: Record<string, unknown> = {};
  for (const item of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [name = '', value = ''] = item.split('=');
    switch (name) {
      case 'no-card':
        config['noCard'] = true;
        break;
      case 'remove-after':
        config['removeAfter'] = value;
        break;
      case 'timeout':
      case 'checksum': {
        const { head, times } = counted(value);
        config[name] = { step: head, ...(times === undefined ? {} : { times }) };
        break;
      }
      case 'garbage': {
        const { head, times } = counted(value);
        config['garbage'] = { bytes: Number(head), ...(times === undefined ? {} : { times }) };
        break;
      }
      case 'unplug': {
        const [step, after] = value.split('@');
        config['unplug'] = { step, ...(after === undefined ? {} : { afterBytes: Number(after) }) };
        break;
      }
      case 'slow':
        config['samDelayMs'] = Number(value);
        break;
      default:
        throw new RangeError(`unknown fault ${JSON.stringify(item)}`);
    }
  }
  const result = FaultConfigSchema.safeParse(config);
  if (!result.success) {
    throw new RangeError(`bad fault spec ${JSON.stringify(spec)}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return result.data;
}

/** A spec string, or the JSON form of a FaultConfig. */
export function parseFaults(input: string): FaultConfig {
  if (input.trim().startsWith('{')) {
    const result = FaultConfigSchema.safeParse(JSON.parse(input));
    if (!result.success) throw new RangeError(`bad faults: ${result.error.message}`);
    return result.data;
  }
  return parseFaultSpec(input);
}
