import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../contract/api/events.ts';
import { EventBus } from '../../../electron/core/event-bus.ts';
import { SyncScheduler } from '../../../electron/core/sync/sync-scheduler.ts';
import type { SyncService } from '../../../electron/core/sync/sync-service.ts';
import { OfflineError } from '../../../electron/core/sync/township-client.ts';

/** A sync service that fails while `offline` and counts its rounds; everything else about sync is tested for real. */
function service(state: { offline: boolean; rounds: number }): SyncService {
  return {
    syncOnce: async () => {
      state.rounds++;
      if (state.offline) throw new OfflineError(new Error('ECONNREFUSED'));
      return { pushed: 0, duplicates: 0, conflicts: 0, uploaded: 0, pulled: 0, pending: 0 };
    },
    status: () => ({ enrolled: true, stationId: 'S1', village: null, lastSyncAt: null, lastError: null, pending: 0, conflicts: 0, items: [] }),
  } as unknown as SyncService;
}

describe('sync scheduler', () => {
  it('backs off exponentially with jitter while offline, never beyond 45 s, and says so on the bus', async () => {
    const state = { offline: true, rounds: 0 };
    const bus = new EventBus();
    const seen: { event: EventName; payload: unknown }[] = [];
    bus.subscribe((event, payload) => seen.push({ event, payload }));
    const scheduler = new SyncScheduler(service(state), bus, { log: () => undefined }, { intervalMs: 60_000, random: () => 0.5 });
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      await scheduler.run();
      delays.push((scheduler as unknown as { delayAfterFailure(): number }).delayAfterFailure());
    }
    // 5 s doubling, capped at 45 s (jitter is at its middle here).
    expect(delays).toEqual([5_000, 10_000, 20_000, 40_000, 45_000, 45_000, 45_000, 45_000]);
    expect(scheduler.state).toBe('offline');
    expect(seen.at(-1)).toEqual({ event: 'syncState', payload: { state: 'offline', pending: 0, lastSyncAt: null } });
    state.offline = false;
    await scheduler.run();
    expect(scheduler.state).toBe('idle');
    await scheduler.stop();
  });
});
