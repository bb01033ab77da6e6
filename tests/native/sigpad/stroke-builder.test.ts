import { describe, expect, it } from 'vitest';
import type { PenSample } from '../../../native/sigpad/report-parser.ts';
import { SampleClock } from '../../../native/sigpad/sample-clock.ts';
import { SignatureSchema } from '../../../contract/domain/signature.ts';
import { StrokeBuilder } from '../../../native/sigpad/stroke-builder.ts';

const cap = { width: 1000, height: 500, maxPressure: 1023 };
const pen = (t: number, x: number, y: number, pressure: number, tip = pressure > 0, inRange = true): PenSample => ({
  x,
  y,
  pressure,
  t,
  tip,
  inRange,
});

describe('stroke builder', () => {
  it('makes strokes from pen down to pen up, ignoring hover, with time from the first point', () => {
    const b = new StrokeBuilder(cap);
    const events = [
      pen(100, 10, 10, 0),
      pen(105, 10, 10, 300),
      pen(110, 20, 12, 500),
      pen(115, 30, 14, 0),
      pen(120, 40, 20, 0),
      pen(125, 50, 30, 400),
      pen(130, 50, 30, 0, false, false),
    ].map((s) => b.push(s));
    expect(events.map((e) => e?.phase)).toEqual([undefined, 'down', 'move', 'up', undefined, 'down', 'up']);
    const sig = b.snapshot();
    expect(sig).toEqual({
      width: 1000,
      height: 500,
      maxPressure: 1023,
      strokes: [
        { points: [{ x: 10, y: 10, p: 300, t: 0 }, { x: 20, y: 12, p: 500, t: 5 }] },
        { points: [{ x: 50, y: 30, p: 400, t: 20 }] },
      ],
    });
    expect(SignatureSchema.safeParse(sig).success).toBe(true);
  });

  it('ends a stroke when the pen leaves the range even if the tip bit is stuck', () => {
    const b = new StrokeBuilder(cap);
    b.push(pen(0, 1, 1, 100));
    expect(b.push(pen(5, 1, 1, 100, true, false))?.phase).toBe('up');
  });

  it('clamps points to the surface and pressure to its maximum', () => {
    const b = new StrokeBuilder(cap);
    b.push(pen(0, -5, 900, 5000));
    expect(b.snapshot().strokes[0]?.points[0]).toEqual({ x: 0, y: 500, p: 1023, t: 0 });
  });

  it('clear drops the ink and restarts the clock; the open stroke is part of a snapshot', () => {
    const b = new StrokeBuilder(cap);
    b.push(pen(0, 1, 1, 100));
    b.push(pen(5, 2, 2, 100));
    b.clear();
    expect(b.isEmpty).toBe(true);
    b.push(pen(500, 3, 3, 100));
    expect(b.snapshot().strokes).toEqual([{ points: [{ x: 3, y: 3, p: 100, t: 0 }] }]);
    expect(b.isEmpty).toBe(false);
  });

  it('makes units square when the sensor resolution differs between axes', () => {
    const b = new StrokeBuilder({ width: 1000, height: 1000, maxPressure: 1, unitsPerMm: { x: 10, y: 20 } });
    b.push(pen(0, 100, 100, 1));
    const sig = b.snapshot();
    expect(sig.height).toBe(500);
    expect(sig.strokes[0]?.points[0]).toMatchObject({ x: 100, y: 50 });
  });
});

describe('sample clock', () => {
  const timed = (t: number, deviceTime?: number): PenSample => ({
    ...pen(t, 0, 0, 0),
    ...(deviceTime === undefined ? {} : { deviceTime, deviceTimeWrapMs: 65536 }),
  });

  it('uses the device counter across its wrap', () => {
    const clock = new SampleClock();
    expect([timed(0, 65530), timed(9, 65535), timed(11, 4), timed(30, 9)].map((s) => clock.next(s))).toEqual([0, 5, 10, 15]);
  });

  it('falls back to host time for a pause longer than half the wrap, and when reports carry no counter', () => {
    const clock = new SampleClock();
    clock.next(timed(0, 100));
    expect(clock.next(timed(70_000, 4_564))).toBe(70_000);
    expect(clock.next(timed(70_008))).toBe(70_008);
  });

  it('never goes backwards when host times do', () => {
    const clock = new SampleClock();
    expect([timed(10), timed(5), timed(12)].map((s) => clock.next(s))).toEqual([0, 0, 7]);
  });
});
