import type { DeviceStatus } from '../../contract/api/devices.ts';
import type { FaceModelStatus } from '../../contract/api/face.ts';
import { StationError } from '../../contract/domain/errors.ts';
import { euclidean, FaceEngine } from '../face/face-engine.ts';
import type { DescribeOptions, FaceDescription } from '../face/face-api.ts';
import { errorRecord, type ErrorRecord } from './error-record.ts';

/** The recognition net's embedding length: anything else did not come from these graphs. */
const DESCRIPTOR_LENGTH = 128;

/**
 * The face model (人脸识别) as a device of the device process: the graphs load once in the background when the
 * process starts, so the first check does not pay for them, and the technician page shows how that went.
 */
export class FaceDevice {
  private engine: FaceEngine | null = null;
  private failure: ErrorRecord | null = null;
  private readonly loading: Promise<void>;
  private begin: () => void = () => undefined;
  private started = false;

  constructor(load: () => Promise<FaceEngine> = () => FaceEngine.load()) {
    this.loading = new Promise<void>((resolve) => {
      this.begin = resolve;
    })
      .then(load)
      .then(
        (engine) => {
          this.engine = engine;
        },
        (error: unknown) => {
          this.failure = errorRecord(error);
        },
      );
  }

  /**
   * Starts loading the graphs, once: after the other devices are up, so that the sessions' CPU-bound creation does
   * not hold up the reader's and the pad's first discovery.
   */
  start(): void {
    this.started = true;
    this.begin();
  }

  /** Resolves once the graphs loaded or failed to: the load is attempted once per process. */
  settled(): Promise<void> {
    return this.loading;
  }

  status(): DeviceStatus {
    return {
      id: 'face:model',
      kind: 'face',
      name: '人脸识别模型',
      state: this.engine ? 'ready' : this.failure ? 'unavailable' : 'busy',
      simulated: false,
      roles: [],
      detail: this.engine ? this.engine.manifest.version : (this.failure?.params.reason?.toString() ?? null),
      lastError: this.failure,
    };
  }

  info(): FaceModelStatus {
    if (this.engine) {
      const { version, threshold, loadMs } = this.engine.info();
      return { state: 'ready', version, threshold, loadMs: Math.round(loadMs), reason: null };
    }
    return { state: this.failure ? 'unusable' : 'loading', version: null, threshold: null, loadMs: null, reason: this.failure?.code ?? null };
  }

  async describe(image: Uint8Array, options?: DescribeOptions): Promise<FaceDescription> {
    return (await this.ready()).describe(image, options);
  }

  async decide(a: number[], b: number[]): Promise<{ match: boolean; distance: number; threshold: number; model: string }> {
    const engine = await this.ready();
    if (a.length !== DESCRIPTOR_LENGTH || b.length !== DESCRIPTOR_LENGTH || ![...a, ...b].every(Number.isFinite)) throw new BadDescriptorError();
    const distance = euclidean(a, b);
    const { version, threshold } = engine.info();
    return { match: distance < threshold, distance, threshold, model: version };
  }

  /** The loaded engine, for the photo maker that shares it; throws like the face methods when it did not load. */
  async ready(): Promise<FaceEngine> {
    await this.loading;
    if (!this.engine) throw new FaceModelNotLoadedError(this.failure);
    return this.engine;
  }

  async close(): Promise<void> {
    if (!this.started) return;
    await this.loading;
    await this.engine?.close();
  }
}

class FaceModelNotLoadedError extends StationError {
  constructor(failure: ErrorRecord | null) {
    super('face.models-unusable', `face models did not load: ${failure?.code ?? 'unknown'}`, { params: { reason: String(failure?.params.reason ?? failure?.code ?? '') } });
  }
}

/** A descriptor that did not come from these graphs (wrong length, not numbers): refused rather than compared. */
class BadDescriptorError extends StationError {
  constructor() {
    super('face.bad-descriptor', `a face descriptor must be ${DESCRIPTOR_LENGTH} finite numbers`, { kind: 'input' });
  }
}
