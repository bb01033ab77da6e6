/**
 * The sync protocol between a station and the township server (docs/architecture.md, "Sync"), declared once for both sides.
 * Pure: no Node imports, so the station's client may also run where only Web Crypto exists. Hashing and signing
 * are each side's own business; this file says what is hashed and signed, and how it travels.
 */
import { z } from 'zod';
import { NORMAL_ID_NUMBER_PATTERN } from '../domain/id-number.ts';
import { Catalog } from '../domain/catalog.ts';
import { HolidayCalendar } from '../domain/calendar/holiday-calendar.ts';
import { CaseState } from '../domain/cases.ts';

/** Everything is under /v1/; a breaking change gets a new prefix, served side by side. */
/**
 * Where a station may send its cases: https anywhere, plain http only to this machine (a township on loopback for
 * a demonstration or a test). Scans and names never cross a network in clear.
 */
export const TownshipUrl = z
  .url({ protocol: /^https?$/ })
  .refine((url) => {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' || hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
  }, 'a township on another machine must be reached by https://');

export const SYNC_PATHS = {
  health: '/v1/health',
  enroll: '/v1/enroll',
  push: '/v1/sync/push',
  pull: '/v1/sync/pull',
  openapi: '/v1/openapi.json',
  attachment: (sha256: string) => `/v1/sync/attachments/${sha256}`,
} as const;

/** Request headers of a signed call, and what an attachment HEAD answers with. */
export const SYNC_HEADERS = {
  station: 'x-doorstep-station',
  /** Unix time in milliseconds, decimal. */
  timestamp: 'x-doorstep-timestamp',
  /** Fresh per request: 16–64 characters of base64url. */
  nonce: 'x-doorstep-nonce',
  /** sha256 of the body bytes, lowercase hex (the empty body's hash when there is none). */
  contentSha256: 'x-doorstep-content-sha256',
  /** Ed25519 signature of the canonical string, base64url without padding. */
  signature: 'x-doorstep-signature',
  received: 'x-doorstep-received',
  complete: 'x-doorstep-complete',
} as const;

/** A request whose timestamp is further than this from the server's clock is refused (and its nonce forgotten after). */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
export const MAX_PUSH_EVENTS = 500;
export const MAX_PULL_LIMIT = 500;
/** JSON bodies of enrol, push and pull. */
export const MAX_SYNC_BODY_BYTES = 4 << 20;
export const MAX_CHUNK_BYTES = 4 << 20;
/** What a station should send per chunk on a slow village line: small enough that a cut loses little. */
export const SUGGESTED_CHUNK_BYTES = 512 << 10;
export const MAX_ATTACHMENT_BYTES = 64 << 20;
/** Serialized length of one event's detail. */
export const MAX_EVENT_DETAIL_CHARS = 8192;
export const MAX_EVENT_ATTACHMENTS = 200;

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
/** The station's code: the prefix of every case number it makes (`CODE-YYYYMMDD-NNNN`). */
export const StationId = z.string().regex(/^[A-Z0-9]{4,16}$/);
/** UUIDv7: made where the event happened, unique without asking anyone, sorting by time. */
export const EventId = z.uuidv7();
export const SyncCaseNo = z.string().regex(/^[A-Z0-9]{4,16}-[0-9A-Za-z-]{1,30}$/);
/** Raw 32-byte Ed25519 public key, base64url without padding (what Web Crypto's 'raw' export gives). */
export const PublicKeyB64u = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const Cursor = z.string().regex(/^(0|[1-9]\d{0,17})$/);

/**
 * The string a station signs: `v1\nMETHOD\nPATH\nTIMESTAMP\nNONCE\nBODY_SHA256_HEX`. PATH is the request target as
 * sent on the wire, query string included, so an offset cannot be changed on the way.
 */
export function canonicalRequest(r: { method: string; path: string; timestamp: string; nonce: string; bodySha256: string }): string {
  return ['v1', r.method.toUpperCase(), r.path, r.timestamp, r.nonce, r.bodySha256].join('\n');
}

/** `bytes START-END/TOTAL` (END inclusive), for one chunk of an attachment upload. */
export function formatContentRange(start: number, length: number, total: number): string {
  return `bytes ${start}-${start + length - 1}/${total}`;
}

