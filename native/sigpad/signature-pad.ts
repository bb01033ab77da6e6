import type { SerializedError } from '../../contract/domain/errors.ts';
import { Emitter } from './emitter.ts';
import {
  SigpadAbsentError,
  SigpadDetachedError,
  SigpadDeviceError,
  SigpadEmptySignatureError,
  SigpadError,
  SigpadNotCapturingError,
  SigpadOpenFailedError,
  SigpadUnavailableError,
} from './errors.ts';
import type { Capability, Layout } from './layout.ts';
import { declaredCapability, findLayout, selectLayout } from './layouts.ts';
import { parseCapability, parseReport } from './report-parser.ts';
import type { Signature } from '../../contract/domain/signature.ts';
import type { StrokeEvent } from './stroke-builder.ts';
import { StrokeBuilder } from './stroke-builder.ts';
import type { DeviceInfo, SigpadTransport } from './transport.ts';

/**
 * absent: no pad found; unavailable: HID support cannot load here; ready: open, not capturing;
 * capturing: ink is being collected; error: the pad failed or was unplugged mid-capture (start() tries again).
 */
export type PadState = 'absent' | 'unavailable' | 'ready' | 'capturing' | 'error';

export interface PadDevice {
  name: string;
  layoutId: string;
  vendorId: number;
  productId: number;
  /** Units of the points the pad emits (and of the Signature it returns). */
  surface: { width: number; height: number; maxPressure: number };
}

export interface PadStatus {
  state: PadState;
  device?: PadDevice;
  /** The last thing that went wrong, kept until a capture starts cleanly, so a technician can see it. */
  lastError?: SerializedError;
}

export interface SignaturePadEvents {
  state: (status: PadStatus) => void;
  /** Live ink: pen down, each point while it moves, pen up. */
  point: (event: StrokeEvent) => void;
  cleared: () => void;
}

export interface SignaturePad {
  status(): PadStatus;
  /** Looks for the pad and opens it without capturing. Never rejects; the outcome is in the status. */
  probe(): Promise<PadStatus>;
  /** Opens the pad if needed (looking for it afresh, so an unplugged pad works once back) and starts a capture. */
  start(): Promise<void>;
  /** Drops the ink so far; the capture goes on. */
  clear(): Promise<void>;
  /** Ends the capture and returns the signature; rejects with sigpad.empty-signature when nothing was written. */
  confirm(): Promise<Signature>;
  /** Ends the capture without a signature. */
  cancel(): Promise<void>;
  /** Releases the device. */
  close(): Promise<void>;
  on<E extends keyof SignaturePadEvents>(event: E, listener: SignaturePadEvents[E]): () => void;
}

export interface SignaturePadOptions {
  transport: SigpadTransport;
  layouts: Layout[];
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** What an open pad is: the device, how to read it and what units it speaks. */
interface Session {
  device: PadDevice;
  layout: Layout;
  capability: Capability;
}

class TransportSignaturePad implements SignaturePad {
  private readonly events = new Emitter<SignaturePadEvents>();
  private readonly transport: SigpadTransport;
  private readonly layouts: Layout[];
  private state: PadState = 'absent';
  private lastError: SerializedError | undefined;
  private session: Session | undefined;
  private builder: StrokeBuilder | undefined;
  private unsubscribe: (() => void)[] = [];
  /** Set when the pad goes away, so a setup or start still in progress fails instead of capturing nothing. */
  private lost: SigpadError | undefined;
  /** Operations run one at a time, so a double-tapped button cannot open the device twice. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: SignaturePadOptions) {
    this.transport = options.transport;
    this.layouts = options.layouts;
  }

  on<E extends keyof SignaturePadEvents>(event: E, listener: SignaturePadEvents[E]): () => void {
    return this.events.on(event, listener);
  }

  status(): PadStatus {
    const status: PadStatus = { state: this.state };
    if (this.session !== undefined) status.device = this.session.device;
    if (this.lastError !== undefined) status.lastError = this.lastError;
    return status;
  }

  private setState(state: PadState, error?: SigpadError): void {
    this.state = state;
    if (error !== undefined) this.lastError = error.toJSON();
    this.events.emit('state', this.status());
  }

  private run<T>(op: () => Promise<T>): Promise<T> {
    const result = this.queue.then(op, op);
    this.queue = result.catch(() => undefined);
    return result;
  }

  probe(): Promise<PadStatus> {
    return this.run(async () => {
      // The outcome, failure included, is in the status.
      await this.ensureOpen().catch(() => undefined);
      return this.status();
    });
  }

  /** A state for a failure to open: HID cannot load, no pad, or a pad that would not open. */
  private static stateFor(error: SigpadError): PadState {
    if (error instanceof SigpadUnavailableError) return 'unavailable';
    return error instanceof SigpadAbsentError ? 'absent' : 'error';
  }

