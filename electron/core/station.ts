import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../db/open.ts';
import { createCupsPrinters, createSimulatedPrinters, type Printers } from '../../native/printer/index.ts';
import { CalendarHolder } from './calendar/calendar-holder.ts';
import { WorkingCalendar } from './calendar/working-calendar.ts';
import { readCatalogFile } from './catalog/catalog-file.ts';
import { CatalogService } from './catalog/catalog-service.ts';
import { SynonymFile, type SynonymTable } from './catalog/search-index.ts';
import { parseOrThrow } from '../contract/validate.ts';
import { loadConfig, type StationConfig } from './config.ts';
import type { Handlers } from './dispatch.ts';
import { EventBus } from './event-bus.ts';
import { createHandlers } from './handlers.ts';
import { fileLogger, type Logger } from './log.ts';
import { appRoot, assetPath, migrationsDir } from './paths.ts';

export interface StationOptions {
  dataDir: string;
  mode: 'electron' | 'web';
  /** Simulated devices instead of real ones (`station serve --simulate`), for demos and tests. */
  simulate?: boolean;
}

/** The station core: one of each service, shared by every transport (IPC, HTTP, CLI). */
export interface Station {
  readonly dataDir: string;
  readonly mode: 'electron' | 'web';
  readonly version: string;
  readonly config: StationConfig;
  readonly db: Database;
  readonly logger: Logger;
  readonly bus: EventBus;
  readonly catalog: CatalogService;
  readonly printers: Printers;
  readonly calendar: CalendarHolder;
  readonly handlers: Handlers;
  close(): void;
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
  const config = loadConfig(options.dataDir);
  const logger = fileLogger(join(options.dataDir, 'logs', 'station.log'));
  const db = openDatabase(join(options.dataDir, DATABASE_FILE), { migrationsDir: migrationsDir() });
  try {
    const bus = new EventBus();
    const catalog = new CatalogService(db, shippedCatalog(), shippedSynonyms());
    catalog.onUpdated((version) => bus.emit('catalogUpdated', { version }));
    const version = (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
    const station: Omit<Station, 'handlers'> = {
      dataDir: options.dataDir,
      mode: options.mode,
      version,
      config,
      db,
      logger,
      bus,
      catalog,
      calendar: new CalendarHolder(shippedCalendar()),
      printers: options.simulate
        ? createSimulatedPrinters().printers
        : createCupsPrinters({ roles: () => config.printers }),
      close: () => db.close(),
    };
    return { ...station, handlers: createHandlers(station) };
  } catch (error) {
    db.close();
    throw error;
  }
}
