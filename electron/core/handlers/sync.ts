import type { Core, HandlersOf } from './handler-kit.ts';

export function syncHandlers(core: Core): HandlersOf<'syncStatus' | 'syncNow' | 'syncRun' | 'syncEnroll'> {
  return {
    syncStatus: () => {
      const status = core.sync.status();
      const calendar = core.calendar.status();
      const { syncWarnDays, syncWarnPending } = core.config;
      const since = status.lastSyncAt === null ? Infinity : (core.clock().getTime() - Date.parse(status.lastSyncAt)) / 86_400_000;
      const warnings: ('not-synced-for-days' | 'too-many-pending' | 'calendar-ending')[] = [];
      if (status.enrolled && since > syncWarnDays) warnings.push('not-synced-for-days');
      if (status.pending > syncWarnPending) warnings.push('too-many-pending');
      if (calendar.warning) warnings.push('calendar-ending');
      return { ...status, state: core.scheduler?.state ?? 'idle', warnings, calendar };
    },
    syncNow: () => {
      void core.scheduler?.run();
      return {};
    },
    syncRun: () => core.sync.syncOnce(),
    syncEnroll: ({ server, code }) => core.sync.enroll(server, code),
  };
}
