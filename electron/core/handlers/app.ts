import type { Core, HandlersOf } from './handler-kit.ts';

export function appHandlers(core: Core): HandlersOf<'appInfo' | 'storageStatus'> {
  return {
    appInfo: () => ({
      name: 'Doorstep',
      version: core.version,
      mode: core.mode,
      catalogVersion: core.catalog.current().version,
      idleTimeoutSec: core.config.idleTimeoutSec,
      defaultLocale: core.config.defaultLocale,
      now: core.clock().toISOString(),
      storageFull: core.storage.status().full,
    }),
    storageStatus: () => core.storage.status(),
  };
}
