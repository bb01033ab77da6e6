/**
 * ID-card reader benchmarks:
 *  - ID read latency through the simulator over a socat pty at 115200 baud: from placing the card to the parsed
 *    identity, minus the time the answers spend on the wire (bytes × 10 / baud, as the simulator paces them like a
 *    UART) and minus the simulator's scripted SAM delay. What remains is the station's own cost. Goal p95 < 20 ms.
 *  - Frame decoder throughput on read-response frames. Goal > 50 MB/s.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdCardReader } from '../../native/idcard/reader.ts';
import { FrameDecoder, encodeResponse } from '../../native/idcard/sam-frame.ts';
import { BAUD_RATE, SerialTransport, serialTransportOpener } from '../../native/idcard/serial-transport.ts';
import { readResponseData } from '../../native/idcard/simulator/card-encoder.ts';
import { loadProfiles } from '../../native/idcard/simulator/profiles.ts';
import { PtyPair } from '../../native/idcard/simulator/pty-pair.ts';
import { SamSimulator } from '../../native/idcard/simulator/simulator.ts';

import { percentile, type Figure } from './report.ts';

export interface ReadLatencyOptions {
  reads?: number;
  /** Scripted SAM delay before each answer; subtracted again from the result. */
  samDelayMs?: number;
  profile?: string;
}

export async function benchIdReadLatency(
  options: ReadLatencyOptions = {},
): Promise<{ p50Ms: number; p95Ms: number; reads: number }> {
  const reads = options.reads ?? 50;
  const dir = await mkdtemp(join(tmpdir(), 'idcard-bench-'));
  const pair = await PtyPair.start({ dir });
  const sim = new SamSimulator({
    profiles: loadProfiles(),
    baud: BAUD_RATE,
    faults: { samDelayMs: options.samDelayMs ?? 0 },
  });
  const reader = new IdCardReader({ open: serialTransportOpener(pair.hostPath), rejectExpired: false, now: () => new Date() });
  try {
    sim.attach(await SerialTransport.open(pair.devicePath));
    const profile = options.profile ?? 'li-yangben';
    const overheads: number[] = [];
    // The first reads open the port and warm up the JIT; they are not what a villager waits for.
    for (let i = -3; i < reads; i++) {
      sim.remove();
      const bytesBefore = sim.stats.bytesSent;
      const delayBefore = sim.stats.delayMs;
      sim.place(profile);
      const start = performance.now();
      await reader.read();
      const elapsed = performance.now() - start;
      const wireMs = ((sim.stats.bytesSent - bytesBefore) * 10 * 1000) / BAUD_RATE;
      if (i >= 0) overheads.push(elapsed - wireMs - (sim.stats.delayMs - delayBefore));
    }
    overheads.sort((a, b) => a - b);
    return { p50Ms: percentile(overheads, 50), p95Ms: percentile(overheads, 95), reads };
  } finally {
    await reader.close();
    await sim.unplug();
    await pair.unplug();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchFrameDecoderThroughput(
  options: { megabytes?: number; chunkBytes?: number } = {},
): Promise<{ mbPerSecond: number; frames: number }> {
  const frames = [...loadProfiles().values()].flatMap((profile) => [
    encodeResponse(0x90, readResponseData(profile, 'text-photo')),
    encodeResponse(0x90, readResponseData(profile, 'text-photo-fingerprint')),
  ]);
  const target = (options.megabytes ?? 32) * 1e6;
  const parts: Buffer[] = [];
  let size = 0;
  let expected = 0;
  while (size < target) {
    const frame = frames[expected % frames.length]!;
    parts.push(frame);
    size += frame.length;
    expected++;
  }
  const stream = Buffer.concat(parts);
  const chunkBytes = options.chunkBytes ?? 4096;
  let best = Infinity;
  let decoded = 0;
  for (let round = 0; round < 3; round++) {
    decoded = 0;
    const decoder = new FrameDecoder({ onFrame: () => void decoded++ });
    const start = performance.now();
    for (let at = 0; at < stream.length; at += chunkBytes) decoder.push(stream.subarray(at, at + chunkBytes));
    best = Math.min(best, performance.now() - start);
  }
  if (decoded !== expected) throw new Error(`decoded ${decoded} of ${expected} frames`);
  return { mbPerSecond: stream.length / 1e6 / (best / 1000), frames: decoded };
}

export async function benchIdCard(): Promise<Figure[]> {
  const read = await benchIdReadLatency();
  const decoder = await benchFrameDecoderThroughput();
  return [
    { name: 'ID read via simulator over pty, minus wire and SAM time: p50', value: read.p50Ms, unit: 'ms' },
    { name: 'ID read via simulator over pty, minus wire and SAM time: p95', value: read.p95Ms, unit: 'ms', goal: { text: '< 20 ms', met: read.p95Ms < 20 } },
    { name: 'SAM frame decoder throughput', value: decoder.mbPerSecond, unit: 'MB/s', goal: { text: '> 50 MB/s', met: decoder.mbPerSecond > 50 } },
  ];
}
