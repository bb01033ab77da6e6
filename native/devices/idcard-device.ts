import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../contract/domain/clock.ts';
import type { DeviceStatus } from '../../contract/api/devices.ts';
import { StationError } from '../../contract/domain/errors.ts';
import type { IdentityCard } from '../../contract/domain/identity.ts';
import { photoDecoderFor, type PhotoDecoderChoice } from '../idcard/photo-decoder-choice.ts';
import type { WltDecoder } from '../idcard/photo.ts';
import { IdCardReader } from '../idcard/reader.ts';
import { listSerialPorts } from '../idcard/serial-list.ts';
import { SerialTransport, serialTransportOpener } from '../idcard/serial-transport.ts';
import { loadProfiles } from '../idcard/simulator/profiles.ts';
import { PtyPair } from '../idcard/simulator/pty-pair.ts';
import { SamSimulator } from '../idcard/simulator/simulator.ts';
import { errorRecord, type ErrorRecord } from './error-record.ts';

/** Serial adapters an ID reader is usually behind; a configured port overrides the guess. */
const USB_SERIAL = /tty(USB|ACM|WCH)\d+$|^COM\d+$/;

/**
 * The window's ID-card reader as a device: which port it is on, whether that port is there, and how its last
 * read went. A read after a failure simply opens the port again: no restart needed.
 */
export class IdCardDevice {
  private reader: IdCardReader | null = null;
  private path: string | null = null;
  private busy = false;
  private lastError: ErrorRecord | null = null;
  private simulation: { dir: string; pair: PtyPair; simulator: SamSimulator } | null = null;
  private readonly photoDecoder: WltDecoder | undefined;
  /** A configured vendor library that would not load: cards are still read, without the photo, and the page says why. */
  private readonly decoderProblem: ErrorRecord | null = null;

  constructor(private readonly options: { port?: string; simulate: boolean; photoDecoder?: PhotoDecoderChoice; simulatedCard?: string; clock: Clock }) {
    try {
      this.photoDecoder = photoDecoderFor(options.photoDecoder ?? (options.simulate ? 'simulator' : 'none'));
    } catch (error) {
      this.decoderProblem = errorRecord(error, options.clock());
    }
  }

  /** With --simulate: a simulated reader on the far end of a socat pty, speaking the real protocol. */
  async start(): Promise<void> {
    if (!this.options.simulate) return;
    const dir = mkdtempSync(join(tmpdir(), 'doorstep-reader-'));
    const pair = await PtyPair.start({ dir });
    const profiles = loadProfiles();
    const simulator = new SamSimulator({ profiles, baud: 115200 });
    simulator.attach(await SerialTransport.open(pair.devicePath));
    const first = this.options.simulatedCard ?? [...profiles.keys()][0]!;
    if (first !== 'none') simulator.place(first);
    this.simulation = { dir, pair, simulator };
  }

  /** With --simulate: lays a profile's card on the simulated reader, or lifts it (null), as a person would. */
  placeSimulatedCard(profile: string | null): void {
    if (!this.simulation) throw new SimulatedCardError();
    if (profile !== null && !this.simulation.simulator.profileIds().includes(profile)) throw new SimulatedCardError(profile);
    if (profile === null) this.simulation.simulator.remove();
    else this.simulation.simulator.place(profile);
  }

  /** Finds the port: configured, simulated, or the first USB serial adapter. */
  async discover(): Promise<void> {
    const path = this.simulation?.pair.hostPath ?? this.options.port ?? (await listSerialPorts()).map((p) => p.path).find((p) => USB_SERIAL.test(p)) ?? null;
    if (path !== this.path) {
      await this.reader?.close();
      this.reader = path ? new IdCardReader({ open: serialTransportOpener(path), now: this.options.clock, photoDecoder: this.photoDecoder }) : null;
      this.path = path;
    }
  }

  status(): DeviceStatus {
    const present = this.path !== null && existsSync(this.path);
    return {
      id: 'idcard:window',
      kind: 'idcard',
      name: this.simulation ? '模拟身份证读卡器' : this.path ? `身份证读卡器 ${this.path}` : '身份证读卡器',
      state: !present ? 'absent' : this.busy ? 'busy' : this.lastError ? 'error' : 'ready',
      simulated: this.simulation !== null,
      roles: ['window'],
      detail: this.path,
      lastError: this.lastError ?? this.decoderProblem,
    };
  }

  async read(): Promise<IdentityCard> {
    await this.discover();
    if (!this.reader) throw new NoReaderError();
    this.busy = true;
    try {
      const { card } = await this.reader.read();
      this.lastError = null;
      return card;
    } catch (error) {
      this.lastError = errorRecord(error);
      throw error;
    } finally {
      this.busy = false;
    }
  }

  async close(): Promise<void> {
    await this.reader?.close();
    if (!this.simulation) return;
    this.simulation.simulator.detach();
    await this.simulation.pair.unplug();
    rmSync(this.simulation.dir, { recursive: true, force: true });
  }
}

class NoReaderError extends StationError {
  constructor() {
    super('devices.no-reader', 'no ID card reader is connected');
  }
}

/** The simulated reader's card can only be changed on a station started with --simulate, to a profile it has. */
class SimulatedCardError extends StationError {
  constructor(profile?: string) {
    super(profile === undefined ? 'devices.reader-not-simulated' : 'devices.no-such-card-profile', profile === undefined ? 'the ID reader is not simulated' : `no card profile ${profile}`, {
      params: profile === undefined ? {} : { profile },
      kind: 'input',
    });
  }
}
