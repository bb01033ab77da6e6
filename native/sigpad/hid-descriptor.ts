/**
 * A small HID report descriptor parser (HID 1.11 §6.2.2): enough to find where a pen digitizer puts its tip switch,
 * in-range bit, pressure and X/Y, so an unknown pad works without a layout file of its own.
 */
import type { Field, Layout, ReportLayout } from './layout.ts';

const USAGE_PAGE_GENERIC_DESKTOP = 0x01;
const USAGE_PAGE_DIGITIZER = 0x0d;
const GD_X = 0x30;
const GD_Y = 0x31;
const DIG_DIGITIZER = 0x01;
const DIG_PEN = 0x02;
const DIG_TIP_PRESSURE = 0x30;
const DIG_IN_RANGE = 0x32;
const DIG_TIP_SWITCH = 0x42;

export interface DescriptorField {
  usagePage: number;
  usage: number;
  /** Bit offset after the report id byte. */
  bitOffset: number;
  bitSize: number;
  logicalMin: number;
  logicalMax: number;
  /** Physical extent in mm when the descriptor gives a length unit. */
  physicalMm?: number;
  /** Usage (page << 16 | usage) of the enclosing application collection. */
  application: number;
}

export interface DescriptorReport {
  /** 0 when the device does not number its reports. */
  reportId: number;
  fields: DescriptorField[];
  bitLength: number;
}

interface Globals {
  usagePage: number;
  logicalMin: number;
  logicalMax: number;
  /** The same item read unsigned: devices write 0..255 as 0xFF in one byte, which signed reading makes -1. */
  logicalMaxUnsigned: number;
  physicalMin: number;
  physicalMax: number;
  unitExponent: number;
  unit: number;
  reportSize: number;
  reportId: number;
  reportCount: number;
}

function unsigned(bytes: Uint8Array, at: number, size: number): number {
  let v = 0;
  for (let i = size - 1; i >= 0; i--) v = v * 256 + (bytes[at + i] ?? 0);
  return v;
}

function signed(value: number, size: number): number {
  const bits = size * 8;
  return size > 0 && value >= 2 ** (bits - 1) ? value - 2 ** bits : value;
}

/** Length unit of a HID Unit item in mm, or undefined when it is not a plain length (HID 1.11 §6.2.2.7). */
function lengthUnitMm(unit: number): number | undefined {
  const system = unit & 0xf;
  const lengthExponent = (unit >> 4) & 0xf;
  if (lengthExponent !== 1 || unit >> 8 !== 0) return undefined;
  if (system === 1) return 10; // SI linear: centimetre
  if (system === 3) return 25.4; // English linear: inch
  return undefined;
}

function physicalMm(g: Globals): number | undefined {
  const perUnit = lengthUnitMm(g.unit);
  if (perUnit === undefined || g.physicalMax <= g.physicalMin) return undefined;
  return (g.physicalMax - g.physicalMin) * 10 ** g.unitExponent * perUnit;
}

/**
 * Parses a report descriptor into its input reports. Total over any bytes: a truncated or odd descriptor yields
 * whatever was complete, because it comes from a device we do not control.
 */
export function parseReportDescriptor(bytes: Uint8Array): DescriptorReport[] {
  let g: Globals = {
    usagePage: 0,
    logicalMin: 0,
    logicalMax: 0,
    logicalMaxUnsigned: 0,
    physicalMin: 0,
    physicalMax: 0,
    unitExponent: 0,
    unit: 0,
    reportSize: 0,
    reportId: 0,
    reportCount: 0,
  };
  const stack: Globals[] = [];
  let usages: number[] = [];
  let usageMin: number | undefined;
  const collections: number[] = [];
  let application = 0;
  const reports = new Map<number, DescriptorReport>();

  const fullUsage = (value: number, size: number) => (size === 4 ? value : g.usagePage * 0x10000 + value);
  const clearLocals = () => {
    usages = [];
    usageMin = undefined;
  };

  let at = 0;
  while (at < bytes.length) {
    const prefix = bytes[at] ?? 0;
    if (prefix === 0xfe) {
      // Long item: size byte, tag byte, data. None matter for pens.
      at += 3 + (bytes[at + 1] ?? 0);
      continue;
    }
    const size = [0, 1, 2, 4][prefix & 3] ?? 0;
    if (at + 1 + size > bytes.length) break;
    const value = unsigned(bytes, at + 1, size);
    const type = (prefix >> 2) & 3;
    const tag = prefix >> 4;
    at += 1 + size;

    if (type === 1) {
      switch (tag) {
        case 0x0: g.usagePage = value; break;
        case 0x1: g.logicalMin = signed(value, size); break;
        case 0x2:
          g.logicalMax = signed(value, size);
          g.logicalMaxUnsigned = value;
          break;
        case 0x3: g.physicalMin = signed(value, size); break;
        case 0x4: g.physicalMax = signed(value, size); break;
        case 0x5: g.unitExponent = value > 15 ? signed(value, size) : value >= 8 ? value - 16 : value; break;
        case 0x6: g.unit = value; break;
        case 0x7: g.reportSize = value; break;
        case 0x8: g.reportId = value; break;
        case 0x9: g.reportCount = value; break;
        case 0xa: stack.push({ ...g }); break;
        case 0xb: g = stack.pop() ?? g; break;
      }
      continue;
    }
    if (type === 2) {
      if (tag === 0x0) usages.push(fullUsage(value, size));
      else if (tag === 0x1) usageMin = fullUsage(value, size);
      else if (tag === 0x2 && usageMin !== undefined) {
        const max = fullUsage(value, size);
        // Bounded so a hostile range cannot exhaust memory.
        for (let u = usageMin; u <= max && usages.length < 1024; u++) usages.push(u);
      }
      continue;
    }
    if (type !== 0) continue;

    if (tag === 0xa) {
      const usage = usages[0] ?? 0;
      collections.push(usage);
      if (value === 0x01 && collections.length === 1) application = usage;
    } else if (tag === 0xc) {
      collections.pop();
      if (collections.length === 0) application = 0;
    } else if (tag === 0x8) {
      const report = reports.get(g.reportId) ?? { reportId: g.reportId, fields: [], bitLength: 0 };
      reports.set(g.reportId, report);
      const constant = (value & 0x01) !== 0;
      const variable = (value & 0x02) !== 0;
      const count = Math.min(g.reportCount, 1024);
      for (let i = 0; i < count; i++) {
        const usage = usages[Math.min(i, usages.length - 1)];
        if (!constant && variable && usage !== undefined && g.reportSize >= 1 && g.reportSize <= 32) {
          const logicalMax = g.logicalMax < g.logicalMin ? g.logicalMaxUnsigned : g.logicalMax;
          const field: DescriptorField = {
            usagePage: Math.floor(usage / 0x10000),
            usage: usage % 0x10000,
            bitOffset: report.bitLength,
            bitSize: g.reportSize,
            logicalMin: g.logicalMin,
            logicalMax,
            application,
          };
          const mm = physicalMm(g);
          if (mm !== undefined) field.physicalMm = mm;
          report.fields.push(field);
        }
        report.bitLength += g.reportSize;
      }
    }
    if (tag === 0x8 || tag === 0x9 || tag === 0xa || tag === 0xb) clearLocals();
  }
  return [...reports.values()];
}