export function parseContentRange(value: string): { start: number; end: number; total: number } | null {
  const m = /^bytes (\d{1,15})-(\d{1,15})\/(\d{1,15})$/.exec(value.trim());
  if (!m) return null;
  const [start, end, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return start <= end && end < total ? { start, end, total } : null;
}

export const Health = z.strictObject({ status: z.literal('ok'), protocol: z.literal('v1'), serverTime: z.iso.datetime() });
export type Health = z.infer<typeof Health>;

/** The code as typed (any case, spaces or dashes) to the form it was made in. */
export function normaliseEnrolmentCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/**
 * What the new key signs at enrolment (the `proof`): shows the station holds the private key, and that its key and
 * encoding work before the first sync depends on them.
 */
export function enrolmentProofString(r: { code: string; stationId: string; publicKey: string }): string {
  return ['v1-enroll', normaliseEnrolmentCode(r.code), r.stationId, r.publicKey].join('\n');
}

export const EnrollRequest = z.strictObject({
  /** The one-time code the township gave the technician; it names the village and grid. */
  code: z.string().min(8).max(40),
  stationId: StationId,
  publicKey: PublicKeyB64u,
  /** Ed25519 signature of enrolmentProofString(…) with the new key, base64url. */
  proof: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
});
export type EnrollRequest = z.infer<typeof EnrollRequest>;

export const EnrollResponse = z.strictObject({
  stationId: StationId,
  village: z.string(),
  grid: z.string(),
  enrolledAt: z.iso.datetime(),
  serverTime: z.iso.datetime(),
});
export type EnrollResponse = z.infer<typeof EnrollResponse>;

/** One row of the station's outbox (db case_events), as it travels. */
export const SyncCaseEvent = z.strictObject({
  id: EventId,
  /** Must start with the pushing station's id. */
  caseNo: SyncCaseNo,
  /** The station's order within the case; it rises but may skip numbers the station gave to township events. */
  seq: z.int().min(1).max(1_000_000),
  type: z.string().regex(/^[a-zA-Z][a-zA-Z0-9-]{0,39}$/),
  at: z.iso.datetime(),
  /** The case's state at the station after this event. */
  state: CaseState,
  actor: z.string().min(1).max(64).nullable(),
  detail: z
    .record(z.string().max(64), z.json())
    .refine((d) => JSON.stringify(d).length <= MAX_EVENT_DETAIL_CHARS, `detail longer than ${MAX_EVENT_DETAIL_CHARS} characters`),
  /** Every attachment the event refers to: it is applied only once all of them are stored whole. */
  attachments: z
    .array(Sha256Hex)
    .max(MAX_EVENT_ATTACHMENTS)
    .refine((a) => new Set(a).size === a.length, 'attachments listed twice'),
});
export type SyncCaseEvent = z.infer<typeof SyncCaseEvent>;

export const PushRequest = z.strictObject({
  /** The signing station; anything else is refused. */
  stationId: StationId,
  /** In commit order; applied in one transaction. */
  events: z.array(SyncCaseEvent).min(1).max(MAX_PUSH_EVENTS),
});
export type PushRequest = z.infer<typeof PushRequest>;

/** Why an event was not applied; the station keeps it, marks it, and shows the reason. */
export const ConflictReason = z.enum([
  /** This id is known with other content; the stored event is kept as it is. */
  'sync.conflict-content',
  /** Another event of the case already has this seq. */
  'sync.conflict-seq',
  /** A seq lower than one already applied for the case: it came out of order. */
  'sync.conflict-order',
  /** The case number does not belong to the pushing station. */
  'sync.conflict-not-yours',
  /**
   * A step the station may not take for this matter (approve, reject … of a matter decided at the township or the
   * county, by its handling level): the township refuses it as a conflict, as a 409, kept for a person.
   */
  'sync.conflict-not-station-step',
]);
export type ConflictReason = z.infer<typeof ConflictReason>;

/** Each event of the request is in exactly one list. Accepted and duplicates are both acknowledged. */
export const PushResponse = z.strictObject({
  accepted: z.array(EventId),
  duplicates: z.array(EventId),
  conflicts: z.array(z.strictObject({ id: EventId, reason: ConflictReason, message: z.string() })),
  /**
   * Kept by the server until these attachments are whole (the event's own, and those of earlier waiting events of its
   * case: a case's events apply in order); applied when this station's upload completes them, or at its next push.
   * Upload them, then push again: the answer is then a duplicate (applied) or still waiting.
   */
  waitingForAttachments: z.array(z.strictObject({ id: EventId, missing: z.array(Sha256Hex).min(1) })),
});
export type PushResponse = z.infer<typeof PushResponse>;

export const PullRequest = z.strictObject({
  /** What the last response gave; '0' the first time. Opaque: send it back as it came. */
  cursor: Cursor,
  limit: z.int().min(1).max(MAX_PULL_LIMIT).default(100),
  /** The last day the station's official holiday calendar covers, so the township sees who lacks next year's. */
  calendarThrough: z.iso.date().optional(),
});
export type PullRequest = z.infer<typeof PullRequest>;

const FeedSeq = z.int().positive();

export const CaseStateItem = z.strictObject({
  seq: FeedSeq,
  kind: z.literal('case-state'),
  caseNo: SyncCaseNo,
  /** The township's event id: append it to the case history once, keyed by this id. */
  eventId: EventId,
  /** The township's action (review, notice, approve, reject, requestSupplement, resultReady, post). */
  type: z.string(),
  state: CaseState,
  at: z.iso.datetime(),
  actor: z.string().nullable(),
  /** e.g. trackingNo when the result was posted, note for a supplement request. */
  detail: z.record(z.string(), z.string()),
});

export const CatalogItem = z.strictObject({ seq: FeedSeq, kind: z.literal('catalog'), version: z.string(), catalog: Catalog });
export const CalendarItem = z.strictObject({ seq: FeedSeq, kind: z.literal('calendar'), version: z.string(), calendar: HolidayCalendar });

/** ID numbers travel in clear over TLS: each station keys them with its own lookup key before storing them. */
export const BlacklistItem = z.strictObject({
  seq: FeedSeq,
  kind: z.literal('blacklist'),
  op: z.enum(['add', 'remove']),
  idNumber: z.string().regex(NORMAL_ID_NUMBER_PATTERN),
  reason: z.string().nullable(),
  at: z.iso.datetime(),
});

export const PullItem = z.discriminatedUnion('kind', [CaseStateItem, CatalogItem, CalendarItem, BlacklistItem]);
export type PullItem = z.infer<typeof PullItem>;

/** Apply the items and store the cursor in one transaction; ask again while `more`. */
export const PullResponse = z.strictObject({ items: z.array(PullItem), cursor: Cursor, more: z.boolean() });
export type PullResponse = z.infer<typeof PullResponse>;

export const AttachmentStatus = z.strictObject({
  sha256: Sha256Hex,
  /** Bytes the server holds for this station's upload: send the next chunk from here. */
  received: z.int().nonnegative(),
  /** Stored whole and verified; nothing more to send. */
  complete: z.boolean(),
});
export type AttachmentStatus = z.infer<typeof AttachmentStatus>;

/** A chunk's place when not given as Content-Range: `?offset=N&size=TOTAL`. */
export const ChunkQuery = z.strictObject({
  offset: z.string().regex(/^\d{1,15}$/).optional(),
  size: z.string().regex(/^\d{1,15}$/).optional(),
});

/** Codes of refusals a station may meet; the message catalogue (township.json) explains each to the technician. */
export const SyncErrorCode = z.enum([
  'sync.unsigned',
  'sync.unknown-station',
  'sync.clock-skew',
  'sync.body-hash',
  'sync.bad-signature',
  'sync.revoked',
  'sync.replayed',
  'sync.station-mismatch',
  'sync.bad-json',
  'sync.invalid',
  'sync.too-large',
  'sync.unsupported-media-type',
  'sync.not-found',
  'sync.enroll-code-unknown',
  'sync.enroll-code-used',
  'sync.enroll-code-expired',
  'sync.enroll-station-taken',
  'sync.range-required',
  'sync.bad-offset',
  'sync.attachment-hash',
  'sync.attachment-too-large',
  /** Too many failed attempts from one address (wrong enrolment codes): wait for Retry-After. */
  'sync.rate-limited',
  'sync.server-error',
]);
export type SyncErrorCode = z.infer<typeof SyncErrorCode>;

/** Every 4xx and 5xx answer. `code` is stable (a SyncErrorCode for the station's routes); `message` is English. */
export const ErrorBody = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
    /** On sync.clock-skew: the server's time, so the technician can see how far off the station is. */
    serverTime: z.iso.datetime().optional(),
    /** On sync.bad-offset: where to resume. */
    received: z.int().nonnegative().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
