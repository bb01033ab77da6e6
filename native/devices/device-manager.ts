import type { Clock } from '../../contract/domain/clock.ts';
import type { DeviceApi } from './device-api.ts';
import type { DeviceStatus } from '../../contract/api/devices.ts';
import type { IdentityCard } from '../../contract/domain/identity.ts';
import type { Signature, SignaturePoint } from '../../contract/domain/signature.ts';
import { processPage } from '../camera/page-process.ts';
import type { PrinterRole } from '../../contract/domain/printer-roles.ts';
import type { PrintResult, RoleQueues } from '../printer/types.ts';
import { renderSignaturePng } from '../sigpad/render-png.ts';
import type { DescribeOptions, FaceDescription } from '../face/face-api.ts';
import type { FaceModelStatus } from '../../contract/api/face.ts';
import { FaceDevice } from './face-device.ts';
import { PhotoDevice } from './photo-device.ts';
import type { PhotoBackground } from '../../contract/domain/photo-spec.ts';
import type { CardPhoto } from '../photo/card-photo.ts';
import type { PhotoReport } from '../photo/photo-maker.ts';
import type { SheetLayout } from '../photo/sheet.ts';
import type { PhotoDecoderChoice } from '../idcard/photo-decoder-choice.ts';
import { IdCardDevice } from './idcard-device.ts';
import { PrinterDevices } from './printer-devices.ts';
import { SigpadDevice } from './sigpad-device.ts';

export interface DeviceManagerOptions {
  /** Simulate the USB hardware (ID reader, signature pad); printers are always the real CUPS. */
  simulate: boolean;
  /** Serial port of the ID reader; found automatically when absent. */
  idcardPort?: string;
  /** The card photo's WLT decoder; the simulator's own with `simulate`, none otherwise. */
  idcardPhotoDecoder?: PhotoDecoderChoice;
  printerRoles: RoleQueues;
  /** With `simulate`: the card lying on the simulated reader (a profile id of assets/idcard/profiles); default the first. */
  simulatedCard?: string;
  /** How often to look for devices plugged in or out; the technician page must follow within 2 s. */
  pollMs?: number;
}

export interface DeviceEvents {
  changed(status: DeviceStatus): void;
  ink(batch: { stroke: number; points: SignaturePoint[] }): void;
  cleared(): void;
}

/** Ink goes out in small batches rather than one message per point. */
const INK_FLUSH_MS = 30;

/**
 * Every device of the station, in one place, off the UI thread: discovery and hot-plug by polling, state and last
 * error per device, and the operations each kind offers. A device that failed is simply tried again next time.
 */
