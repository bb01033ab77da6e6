import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SigpadBadReportError } from '../../../native/sigpad/errors.ts';
import { fieldEnd, fieldRange, readField, writeField } from '../../../native/sigpad/fields.ts';
import { layoutFromDescriptor, parseReportDescriptor } from '../../../native/sigpad/hid-descriptor.ts';
import type { Field, ReportLayout } from '../../../native/sigpad/layout.ts';
import { FieldSchema } from '../../../native/sigpad/layout.ts';
import type { ReportValues } from '../../../native/sigpad/report-parser.ts';
import { encodeReport, parseReport } from '../../../native/sigpad/report-parser.ts';
import { bytes, layout, layouts } from './helpers.ts';
import { PEN_DESCRIPTOR } from './recording-maker.ts';

const field: fc.Arbitrary<Field> = fc.oneof(
  fc.record({
    kind: fc.constant('bits' as const),
    offset: fc.integer({ min: 0, max: 200 }),
    size: fc.integer({ min: 1, max: 32 }),
    signed: fc.boolean(),
  }),
  fc
    .record({
      kind: fc.constant('bytes' as const),
      offset: fc.integer({ min: 0, max: 20 }),
      length: fc.integer({ min: 1, max: 4 }),
      endian: fc.constantFrom('big' as const, 'little' as const),
      run: fc.option(fc.tuple(fc.nat(31), fc.integer({ min: 1, max: 32 })), { nil: undefined }),
    })
    .map(({ run, ...f }): Field => {
      if (run === undefined) return f;
      // A contiguous mask inside the field, as the schema demands.
      const low = run[0] % (8 * f.length);
      const size = Math.min(run[1], 8 * f.length - low);
      return { ...f, mask: (2 ** size - 1) * 2 ** low };
    }),
);

/** A field as a layout file spells it (masks in hex). */
const asJson = (f: Field) => (f.kind === 'bytes' && f.mask !== undefined ? { ...f, mask: `0x${f.mask.toString(16)}` } : f);

function valuesFor(report: ReportLayout): fc.Arbitrary<ReportValues> {
  const range = (f: Field | undefined) => (f === undefined ? { min: 0, max: 0 } : fieldRange(f));
  const int = (f: Field | undefined) => fc.integer(range(f));
  return fc.record({
    x: int(report.fields.x),
    y: int(report.fields.y),
    pressure: int(report.fields.pressure),
    tip: fc.boolean(),
    inRange: fc.boolean(),
    time: int(report.fields.time),
  });
}

const reports = layouts.flatMap((l) => l.reports.map((r) => ({ layout: l, report: r })));

describe('report parsing is total', () => {
  it.each(layouts.map((l) => [l.id, l] as const))('%s: any bytes give a result, never an exception', (_id, l) => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.double({ min: 0, max: 1e9, noNaN: true }), (data, t) => {
        const result = parseReport(l, data, t);
        if (result.kind === 'bad') expect(result.error).toBeInstanceOf(SigpadBadReportError);
        if (result.kind === 'sample') {
          const s = result.sample;
          for (const v of [s.x, s.y, s.pressure, s.t]) expect(Number.isFinite(v)).toBe(true);
          expect(s.pressure).toBeGreaterThanOrEqual(0);
        }
        return ['sample', 'ignored', 'bad'].includes(result.kind);
      }),
      { numRuns: 2000 },
    );
  });

  it('a report of a known id is a sample exactly when it is long enough', () => {
    const stu = layout('wacom-stu-430');
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 12 }), (rest) => {
        const result = parseReport(stu, Uint8Array.of(0x01, ...rest), 0);
        expect(result.kind).toBe(rest.length >= 6 ? 'sample' : 'bad');
      }),
    );
  });
});

describe('encode → parse round trip', () => {
  it.each(reports.map((r) => [`${r.layout.id} 0x${(r.report.reportId ?? 0).toString(16)}`, r] as const))(
    '%s',
    (_name, { layout: l, report }) => {
      fc.assert(
        fc.property(valuesFor(report), fc.nat(), (values, t) => {
          const parsed = parseReport(l, encodeReport(report, values), t);
          expect(parsed.kind).toBe('sample');
          if (parsed.kind !== 'sample') return;
          expect(parsed.sample).toMatchObject({
            x: values.x,
            y: values.y,
            pressure: values.pressure,
            tip: values.tip,
            inRange: values.inRange,
            t,
          });
          if (report.fields.time !== undefined) {
            expect(parsed.sample.deviceTime).toBe((values.time as number) * (report.timeUnitMs ?? 1));
          }
        }),
        { numRuns: 500 },
      );
    },
  );

  it('holds for any valid field and any value in its range', () => {
    fc.assert(
      fc.property(
        field.chain((f) => fc.tuple(fc.constant(f), fc.integer(fieldRange(f)))),
        ([f, value]) => {
          expect(FieldSchema.safeParse(asJson(f)).success).toBe(true);
          const payload = new Uint8Array(fieldEnd(f));
          writeField(payload, f, value);
          expect(readField(payload, f)).toBe(value);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('report descriptor parsing is total', () => {
  it('any bytes give reports (maybe none) and a layout or null, never an exception', () => {
    const base = layout('hid-digitizer');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (descriptor) => {
        const reports = parseReportDescriptor(descriptor);
        expect(Array.isArray(reports)).toBe(true);
        const derived = layoutFromDescriptor(descriptor, base);
        if (derived !== null) expect(derived.capability.width).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('a real pen descriptor, truncated or with bytes changed, still parses without an exception', () => {
    const base = layout('hid-digitizer');
    const pen = bytes(PEN_DESCRIPTOR);
    const mutated = fc
      .tuple(fc.nat(pen.length), fc.array(fc.tuple(fc.nat(pen.length - 1), fc.nat(255)), { maxLength: 4 }))
      .map(([cut, changes]) => {
        const copy = pen.slice(0, cut);
        for (const [at, value] of changes) if (at < copy.length) copy[at] = value;
        return copy;
      });
    fc.assert(
      fc.property(mutated, (descriptor) => {
        const derived = layoutFromDescriptor(descriptor, base);
        if (derived === null) return;
        const report = derived.reports[0] as ReportLayout;
        // Whatever was derived must itself parse its own encoding.
        const encoded = encodeReport(report, { x: 1, y: 1, pressure: 0, tip: false, inRange: true });
        expect(parseReport(derived, encoded, 0).kind).toBe('sample');
      }),
      { numRuns: 3000 },
    );
  });
});
