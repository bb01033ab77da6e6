import type { EventBus } from '../event-bus.ts';
import type { Logger } from '../log.ts';
import { OfflineError } from './township-client.ts';
import type { SyncService } from './sync-service.ts';

export type SyncState = 'idle' | 'syncing' | 'offline' | 'error';

export interface SchedulerOptions {
  /** The regular round, when all is well. */
  intervalMs: number;
  /**
   * First retry after a failure; doubling up to maxBackoffMs, with ±20 % jitter so stations do not march in step.
   * The cap stays under a minute: decisions must reach the station within a minute of the network coming back.
   */
  backoffMs?: number;
  maxBackoffMs?: number;
  random?: () => number;
  /** After each good round, e.g. removing closed cases the township now holds. */
  afterSync?: () => void;
  /**
   * Looked at before each round: a pull writes decisions and cursors, so with the disk nearly full the round is not
   * started (it fails as 'storage.full' and backs off) rather than failing half-way in SQLite.
   */
  storage?: { assertRoom(): void };
}

/**
 * Runs sync by itself: every interval, soon after an intake (nudge), and after a failure again with exponential
 * backoff — each retry doubles as the connectivity probe. Never on the caller's path: intake never waits.
 */
export class SyncScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private failures = 0;
  private stopped = false;
  state: SyncState = 'idle';

  constructor(
    private readonly service: SyncService,
    private readonly bus: EventBus,
    private readonly logger: Logger,
    private readonly options: SchedulerOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Something new to send: sync within a second or two rather than at the next interval. */
  nudge(): void {
    if (!this.running && this.state !== 'offline') this.schedule(1000);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), delayMs);
    this.timer.unref();
  }

  private delayAfterFailure(): number {
    const base = this.options.backoffMs ?? 5_000;
    const max = this.options.maxBackoffMs ?? 45_000;
    const jitter = 0.8 + 0.4 * (this.options.random ?? Math.random)();
    return Math.min(max, base * 2 ** Math.min(this.failures - 1, 16)) * jitter;
  }

  private publish(): void {
    const status = this.service.status(0);
    this.bus.emit('syncState', { state: this.state, pending: status.pending, lastSyncAt: status.lastSyncAt });
  }

  /** One round now (or the one already under way); resolves when it is over, whatever happened. */
  run(): Promise<void> {
    // Cleared in a later turn than the one that set it, even when the round ends before its first await.
    this.running ??= this.round().finally(() => {
      this.running = null;
      this.publish();
      this.schedule(this.failures === 0 ? this.options.intervalMs : this.delayAfterFailure());
    });
    return this.running;
  }

  private async round(): Promise<void> {
    this.state = 'syncing';
    this.publish();
    try {
      this.options.storage?.assertRoom();
      await this.service.syncOnce();
      this.options.afterSync?.();
      this.failures = 0;
      this.state = 'idle';
    } catch (error) {
      this.failures++;
      this.state = error instanceof OfflineError ? 'offline' : 'error';
      this.logger.log('warn', 'sync.failed', { code: (error as { code?: string }).code ?? 'error.internal', failures: this.failures });
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
