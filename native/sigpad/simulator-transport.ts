import { Emitter } from './emitter.ts';
import { SigpadAbsentError } from './errors.ts';
import type { RecordedReport, Recording } from './recording.ts';
import type { DeviceInfo, SigpadTransport, TransportEvents } from './transport.ts';

export interface SimulatorOptions {
  /** 'instant' replays as fast as the event loop turns (tests); 'realtime' keeps the recorded pace (demos). */
  pace?: 'instant' | 'realtime';
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A pad that speaks the same reports as the real one, replayed from a recording. It can be unplugged and plugged
 * back to exercise recovery. Every command sent to it is kept in `sent`.
 */
export class SimulatedTransport implements SigpadTransport {
  private readonly events = new Emitter<TransportEvents>();
  private readonly pace: 'instant' | 'realtime';
  private opened = false;
  private plugged = true;
  readonly sent: Uint8Array[] = [];

  constructor(
    private readonly recording: Recording,
    options: SimulatorOptions = {},
  ) {
    this.pace = options.pace ?? 'instant';
  }

  on<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): () => void {
    return this.events.on(event, listener);
  }

  async open(): Promise<DeviceInfo> {
    if (!this.plugged) throw new SigpadAbsentError();
    this.opened = true;
    return this.recording.device;
  }

  async close(): Promise<void> {
    this.opened = false;
  }

  private requireOpen(): void {
    if (!this.opened) throw new Error('simulated pad is not open');
  }

  async getFeatureReport(reportId: number, length: number): Promise<Uint8Array> {
    this.requireOpen();
    const report = this.recording.featureReports.find((r) => r[0] === reportId);
    if (report === undefined) throw new Error(`simulated pad has no feature report 0x${reportId.toString(16)}`);
    const out = new Uint8Array(length);
    out.set(report.subarray(0, length));
    return out;
  }

  async sendFeatureReport(data: Uint8Array): Promise<void> {
    this.requireOpen();
    this.sent.push(Uint8Array.from(data));
  }

  async reportDescriptor(): Promise<Uint8Array | null> {
    this.requireOpen();
    return this.recording.descriptor;
  }

  /** Sends the recording's reports (or the given ones); stops early if the pad is closed or unplugged. */
  async play(reports: RecordedReport[] = this.recording.reports): Promise<void> {
    this.requireOpen();
    // Whole milliseconds, so replayed arrival times differ exactly as recorded.
    const base = Math.round(performance.now());
    let previous = reports[0]?.t ?? 0;
    for (const report of reports) {
      if (this.pace === 'realtime') await sleep(report.t - previous);
      else await nextTurn();
      previous = report.t;
      if (!this.opened) return;
      this.events.emit('data', Uint8Array.from(report.data), base + report.t);
    }
  }

  unplug(): void {
    this.plugged = false;
    if (!this.opened) return;
    this.opened = false;
    this.events.emit('detach');
  }

  plug(): void {
    this.plugged = true;
  }

  /** A device fault that is not an unplug. */
  fail(error: Error): void {
    if (!this.opened) return;
    this.opened = false;
    this.events.emit('error', error);
  }
}
