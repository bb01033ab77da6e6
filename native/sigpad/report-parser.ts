import { SigpadBadReportError } from './errors.ts';
import { fieldEnd, fieldRange, readField, writeField } from './fields.ts';
import type { Capability, Field, Layout, ReportLayout } from './layout.ts';

/** One pen report, in device units. */
export interface PenSample {
  x: number;
  y: number;
  pressure: number;
  /** Host time the report arrived, ms (monotonic clock). */
  t: number;
  inRange: boolean;
  tip: boolean;
  /** The device's own time counter in ms, when the report carries one; it wraps at deviceTimeWrapMs. */
  deviceTime?: number;
  deviceTimeWrapMs?: number;
}

export type ParseResult =
  | { kind: 'sample'; sample: PenSample }
  | { kind: 'ignored'; reportId: number }
  | { kind: 'bad'; error: SigpadBadReportError };

/** Bytes a report needs after its id to hold every field. */
function payloadLength(report: ReportLayout): number {
  return Math.max(...Object.values(report.fields).map((f: Field) => fieldEnd(f)));
}

function findReport(layout: Layout, reportId: number | null): ReportLayout | undefined {
  return layout.reports.find((r) => r.reportId === reportId);
}

/**
 * Parses one input report. Total: any bytes give a result, never an exception, because a flaky cable must not
 * take the capture down. Reports of other ids (status, key presses) come back as 'ignored'.
 */
export function parseReport(layout: Layout, data: Uint8Array, receivedAt: number): ParseResult {
  const numbered = layout.reports.some((r) => r.reportId !== null);
  if (data.length === 0) return { kind: 'bad', error: new SigpadBadReportError(0, 0, 'empty report') };
  const reportId = numbered ? (data[0] ?? 0) : null;
  const report = findReport(layout, reportId);
  if (report === undefined) return { kind: 'ignored', reportId: reportId ?? 0 };
  const payload = numbered ? data.subarray(1) : data;
  const needed = payloadLength(report);
  if (payload.length < needed) {
    const why = `needs ${needed} bytes after the id, got ${payload.length}`;
    return { kind: 'bad', error: new SigpadBadReportError(reportId ?? 0, data.length, why) };
  }
  const { fields } = report;
  const pressure = fields.pressure === undefined ? 0 : Math.max(0, readField(payload, fields.pressure));
  const tip = fields.tip === undefined ? pressure > 0 : readField(payload, fields.tip) !== 0;
  const sample: PenSample = {
    x: readField(payload, fields.x),
    y: readField(payload, fields.y),
    pressure: fields.pressure === undefined && tip ? 1 : pressure,
    t: receivedAt,
    inRange: fields.inRange === undefined ? true : readField(payload, fields.inRange) !== 0,
    tip,
  };
  if (fields.time !== undefined) {
    const unit = report.timeUnitMs ?? 1;
    sample.deviceTime = readField(payload, fields.time) * unit;
    sample.deviceTimeWrapMs = (fieldRange(fields.time).max + 1) * unit;
  }
  return { kind: 'sample', sample };
}

/** Device-side values of one report: what encodeReport writes and parseReport reads back. */
export interface ReportValues {
  x: number;
  y: number;
  pressure: number;
  inRange: boolean;
  tip: boolean;
  /** Raw ticks of the time field. */
  time?: number;
}

/** Builds the bytes a device would send: used by the simulator and to make recordings. */
export function encodeReport(report: ReportLayout, values: ReportValues): Uint8Array {
  const offset = report.reportId === null ? 0 : 1;
  const data = new Uint8Array(Math.max(report.length, offset + payloadLength(report)));
  if (report.reportId !== null) data[0] = report.reportId;
  const payload = data.subarray(offset);
  const { fields } = report;
  writeField(payload, fields.x, values.x);
  writeField(payload, fields.y, values.y);
  if (fields.pressure !== undefined) writeField(payload, fields.pressure, values.pressure);
  if (fields.tip !== undefined) writeField(payload, fields.tip, values.tip ? 1 : 0);
  if (fields.inRange !== undefined) writeField(payload, fields.inRange, values.inRange ? 1 : 0);
  if (fields.time !== undefined && values.time !== undefined) writeField(payload, fields.time, values.time);
  return data;
}

/** Reads the capability feature report (bytes as returned by getFeatureReport, report id first). */
export function parseCapability(layout: Layout, data: Uint8Array): Capability | null {
  const feature = layout.capability.featureReport;
  if (feature === undefined || data[0] !== feature.reportId) return null;
  const payload = data.subarray(1);
  const { fields } = feature;
  if (payload.length < Math.max(fieldEnd(fields.width), fieldEnd(fields.height), fieldEnd(fields.maxPressure))) {
    return null;
  }
  const width = readField(payload, fields.width);
  const height = readField(payload, fields.height);
  const maxPressure = readField(payload, fields.maxPressure);
  // A pad that answers all zeros (still booting, or another model) must not yield a 0×0 surface.
  if (width <= 0 || height <= 0 || maxPressure <= 0) return null;
  const cap: Capability = { width, height, maxPressure };
  if (layout.capability.unitsPerMm !== undefined) cap.unitsPerMm = layout.capability.unitsPerMm;
  return cap;
}

/** The capability feature report a device of this layout would answer; the simulator serves it. */
export function encodeCapability(layout: Layout, cap: Capability): Uint8Array | null {
  const feature = layout.capability.featureReport;
  if (feature === undefined) return null;
  const data = new Uint8Array(feature.length);
  data[0] = feature.reportId;
  const payload = data.subarray(1);
  writeField(payload, feature.fields.width, cap.width);
  writeField(payload, feature.fields.height, cap.height);
  writeField(payload, feature.fields.maxPressure, cap.maxPressure);
  return data;
}
