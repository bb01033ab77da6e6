/**
 * Makes the recordings in assets/sigpad/recordings from pen paths: Chinese names written stroke by stroke, sampled
 * at 200 Hz with a minimum-jerk speed profile, pressure that swells mid-stroke, hand tremor, and hover reports
 * between strokes — encoded through each model's layout. `npx tsx tests/native/sigpad/recording-maker.ts` rewrites
 * the files; a test checks they still match.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Layout, ReportLayout } from '../../../native/sigpad/layout.ts';
import { declaredCapability, DEFAULT_LAYOUT_DIR, loadLayouts } from '../../../native/sigpad/layouts.ts';
import { DEFAULT_RECORDING_DIR } from '../../../native/sigpad/recording.ts';
import { encodeCapability, encodeReport } from '../../../native/sigpad/report-parser.ts';
import { mulberry32 } from '../../../scripts/lib/seeded-random.ts';

type Pt = readonly [number, number];
/** A character: strokes in writing order, each a polyline in a unit box (y down). */
type Glyph = readonly (readonly Pt[])[];

const GLYPHS: Record<string, Glyph> = {
  王: [
    [[0.15, 0.2], [0.85, 0.18]],
    [[0.22, 0.5], [0.78, 0.49]],
    [[0.5, 0.2], [0.5, 0.85]],
    [[0.1, 0.86], [0.9, 0.83]],
  ],
  小: [
    [[0.5, 0.08], [0.5, 0.85], [0.42, 0.8]],
    [[0.28, 0.35], [0.2, 0.6]],
    [[0.7, 0.35], [0.8, 0.58]],
  ],
  明: [
    [[0.05, 0.25], [0.05, 0.75]],
    [[0.05, 0.25], [0.35, 0.25], [0.35, 0.75]],
    [[0.05, 0.5], [0.35, 0.5]],
    [[0.05, 0.75], [0.35, 0.75]],
    [[0.55, 0.1], [0.55, 0.6], [0.45, 0.95]],
    [[0.55, 0.1], [0.9, 0.1], [0.9, 0.9], [0.82, 0.85]],
    [[0.55, 0.38], [0.9, 0.38]],
    [[0.55, 0.62], [0.9, 0.62]],
  ],
  李: [
    [[0.15, 0.2], [0.85, 0.2]],
    [[0.5, 0.05], [0.5, 0.5]],
    [[0.48, 0.25], [0.2, 0.45]],
    [[0.55, 0.28], [0.8, 0.45]],
    [[0.25, 0.55], [0.7, 0.55], [0.5, 0.68]],
    [[0.5, 0.68], [0.52, 0.95], [0.42, 0.9]],
    [[0.1, 0.76], [0.9, 0.74]],
  ],
  华: [
    [[0.3, 0.05], [0.12, 0.35]],
    [[0.22, 0.22], [0.22, 0.5]],
    [[0.7, 0.08], [0.45, 0.3]],
    [[0.5, 0.05], [0.5, 0.42], [0.85, 0.42], [0.88, 0.35]],
    [[0.1, 0.65], [0.9, 0.63]],
    [[0.5, 0.5], [0.5, 0.98]],
  ],
  张: [
    [[0.08, 0.12], [0.35, 0.12], [0.33, 0.38], [0.08, 0.38], [0.06, 0.62], [0.38, 0.62], [0.33, 0.92], [0.25, 0.88]],
    [[0.75, 0.08], [0.55, 0.35]],
    [[0.45, 0.48], [0.95, 0.46]],
    [[0.55, 0.3], [0.55, 0.9], [0.68, 0.82]],
    [[0.62, 0.55], [0.95, 0.92]],
  ],
  三: [
    [[0.2, 0.2], [0.8, 0.19]],
    [[0.28, 0.5], [0.72, 0.5]],
    [[0.1, 0.82], [0.9, 0.8]],
  ],
};

export interface RecordingSpec {
  file: string;
  layout: string;
  name: string;
  reportId: number;
  device: { vendorId: string; productId: string; product: string; usagePage?: string; usage?: string };
  seed: number;
  /** First value of the device's time counter, to cross its wrap. */
  deviceTimeStart?: number;
  /** Byte offset (after the id) of a 16-bit big-endian sequence number the device adds. */
  sequenceOffset?: number;
  descriptor?: string;
}

