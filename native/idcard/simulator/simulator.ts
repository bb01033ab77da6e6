/**
 * A simulated SAM reader speaking GA 467 byte for byte over any Transport (a pty opened through serialport, or a
 * memory link). Answers are paced at the serial baud rate so timings look like a real UART, and scripted faults
 * (faults.ts) break the exchange the ways real readers do.
 */
import { EventEmitter } from 'node:events';
import { ChecksumError } from '../errors.ts';
import { FrameDecoder, encodeResponse } from '../sam-frame.ts';
import { commandFor } from '../sam-commands.ts';
import { encodeSamId } from '../sam-id.ts';
import { SW3 } from '../sam-status.ts';
import type { Transport } from '../transport.ts';
import { readResponseData, syntheticBytes } from './card-encoder.ts';
import { FaultConfigSchema, type FaultConfig, type FaultStep } from './faults.ts';
import type { CardProfile } from './profiles.ts';

export const DEFAULT_SAM_ID = '05.01-20240101-0000012345-0000067890';
/** Bytes written per pacing slot: 32 bytes last ~2.8 ms at 115200 baud, above timer resolution. */
const PACE_CHUNK = 32;

export interface SimulatorOptions {
  profiles: ReadonlyMap<string, CardProfile>;
  samId?: string;
  /** Pace answers at this baud rate (10 bits per byte); 0 sends them at once. */
  baud?: number;
  faults?: FaultConfig;
}

export interface SimulatorStats {
  requests: number;
  responses: number;
  /** Bytes of answers written, garbage and cut-off answers included. */
  bytesSent: number;
  /** Time actually spent in the scripted SAM delay (a late timer counts against the simulator, not the reader). */
  delayMs: number;
}

export interface SimulatorEvents {
  request: [step: string];
  /** The port was closed part way through an answer by the `unplug` fault. */
  unplugged: [info: { step: string; bytesSent: number; bytesTotal: number }];
  /** The port went away from the other side. */
  disconnected: [];
  /** The card was lifted by the `removeAfter` fault. */
  removed: [];
}

