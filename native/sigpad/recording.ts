/** Recorded pad sessions (assets/sigpad/recordings/*.json): raw reports with arrival times, for the simulator. */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { SigpadLayoutError } from './errors.ts';
import type { Layout } from './layout.ts';
import { declaredCapability } from './layouts.ts';
import { parseCapability, parseReport } from './report-parser.ts';
import type { Signature } from '../../contract/domain/signature.ts';
import { StrokeBuilder } from './stroke-builder.ts';
import type { DeviceInfo } from './transport.ts';
import { assetPath } from '../app-paths.ts';

const hexId = (digits: number) =>
  z
    .string()
    .regex(new RegExp(`^0x[0-9a-fA-F]{1,${digits}}$`))
    .transform((s) => Number.parseInt(s, 16));
const HexBytes = z
  .string()
  .regex(/^([0-9a-fA-F]{2})+$/)
  .transform((s) => Uint8Array.from(s.match(/../g) ?? [], (b) => Number.parseInt(b, 16)));

const RecordingSchema = z.strictObject({
  /** Which layout file the reports follow. */
  layout: z.string(),
  description: z.string(),
  device: z.strictObject({
    vendorId: hexId(4),
    productId: hexId(4),
    product: z.string().optional(),
    usagePage: hexId(4).optional(),
    usage: hexId(4).optional(),
  }),
  /** What the device answers to getFeatureReport, each report id first. */
  featureReports: z.array(HexBytes),
  /** The HID report descriptor, for devices read through it. */
  descriptor: HexBytes.optional(),
  /** [ms since the first report, report bytes in hex]. */
  reports: z.array(z.tuple([z.number().min(0), HexBytes])),
});

export interface RecordedReport {
  t: number;
  data: Uint8Array;
}

export interface Recording {
  layout: string;
  description: string;
  device: DeviceInfo;
  featureReports: Uint8Array[];
  descriptor: Uint8Array | null;
  reports: RecordedReport[];
}

export const DEFAULT_RECORDING_DIR = assetPath('sigpad', 'recordings');

export function parseRecording(json: unknown, source: string): Recording {
  const result = RecordingSchema.safeParse(json);
  if (!result.success) {
    const reason = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new SigpadLayoutError(source, reason);
  }
  const r = result.data;
  const device: DeviceInfo = { ...r.device, path: `simulated:${source}` };
  return {
    layout: r.layout,
    description: r.description,
    device,
    featureReports: r.featureReports,
    descriptor: r.descriptor ?? null,
    reports: r.reports.map(([t, data]) => ({ t, data })),
  };
}

export async function loadRecording(path: string): Promise<Recording> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (cause) {
    throw new SigpadLayoutError(path, cause instanceof Error ? cause.message : String(cause));
  }
  return parseRecording(json, path);
}

/** The signature a recording holds, read the way the pad reads it (device capability from its feature report). */
export function signatureFromRecording(recording: Recording, layouts: Layout[]): Signature {
  const layout = layouts.find((l) => l.id === recording.layout);
  if (layout === undefined) throw new SigpadLayoutError(recording.layout, 'no layout with this id');
  const feature = layout.capability.featureReport;
  const answer = recording.featureReports.find((r) => r[0] === feature?.reportId);
  const capability = (answer && parseCapability(layout, answer)) ?? declaredCapability(layout);
  const builder = new StrokeBuilder(capability);
  for (const { t, data } of recording.reports) {
    const result = parseReport(layout, data, t);
    if (result.kind === 'sample') builder.push(result.sample);
  }
  builder.penUp();
  return builder.snapshot();
}