/** A typical pen digitizer's report descriptor, item by item (HID 1.11 short items). */
export const PEN_DESCRIPTOR = [
  ['05 0d', 'usage page: digitizer'],
  ['09 02', 'usage: pen'],
  ['a1 01', 'collection: application'],
  ['85 02', '  report id 2'],
  ['09 20', '  usage: stylus'],
  ['a1 00', '  collection: physical'],
  ['09 42 09 44 09 45 09 3c', '    tip switch, barrel switch, eraser, invert'],
  ['15 00 25 01 75 01 95 04 81 02', '    four 1-bit inputs'],
  ['95 01 81 03', '    1 bit padding'],
  ['09 32 81 02', '    in range'],
  ['95 02 81 03', '    2 bits padding'],
  ['05 01 09 30 75 10 95 01', '    generic desktop X, 16 bits'],
  ['a4', '    push'],
  ['55 0e 65 11 35 00 46 e8 03', '    unit 10^-2 cm, physical 0..1000 (100 mm)'],
  ['26 10 27 81 02', '    logical 0..10000, input'],
  ['09 31 46 58 02 26 70 17 81 02', '    Y: physical 0..600 (60 mm), logical 0..6000'],
  ['b4', '    pop'],
  ['05 0d 09 30 26 ff 07 81 02', '    tip pressure 0..2047'],
  ['c0', '  end collection'],
  ['c0', 'end collection'],
]
  .map(([item]) => (item as string).replace(/ /g, ''))
  .join('');

export const SPECS: RecordingSpec[] = [
  {
    file: 'stu-430-wang-xiaoming.json',
    layout: 'wacom-stu-430',
    name: '王小明',
    reportId: 0x01,
    device: { vendorId: '0x056A', productId: '0x00A4', product: 'STU-430' },
    seed: 430,
  },
  {
    file: 'stu-540-li-hua.json',
    layout: 'wacom-stu-540',
    name: '李华',
    reportId: 0x34,
    device: { vendorId: '0x056A', productId: '0x00A8', product: 'STU-540' },
    seed: 540,
    deviceTimeStart: 64_000,
    sequenceOffset: 8,
  },
  {
    file: 'hid-digitizer-zhang-san.json',
    layout: 'hid-digitizer',
    name: '张三',
    reportId: 0x02,
    device: {
      vendorId: '0x1209',
      productId: '0x0001',
      product: 'HID pen (pid.codes test id)',
      usagePage: '0x000D',
      usage: '0x0002',
    },
    seed: 13,
    descriptor: PEN_DESCRIPTOR,
  },
];


const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

function segmentLengths(path: Pt[]): number[] {
  return path.slice(1).map((p, i) => Math.hypot(p[0] - (path[i] as Pt)[0], p[1] - (path[i] as Pt)[1]));
}

/** Point at arc-length share u (0..1) along a polyline. */
function along(path: Pt[], u: number): Pt {
  const lengths = segmentLengths(path);
  const total = lengths.reduce((a, b) => a + b, 0);
  let left = u * total;
  for (let i = 0; i < lengths.length; i++) {
    const len = lengths[i] as number;
    const a = path[i] as Pt;
    const b = path[i + 1] as Pt;
    if (left <= len || i === lengths.length - 1) {
      const f = len === 0 ? 0 : Math.min(1, left / len);
      return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
    }
    left -= len;
  }
  return path[path.length - 1] as Pt;
}

const minimumJerk = (s: number) => s * s * s * (10 - 15 * s + 6 * s * s);