export class DeviceManager implements DeviceApi {
  private readonly idcard: IdCardDevice;
  private readonly sigpad = new SigpadDevice();
  private readonly printers: PrinterDevices;
  private readonly face = new FaceDevice();
  private readonly photo = new PhotoDevice(this.face);
  private readonly last = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> = Promise.resolve();
  private ink: { stroke: number; points: SignaturePoint[] } | null = null;
  private inkTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly options: DeviceManagerOptions,
    private readonly events: DeviceEvents,
    clock: Clock,
  ) {
    this.idcard = new IdCardDevice({ port: options.idcardPort, simulate: options.simulate, photoDecoder: options.idcardPhotoDecoder, simulatedCard: options.simulatedCard, clock });
    this.printers = new PrinterDevices({ roles: options.printerRoles });
  }

  async start(): Promise<void> {
    // The model's load finishing is a change the technician page hears of.
    void this.face.settled().then(() => this.report());
    await this.idcard.start();
    await this.sigpad.start(
      this.options.simulate,
      (e) => this.addInk(e.stroke, e.point),
      () => this.events.cleared(),
    );
    await this.poll();
    this.face.start();
    this.timer = setInterval(() => {
      this.polling = this.polling.then(() => this.poll());
    }, this.options.pollMs ?? 1000);
  }

  /** Looks at every device once and reports those whose status changed. */
  async poll(): Promise<void> {
    await Promise.allSettled([this.idcard.discover(), this.sigpad.discover(), this.printers.discover()]);
    this.report();
  }

  list(): DeviceStatus[] {
    return [this.idcard.status(), this.sigpad.status(), this.face.status(), ...this.printers.statuses()];
  }

  private report(): void {
    const seen = new Set<string>();
    for (const status of this.list()) {
      seen.add(status.id);
      const json = JSON.stringify(status);
      if (this.last.get(status.id) !== json) {
        this.last.set(status.id, json);
        this.events.changed(status);
      }
    }
    // A queue deleted in CUPS disappears from the list: say it is gone.
    for (const [id, json] of this.last) {
      if (seen.has(id)) continue;
      this.last.delete(id);
      this.events.changed({ ...(JSON.parse(json) as DeviceStatus), state: 'absent' });
    }
  }

  private async withReport<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } finally {
      this.report();
    }
  }

  placeSimulatedCard(profile: string | null): void {
    this.idcard.placeSimulatedCard(profile);
  }

  readIdCard(): Promise<IdentityCard> {
    return this.withReport(() => this.idcard.read());
  }

  private addInk(stroke: number, point: SignaturePoint): void {
    if (this.ink && this.ink.stroke !== stroke) this.flushInk();
    this.ink ??= { stroke, points: [] };
    this.ink.points.push(point);
    this.inkTimer ??= setTimeout(() => this.flushInk(), INK_FLUSH_MS);
  }

  private flushInk(): void {
    if (this.inkTimer) clearTimeout(this.inkTimer);
    this.inkTimer = null;
    if (this.ink && this.ink.points.length > 0) this.events.ink(this.ink);
    this.ink = null;
  }

  sigpadStart(): Promise<{ width: number; height: number }> {
    return this.withReport(() => this.sigpad.begin());
  }

  sigpadClear(): Promise<void> {
    return this.sigpad.clear();
  }

  async sigpadConfirm(): Promise<Signature> {
    this.flushInk();
    return this.withReport(() => this.sigpad.confirm());
  }

  sigpadCancel(): Promise<void> {
    return this.withReport(() => this.sigpad.cancel());
  }

  /** A signature as a 600-dpi PNG for documents. */
  async renderSignature(signature: Signature): Promise<{ png: Uint8Array; width: number; height: number }> {
    const png = await renderSignaturePng(signature);
    return { png: new Uint8Array(png), width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
  }

  async processPage(still: Uint8Array): Promise<{ jpeg: Uint8Array; width: number; height: number; detected: boolean }> {
    const page = await processPage(still);
    return { jpeg: new Uint8Array(page.jpeg), width: page.width, height: page.height, detected: page.detected };
  }

  print(role: PrinterRole, document: Uint8Array, copies: number, title: string): Promise<PrintResult> {
    return this.withReport(() => this.printers.print({ role, document, copies, title }));
  }

  printTestPage(role: PrinterRole): Promise<PrintResult> {
    return this.withReport(() => this.printers.printTestPage(role));
  }

  faceInfo(): FaceModelStatus {
    return this.face.info();
  }

  faceSettled(): Promise<void> {
    return this.face.settled();
  }

  faceDescribe(image: Uint8Array, options?: DescribeOptions): Promise<FaceDescription> {
    return this.face.describe(image, options);
  }

  faceDecide(a: number[], b: number[]): Promise<{ match: boolean; distance: number; threshold: number; model: string }> {
    return this.face.decide(a, b);
  }
  photoMake(frames: Uint8Array[], spec: string, background: PhotoBackground): Promise<{ report: PhotoReport; jpeg: Uint8Array }> {
    return this.photo.make(frames, spec, background);
  }

  photoFromCard(image: Uint8Array, spec: string): Promise<CardPhoto> {
    return this.photo.fromCard(image, spec);
  }

  photoSheet(jpeg: Uint8Array, spec: string, title: string): Promise<{ pdf: Uint8Array; layout: SheetLayout }> {
    return this.photo.sheet(jpeg, spec, title);
  }


  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.polling;
    await Promise.allSettled([this.idcard.close(), this.sigpad.close(), this.photo.close().then(() => this.face.close())]);
  }
}