function bitsField(f: DescriptorField): Field {
  return f.logicalMin < 0
    ? { kind: 'bits', offset: f.bitOffset, size: f.bitSize, signed: true }
    : { kind: 'bits', offset: f.bitOffset, size: f.bitSize };
}

const isPenApplication = (f: DescriptorField) =>
  f.application === USAGE_PAGE_DIGITIZER * 0x10000 + DIG_PEN ||
  f.application === USAGE_PAGE_DIGITIZER * 0x10000 + DIG_DIGITIZER;

/**
 * Derives a layout from a report descriptor: the first pen report with X, Y and a tip switch or pressure. Keeps
 * `base`'s identity and commands (the generic digitizer file). Null when the descriptor has no such report.
 */
export function layoutFromDescriptor(descriptor: Uint8Array, base: Layout): Layout | null {
  const reports = parseReportDescriptor(descriptor);
  const numbered = reports.some((r) => r.reportId !== 0);
  for (const report of reports) {
    const find = (page: number, usage: number) =>
      report.fields.find((f) => f.usagePage === page && f.usage === usage && isPenApplication(f));
    const x = find(USAGE_PAGE_GENERIC_DESKTOP, GD_X);
    const y = find(USAGE_PAGE_GENERIC_DESKTOP, GD_Y);
    const tip = find(USAGE_PAGE_DIGITIZER, DIG_TIP_SWITCH);
    const pressure = find(USAGE_PAGE_DIGITIZER, DIG_TIP_PRESSURE);
    const inRange = find(USAGE_PAGE_DIGITIZER, DIG_IN_RANGE);
    if (x === undefined || y === undefined || (tip === undefined && pressure === undefined)) continue;
    // Report ids are one byte, 1..255, and a pen report fits a full-speed packet; anything else is a broken
    // descriptor, not a report we could match.
    if (numbered && (report.reportId < 1 || report.reportId > 0xff)) continue;
    if (report.bitLength > 8 * 63) continue;
    if (x.logicalMax <= 0 || y.logicalMax <= 0) continue;

    const fields: ReportLayout['fields'] = { x: bitsField(x), y: bitsField(y) };
    if (pressure !== undefined) fields.pressure = bitsField(pressure);
    if (tip !== undefined) fields.tip = bitsField(tip);
    if (inRange !== undefined) fields.inRange = bitsField(inRange);
    const capability: Layout['capability'] = {
      width: x.logicalMax,
      height: y.logicalMax,
      maxPressure: pressure !== undefined && pressure.logicalMax > 0 ? pressure.logicalMax : 1,
    };
    if (x.physicalMm !== undefined && y.physicalMm !== undefined) {
      capability.unitsPerMm = {
        x: (x.logicalMax - x.logicalMin) / x.physicalMm,
        y: (y.logicalMax - y.logicalMin) / y.physicalMm,
      };
    }
    const reportLayout: ReportLayout = {
      reportId: numbered ? report.reportId : null,
      length: (numbered ? 1 : 0) + Math.ceil(report.bitLength / 8),
      fields,
    };
    const { $schema: _schemaPath, ...identity } = base;
    return { ...identity, capability, reports: [reportLayout] };
  }
  return null;
}

