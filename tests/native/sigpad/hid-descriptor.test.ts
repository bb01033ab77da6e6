import { describe, expect, it } from 'vitest';
import { layoutFromDescriptor, parseReportDescriptor } from '../../../native/sigpad/hid-descriptor.ts';
import { bytes, layout } from './helpers.ts';
import { PEN_DESCRIPTOR } from './recording-maker.ts';

const generic = layout('hid-digitizer');

/** A pen with no report ids: tip, in range, 6 bits padding, 12-bit X and Y (0..4095 over 8 inches each). */
const UNNUMBERED = bytes(`
  05 0D 09 02 A1 01 09 20 A1 00
  09 42 09 32 15 00 25 01 75 01 95 02 81 02 95 06 81 03
  05 01 09 30 09 31 26 FF 0F 75 0C 95 02 65 13 55 00 35 00 45 08 81 02
  C0 C0`);

describe('HID report descriptor', () => {
  it('finds every field of the typical pen report, with bit offsets after the id', () => {
    const [report] = parseReportDescriptor(bytes(PEN_DESCRIPTOR));
    expect(report?.reportId).toBe(2);
    expect(report?.bitLength).toBe(56);
    const at = (page: number, usage: number) =>
      report?.fields.find((f) => f.usagePage === page && f.usage === usage);
    expect(at(0x0d, 0x42)).toMatchObject({ bitOffset: 0, bitSize: 1 });
    expect(at(0x0d, 0x44)).toMatchObject({ bitOffset: 1, bitSize: 1 });
    expect(at(0x0d, 0x32)).toMatchObject({ bitOffset: 5, bitSize: 1 });
    expect(at(0x01, 0x30)).toMatchObject({ bitOffset: 8, bitSize: 16, logicalMax: 10000, physicalMm: 100 });
    expect(at(0x01, 0x31)).toMatchObject({ bitOffset: 24, bitSize: 16, logicalMax: 6000, physicalMm: 60 });
    // Pop restored the state from before Push: no unit, logical max set again for pressure.
    expect(at(0x0d, 0x30)).toMatchObject({ bitOffset: 40, bitSize: 16, logicalMax: 2047 });
    expect(at(0x0d, 0x30)?.physicalMm).toBeUndefined();
  });

  it('derives the same layout as the generic data file describes', () => {
    const derived = layoutFromDescriptor(bytes(PEN_DESCRIPTOR), generic);
    expect(derived?.reports).toEqual(generic.reports);
    expect(derived?.capability).toEqual(generic.capability);
    expect(derived?.id).toBe('hid-digitizer');
  });

  it('handles unnumbered reports, 12-bit fields and inch units', () => {
    const derived = layoutFromDescriptor(UNNUMBERED, generic);
    expect(derived?.reports[0]).toEqual({
      reportId: null,
      length: 4,
      fields: {
        x: { kind: 'bits', offset: 8, size: 12 },
        y: { kind: 'bits', offset: 20, size: 12 },
        tip: { kind: 'bits', offset: 0, size: 1 },
        inRange: { kind: 'bits', offset: 1, size: 1 },
      },
    });
    // No pressure usage: touching or not.
    expect(derived?.capability).toMatchObject({ width: 4095, height: 4095, maxPressure: 1 });
    expect(derived?.capability.unitsPerMm?.x).toBeCloseTo(4095 / 203.2);
  });

  it('reads a one-byte logical maximum of 0xFF as 255, not -1', () => {
    const descriptor = bytes(`05 0D 09 02 A1 01 85 07 09 42 15 00 25 01 75 01 95 01 81 02 95 07 81 03
      05 01 09 30 09 31 15 00 25 FF 75 08 95 02 81 02 C0`);
    expect(layoutFromDescriptor(descriptor, generic)?.capability).toMatchObject({ width: 255, height: 255 });
  });

  it('gives null for devices that are not pens (a keyboard) and for an empty descriptor', () => {
    const keyboard = bytes(`05 01 09 06 A1 01 05 07 19 E0 29 E7 15 00 25 01 75 01 95 08 81 02 95 01 75 08 81 01
      95 06 75 08 15 00 25 65 19 00 29 65 81 00 C0`);
    expect(layoutFromDescriptor(keyboard, generic)).toBeNull();
    expect(layoutFromDescriptor(new Uint8Array(0), generic)).toBeNull();
  });

  it('ignores X/Y of a mouse collection next to the pen', () => {
    const mouseThenPen = bytes(`05 01 09 02 A1 01 85 01 09 30 09 31 15 81 25 7F 75 08 95 02 81 06 C0 ${PEN_DESCRIPTOR}`);
    expect(layoutFromDescriptor(mouseThenPen, generic)?.reports[0]?.reportId).toBe(2);
  });
});
