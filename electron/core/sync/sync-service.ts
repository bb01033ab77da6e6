import type { Clock } from '../../../contract/domain/clock.ts';
import type { CaseEventRecord, PendingEventRecord } from '../../../db/cases/case-rows.ts';
import type { StationData } from '../../../db/station-data.ts';
import type { SyncLinkRecord } from '../../../db/sync-state/sync-state.ts';
import { StationError, ValidationError } from '../../../contract/domain/errors.ts';
import {
  EnrollResponse,
  enrolmentProofString,
  formatContentRange,
  MAX_PUSH_EVENTS,
  PullResponse,
  PushResponse,
  SUGGESTED_CHUNK_BYTES,
  SYNC_HEADERS,
  SYNC_PATHS,
  type PullItem,
  type SyncCaseEvent,
} from '../../../contract/api/sync.ts';
import type { AttachmentStore } from '../attachments/attachment-store.ts';
import { CalendarVersionError, type CalendarService } from '../calendar/calendar-service.ts';
import type { CatalogService } from '../catalog/catalog-service.ts';
import { CatalogVersionError } from '../catalog/catalog-store.ts';
import type { Logger } from '../log.ts';
import { fieldAad, type FieldCipher } from '../security/field-cipher.ts';
import { idNumberHash } from '../security/id-number-hash.ts';
import type { StationKeys } from '../security/station-keys.ts';
import { newKeyPair, privateKeyFromDer, signText } from './signer.ts';
import { TownshipClient } from './township-client.ts';

export class NotEnrolledError extends StationError {
  constructor() {
    super('sync.not-enrolled', 'this station is not enrolled with a township');
  }
}

export interface SyncResult {
  pushed: number;
  duplicates: number;
  conflicts: number;
  uploaded: number;
  pulled: number;
  pending: number;
}

export interface SyncStatus {
  enrolled: boolean;
  stationId: string | null;
  village: string | null;
  lastSyncAt: string | null;
  lastError: string | null;
  pending: number;
  conflicts: number;
  items: PendingEventRecord[];
}

/** How many push rounds one sync may take when the township keeps asking for attachments first. */
const MAX_PUSH_ROUNDS = 50;

/**
 * The station's side of sync: enrolment, pushing the outbox of case events (and the attachments they need) in
 * commit order, pulling what the township has for this station and applying it with the cursor in one transaction.
 * Intake never waits for any of it; every step can be cut at any point and simply runs again.
 */
export interface SyncServiceDeps {
  db: StationData;
  keys: StationKeys;
  cipher: FieldCipher;
  stationCode: string;
  attachments: AttachmentStore;
  catalog: CatalogService;
  calendar: CalendarService;
  logger: Logger;
  clock: Clock;
}

export class SyncService {
  private readonly db: StationData;
  private readonly keys: StationKeys;
  private readonly cipher: FieldCipher;
  private readonly stationCode: string;
  private readonly attachments: AttachmentStore;
  private readonly catalog: CatalogService;
  private readonly calendar: CalendarService;
  private readonly logger: Logger;
  private readonly now: Clock;

  constructor(deps: SyncServiceDeps) {
    this.db = deps.db;
    this.keys = deps.keys;
    this.cipher = deps.cipher;
    this.stationCode = deps.stationCode;
    this.attachments = deps.attachments;
    this.catalog = deps.catalog;
    this.calendar = deps.calendar;
    this.logger = deps.logger;
    this.now = deps.clock;
  }

  private client(link: SyncLinkRecord): TownshipClient {
    const der = Buffer.from(this.cipher.openText(link.privateKey, fieldAad('sync', 1, 'private_key')), 'base64');
    return new TownshipClient(link.serverUrl, { key: privateKeyFromDer(der), stationId: link.stationId }, this.now);
  }

  /** Registers this station's new key pair with the township against a one-time code. */
  async enroll(serverUrl: string, code: string): Promise<{ stationId: string; village: string; grid: string }> {
    const { privateDer, publicKey } = newKeyPair();
    const stationId = this.stationCode;
    const proof = signText(privateKeyFromDer(privateDer), enrolmentProofString({ code, stationId, publicKey }));
    const answer = await new TownshipClient(serverUrl, null, this.now).json('POST', SYNC_PATHS.enroll, { code, stationId, publicKey, proof }, EnrollResponse);
    this.db.sync.enroll({
      serverUrl, stationId: answer.stationId, village: answer.village, grid: answer.grid,
      privateKey: this.cipher.sealText(privateDer.toString('base64'), fieldAad('sync', 1, 'private_key')), publicKey,
      enrolledAt: answer.enrolledAt,
    });
    this.logger.log('info', 'sync.enrolled', { stationId: answer.stationId, village: answer.village, grid: answer.grid });
    return { stationId: answer.stationId, village: answer.village, grid: answer.grid };
  }

  /** One full round: push everything pending (with attachments), then pull until the township has no more. */
  async syncOnce(): Promise<SyncResult> {
    const link = this.db.sync.link();
    if (!link) throw new NotEnrolledError();
    const client = this.client(link);
    try {
      const pushed = await this.push(client, link.stationId);
      const pulled = await this.pull(client);
      this.db.sync.synced(this.now().toISOString());
      return { ...pushed, pulled, pending: this.db.events.pendingCount() };
    } catch (error) {
      this.db.sync.failed(error instanceof StationError ? error.code : 'error.internal');
      throw error;
    }
  }

  private outbox(limit: number): SyncCaseEvent[] {
    return this.db.events.outbox(limit).map((e: CaseEventRecord) => ({
      id: e.id,
      caseNo: e.caseNo,
      seq: e.seq,
      type: e.type,
      at: e.at,
      state: e.state,
      actor: e.actor === null ? null : `staff:${e.actor}`,
      detail: e.detail as SyncCaseEvent['detail'],
      attachments: e.attachments,
    }));
  }

