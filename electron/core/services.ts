import type { StationData } from '../../db/station-data.ts';
import type { Clock } from '../../contract/domain/clock.ts';
import { AttachmentStore } from './attachments/attachment-store.ts';
import { CalendarService } from './calendar/calendar-service.ts';
import { CaseDocuments } from './cases/case-documents.ts';
import { CaseService } from './cases/case-service.ts';
import { CatalogService } from './catalog/catalog-service.ts';
import type { StationConfig } from './config.ts';
import type { EventBus } from './event-bus.ts';
import { FaceChecks } from './face/face-checks.ts';
import type { FaceModelPort } from './face/face-model.ts';
import { FaceReferences } from './face/face-references.ts';
import { KioskVisits } from './kiosk-visits.ts';
import { HeldPhotos } from './photo/held-photos.ts';
import type { LogHealth, Logger } from './log.ts';
import { AuditLog } from './security/audit-log.ts';
import { FieldCipher } from './security/field-cipher.ts';
import { StaffService } from './security/staff-service.ts';
import type { StationKeys } from './security/station-keys.ts';
import { shippedCalendar, shippedCatalog, shippedSynonyms } from './shipped.ts';
import { StorageGuard } from './storage-guard.ts';
import { SyncService } from './sync/sync-service.ts';

/** One of each service of the station, over one database. */
export interface Services {
  readonly catalog: CatalogService;
  readonly calendar: CalendarService;
  readonly attachments: AttachmentStore;
  readonly audit: AuditLog;
  readonly staff: StaffService;
  readonly cases: CaseService;
  readonly documents: CaseDocuments;
  readonly sync: SyncService;
  readonly visits: KioskVisits;
  readonly faces: FaceChecks;
  readonly faceReferences: FaceReferences;
  readonly photos: HeldPhotos;
  /** Room in the data directory: no new work once the disk is nearly full. */
  readonly storage: StorageGuard;
}

export interface ServiceDeps {
  db: StationData;
  keys: StationKeys;
  clock: Clock;
  config: StationConfig;
  /** Its health is what the storage status reports about the log. */
  logger: Logger & { health: LogHealth };
  bus: EventBus;
  dataDir: string;
  /** The face model in the device/model process, reached once the devices are started. */
  faceModel: FaceModelPort;
}

/** Builds the services and wires them to each other and to the bus: the one place that knows who needs whom. */
export function buildServices({ db, keys, clock, config, logger, bus, dataDir, faceModel }: ServiceDeps): Services {
  const cipher = new FieldCipher(keys);
  const catalog = new CatalogService({ db, shipped: shippedCatalog(), synonyms: shippedSynonyms(), clock });
  catalog.onUpdated((version) => bus.emit('catalogUpdated', { version }));
  const audit = new AuditLog({ db, keys, clock });
  const calendar = new CalendarService({ db, shipped: shippedCalendar(), clock, logger });
  const attachments = new AttachmentStore({ db, cipher, clock });
  const staff = new StaffService({ db, keys, audit, clock });
  const cases = new CaseService({ db, keys, cipher, catalog, calendar, attachments, audit, clock, county: config.county ?? null });
  calendar.onInstalled((next) => cases.recomputeProvisionalDueDates(next));
  const faceReferences = new FaceReferences({ db, keys, cipher, model: faceModel, logger, clock });
  return {
    catalog,
    calendar,
    attachments,
    audit,
    staff,
    cases,
    documents: new CaseDocuments({ cases, catalog, attachments, staff, config }),
    sync: new SyncService({ db, keys, cipher, stationCode: cases.station, attachments, catalog, calendar, logger, clock }),
    visits: new KioskVisits(clock, (config.idleTimeoutSec + 60) * 1000),
    faces: new FaceChecks({ model: faceModel, references: faceReferences, audit, keys, clock, challenges: config.faceChallenges }),
    faceReferences,
    photos: new HeldPhotos(clock, (config.idleTimeoutSec + 60) * 1000),
    storage: new StorageGuard(dataDir, logger.health),
  };
}