type Request = Uint8Array | 'bad-checksum';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class SamSimulator extends EventEmitter<SimulatorEvents> {
  readonly stats: SimulatorStats = { requests: 0, responses: 0, bytesSent: 0, delayMs: 0 };
  private readonly profiles: ReadonlyMap<string, CardProfile>;
  private readonly samId: Uint8Array;
  private readonly baud: number;
  private faultState: FaultConfig;
  private card: CardProfile | null = null;
  private port: Transport | null = null;
  private work: Promise<void> = Promise.resolve();
  private readonly decoder = new FrameDecoder({
    onFrame: (payload) => this.enqueue(payload.slice()),
    // A real SAM answers a request with a bad checksum with SW3 0x10.
    onError: (error) => {
      if (error instanceof ChecksumError) this.enqueue('bad-checksum');
    },
  });

  constructor(options: SimulatorOptions) {
    super();
    this.profiles = options.profiles;
    this.samId = encodeSamId(options.samId ?? DEFAULT_SAM_ID);
    this.baud = options.baud ?? 115200;
    this.faultState = FaultConfigSchema.parse(options.faults ?? {});
  }

  get attached(): boolean {
    return this.port !== null;
  }

  get cardId(): string | null {
    return this.card?.id ?? null;
  }

  get faults(): FaultConfig {
    return structuredClone(this.faultState);
  }

  profileIds(): string[] {
    return [...this.profiles.keys()];
  }

  attach(port: Transport): void {
    this.detach();
    this.port = port;
    this.decoder.reset();
    port.on('data', this.onData);
    port.on('close', this.onClose);
  }

  detach(): void {
    this.port?.off('data', this.onData);
    this.port?.off('close', this.onClose);
    this.port = null;
  }

  /** Pulls the plug now. */
  async unplug(): Promise<void> {
    const port = this.port;
    this.detach();
    await port?.close();
  }

  place(profileId: string): void {
    const profile = this.profiles.get(profileId);
    if (!profile) throw new RangeError(`no card profile ${JSON.stringify(profileId)}`);
    this.card = profile;
  }

  remove(): void {
    this.card = null;
  }

  setFaults(faults: FaultConfig): void {
    this.faultState = FaultConfigSchema.parse(faults);
  }

  private readonly onData = (chunk: Uint8Array): void => this.decoder.push(chunk);

  private readonly onClose = (): void => {
    this.detach();
    this.emit('disconnected');
  };

  private enqueue(request: Request): void {
    // One request at a time, like the real SAM; a retry sent while we are slow waits its turn.
    this.work = this.work.then(() => this.handle(request)).catch(() => undefined);
  }

  private answer(request: Request): { step: string; frame: Buffer } {
    if (request === 'bad-checksum') return { step: 'any', frame: encodeResponse(SW3.checksum) };
    const command = commandFor(request[0]!, request[1]!);
    if (!command || request.length !== 2) return { step: 'unknown', frame: encodeResponse(SW3.command) };
    const card = this.faultState.noCard ? null : this.card;
    const frame = (() => {
      switch (command.step) {
        case 'find':
          return card ? encodeResponse(SW3.findOk, new Uint8Array(4)) : encodeResponse(SW3.findFailed);
        case 'select':
          return card ? encodeResponse(SW3.ok, syntheticBytes(`${card.id}/serial`, 8)) : encodeResponse(SW3.selectFailed);
        case 'read':
          if (!card) return encodeResponse(SW3.readFailed);
          if (command.para === 0x03) return encodeResponse(SW3.noSuchItem);
          return encodeResponse(
            SW3.ok,
            readResponseData(card, command.para === 0x10 ? 'text-photo-fingerprint' : 'text-photo'),
          );
        case 'sam-id':
          return encodeResponse(SW3.ok, this.samId);
        case 'sam-status':
          return encodeResponse(SW3.ok);
      }
    })();
    return { step: command.step, frame };
  }

  /** Uses up one occurrence of a counted fault that applies to this step. */
  private take(name: 'timeout' | 'checksum', step: string): boolean {
    const fault = this.faultState[name];
    if (!fault || !applies(fault.step, step)) return false;
    if (fault.times !== undefined) {
      if (fault.times <= 1) delete this.faultState[name];
      else fault.times--;
    }
    return true;
  }

  private garbage(): Uint8Array | null {
    const fault = this.faultState.garbage;
    if (!fault) return null;
    if (fault.times !== undefined) {
      if (fault.times <= 1) delete this.faultState.garbage;
      else fault.times--;
    }
    return garbageBytes(fault.bytes, this.stats.requests);
  }

  private async handle(request: Request): Promise<void> {
    const port = this.port;
    if (!port) return;
    const { step, frame } = this.answer(request);
    this.stats.requests++;
    this.emit('request', step);
    const delay = this.faultState.samDelayMs ?? 0;
    if (delay > 0) {
      const start = performance.now();
      await sleep(delay);
      this.stats.delayMs += performance.now() - start;
    }
    if (this.take('timeout', step)) return;
    let bytes: Uint8Array = frame;
    if (this.take('checksum', step)) {
      bytes = Buffer.from(frame);
      bytes[bytes.length - 1]! ^= 0xff;
    }
    const junk = this.garbage();
    if (junk) bytes = Buffer.concat([junk, bytes]);
    const unplug = this.faultState.unplug;
    if (unplug && applies(unplug.step, step)) {
      delete this.faultState.unplug;
      const cut = Math.min(unplug.afterBytes ?? Math.floor(bytes.length / 2), bytes.length);
      await this.send(port, bytes.subarray(0, cut));
      await this.unplug();
      this.emit('unplugged', { step, bytesSent: cut, bytesTotal: bytes.length });
      return;
    }
    await this.send(port, bytes);
    this.stats.responses++;
    if (this.faultState.removeAfter === step) {
      delete this.faultState.removeAfter;
      this.card = null;
      this.emit('removed');
    }
  }

  /** Writes as a UART would deliver: each slot of bytes goes out once its transmission time has passed. */
  private async send(port: Transport, bytes: Uint8Array): Promise<void> {
    const start = performance.now();
    for (let sent = 0; sent < bytes.length; ) {
      const n = Math.min(PACE_CHUNK, bytes.length - sent);
      if (this.baud > 0) {
        const wait = start + ((sent + n) * 10_000) / this.baud - performance.now();
        if (wait >= 1) await sleep(wait);
      }
      if (this.port !== port) return;
      await port.write(bytes.subarray(sent, sent + n));
      sent += n;
      this.stats.bytesSent += n;
    }
  }
}

function applies(faultStep: FaultStep, step: string): boolean {
  return faultStep === 'any' || faultStep === step;
}

/** Junk with broken preambles in it (AA AA 96, AA AA AA 96 ..) so the decoder has to resynchronise. */
export function garbageBytes(length: number, seed: number): Uint8Array {
  const junk = syntheticBytes(`garbage/${seed}`, length);
  const decoys = [0xaa, 0xaa, 0x96, 0x00, 0xaa, 0xaa, 0xaa, 0x96, 0x00];
  junk.set(decoys.slice(0, Math.min(decoys.length, length)), 0);
  // Never a whole preamble: that would be a frame, not garbage.
  for (let i = 4; i < length; i++) {
    if (junk[i] === 0x69 && junk[i - 1] === 0x96 && junk[i - 2] === 0xaa && junk[i - 3] === 0xaa && junk[i - 4] === 0xaa) {
      junk[i] = 0x00;
    }
  }
  return junk;
}
