import type { Clock } from '../../../contract/domain/clock.ts';
import type { Database } from 'better-sqlite3';
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

interface LinkRow {
  server_url: string;
  station_id: string;
  village: string;
  grid: string;
  private_key: string;
  pull_cursor: string;
  last_sync_at: string | null;
  last_error: string | null;
}

export interface SyncResult {
  pushed: number;
  duplicates: number;
  conflicts: number;
  uploaded: number;
  pulled: number;
  pending: number;
}

export interface PendingItem {
  eventId: string;
  caseNo: string;
  type: string;
  at: string;
  /** Why it waits: not sent yet, or refused by the township with this reason (a person must look at it). */
  reason: string;
}

export interface SyncStatus {
  enrolled: boolean;
  stationId: string | null;
  village: string | null;
  lastSyncAt: string | null;
  lastError: string | null;
  pending: number;
  conflicts: number;
  items: PendingItem[];
}

/** How many push rounds one sync may take when the township keeps asking for attachments first. */
const MAX_PUSH_ROUNDS = 50;

/**
 * The station's side of sync: enrolment, pushing the outbox of case events (and the attachments they need) in
 * commit order, pulling what the township has for this station and applying it with the cursor in one transaction.
 * Intake never waits for any of it; every step can be cut at any point and simply runs again.
 */
export class SyncService {
  constructor(
    private readonly db: Database,
    private readonly keys: StationKeys,
    private readonly cipher: FieldCipher,
    private readonly stationCode: string,
    private readonly attachments: AttachmentStore,
    private readonly catalog: CatalogService,
    private readonly calendar: CalendarService,
    private readonly logger: Logger,
    private readonly now: Clock,
  ) {}

  private link(): LinkRow | null {
    return (this.db.prepare('SELECT * FROM sync_link WHERE id = 1').get() as LinkRow | undefined) ?? null;
  }

  private client(link: LinkRow): TownshipClient {
    const der = Buffer.from(this.cipher.openText(link.private_key, fieldAad('sync', 1, 'private_key')), 'base64');
    return new TownshipClient(link.server_url, { key: privateKeyFromDer(der), stationId: link.station_id }, this.now);
  }

  /** Registers this station's new key pair with the township against a one-time code. */
  async enroll(serverUrl: string, code: string): Promise<{ stationId: string; village: string; grid: string }> {
    const { privateDer, publicKey } = newKeyPair();
    const stationId = this.stationCode;
    const proof = signText(privateKeyFromDer(privateDer), enrolmentProofString({ code, stationId, publicKey }));
    const answer = await new TownshipClient(serverUrl, null, this.now).json('POST', SYNC_PATHS.enroll, { code, stationId, publicKey, proof }, EnrollResponse);
    this.db
      .prepare(
        `INSERT INTO sync_link (id, server_url, station_id, village, grid, private_key, public_key, enrolled_at)
         VALUES (1, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET server_url = excluded.server_url, station_id = excluded.station_id,
           village = excluded.village, grid = excluded.grid, private_key = excluded.private_key,
           public_key = excluded.public_key, enrolled_at = excluded.enrolled_at, pull_cursor = '0'`,
      )
      .run(serverUrl, answer.stationId, answer.village, answer.grid,
        this.cipher.sealText(privateDer.toString('base64'), fieldAad('sync', 1, 'private_key')), publicKey, answer.enrolledAt);
    this.logger.log('info', 'sync.enrolled', { stationId: answer.stationId, village: answer.village, grid: answer.grid });
    return { stationId: answer.stationId, village: answer.village, grid: answer.grid };
  }

  /** One full round: push everything pending (with attachments), then pull until the township has no more. */
  async syncOnce(): Promise<SyncResult> {
    const link = this.link();
    if (!link) throw new NotEnrolledError();
    const client = this.client(link);
    try {
      const pushed = await this.push(client, link.station_id);
      const pulled = await this.pull(client);
      this.db.prepare('UPDATE sync_link SET last_sync_at = ?, last_error = NULL WHERE id = 1').run(this.now().toISOString());
      return { ...pushed, pulled, pending: this.pendingCount() };
    } catch (error) {
      this.db.prepare('UPDATE sync_link SET last_error = ? WHERE id = 1').run(error instanceof StationError ? error.code : 'error.internal');
      throw error;
    }
  }