export function makeRecording(spec: RecordingSpec, layout: Layout): object {
  const random = mulberry32(spec.seed);
  const cap = declaredCapability(layout);
  const report = layout.reports.find((r) => r.reportId === spec.reportId) as ReportLayout;
  const chars = [...spec.name];
  const cell = Math.min((cap.width * 0.8) / chars.length, cap.height * 0.6);
  const left = (cap.width - cell * chars.length) / 2;
  const top = cap.height * 0.2;
  const unitsPerMs = (cap.width / 100) * 0.09; // ~90 mm/s on a 100 mm wide pad
  const period = 5; // 200 Hz

  // Device-coordinate strokes, with a slight rightward slant and each character nudged off the grid.
  const strokes: Pt[][] = chars.flatMap((ch, i) => {
    const dx = left + i * cell + (random() - 0.5) * cell * 0.08;
    const dy = top + (random() - 0.5) * cell * 0.1;
    return (GLYPHS[ch] ?? []).map((stroke) =>
      stroke.map(([x, y]): Pt => [dx + (x + (0.5 - y) * 0.12) * cell * 0.9, dy + y * cell]),
    );
  });

  const reports: [number, string][] = [];
  let tick = 0;
  let sequence = 0;
  const emit = (x: number, y: number, pressure: number, tip: boolean, inRange: boolean) => {
    const values = {
      x: Math.round(Math.min(Math.max(x, 0), cap.width)),
      y: Math.round(Math.min(Math.max(y, 0), cap.height)),
      pressure: Math.round(Math.min(Math.max(pressure, 0), cap.maxPressure)),
      tip,
      inRange,
      time: ((spec.deviceTimeStart ?? 0) + tick * period) % 65536,
    };
    const data = encodeReport(report, inRange ? values : { ...values, x: 0, y: 0, pressure: 0, tip: false });
    if (spec.sequenceOffset !== undefined) {
      data[1 + spec.sequenceOffset] = (sequence >> 8) & 0xff;
      data[2 + spec.sequenceOffset] = sequence & 0xff;
      sequence = (sequence + 1) & 0xffff;
    }
    // Host arrival times jitter by a millisecond or two: USB polls, the OS schedules.
    reports.push([tick * period + Math.floor(random() * 2), hex(data)]);
    tick++;
  };
  const hover = (from: Pt, to: Pt, steps: number) => {
    for (let k = 1; k <= steps; k++) {
      const s = k / steps;
      emit(from[0] + (to[0] - from[0]) * s, from[1] + (to[1] - from[1]) * s, 0, false, true);
    }
  };

  const first = strokes[0]?.[0] as Pt;
  hover([first[0] - cell * 0.3, first[1] - cell * 0.3], first, 8);
  strokes.forEach((stroke, n) => {
    const length = segmentLengths(stroke).reduce((a, b) => a + b, 0);
    const samples = Math.max(4, Math.round(length / unitsPerMs / period) + 6);
    const peak = 0.55 + random() * 0.25;
    for (let k = 0; k < samples; k++) {
      const s = k / (samples - 1);
      const [x, y] = along(stroke, minimumJerk(s));
      const tremor = () => (random() - 0.5) * 6;
      // Light at touch-down and lift-off, heaviest mid-stroke, never quite zero while touching.
      const swell = Math.sin(Math.PI * Math.min(0.98, Math.max(0.02, s))) ** 0.6;
      const pressure = cap.maxPressure * (0.12 + peak * swell) * (0.96 + random() * 0.08);
      emit(x + tremor(), y + tremor(), pressure, true, true);
    }
    const end = stroke[stroke.length - 1] as Pt;
    const next = strokes[n + 1]?.[0];
    if (next === undefined) {
      hover(end, [end[0] + cell * 0.3, end[1] + cell * 0.2], 8);
    } else {
      // The pen travels faster in the air than on paper.
      const gap = Math.hypot(next[0] - end[0], next[1] - end[1]);
      hover(end, next, Math.max(6, Math.round(gap / unitsPerMs / period / 1.5)));
    }
  });
  emit(0, 0, 0, false, false);

  const capability = encodeCapability(layout, cap);
  const recording: Record<string, unknown> = {
    layout: spec.layout,
    description:
      `${spec.name} written on a simulated ${layout.name} (${strokes.length} strokes), ` +
      'made by tests/native/sigpad/recording-maker.ts',
    device: spec.device,
    featureReports: capability === null ? [] : [hex(capability)],
  };
  if (spec.descriptor !== undefined) recording['descriptor'] = spec.descriptor;
  recording['reports'] = reports;
  return recording;
}

/** The file text, one report per line so diffs stay readable. */
export function recordingText(recording: object): string {
  const { reports, ...head } = recording as { reports: [number, string][] };
  const body = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  const lines = reports.map(([t, h]) => `    [${t}, "${h}"]`).join(',\n');
  return `${body},\n  "reports": [\n${lines}\n  ]\n}\n`;
}

export async function makeAll(): Promise<Map<string, string>> {
  const layouts = await loadLayouts(DEFAULT_LAYOUT_DIR);
  const out = new Map<string, string>();
  for (const spec of SPECS) {
    const layout = layouts.find((l) => l.id === spec.layout) as Layout;
    out.set(spec.file, recordingText(makeRecording(spec, layout)));
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [file, text] of await makeAll()) await writeFile(join(DEFAULT_RECORDING_DIR, file), text);
}
