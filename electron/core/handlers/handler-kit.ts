import type { Caller } from '../../../contract/api/method.ts';
import type { Handlers } from '../dispatch.ts';
import type { Actor } from '../cases/case-service.ts';
import type { PrintResult } from '../../../native/printer/types.ts';
import { NORMAL_ID_NUMBER_PATTERN } from '../../../contract/domain/id-number.ts';
import { idNumberHash } from '../security/id-number-hash.ts';
import type { StationKeys } from '../security/station-keys.ts';
import type { DeviceHost } from '../devices/device-host.ts';
import type { Services } from '../services.ts';
import type { SyncScheduler } from '../sync/sync-scheduler.ts';
import type { Station } from '../station.ts';

/** What the handlers are built from: the services, a few facts of the station, and what it has started. */
export interface Core extends Services, Pick<Station, 'clock' | 'config' | 'logger' | 'mode' | 'version'> {
  readonly keys: StationKeys;
  /** Runs sync by itself once started (`startSync`); null in one-shot commands. */
  scheduler: SyncScheduler | null;
  /** The devices, once started (`startDevices`). */
  devices: DeviceHost | null;
}

/** A slice of the contract's handlers, one domain's worth. */
export type HandlersOf<M extends keyof Handlers> = Pick<Handlers, M>;

/** The services' notion of who acted: a staff member, or nobody (the kiosk, the operator, the public). */
export const actorOf = (caller: Caller): Actor => (caller.kind === 'staff' ? { staffId: caller.staffId, role: caller.role } : null);

/** A finished print job as the contract reports it. */
export const printed = (job: PrintResult) => ({ jobId: String(job.jobId), queue: job.queue, state: job.state });

/** A person as the audit trail names them: the keyed hash of an 18-character ID number, never the number. */
export const personRef = (keys: StationKeys, idNumber: string): string | null =>
  NORMAL_ID_NUMBER_PATTERN.test(idNumber.toUpperCase()) ? idNumberHash(keys, idNumber) : null;
