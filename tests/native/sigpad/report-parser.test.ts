import { describe, expect, it } from 'vitest';
import { SigpadBadReportError } from '../../../native/sigpad/errors.ts';
import type { Layout } from '../../../native/sigpad/layout.ts';
import type { ParseResult, PenSample } from '../../../native/sigpad/report-parser.ts';
import { encodeCapability, parseCapability, parseReport } from '../../../native/sigpad/report-parser.ts';
import { bytes, layout, recording, RECORDINGS } from './helpers.ts';

function sample(result: ParseResult): PenSample {
  if (result.kind !== 'sample') throw new Error(`expected a sample, got ${result.kind}`);
  return result.sample;
}

describe('Wacom STU pen data 0x01', () => {
  const stu = layout('wacom-stu-430');

  it('reads pressure (12 bits, BE, high nibble in byte 0), tip, in-range, x and y', () => {
    // byte 0 = 0x90: rdy (0x80) + sw (0x10) + pressure bits 11..8 = 0; pressure = 0x0F1.
    expect(sample(parseReport(stu, bytes('01 90 F1 12 34 0A BC'), 42))).toEqual({
      x: 0x1234,
      y: 0x0abc,
      pressure: 241,
      t: 42,
      inRange: true,
      tip: true,
    });
  });

  it('reads a hovering pen and a pen leaving the range', () => {
    expect(sample(parseReport(stu, bytes('01 80 00 00 10 00 20'), 0))).toMatchObject({ tip: false, inRange: true, pressure: 0 });
    expect(sample(parseReport(stu, bytes('01 00 00 00 00 00 00'), 0))).toMatchObject({ tip: false, inRange: false });
  });

  it('keeps the top nibble of pressure apart from the flag bits', () => {
    expect(sample(parseReport(stu, bytes('01 93 FF 00 00 00 00'), 0)).pressure).toBe(0x3ff);
  });

  it('ignores other input reports (status, buttons) and flags short pen reports', () => {
    expect(parseReport(stu, bytes('03 00 00 00 00'), 0)).toEqual({ kind: 'ignored', reportId: 3 });
    const short = parseReport(stu, bytes('01 90 F1 12'), 0);
    expect(short.kind).toBe('bad');
    expect(short.kind === 'bad' && short.error).toBeInstanceOf(SigpadBadReportError);
    expect(short.kind === 'bad' && short.error.params).toMatchObject({ reportId: 1, length: 4 });
    expect(parseReport(stu, new Uint8Array(0), 0).kind).toBe('bad');
  });

  it('accepts reports longer than the layout needs (hidapi may pad them)', () => {
    expect(sample(parseReport(stu, bytes('01 90 F1 12 34 0A BC 00 00 00'), 0)).x).toBe(0x1234);
  });
});

describe('Wacom STU pen data with time count 0x34', () => {
  it('adds the device time, which wraps at 16 bits of milliseconds', () => {
    const s = sample(parseReport(layout('wacom-stu-540'), bytes('34 80 00 01 00 02 00 FF FE 00 07'), 5));
    expect(s).toMatchObject({ x: 256, y: 512, tip: false, inRange: true, deviceTime: 65534, deviceTimeWrapMs: 65536 });
  });
});

describe('capability feature report 0x09', () => {
  it('reads width, height and max pressure from bytes 1, 3, 5', () => {
    const stu = layout('wacom-stu-540');
    const answer = bytes('09 2A30 1950 03FF 0320 01E0 C8 09EC 0F 0000');
    expect(parseCapability(stu, answer)).toEqual({ width: 10800, height: 6480, maxPressure: 1023, unitsPerMm: { x: 100, y: 100 } });
  });

  it('round-trips through the simulator encoding', () => {
    const stu = layout('wacom-stu-430');
    const cap = { width: 9600, height: 6000, maxPressure: 1023 };
    expect(parseCapability(stu, encodeCapability(stu, cap) as Uint8Array)).toMatchObject(cap);
  });

  it('refuses an answer of zeros, a wrong id or a short report, so the declared numbers are used', () => {
    const stu = layout('wacom-stu-430');
    expect(parseCapability(stu, bytes('09' + '00'.repeat(16)))).toBeNull();
    expect(parseCapability(stu, bytes('08 2580 1770 03FF'))).toBeNull();
    expect(parseCapability(stu, bytes('09 2580'))).toBeNull();
    expect(parseCapability(layout('hid-digitizer'), bytes('09 2580 1770 03FF'))).toBeNull();
  });
});

describe('generic HID digitizer (bit fields)', () => {
  const pen = layout('hid-digitizer');

  it('reads tip (bit 0), in range (bit 5), 16-bit little-endian X, Y and pressure', () => {
    expect(sample(parseReport(pen, bytes('02 21 10 27 70 17 FF 07'), 1))).toEqual({
      x: 10000,
      y: 6000,
      pressure: 2047,
      t: 1,
      inRange: true,
      tip: true,
    });
  });

  it('reads devices without report ids from byte 0', () => {
    const unnumbered: Layout = { ...pen, reports: pen.reports.map((r) => ({ ...r, reportId: null, length: 7 })) };
    expect(sample(parseReport(unnumbered, bytes('21 10 27 70 17 FF 07'), 0))).toMatchObject({ x: 10000, tip: true });
  });

  it('derives the tip from pressure when the layout has no tip switch', () => {
    const noTip: Layout = {
      ...pen,
      reports: pen.reports.map(({ fields: { tip: _tip, ...fields }, ...r }) => ({ ...r, fields })),
    };
    expect(sample(parseReport(noTip, bytes('02 20 10 27 70 17 05 00'), 0)).tip).toBe(true);
    expect(sample(parseReport(noTip, bytes('02 20 10 27 70 17 00 00'), 0)).tip).toBe(false);
  });
});

describe('recorded sessions', () => {
  it.each([
    [RECORDINGS.stu430, 'wacom-stu-430', 0x01],
    [RECORDINGS.stu540, 'wacom-stu-540', 0x34],
    [RECORDINGS.digitizer, 'hid-digitizer', 0x02],
  ])('%s parses report by report with no bad ones', async (file, layoutId, reportId) => {
    const rec = await recording(file);
    const l = layout(layoutId);
    expect(rec.layout).toBe(layoutId);
    const results = rec.reports.map((r) => parseReport(l, r.data, r.t));
    expect(results.every((r) => r.kind === 'sample')).toBe(true);
    expect(rec.reports.every((r) => r.data[0] === reportId)).toBe(true);
    const samples = results.map(sample);
    // Hover before the first stroke, ink, then the pen leaving the range.
    expect(samples[0]).toMatchObject({ tip: false, inRange: true });
    expect(samples.some((s) => s.tip)).toBe(true);
    expect(samples.at(-1)).toMatchObject({ tip: false, inRange: false });
    const { width, height, maxPressure } = l.capability;
    for (const s of samples) {
      expect(s.x).toBeLessThanOrEqual(width);
      expect(s.y).toBeLessThanOrEqual(height);
      expect(s.pressure).toBeLessThanOrEqual(maxPressure);
      if (s.tip) expect(s.pressure).toBeGreaterThan(0);
    }
  });

  it('the STU-540 session crosses the wrap of the device clock', async () => {
    const rec = await recording(RECORDINGS.stu540);
    const times = rec.reports.map((r) => sample(parseReport(layout('wacom-stu-540'), r.data, r.t)).deviceTime as number);
    expect(times.some((t, i) => i > 0 && t < (times[i - 1] as number))).toBe(true);
  });
});
