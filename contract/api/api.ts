import { z } from 'zod';
import { CASE_ACTIONS } from '../domain/case-states.ts';
import { DeskViewSchema } from '../domain/desk-views.ts';
import { PrinterRoleSchema } from '../domain/printer-roles.ts';
import { CASE_ROLES, ROLES, RoleSchema } from '../domain/roles.ts';
import { IdNumber } from '../domain/id-number.ts';
import { Catalog, HandlingLevel, LifeEventId, Matter, MatterCode, MatterTag, TimeLimit } from '../domain/catalog.ts';
import { CaseDetail, CaseState, CaseSummary, IntakeInput } from '../domain/cases.ts';
import { Attachment, DeviceStatus } from './devices.ts';
import { IdentityCard } from '../domain/identity.ts';
import { KIOSK, method, OPERATOR, PUBLIC, staff, type CallerOf, type MethodSpec } from './method.ts';
import { SignatureSchema } from '../domain/signature.ts';
import { TownshipUrl } from './sync.ts';
import { FaceCheckStarted, FaceFrameAnswer, FaceModelStatus, FaceTestAnswer, MAX_FRAME_BASE64 } from './face.ts';
import { EligibilityFailure } from '../domain/eligibility.ts';
import { FaceCheckResult } from '../domain/face-check.ts';
import { PhotoBackgroundSchema } from '../domain/photo-spec.ts';
import { MAX_PHOTO_FRAMES, PhotoMade } from './photo.ts';