  private async push(client: TownshipClient, stationId: string): Promise<Omit<SyncResult, 'pulled' | 'pending'>> {
    const result = { pushed: 0, duplicates: 0, conflicts: 0, uploaded: 0 };
    const uploaded = new Set<string>();
    // Events the township held for their attachments come back as duplicates once applied: they were pushed now.
    const waited = new Set<string>();
    for (let round = 0; round < MAX_PUSH_ROUNDS; round++) {
      const events = this.outbox(MAX_PUSH_EVENTS);
      if (events.length === 0) break;
      const answer = await client.json('POST', SYNC_PATHS.push, { stationId, events }, PushResponse);
      const at = this.now().toISOString();
      this.db.transaction(() => {
        this.db.events.markPushed([...answer.accepted, ...answer.duplicates], at);
        for (const c of answer.conflicts) this.db.sync.recordConflict(c.id, c.reason, c.message, at);
      });
      const appliedAfterWaiting = answer.duplicates.filter((id) => waited.has(id)).length;
      result.pushed += answer.accepted.length + appliedAfterWaiting;
      result.duplicates += answer.duplicates.length - appliedAfterWaiting;
      result.conflicts += answer.conflicts.length;
      for (const w of answer.waitingForAttachments) waited.add(w.id);
      const missing = [...new Set(answer.waitingForAttachments.flatMap((w) => w.missing))].filter((sha) => !uploaded.has(sha));
      for (const sha of missing) {
        await this.upload(client, sha);
        uploaded.add(sha);
        result.uploaded++;
      }
      // Nothing acknowledged and nothing new to send: the rest waits for the next sync.
      if (answer.accepted.length + answer.duplicates.length + answer.conflicts.length === 0 && missing.length === 0) break;
    }
    return result;
  }

  /** Sends an attachment in chunks from wherever the township's copy stops, so a cut upload resumes. */
  private async upload(client: TownshipClient, sha256: string): Promise<void> {
    const { bytes } = this.attachments.get(sha256);
    const head = await client.request('HEAD', SYNC_PATHS.attachment(sha256), null);
    if (head.headers.get(SYNC_HEADERS.complete) === 'true') return;
    let offset = Number(head.headers.get(SYNC_HEADERS.received) ?? 0);
    while (offset < bytes.length) {
      const chunk = bytes.subarray(offset, Math.min(bytes.length, offset + SUGGESTED_CHUNK_BYTES));
      await client.request('PUT', SYNC_PATHS.attachment(sha256), chunk, {
        'content-type': 'application/octet-stream',
        'content-range': formatContentRange(offset, chunk.length, bytes.length),
      });
      offset += chunk.length;
    }
  }

  private async pull(client: TownshipClient): Promise<number> {
    let pulled = 0;
    for (;;) {
      const cursor = this.db.sync.link()!.pullCursor;
      // The township learns how far this station's official calendar reaches, to show who lacks next year's.
      const calendarThrough = this.calendar.current.officialThrough;
      const page = await client.json('POST', SYNC_PATHS.pull, { cursor, limit: 200, calendarThrough }, PullResponse);
      // The items and the cursor that follows them land together, or not at all.
      this.db.transaction(() => {
        for (const item of page.items) this.apply(item);
        this.db.sync.setCursor(page.cursor);
      });
      pulled += page.items.length;
      if (!page.more) return pulled;
    }
  }

  private apply(item: PullItem): void {
    const at = this.now().toISOString();
    if (item.kind === 'case-state') {
      const kase = this.db.cases.byNumber(item.caseNo);
      if (!kase || this.db.events.has(item.eventId)) return;
      // The township's decision joins the case history as an event that is already acknowledged: it is not sent back.
      this.db.events.append({
        id: item.eventId, caseId: kase.id, type: item.type, at: item.at, station: 'township', actor: null,
        state: item.state, detail: { ...item.detail, by: item.actor }, attachments: [], pushedAt: at,
      });
      this.db.cases.setState(kase.id, item.state, item.state === 'closed' ? at : null);
    } else if (item.kind === 'catalog') {
      try {
        this.catalog.install(item.catalog, 'township');
      } catch (error) {
        // An older or same-numbered catalogue changes nothing; the feed goes on.
        if (!(error instanceof CatalogVersionError)) throw error;
      }
    } else if (item.kind === 'calendar') {
      try {
        // Installing recomputes the provisional due dates of open cases, inside this same transaction.
        if (this.calendar.install(item.calendar, `township ${item.version}`)) this.logger.log('info', 'calendar.installed', { version: item.version });
      } catch (error) {
        // An older calendar, or one that breaks the statutory holidays, changes nothing; the feed goes on.
        if (!(error instanceof CalendarVersionError || error instanceof ValidationError)) throw error;
        this.logger.log('warn', 'calendar.refused', { version: item.version, code: error.code, error: error.message });
      }
    } else {
      const hash = idNumberHash(this.keys, item.idNumber);
      if (item.op === 'add') this.db.blacklist.add(hash, item.reason ?? '', item.at, 'township');
      else this.db.blacklist.remove(hash);
    }
  }

  /** What waits and why, for the clerk's status line and the technician. */
  status(limit = 50): SyncStatus {
    const link = this.db.sync.link();
    return {
      enrolled: link !== null,
      stationId: link?.stationId ?? null,
      village: link?.village ?? null,
      lastSyncAt: link?.lastSyncAt ?? null,
      lastError: link?.lastError ?? null,
      pending: this.db.events.pendingCount(),
      conflicts: this.db.sync.conflictCount(),
      items: this.db.events.pending(limit),
    };
  }
}
