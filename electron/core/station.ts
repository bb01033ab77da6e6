import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { classifySqliteError } from '../../db/errors.ts';
import { openDatabase } from '../../db/open.ts';
import { StationData } from '../../db/station-data.ts';
import { StationError } from '../../contract/domain/errors.ts';
import { parseOrThrow } from '../../contract/domain/validate.ts';
import { AttachmentStore } from './attachments/attachment-store.ts';
import { CalendarService } from './calendar/calendar-service.ts';
import { WorkingCalendar } from '../../contract/domain/calendar/working-calendar.ts';
import { readCatalogFile } from './catalog/catalog-file.ts';
import { CaseDocuments } from './cases/case-documents.ts';
import { CaseService } from './cases/case-service.ts';
import { CatalogService } from './catalog/catalog-service.ts';
import { SynonymFile, type SynonymTable } from './catalog/search-index.ts';
import { loadConfig, type StationConfig } from './config.ts';
import { DeviceHost } from './devices/device-host.ts';
import { forkLauncher, type DeviceLauncher } from './devices/device-launcher.ts';
import { dispatch, type CallContext, type Handlers } from './dispatch.ts';
import type { CallReply } from '../../contract/api/wire.ts';
import { EventBus } from './event-bus.ts';
import { KioskVisits } from './kiosk-visits.ts';
import { StorageGuard } from './storage-guard.ts';
import { assertStationFilesTogether, prepareDataDir } from './station-files.ts';
import { createHandlers } from './handlers/index.ts';
import { fileLogger, type Logger } from './log.ts';
import { appRoot, assetPath, migrationsDir } from './paths.ts';
import { AuditLog } from './security/audit-log.ts';
import { FieldCipher } from './security/field-cipher.ts';
import { FileKeyProtector } from './security/file-key-protector.ts';
import type { KeyProtector } from './security/key-protector.ts';
import { loadStationKeys } from './security/key-store.ts';
import { StaffService } from './security/staff-service.ts';
import { SyncScheduler } from './sync/sync-scheduler.ts';
import { SyncService } from './sync/sync-service.ts';
import { CLOCK_ENV, clockFrom, type Clock } from '../../contract/domain/clock.ts';
import type { StationKeys } from './security/station-keys.ts';

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

/** The station core: one of each service, shared by every transport (IPC, HTTP, CLI). */
export interface Station {
  readonly dataDir: string;
  readonly mode: 'electron' | 'web';
  readonly version: string;
  readonly clock: Clock;
  readonly config: StationConfig;
  /** The database handle itself, for tests and tools that look at what is stored; services use `data`. */
  readonly db: Database;
  readonly data: StationData;
  readonly logger: Logger;
  readonly bus: EventBus;
  readonly keys: StationKeys;
  readonly catalog: CatalogService;
  readonly calendar: CalendarService;
  readonly attachments: AttachmentStore;
  readonly audit: AuditLog;
  readonly staff: StaffService;
  readonly cases: CaseService;
  readonly documents: CaseDocuments;
  readonly sync: SyncService;
  readonly visits: KioskVisits;
  /** Room in the data directory: no new work once the disk is nearly full. */
  readonly storage: StorageGuard;
  /** Runs sync by itself once started (`startSync`); null in one-shot commands. */
  scheduler: SyncScheduler | null;
  readonly handlers: Handlers;
  /** One call of the contract, as every transport makes it: auth from the method's declaration, validated both ways. */
  call(name: string, input: unknown, ctx: CallContext): Promise<CallReply>;
  /** The devices, once started (`startDevices`); commands that need none never start them. */
  devices: DeviceHost | null;
  close(): Promise<void>;
}

class DevicesNotStartedError extends StationError {
  constructor() {
    super('devices.not-started', 'devices are not started in this process');
  }
}

export const DATABASE_FILE = 'station.db';

export function shippedCatalog() {
  return readCatalogFile(assetPath('catalog', 'catalog.json'));
}