export const AppInfo = z.strictObject({
  name: z.string(),
  version: z.string(),
  mode: z.enum(['electron', 'web']),
  catalogVersion: z.string(),
  /** Seconds without a touch before the kiosk returns to the attract screen. */
  idleTimeoutSec: z.int().positive(),
  defaultLocale: z.enum(['zh-CN', 'en']),
  /** The station's clock, so the screens count days from the same "today" as the core. */
  now: z.iso.datetime(),
  /** The data directory is nearly full: the kiosk takes nothing new in and says so. */
  storageFull: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const LifeEventSummary = z.strictObject({
  id: LifeEventId,
  name: z.string(),
  nameEn: z.string(),
  icon: z.string(),
  count: z.int().nonnegative(),
});
export type LifeEventSummary = z.infer<typeof LifeEventSummary>;

export const MatterSummary = z.strictObject({
  code: MatterCode,
  name: z.string(),
  shortName: z.string(),
  level: HandlingLevel,
  timeLimit: TimeLimit,
  tags: z.array(MatterTag),
  selfService: z.boolean(),
});
export type MatterSummary = z.infer<typeof MatterSummary>;

/** Longest query the kiosk keyboard or the CLI may send; longer is a clear input error. */
export const MAX_QUERY_LENGTH = 100;

export const SearchHit = z.strictObject({
  code: MatterCode,
  name: z.string(),
  score: z.number().min(0).max(100),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const Guide = z.strictObject({
  matter: Matter,
  catalogVersion: z.string(),
  /** What the guide's QR code encodes: the public link, or offline the guide text. */
  qrPayload: z.string(),
  /** The whole guide as plain text, for reading aloud. */
  text: z.string(),
});
export type Guide = z.infer<typeof Guide>;

export const PrintResult = z.strictObject({
  jobId: z.string(),
  queue: z.string(),
  state: z.literal('completed'),
});
export type PrintResult = z.infer<typeof PrintResult>;

const Empty = z.strictObject({});
/** A signed-in staff member's session token (staffLogin); later calls carry it beside their input. */
const Session = z.string().min(16).max(100);
const ANY_STAFF = staff(...ROLES);
const CASE_STAFF = staff(...CASE_ROLES);
const CaseDocumentKind = z.enum(['receipt', 'rongque', 'mandate']);
/** A document rendered for the caller to keep: a PDF, base64. */
const PdfDocument = z.strictObject({ pdf: z.base64() });
const CaseNo = z.string().min(5).max(40);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** A counted day and whether it rests on a year with no official holiday schedule (预计). */
export const CountedDay = z.strictObject({ date: z.iso.date(), provisional: z.boolean() });

export const CalendarStatus = z.strictObject({
  version: z.string(),
  /** The last day with an official schedule; due dates after it are provisional. */
  officialThrough: z.iso.date(),
  /** The last day any count can reach. */
  last: z.iso.date(),
  /** From this day the station asks for next year's calendar. */
  warnFrom: z.iso.date(),
  warning: z.boolean(),
});
export type CalendarStatus = z.infer<typeof CalendarStatus>;

export const PrinterRole = PrinterRoleSchema;

/** A camera still as the renderer captured it: JPEG or PNG bytes, base64. About 12 MB of text at the most. */
export const MAX_STILL_BASE64 = 12_000_000;

/**
 * The API of the station core, declared once with who may call each method. The core implements it
 * (electron/core/handlers/); the shell serves it over IPC, `station serve` over HTTP, the `station` command calls
 * it as the operator, and the renderer's client calls it over IPC or HTTP with the signed-in session, if any.
 */
export const api = {
  appInfo: method(Empty, AppInfo, 'Name, version, mode and kiosk settings of this station.', PUBLIC),
  catalogLifeEvents: method(Empty, z.array(LifeEventSummary), 'Life events with how many matters each holds.', PUBLIC),
  catalogList: method(
    z.strictObject({ lifeEvent: LifeEventId.optional() }),
    z.array(MatterSummary),
    'Matters of one life event (or all), in catalogue order.',
    PUBLIC,
  ),
  catalogSearch: method(
    z.strictObject({ query: z.string(), limit: z.int().min(1).max(100).optional() }),
    z.array(SearchHit),
    'Search by Chinese text, full pinyin, pinyin initials, short names and synonyms; best first.',
    PUBLIC,
  ),
  catalogGuide: method(z.strictObject({ code: z.string() }), Guide, 'The complete guide of one matter.', PUBLIC),
  catalogImport: method(
    z.strictObject({ catalog: z.unknown() }),
    z.strictObject({ version: z.string(), changed: z.boolean() }),
    'Validates a catalogue fully, then makes it the active one if it is newer; a bad one changes nothing.',
    OPERATOR,
  ),
  catalogExport: method(Empty, Catalog, 'The active catalogue.', OPERATOR),
  guidePrint: method(
    z.strictObject({ code: z.string(), copies: z.int().min(1).max(5).default(1) }),
    PrintResult,
    "Prints a matter's guide on the A4 printer.",
    KIOSK,
  ),
  guideDocument: method(z.strictObject({ code: z.string() }), PdfDocument, "A matter's printable A4 guide as a PDF.", PUBLIC),
  devicesList: method(Empty, z.array(DeviceStatus), 'Every ID reader, signature pad and printer found, with state and role.', ANY_STAFF),
  idcardRead: method(
    Empty,
    z.strictObject({ card: IdentityCard, visit: z.string().nullable() }),
    'Reads the card on the ID reader (find, select, read, parse, check; audited). At the kiosk it starts a visit bound to that card, which the later calls carry.',
    KIOSK,
  ),
  simulatedCardPlace: method(
    z.strictObject({ profile: z.string().regex(/^[a-z0-9-]+$/).nullable() }),
    z.strictObject({}),
    "With --simulate: lays a profile's card on the simulated reader (assets/idcard/profiles), or lifts it: for trying the screens without hardware.",
    staff('technician'),
  ),
  kioskVisitEnd: method(Empty, z.strictObject({}), 'Ends the kiosk visit the call carries: the villager has gone.', KIOSK),
  sigpadStart: method(Empty, z.strictObject({ width: z.number(), height: z.number() }), 'Starts signing on the pad; ink arrives as sigpadInk events.', ANY_STAFF),
  sigpadClear: method(Empty, z.strictObject({}), 'Clears the signature being written on the pad.', ANY_STAFF),
  sigpadConfirm: method(Empty, Attachment, 'Ends signing on the pad and stores the signature.', ANY_STAFF),
  sigpadCancel: method(Empty, z.strictObject({}), 'Ends signing on the pad without keeping anything.', ANY_STAFF),
  signatureSave: method(
    z.strictObject({ signature: SignatureSchema }),
    Attachment,
    'Stores a signature written on the touch screen (same stroke format as the pad).',
    KIOSK,
  ),
  cameraSavePage: method(
    z.strictObject({ image: z.base64().max(MAX_STILL_BASE64) }),
    z.strictObject({ attachment: Attachment, detected: z.boolean() }),
    'Finds the paper in a document-camera still, straightens and cleans it, stores it as a JPEG page.',
    KIOSK,
  ),
  attachmentPreview: method(
    z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    z.strictObject({ mime: z.string(), base64: z.string() }),
    'A small preview image of a stored page or signature; audited.',
    KIOSK,
  ),
  faceCheckStart: method(
    z.strictObject({ idNumber: IdNumber.optional() }),
    FaceCheckStarted,
    "Starts a face check of the card's holder: at the kiosk the card this visit read, at the window the card just read (or the ID number typed). Says which reference face it has and which challenge to do.",
    KIOSK,
  ),
  faceCheckFrame: method(
    z.strictObject({ check: z.string().min(10).max(60), image: z.base64().max(MAX_FRAME_BASE64) }),
    FaceFrameAnswer,
    'One camera frame of a face check: what to do next, or the decision. Frames are looked at in memory and dropped.',
    KIOSK,
  ),
  faceCheckEnd: method(
    z.strictObject({ check: z.string().min(10).max(60), reason: z.enum(['camera-lost', 'cancelled']) }),
    z.strictObject({ result: FaceCheckResult.nullable() }),
    'Ends a face check before its decision: the camera went away (recorded as failed) or the person left.',
    KIOSK,
  ),
  faceCheckConfirm: method(
    z.strictObject({
      check: z.string().min(10).max(60),
      kind: z.enum(['override', 'visual']),
      reason: z.string().trim().min(2).max(200),
      pin: z.string().max(12),
    }),
    FaceCheckResult,
    "The clerk's own decision at the window, with a reason and their PIN: accept a failed check (override), or look at the person against the card when there is no reference face (visual).",
    staff('clerk', 'admin'),
  ),
  faceModel: method(Empty, FaceModelStatus, 'The face model: state, version, threshold and load time.', staff('technician', 'admin')),
  faceTest: method(
    z.strictObject({ image: z.base64().max(MAX_FRAME_BASE64) }),
    FaceTestAnswer,
    "The technician's live test: one frame through the face pipeline, with what it found and how long it took. Nothing is kept.",
    staff('technician'),
  ),
  photoMake: method(
    z.strictObject({
      frames: z.array(z.base64().max(MAX_FRAME_BASE64)).min(1).max(MAX_PHOTO_FRAMES),
      spec: z.string().min(1).max(40),
      background: PhotoBackgroundSchema,
    }),
    PhotoMade,
    'A 证件照 of the one person in the camera frames, made to a spec on a background: the best frame kept, head and eye line placed, background replaced. Held for this visit or session only; refused with what the person should change.',
    KIOSK,
  ),
  photoFromCard: method(
    z.strictObject({ spec: z.string().min(1).max(40).default('1inch') }),
    PhotoMade,
    "The ID card's own photo (the card this visit or the window just read, where the vendor's decoder gave it) as a photo of a spec, marked low resolution.",
    KIOSK,
  ),
  photoPrint: method(
    z.strictObject({ photo: z.string().min(16).max(60), copies: z.int().min(1).max(3).default(1) }),
    PrintResult,
    "Prints a held photo as a 6-inch sheet with cutting marks on the photo printer, followed to completion.",
    KIOSK,
  ),
  photoKeep: method(
    z.strictObject({ photo: z.string().min(16).max(60) }),
    Attachment,
    'Stores a held photo as a page (kind photo, encrypted like every scan) for the material 照片 of the case being taken in.',
    KIOSK,
  ),
  photoDrop: method(z.strictObject({ photo: z.string().min(16).max(60) }), z.strictObject({}), 'Forgets a held photo now.', KIOSK),
  printerTestPage: method(z.strictObject({ role: PrinterRole }), PrintResult, "Prints the technician's test page on a role's printer.", staff('technician')),
  staffList: method(
    Empty,
    z.array(z.strictObject({ id: z.int(), name: z.string(), role: RoleSchema })),
    'Active staff of this station, for the sign-in screen.',
    PUBLIC,
  ),
  staffAdd: method(
    z.strictObject({
      name: z.string().min(1).max(40),
      role: RoleSchema,
      pin: z.string().max(12),
      /** An admin (or, for a technician, a technician) approving with their PIN; none for the very first account. */
      approver: z.strictObject({ staffId: z.int().positive(), pin: z.string().max(12) }).optional(),
    }),
    z.strictObject({ id: z.int(), name: z.string(), role: RoleSchema }),
    'Adds a staff account; the first needs no approver, every later one an admin (a technician for a technician).',
    OPERATOR,
  ),
  staffLogin: method(
    z.strictObject({ staffId: z.int().positive(), pin: z.string().max(12) }),
    z.strictObject({ session: Session, staffId: z.int(), name: z.string(), role: RoleSchema, expiresAt: z.iso.datetime() }),
    'Signs a staff member in with their PIN; 5 wrong PINs lock the account for 5 minutes. Later calls carry the session.',
    PUBLIC,
  ),
  staffLogout: method(Empty, z.strictObject({}), 'Ends the session the call carries.', ANY_STAFF),
  applicantCheck: method(
    z.strictObject({ idNumber: IdNumber, matterCode: z.string() }),
    z.strictObject({
      rongque: z.boolean(),
      blacklisted: z.boolean(),
      reason: z.string().nullable(),
      dueDate: z.iso.date(),
      dueProvisional: z.boolean(),
      /** Conditions the station decides (age, household) this applicant fails: not theirs to apply for; intake refuses it too. */
      ineligible: z.array(EligibilityFailure),
    }),
    'Before the form: whether the applicant meets the conditions the station decides (age, household), whether 容缺 is open to them (and why not), and the promised date; audited.',
    KIOSK,
  ),
  caseIntake: method(
    IntakeInput,
    z.strictObject({ caseNo: CaseNo, dueDate: z.iso.date(), dueProvisional: z.boolean(), state: CaseState, created: z.boolean() }),
    'Takes a case in: checks form, materials, 容缺 and blacklist, then writes it in one transaction. The window channel needs a signed-in clerk or agent.',
    KIOSK,
  ),
  caseList: method(
    z.strictObject({ view: DeskViewSchema, page: z.int().min(0).default(0) }),
    z.array(CaseSummary),
    "The clerk's desk: today's cases, due soon, overdue (in working days), 容缺 owed, due dates moved by a new calendar, recent.",
    CASE_STAFF,
  ),
  caseFind: method(z.strictObject({ query: z.string().min(1).max(60) }), z.array(CaseSummary), 'Cases by ID number, full name or case number; audited.', CASE_STAFF),
  caseGet: method(z.strictObject({ caseNo: CaseNo }), CaseDetail, 'Everything about one case, with its full history; audited.', CASE_STAFF),
  caseTransition: method(
    z.strictObject({
      caseNo: CaseNo,
      action: z.enum(CASE_ACTIONS),
      detail: z.record(z.string(), z.string().max(200)).default({}),
    }),
    CaseSummary,
    'Moves a case on; the state machine refuses what cannot happen.',
    CASE_STAFF,
  ),
  caseSupply: method(
    z.strictObject({ caseNo: CaseNo, materialId: z.string(), pages: z.array(Sha256).max(50) }),
    CaseSummary,
    'A 容缺 material handed in after intake.',
    CASE_STAFF,
  ),
  caseProgress: method(
    z.strictObject({ idNumber: IdNumber }),
    z.array(z.strictObject({ caseNo: CaseNo, matterName: z.string(), state: CaseState, dueDate: z.iso.date(), dueProvisional: z.boolean() })),
    "查进度: a villager's own cases by the card on the reader.",
    KIOSK,
  ),
  docPrint: method(
    z.strictObject({ caseNo: CaseNo, document: CaseDocumentKind }),
    PrintResult,
    'Prints a case document: the 受理单 (代办受理单), the 容缺受理单 or the 委托书. At the kiosk, only its own fresh receipt.',
    KIOSK,
  ),
  docRender: method(
    z.strictObject({ caseNo: CaseNo, document: CaseDocumentKind }),
    PdfDocument,
    'A case document as a PDF, to keep or send rather than print.',
    CASE_STAFF,
  ),
  noticePrint: method(
    z.strictObject({ matterCode: z.string(), applicantName: z.string().min(1).max(60), missing: z.array(z.string()).min(1) }),
    PrintResult,
    'Prints the 一次性告知单: every missing material, once.',
    KIOSK,
  ),
  workingDays: method(
    z.strictObject({ from: z.iso.date(), counts: z.array(z.int().min(0).max(60)).min(1).max(10) }),
    z.array(CountedDay.nullable()),
    'The N-th working day after a date, for each N (预计 where no official schedule covers it; null past the horizon): for 容缺 due dates.',
    PUBLIC,
  ),
  deadline: method(
    z.strictObject({ from: z.iso.date(), days: z.int().min(0).max(999) }),
    CountedDay,
    'The date `days` working days after `from` (the intake day is day 0; 0 = 即办), 预计 past the official calendar.',
    PUBLIC,
  ),
  storageStatus: method(
    Empty,
    z.strictObject({
      full: z.boolean(),
      freeBytes: z.number().nonnegative(),
      dataDir: z.string(),
      databaseBytes: z.number().nonnegative(),
      logBytes: z.number().nonnegative(),
      droppedLogLines: z.int().nonnegative(),
    }),
    'Room in the data directory and what takes it, for the technician to free.',
    staff('technician', 'admin'),
  ),
  calendarStatus: method(Empty, CalendarStatus, 'How far the official holiday calendar reaches, and whether next year’s is due.', PUBLIC),
  syncStatus: method(
    Empty,
    z.strictObject({
      enrolled: z.boolean(),
      stationId: z.string().nullable(),
      village: z.string().nullable(),
      state: z.enum(['idle', 'syncing', 'offline', 'error']),
      lastSyncAt: z.iso.datetime().nullable(),
      lastError: z.string().nullable(),
      pending: z.int().nonnegative(),
      conflicts: z.int().nonnegative(),
      /** Guardrails: not synced for too many days, or too much unsent. Work goes on either way. */
      warnings: z.array(z.enum(['not-synced-for-days', 'too-many-pending', 'calendar-ending'])),
      calendar: CalendarStatus,
      items: z.array(z.strictObject({ eventId: z.string(), caseNo: z.string(), type: z.string(), at: z.iso.datetime(), reason: z.string() })),
    }),
    'What waits to go to the township and why, and how the last sync went.',
    ANY_STAFF,
  ),
  syncNow: method(Empty, z.strictObject({}), 'Starts a sync round now (it runs by itself as well).', ANY_STAFF),
  syncRun: method(
    Empty,
    z.strictObject({ pushed: z.int(), duplicates: z.int(), conflicts: z.int(), uploaded: z.int(), pulled: z.int(), pending: z.int() }),
    'One sync round, waited for: what went up and came down.',
    staff('admin', 'technician'),
  ),
  syncEnroll: method(
    z.strictObject({ server: TownshipUrl, code: z.string().min(4).max(40) }),
    z.strictObject({ stationId: z.string(), village: z.string(), grid: z.string() }),
    'Enrols the station with its township against a one-time code (a new Ed25519 key pair, bound to village and grid).',
    staff('admin', 'technician'),
  ),
} satisfies Record<string, MethodSpec>;

export type Api = typeof api;
export type MethodName = keyof Api;
/** What a caller passes (defaults not yet applied). */
export type MethodInput<M extends MethodName> = z.input<Api[M]['input']>;
/** What a handler receives (validated, defaults applied). */
export type HandlerInput<M extends MethodName> = z.output<Api[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Api[M]['output']>;
/** Who a method's handler may be called by. */
export type MethodCaller<M extends MethodName> = CallerOf<Api[M]['auth']>;

export const methodNames = Object.keys(api) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(api, name);
}