  private async ensureOpen(): Promise<Session> {
    if (this.session !== undefined) return this.session;
    let info: DeviceInfo;
    try {
      info = await this.transport.open();
    } catch (cause) {
      const error =
        cause instanceof SigpadError ? cause : new SigpadOpenFailedError('signature pad', String(cause), cause);
      this.setState(TransportSignaturePad.stateFor(error), error);
      throw error;
    }
    // Listen at once: the pad can be unplugged while it is still being set up.
    this.lost = undefined;
    const name = info.product ?? info.path;
    this.unsubscribe = [
      this.transport.on('data', (data, t) => this.onReport(data, t)),
      this.transport.on('detach', () => this.onLost(new SigpadDetachedError(name))),
      this.transport.on('error', (e) => this.onLost(new SigpadDeviceError(name, e.message, e))),
    ];
    const known = findLayout(this.layouts, info);
    const generic = known !== undefined && 'usagePage' in known.match;
    const descriptor = generic ? await this.transport.reportDescriptor().catch(() => null) : null;
    const layout = selectLayout(this.layouts, info, descriptor);
    if (layout === undefined) {
      this.release();
      await this.transport.close();
      const error = new SigpadOpenFailedError(name, 'no layout describes this device');
      this.setState('error', error);
      throw error;
    }
    const capability = await this.readCapability(layout);
    const surface = new StrokeBuilder(capability);
    const session: Session = {
      layout,
      capability,
      device: {
        name: info.product ?? layout.name,
        layoutId: layout.id,
        vendorId: info.vendorId,
        productId: info.productId,
        surface: { width: surface.width, height: surface.height, maxPressure: surface.maxPressure },
      },
    };
    await this.send(layout.commands?.open, name);
    if (this.lost !== undefined) throw this.lost;
    this.session = session;
    this.setState('ready');
    return session;
  }

  private async readCapability(layout: Layout): Promise<Capability> {
    const feature = layout.capability.featureReport;
    if (feature !== undefined) {
      try {
        const answer = parseCapability(layout, await this.transport.getFeatureReport(feature.reportId, feature.length));
        if (answer !== null) return answer;
      } catch {
        // Some firmware refuses feature reads while busy; the model's declared numbers are right for it anyway.
      }
    }
    return declaredCapability(layout);
  }

  /** Sends commands best-effort: a pad that refuses one (e.g. inking on its screen) still captures. */
  private async send(commands: Uint8Array[] | undefined, device: string): Promise<void> {
    for (const command of commands ?? []) {
      // A pad that went away would only add "command refused" on top of the real error.
      if (this.lost !== undefined) return;
      try {
        await this.transport.sendFeatureReport(command);
      } catch (cause) {
        const reason = `command ${hex(command)} refused: ${cause instanceof Error ? cause.message : String(cause)}`;
        this.lastError = new SigpadDeviceError(device, reason, cause).toJSON();
      }
    }
  }

  private onReport(data: Uint8Array, t: number): void {
    const builder = this.builder;
    if (this.state !== 'capturing' || builder === undefined || this.session === undefined) return;
    const result = parseReport(this.session.layout, data, t);
    if (result.kind === 'bad') {
      this.lastError = result.error.toJSON();
      return;
    }
    if (result.kind === 'ignored') return;
    const event = builder.push(result.sample);
    if (event !== undefined) this.events.emit('point', event);
  }

  /** Stops listening to the transport and forgets the open pad. */
  private release(): void {
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
    this.builder = undefined;
    this.session = undefined;
  }

  private onLost(error: SigpadError): void {
    const wasCapturing = this.state === 'capturing';
    this.lost = error;
    this.release();
    this.setState(wasCapturing || !(error instanceof SigpadDetachedError) ? 'error' : 'absent', error);
  }

  start(): Promise<void> {
    return this.run(async () => {
      const session = await this.ensureOpen();
      await this.send(session.layout.commands?.start, session.device.name);
      // The pad may have gone while the commands were on their way.
      if (this.lost !== undefined) throw this.lost;
      this.builder = new StrokeBuilder(session.capability);
      this.lastError = undefined;
      this.setState('capturing');
    });
  }

  private capturing(action: string): { builder: StrokeBuilder; session: Session } {
    const { builder, session } = this;
    if (this.state !== 'capturing' || builder === undefined || session === undefined) {
      throw new SigpadNotCapturingError(action, this.state);
    }
    return { builder, session };
  }

  clear(): Promise<void> {
    return this.run(async () => {
      const { builder, session } = this.capturing('clear');
      builder.clear();
      await this.send(session.layout.commands?.clear, session.device.name);
      this.events.emit('cleared');
    });
  }

  confirm(): Promise<Signature> {
    return this.run(async () => {
      const { builder, session } = this.capturing('confirm');
      const up = builder.penUp();
      if (up !== undefined) this.events.emit('point', up);
      if (builder.isEmpty) throw new SigpadEmptySignatureError();
      const signature = builder.snapshot();
      await this.stopCapture(session);
      return signature;
    });
  }

  cancel(): Promise<void> {
    return this.run(async () => {
      if (this.state === 'capturing' && this.session !== undefined) await this.stopCapture(this.session);
    });
  }

  private async stopCapture(session: Session): Promise<void> {
    this.builder = undefined;
    await this.send(session.layout.commands?.stop, session.device.name);
    // Unplugged meanwhile: onLost has set the state already.
    if (this.session === session) this.setState('ready');
  }

  close(): Promise<void> {
    return this.run(async () => {
      const wasOpen = this.session !== undefined;
      this.release();
      if (wasOpen) await this.transport.close();
      this.setState('absent');
    });
  }
}

export function createSignaturePad(options: SignaturePadOptions): SignaturePad {
  return new TransportSignaturePad(options);
}
