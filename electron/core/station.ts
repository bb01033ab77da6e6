import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifySqliteError } from '../../db/errors.ts';
import { openDatabase, type Database } from '../../db/open.ts';
import { StationData } from '../../db/station-data.ts';
import { StationError } from '../../contract/domain/errors.ts';
import { loadConfig, type StationConfig } from './config.ts';
import { DeviceHost } from './devices/device-host.ts';
import { forkLauncher, type DeviceLauncher } from './devices/device-launcher.ts';
import { dispatch, type CallContext, type Handlers } from './dispatch.ts';
import type { CallReply } from '../../contract/api/wire.ts';
import { EventBus } from './event-bus.ts';
import { assertStationFilesTogether, prepareDataDir } from './station-files.ts';
import { createHandlers } from './handlers/index.ts';
import type { Core } from './handlers/handler-kit.ts';
import { fileLogger, type Logger } from './log.ts';
import { appRoot, migrationsDir } from './paths.ts';
import { FileKeyProtector } from './security/file-key-protector.ts';
import type { KeyProtector } from './security/key-protector.ts';
import { loadStationKeys } from './security/key-store.ts';
import type { StationKeys } from './security/station-keys.ts';
import { buildServices, type Services } from './services.ts';
import type { FaceModelPort } from './face/face-model.ts';
import { SyncScheduler } from './sync/sync-scheduler.ts';
import { CLOCK_ENV, clockFrom, type Clock } from '../../contract/domain/clock.ts';

export interface StationOptions {
  dataDir: string;
  mode: 'electron' | 'web';
  /** Wraps the station key: safeStorage in the app; by default a 0600 key file in the data directory. */
  keyProtector?: KeyProtector;
  /** Where "now" comes from; by default the machine's clock, or the one DOORSTEP_CLOCK pins. */
  clock?: Clock;
}

/** The clock of this process: the machine's, unless DOORSTEP_CLOCK pins it (tests, demonstrations). */
export const processClock = (): Clock => clockFrom(process.env[CLOCK_ENV]);

/** The station as every transport (IPC, HTTP, CLI) sees it: the contract's calls, its events, and a few facts. */
export interface Station {
  readonly dataDir: string;
  readonly mode: 'electron' | 'web';
  readonly version: string;
  readonly clock: Clock;
  readonly config: StationConfig;
  readonly logger: Logger;
  readonly bus: EventBus;
  readonly handlers: Handlers;
  /** One call of the contract, as every transport makes it: auth from the method's declaration, validated both ways. */
  call(name: string, input: unknown, ctx: CallContext): Promise<CallReply>;
  /**
   * Starts the device process, for a station that serves a UI (the app, `station serve`); it boots in the background.
   * A Node child process unless the app passes its utility-process launcher. Commands that need none never start it.
   */
  startDevices(options: { simulate: boolean; launcher?: DeviceLauncher }): DeviceHost;
  /** Starts syncing by itself, for a station that serves a UI; only once enrolled does it do anything. */
  startSync(): SyncScheduler;
  close(): Promise<void>;
}

/** A station with what lies behind it in reach: for tests and tools that look past the contract. */
export interface StationCore {
  readonly station: Station;
  readonly services: Services;
  readonly data: StationData;
  /** The database handle itself, for looking at what is stored (encrypted at rest, whole after a crash). */
  readonly db: Database;
  readonly keys: StationKeys;
}

class DevicesNotStartedError extends StationError {
  constructor() {
    super('devices.not-started', 'devices are not started in this process');
  }
}

export const DATABASE_FILE = 'station.db';

export function openStation(options: StationOptions): Station {
  return openStationCore(options).station;
}

export function openStationCore(options: StationOptions): StationCore {
  const clock = options.clock ?? processClock();
  prepareDataDir(options.dataDir);
  const dbFile = join(options.dataDir, DATABASE_FILE);
  assertStationFilesTogether(options.dataDir, dbFile);
  const config = loadConfig(options.dataDir);
  const logger = fileLogger(join(options.dataDir, 'logs', 'station.log'), clock);
  const keys = loadStationKeys(options.dataDir, options.keyProtector ?? new FileKeyProtector(options.dataDir));
  const db = openDatabase(dbFile, { migrationsDir: migrationsDir() });
  try {
    const data = new StationData(db);
    const bus = new EventBus();
    const version = (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
    const { dataDir, mode } = options;
    // The face model lives in the device process, started later (startDevices): reached through it at each call.
    const faceModel: FaceModelPort = {
      faceInfo: () => devicesOf(core).faceInfo(),
      faceDescribe: (image, describe) => devicesOf(core).faceDescribe(image, describe),
      faceDecide: (a, b) => devicesOf(core).faceDecide(a, b),
    };
    const services = buildServices({ db: data, keys, clock, config, logger, bus, dataDir, faceModel });
    // The handlers see the scheduler and the devices once they are started.
    const core: Core = { ...services, keys, clock, config, logger, mode, version, scheduler: null, devices: null };
    const handlers = createHandlers(core);
    const deps = {
      logger,
      resolveSession: (token: string) => services.staff.resolve(token),
      auditOperator: (method: string) => services.audit.record({ staffId: null, action: 'operator.call', detail: { method } }),
    };
    const station: Station = {
      dataDir,
      mode,
      version,
      clock,
      config,
      logger,
      bus,
      handlers,
      call: (name, input, ctx) => dispatch(handlers, name, input, ctx, deps),
      startDevices({ simulate, launcher }) {
        core.devices = DeviceHost.start(
          { simulate, idcardPort: config.idcardPort, idcardPhotoDecoder: config.idcardPhotoDecoder, printerRoles: config.printers, simulatedCard: config.simulatedCard },
          bus,
          logger,
          launcher ?? forkLauncher,
        );
        return core.devices;
      },
      startSync() {
        const scheduler = new SyncScheduler(services.sync, bus, logger, {
          intervalMs: config.syncIntervalSec * 1000,
          afterSync: () => {
            services.cases.purge(config.retentionDays);
            services.faceReferences.purge(config.retentionDays);
          },
          storage: services.storage,
        });
        core.scheduler = scheduler;
        if (services.sync.status(0).enrolled) scheduler.start();
        return scheduler;
      },
      async close() {
        await core.scheduler?.stop();
        await core.devices?.close();
        db.close();
      },
    };
    return { station, services, data, db, keys };
  } catch (error) {
    db.close();
    // Damage found past the first page shows when the services first read: still a typed refusal, the file untouched.
    throw classifySqliteError(dbFile, error);
  }
}

/** The station's devices, or a typed error where none were started. */
export function devicesOf(core: Pick<Core, 'devices'>): DeviceHost['api'] {
  if (!core.devices) throw new DevicesNotStartedError();
  return core.devices.api;
}
