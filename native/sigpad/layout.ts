/**
 * Report layouts as data (assets/sigpad/*.json): how to find a pad and where each value sits in its reports.
 * Models differ only here, so a wrong offset is fixed by editing JSON, not code.
 */
import { z } from 'zod';
import { SigpadLayoutError } from './errors.ts';

const hex = (digits: number) =>
  z
    .string()
    .regex(new RegExp(`^0x[0-9a-fA-F]{1,${digits}}$`), `hex like 0x${'F'.repeat(digits)}`)
    .transform((s) => Number.parseInt(s, 16));

const HexBytes = z
  .string()
  .regex(/^([0-9a-fA-F]{2})+$/, 'hex bytes like 2101')
  .transform((s) => Uint8Array.from(s.match(/../g) ?? [], (b) => Number.parseInt(b, 16)))
  .describe('raw bytes in hex, report id first');

/** A mask must be one run of set bits inside the field, or values would not survive a write and a read. */
function isContiguousMask(mask: number, length: number): boolean {
  if (mask <= 0 || mask >= 2 ** (8 * length)) return false;
  let shifted = mask;
  while (shifted % 2 === 0) shifted /= 2;
  return Number.isInteger(Math.log2(shifted + 1));
}

/** Offsets count from the first byte after the report id (from byte 0 when the device has no report ids). */
export const FieldSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({
      kind: z.literal('bytes'),
      offset: z.int().min(0).max(63),
      length: z.int().min(1).max(4),
      endian: z.enum(['big', 'little']),
      mask: hex(8).optional().describe('applied to the whole integer; the value is shifted down to the lowest set bit'),
    })
    .refine((f) => f.mask === undefined || isContiguousMask(f.mask, f.length), {
      message: 'mask must be one run of set bits within the field',
      path: ['mask'],
    })
    .describe('a byte-aligned integer, as vendor protocols describe them'),
  z
    .strictObject({
      kind: z.literal('bits'),
      offset: z.int().min(0).max(511).describe('bit offset, least significant bit of the first byte first (HID order)'),
      size: z.int().min(1).max(32),
      signed: z.boolean().optional(),
    })
    .describe('a little-endian bit field, as HID report descriptors describe them'),
]);
export type Field = z.infer<typeof FieldSchema>;

const ReportSchema = z.strictObject({
  reportId: hex(2).nullable().describe('null when the device sends unnumbered reports'),
  length: z.int().min(1).max(64).describe('bytes on the wire, report id included; what the simulator sends'),
  fields: z.strictObject({
    x: FieldSchema,
    y: FieldSchema,
    pressure: FieldSchema.optional(),
    tip: FieldSchema.optional().describe('pen touching; when absent, pressure > 0 means touching'),
    inRange: FieldSchema.optional().describe('pen near the surface; when absent, every report counts as in range'),
    time: FieldSchema.optional().describe('device time counter, wraps at its field size'),
  }),
  timeUnitMs: z.number().positive().optional().describe('milliseconds per tick of the time field'),
});
export type ReportLayout = z.infer<typeof ReportSchema>;

const MatchSchema = z.union([
  z.strictObject({ vendorId: hex(4), productIds: z.array(hex(4)).min(1) }),
  z.strictObject({ usagePage: hex(4), usages: z.array(hex(4)).min(1) }),
]);
const CapabilitySchema = z.strictObject({
  width: z.int().positive().describe('largest x the device reports'),
  height: z.int().positive().describe('largest y the device reports'),
  maxPressure: z.int().positive(),
  unitsPerMm: z
    .strictObject({ x: z.number().positive(), y: z.number().positive() })
    .optional()
    .describe('sensor resolution; when x and y differ, points are rescaled so units are square'),
  featureReport: z
    .strictObject({
      reportId: hex(2),
      length: z.int().min(2).max(64).describe('bytes, report id included'),
      fields: z.strictObject({ width: FieldSchema, height: FieldSchema, maxPressure: FieldSchema }),
    })
    .optional()
    .describe('read at open; the numbers above are the fallback when it fails'),
});
export type Capability = Pick<z.infer<typeof CapabilitySchema>, 'width' | 'height' | 'maxPressure' | 'unitsPerMm'>;

export const LayoutSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1),
    match: MatchSchema,
    capability: CapabilitySchema,
    reports: z.array(ReportSchema).min(1),
    commands: z
      .strictObject({
        open: z.array(HexBytes).optional(),
        start: z.array(HexBytes).optional(),
        clear: z.array(HexBytes).optional(),
        stop: z.array(HexBytes).optional(),
      })
      .optional()
      .describe('feature reports sent best-effort at each step; a pad that refuses one still captures'),
    notes: z.array(z.string()).optional().describe('sources and doubts, for whoever corrects this file'),
  })
  .meta({ title: 'Doorstep signature pad report layout' });
export type Layout = z.infer<typeof LayoutSchema>;

export function parseLayout(json: unknown, source: string): Layout {
  const result = LayoutSchema.safeParse(json);
  if (!result.success) {
    const reason = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new SigpadLayoutError(source, reason);
  }
  return result.data;
}

/** The JSON Schema that editors use for assets/sigpad/*.json; a test keeps the checked-in file equal to it. */
export function layoutJsonSchema(): unknown {
  return z.toJSONSchema(LayoutSchema, { io: 'input' });
}