  private outbox(limit: number): SyncCaseEvent[] {
    const rows = this.db
      .prepare(
        `SELECT e.id, c.case_no, e.seq, e.type, e.at, e.state, e.actor, e.detail, e.attachments
         FROM case_events e JOIN cases c ON c.id = e.case_id
         WHERE e.pushed_at IS NULL AND NOT EXISTS (SELECT 1 FROM sync_conflicts k WHERE k.event_id = e.id)
         ORDER BY e.rowid LIMIT ?`,
      )
      .all(limit) as { id: string; case_no: string; seq: number; type: string; at: string; state: SyncCaseEvent['state']; actor: number | null; detail: string; attachments: string }[];
    return rows.map((r) => ({
      id: r.id,
      caseNo: r.case_no,
      seq: r.seq,
      type: r.type,
      at: r.at,
      state: r.state,
      actor: r.actor === null ? null : `staff:${r.actor}`,
      detail: JSON.parse(r.detail) as SyncCaseEvent['detail'],
      attachments: JSON.parse(r.attachments) as string[],
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
        const ack = this.db.prepare('UPDATE case_events SET pushed_at = ? WHERE id = ? AND pushed_at IS NULL');
        for (const id of [...answer.accepted, ...answer.duplicates]) ack.run(at, id);
        const conflict = this.db.prepare('INSERT INTO sync_conflicts (event_id, reason, message, at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
        for (const c of answer.conflicts) conflict.run(c.id, c.reason, c.message, at);
      })();
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
      const cursor = this.link()!.pull_cursor;
      // The township learns how far this station's official calendar reaches, to show who lacks next year's.
      const calendarThrough = this.calendar.current.officialThrough;
      const page = await client.json('POST', SYNC_PATHS.pull, { cursor, limit: 200, calendarThrough }, PullResponse);
      // The items and the cursor that follows them land together, or not at all.
      this.db.transaction(() => {
        for (const item of page.items) this.apply(item);
        this.db.prepare('UPDATE sync_link SET pull_cursor = ? WHERE id = 1').run(page.cursor);
      })();
      pulled += page.items.length;
      if (!page.more) return pulled;
    }
  }

  private apply(item: PullItem): void {
    const at = this.now().toISOString();
    if (item.kind === 'case-state') {
      const kase = this.db.prepare('SELECT id FROM cases WHERE case_no = ?').get(item.caseNo) as { id: number } | undefined;
      if (!kase || this.db.prepare('SELECT 1 FROM case_events WHERE id = ?').get(item.eventId)) return;
      const seq = (this.db.prepare('SELECT max(seq) AS s FROM case_events WHERE case_id = ?').get(kase.id) as { s: number }).s + 1;
      // The township's decision joins the case history as an event that is already acknowledged: it is not sent back.
      this.db
        .prepare(`INSERT INTO case_events (id, case_id, seq, type, at, station, actor, state, detail, pushed_at) VALUES (?, ?, ?, ?, ?, 'township', NULL, ?, ?, ?)`)
        .run(item.eventId, kase.id, seq, item.type, item.at, item.state, JSON.stringify({ ...item.detail, by: item.actor }), at);
      this.db.prepare('UPDATE cases SET state = ?, closed_at = ? WHERE id = ?').run(item.state, item.state === 'closed' ? at : null, kase.id);
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
      if (item.op === 'add') {
        this.db
          .prepare('INSERT INTO blacklist (id_hash, reason, listed_at, source) VALUES (?, ?, ?, ?) ON CONFLICT (id_hash) DO UPDATE SET reason = excluded.reason')
          .run(hash, item.reason ?? '', item.at, 'township');
      } else {
        this.db.prepare('DELETE FROM blacklist WHERE id_hash = ?').run(hash);
      }
    }
  }

  private pendingCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM case_events WHERE pushed_at IS NULL').get() as { n: number }).n;
  }

  /** What waits and why, for the clerk's status line and the technician. */
  status(limit = 50): SyncStatus {
    const link = this.link();
    const items = this.db
      .prepare(
        `SELECT e.id AS eventId, c.case_no AS caseNo, e.type, e.at, coalesce(k.reason, 'sync.not-sent') AS reason
         FROM case_events e JOIN cases c ON c.id = e.case_id LEFT JOIN sync_conflicts k ON k.event_id = e.id
         WHERE e.pushed_at IS NULL ORDER BY e.rowid LIMIT ?`,
      )
      .all(limit) as PendingItem[];
    return {
      enrolled: link !== null,
      stationId: link?.station_id ?? null,
      village: link?.village ?? null,
      lastSyncAt: link?.last_sync_at ?? null,
      lastError: link?.last_error ?? null,
      pending: this.pendingCount(),
      conflicts: (this.db.prepare('SELECT count(*) AS n FROM sync_conflicts').get() as { n: number }).n,
      items,
    };
  }
}
