import { describe, expect, it } from 'vitest';
import { SigpadEmptySignatureError, SigpadNotCapturingError } from '../../../native/sigpad/errors.ts';
import type { Recording } from '../../../native/sigpad/recording.ts';
import { signatureFromRecording } from '../../../native/sigpad/recording.ts';
import { encodeCapability } from '../../../native/sigpad/report-parser.ts';
import type { PadStatus, SignaturePad } from '../../../native/sigpad/signature-pad.ts';
import { createSignaturePad } from '../../../native/sigpad/signature-pad.ts';
import { SignatureSchema } from '../../../contract/domain/signature.ts';
import { SimulatedTransport } from '../../../native/sigpad/simulator-transport.ts';
import type { StrokeEvent } from '../../../native/sigpad/stroke-builder.ts';
import { bytes, layout, layouts, recording, RECORDINGS } from './helpers.ts';

function padFor(rec: Recording) {
  const sim = new SimulatedTransport(rec);
  const pad = createSignaturePad({ transport: sim, layouts });
  const points: StrokeEvent[] = [];
  const states: PadStatus[] = [];
  pad.on('point', (e) => points.push(e));
  pad.on('state', (s) => states.push(s));
  return { sim, pad, points, states };
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}

describe('signature pad over the simulator, end to end', () => {
  it.each([
    [RECORDINGS.stu430, 'wacom-stu-430', 15],
    [RECORDINGS.stu540, 'wacom-stu-540', 13],
    [RECORDINGS.digitizer, 'hid-digitizer', 8],
  ])('%s: start, replay, confirm gives the recorded signature', async (file, layoutId, strokes) => {
    const rec = await recording(file);
    const { sim, pad, points } = padFor(rec);
    await pad.start();
    expect(pad.status()).toMatchObject({ state: 'capturing', device: { layoutId } });
    await sim.play();
    const signature = await pad.confirm();
    expect(pad.status().state).toBe('ready');
    expect(SignatureSchema.safeParse(signature).success).toBe(true);
    expect(signature.strokes).toHaveLength(strokes);
    expect(signature).toEqual(signatureFromRecording(rec, layouts));
    // Live events: one down and one up per stroke, a move for every other point.
    expect(points.filter((e) => e.phase === 'down')).toHaveLength(strokes);
    expect(points.filter((e) => e.phase === 'up')).toHaveLength(strokes);
    const pointCount = signature.strokes.reduce((n, s) => n + s.points.length, 0);
    expect(points.filter((e) => e.phase !== 'up')).toHaveLength(pointCount);
    // Times are the device's: 5 ms per report, from 0 at the first point.
    expect(signature.strokes[0]?.points[0]?.t).toBe(0);
  });

  it('sends the STU its commands: time-stamped reports at open, clear and ink on at start, ink off at the end', async () => {
    const { sim, pad } = padFor(await recording(RECORDINGS.stu430));
    await pad.start();
    await sim.play();
    await pad.confirm();
    expect(sim.sent.map(hex)).toEqual(['3203', '2000', '2101', '2100', '2000']);
  });

  it('uses the width, height and pressure range the pad reports over the declared ones', async () => {
    const rec = await recording(RECORDINGS.stu540);
    const stu = layout('wacom-stu-540');
    const answer = encodeCapability(stu, { width: 12000, height: 7000, maxPressure: 2047 }) as Uint8Array;
    const { pad } = padFor({ ...rec, featureReports: [answer] });
    await pad.start();
    expect(pad.status().device?.surface).toEqual({ width: 12000, height: 7000, maxPressure: 2047 });
  });

  it('derives a generic digitizer layout from its report descriptor', async () => {
    const rec = await recording(RECORDINGS.digitizer);
    // Same pen, but the descriptor says 12000 × 8000 over 100 × 60 mm: not the layout file's 10000 × 6000. Y then has
    // finer units than X (133 vs 120 per mm), so it is rescaled to X's: 8000 × 120 / 133.3 = 7200.
    const descriptor = bytes(hex(rec.descriptor as Uint8Array).replace('261027', '26e02e').replace('267017', '26401f'));
    const { pad } = padFor({ ...rec, descriptor });
    await pad.start();
    expect(pad.status().device?.surface).toMatchObject({ width: 12000, height: 7200 });
  });

  it('clear drops the ink so far and the capture goes on', async () => {
    const rec = await recording(RECORDINGS.stu430);
    const { sim, pad } = padFor(rec);
    let cleared = 0;
    pad.on('cleared', () => cleared++);
    await pad.start();
    await sim.play(rec.reports.slice(0, 200));
    await pad.clear();
    await sim.play(rec.reports.slice(200));
    const signature = await pad.confirm();
    expect(cleared).toBe(1);
    const full = signatureFromRecording(rec, layouts);
    expect(signature.strokes.length).toBeLessThan(full.strokes.length);
    expect(signature.strokes.at(-1)?.points.map((p) => [p.x, p.y])).toEqual(full.strokes.at(-1)?.points.map((p) => [p.x, p.y]));
    expect(signature.strokes[0]?.points[0]?.t).toBe(0);
  });

  it('refuses to confirm nothing, and stays capturing so the person can still sign', async () => {
    const rec = await recording(RECORDINGS.stu430);
    const { sim, pad } = padFor(rec);
    await pad.start();
    await sim.play(rec.reports.slice(0, 5)); // hover only
    const error = await rejection(pad.confirm());
    expect(error).toBeInstanceOf(SigpadEmptySignatureError);
    expect(error).toMatchObject({ code: 'sigpad.empty-signature', kind: 'input' });
    expect(pad.status().state).toBe('capturing');
    await sim.play();
    expect((await pad.confirm()).strokes).toHaveLength(15);
  });

  it('confirm and clear outside a capture are typed errors; cancel ends a capture without a signature', async () => {
    const { pad } = padFor(await recording(RECORDINGS.stu430));
    expect(await rejection(pad.confirm())).toBeInstanceOf(SigpadNotCapturingError);
    expect(await rejection(pad.clear())).toMatchObject({ code: 'sigpad.not-capturing', params: { state: 'absent' } });
    await pad.start();
    await pad.cancel();
    expect(pad.status().state).toBe('ready');
    expect(await rejection(pad.confirm())).toBeInstanceOf(SigpadNotCapturingError);
  });

  it('probe reports ready or absent without throwing', async () => {
    const { sim, pad } = padFor(await recording(RECORDINGS.stu430));
    sim.unplug();
    expect(await pad.probe()).toMatchObject({ state: 'absent', lastError: { code: 'sigpad.absent' } });
    sim.plug();
    expect(await pad.probe()).toMatchObject({ state: 'ready', device: { name: 'STU-430', layoutId: 'wacom-stu-430' } });
  });

  it('drops ink when unplugged mid-capture and works again once plugged back, without a restart', async () => {
    const rec = await recording(RECORDINGS.stu540);
    const { sim, pad, states } = padFor(rec);
    await pad.start();
    await sim.play(rec.reports.slice(0, 100));
    sim.unplug();
    expect(pad.status()).toMatchObject({ state: 'error', lastError: { code: 'sigpad.detached', params: { device: 'STU-540' } } });
    expect(pad.status().device).toBeUndefined();
    expect(await rejection(pad.confirm())).toBeInstanceOf(SigpadNotCapturingError);

    expect(await rejection(pad.start())).toMatchObject({ code: 'sigpad.absent' });
    expect(pad.status().state).toBe('absent');

    sim.plug();
    await pad.start();
    expect(pad.status()).toMatchObject({ state: 'capturing' });
    expect(pad.status().lastError).toBeUndefined();
    await sim.play();
    expect(await pad.confirm()).toEqual(signatureFromRecording(rec, layouts));
    expect(states.map((s) => s.state)).toEqual(['ready', 'capturing', 'error', 'absent', 'ready', 'capturing', 'ready']);
  });

  it('an unplug while the pad is being set up fails that start instead of capturing nothing', async () => {
    const { sim, pad } = padFor(await recording(RECORDINGS.stu430));
    sim.getFeatureReport = async () => {
      sim.unplug();
      throw new Error('device gone');
    };
    expect(await rejection(pad.start())).toMatchObject({ code: 'sigpad.detached' });
    expect(pad.status()).toMatchObject({ state: 'absent', lastError: { code: 'sigpad.detached' } });
    expect(pad.status().device).toBeUndefined();
  });

  it('an unplug while idle leaves the pad absent', async () => {
    const { sim, pad } = padFor(await recording(RECORDINGS.stu430));
    await pad.probe();
    sim.unplug();
    expect(pad.status()).toMatchObject({ state: 'absent', lastError: { code: 'sigpad.detached' } });
  });

  it('a device fault puts the pad in error, and the next start opens it afresh', async () => {
    const rec = await recording(RECORDINGS.stu430);
    const { sim, pad } = padFor(rec);
    await pad.start();
    sim.fail(new Error('read error: I/O'));
    expect(pad.status()).toMatchObject({ state: 'error', lastError: { code: 'sigpad.device-error' } });
    await pad.start();
    await sim.play();
    expect((await pad.confirm()).strokes).toHaveLength(15);
  });

  it('keeps capturing through a malformed report and records it', async () => {
    const rec = await recording(RECORDINGS.stu430);
    const { sim, pad } = padFor(rec);
    await pad.start();
    await sim.play([{ t: 0, data: bytes('01 90') }, ...rec.reports]);
    expect(pad.status().lastError).toMatchObject({ code: 'sigpad.bad-report', params: { reportId: 1, length: 2 } });
    expect((await pad.confirm()).strokes).toHaveLength(15);
  });

  it('runs overlapping calls one after another', async () => {
    const { sim, pad } = padFor(await recording(RECORDINGS.stu430));
    const opened: string[] = [];
    const open = sim.open.bind(sim);
    sim.open = async () => {
      opened.push('open');
      return open();
    };
    await Promise.all([pad.start(), pad.start(), pad.probe()]);
    expect(opened).toEqual(['open']);
    expect(pad.status().state).toBe('capturing');
  });

  it('close releases the device', async () => {
    const { sim, pad } = padFor(await recording(RECORDINGS.stu430));
    await pad.start();
    await pad.close();
    expect(pad.status().state).toBe('absent');
    await expect(sim.play()).rejects.toThrow(/not open/);
  });
});

describe('a pad the code is given', () => {
  it('is usable through the SignaturePad interface alone', async () => {
    const rec = await recording(RECORDINGS.stu430);
    const sim = new SimulatedTransport(rec);
    const pad: SignaturePad = createSignaturePad({ transport: sim, layouts });
    await pad.start();
    await sim.play();
    expect((await pad.confirm()).width).toBe(9600);
  });
});
