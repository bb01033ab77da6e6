import type { PenSample } from './report-parser.ts';

/**
 * Turns report times into one monotonic millisecond timeline. The device's own counter is steadier than host
 * arrival times (USB batches reports), but it wraps — 16 bits of ms on a Wacom STU is 65 s — so a long pause is
 * measured by the host clock instead.
 */
export class SampleClock {
  private last: PenSample | undefined;
  private now = 0;

  reset(): void {
    this.last = undefined;
    this.now = 0;
  }

  /** Milliseconds since the first sample after reset. */
  next(sample: PenSample): number {
    const last = this.last;
    this.last = sample;
    if (last === undefined) return (this.now = 0);
    const hostDelta = Math.max(0, sample.t - last.t);
    let delta = hostDelta;
    const wrap = sample.deviceTimeWrapMs;
    if (sample.deviceTime !== undefined && last.deviceTime !== undefined && wrap !== undefined) {
      const deviceDelta = (((sample.deviceTime - last.deviceTime) % wrap) + wrap) % wrap;
      if (hostDelta < wrap / 2) delta = deviceDelta;
    }
    this.now += delta;
    return this.now;
  }
}