export function shippedSynonyms(): SynonymTable {
  const { $schema: _schema, ...table } = parseOrThrow(
    SynonymFile,
    JSON.parse(readFileSync(assetPath('catalog', 'synonyms.json'), 'utf8')),
    'assets/catalog/synonyms.json',
  );
  return table as SynonymTable;
}

/** China's holidays and make-up working days as shipped; the township publishes newer ones. */
export function shippedCalendar(): WorkingCalendar {
  const file = assetPath('calendar', 'holidays-cn.json');
  return WorkingCalendar.fromJSON(readFileSync(file, 'utf8'), file);
}

export function openStation(options: StationOptions): Station {
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
    const catalog = new CatalogService({ db: data, shipped: shippedCatalog(), synonyms: shippedSynonyms(), clock });
    catalog.onUpdated((version) => bus.emit('catalogUpdated', { version }));
    const version = (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
    const cipher = new FieldCipher(keys);
    const audit = new AuditLog({ db: data, keys, clock });
    const calendar = new CalendarService({ db: data, shipped: shippedCalendar(), clock, logger });
    const attachments = new AttachmentStore({ db: data, cipher, clock });
    const staff = new StaffService({ db: data, keys, audit, clock });
    const cases = new CaseService({ db: data, keys, cipher, catalog, calendar, attachments, audit, clock });
    calendar.onInstalled((next) => cases.recomputeProvisionalDueDates(next));
    const station: Omit<Station, 'handlers' | 'call'> = {
      dataDir: options.dataDir,
      mode: options.mode,
      version,
      clock,
      config,
      db,
      data,
      logger,
      bus,
      keys,
      catalog,
      calendar,
      attachments,
      audit,
      staff,
      cases,
      documents: new CaseDocuments({ cases, catalog, attachments, staff, config }),
      storage: new StorageGuard(options.dataDir, logger.health),
      visits: new KioskVisits(clock, (config.idleTimeoutSec + 60) * 1000),
      sync: new SyncService({ db: data, keys, cipher, stationCode: cases.station, attachments, catalog, calendar, logger, clock }),
      scheduler: null,
      devices: null,
      async close() {
        await this.scheduler?.stop();
        await this.devices?.close();
        db.close();
      },
    };
    const handlers = createHandlers(station);
    const deps = {
      logger,
      resolveSession: (token: string) => staff.resolve(token),
      auditOperator: (method: string) => audit.record({ staffId: null, action: 'operator.call', detail: { method } }),
    };
    return Object.assign(station, { handlers, call: (name: string, input: unknown, ctx: CallContext) => dispatch(handlers, name, input, ctx, deps) });
  } catch (error) {
    db.close();
    // Damage found past the first page shows when the services first read: still a typed refusal, the file untouched.
    throw classifySqliteError(dbFile, error);
  }
}

/**
 * Starts the device process for a station that serves a UI (the app, `station serve`); it boots in the background.
 * A Node child process unless the app passes its utility-process launcher.
 */
export function startDevices(station: Station, options: { simulate: boolean; launcher?: DeviceLauncher }): DeviceHost {
  station.devices = DeviceHost.start(
    { simulate: options.simulate, idcardPort: station.config.idcardPort, printerRoles: station.config.printers },
    station.bus,
    station.logger,
    options.launcher ?? forkLauncher,
  );
  return station.devices;
}

/** Starts syncing by itself, for a station that serves a UI; only once enrolled does it do anything. */
export function startSync(station: Station): SyncScheduler {
  station.scheduler = new SyncScheduler(station.sync, station.bus, station.logger, {
    intervalMs: station.config.syncIntervalSec * 1000,
    afterSync: () => station.cases.purge(station.config.retentionDays),
  });
  if (station.sync.status(0).enrolled) station.scheduler.start();
  return station.scheduler;
}

/** The station's devices, or a typed error where none were started. */
export function devicesOf(station: Pick<Station, 'devices'>): DeviceHost['api'] {
  if (!station.devices) throw new DevicesNotStartedError();
  return station.devices.api;
}
