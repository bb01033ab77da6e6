import { z } from 'zod';
import { CASE_ACTIONS } from '../domain/case-states.ts';
import { DeskViewSchema } from '../domain/desk-views.ts';
import { PrinterRoleSchema } from '../domain/printer-roles.ts';
import { RoleSchema } from '../domain/roles.ts';
import { IdNumber } from '../domain/id-number.ts';
import { HandlingLevel, LifeEventId, Matter, MatterCode, MatterTag, TimeLimit } from '../domain/catalog.ts';
import { CaseDetail, CaseState, CaseSummary, IntakeInput } from '../domain/cases.ts';
import { Attachment, DeviceStatus } from './devices.ts';
import { IdentityCard } from '../domain/identity.ts';
import { method, type MethodSpec } from './method.ts';
import { SignatureSchema } from '../domain/signature.ts';

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
/** The signed-in clerk's or agent's session token (staffLogin). */
const Session = z.string().min(16).max(100);
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
 * The API the renderer may call, declared once. The station core implements it (electron/core/handlers.ts);
 * the shell serves it over IPC, `station serve` over HTTP, and the renderer's client calls it over either.
 */
export const api = {
  appInfo: method(Empty, AppInfo, 'Name, version, mode and kiosk settings of this station.'),
  catalogLifeEvents: method(Empty, z.array(LifeEventSummary), 'Life events with how many matters each holds.'),
  catalogList: method(
    z.strictObject({ lifeEvent: LifeEventId.optional() }),
    z.array(MatterSummary),
    'Matters of one life event (or all), in catalogue order.',
  ),
  catalogSearch: method(
    z.strictObject({ query: z.string() }),
    z.array(SearchHit),
    'Search by Chinese text, full pinyin, pinyin initials, short names and synonyms; best first.',
  ),
  catalogGuide: method(z.strictObject({ code: z.string() }), Guide, 'The complete guide of one matter.'),
  guidePrint: method(
    z.strictObject({ code: z.string(), copies: z.int().min(1).max(5).default(1) }),
    PrintResult,
    "Prints a matter's guide on the A4 printer.",
  ),
  devicesList: method(Empty, z.array(DeviceStatus), 'Every ID reader, signature pad and printer found, with state and role.'),
  idcardRead: method(Empty, IdentityCard, 'Reads the card on the ID reader: find, select, read, parse, check.'),
  sigpadStart: method(Empty, z.strictObject({ width: z.number(), height: z.number() }), 'Starts signing on the pad; ink arrives as sigpadInk events.'),
  sigpadClear: method(Empty, z.strictObject({}), 'Clears the signature being written on the pad.'),
  sigpadConfirm: method(Empty, Attachment, 'Ends signing on the pad and stores the signature.'),
  sigpadCancel: method(Empty, z.strictObject({}), 'Ends signing on the pad without keeping anything.'),
  signatureSave: method(
    z.strictObject({ signature: SignatureSchema }),
    Attachment,
    'Stores a signature written on the touch screen (same stroke format as the pad).',
  ),
  cameraSavePage: method(
    z.strictObject({ image: z.base64().max(MAX_STILL_BASE64) }),
    z.strictObject({ attachment: Attachment, detected: z.boolean() }),
    'Finds the paper in a document-camera still, straightens and cleans it, stores it as a JPEG page.',
  ),
  attachmentPreview: method(
    z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    z.strictObject({ mime: z.string(), base64: z.string() }),
    'A small preview image of a stored page or signature.',
  ),
  printerTestPage: method(z.strictObject({ role: PrinterRole }), PrintResult, "Prints the technician's test page on a role's printer."),
  staffList: method(
    Empty,
    z.array(z.strictObject({ id: z.int(), name: z.string(), role: RoleSchema })),
    'Active staff of this station, for the sign-in screen.',
  ),
  staffLogin: method(
    z.strictObject({ staffId: z.int().positive(), pin: z.string().max(12) }),
    z.strictObject({ session: Session, staffId: z.int(), name: z.string(), role: RoleSchema, expiresAt: z.iso.datetime() }),
    'Signs a clerk or agent in with their PIN; 5 wrong PINs lock the account for 5 minutes.',
  ),
  staffLogout: method(z.strictObject({ session: Session }), z.strictObject({}), 'Signs out.'),
  applicantCheck: method(
    z.strictObject({ session: Session.optional(), idNumber: IdNumber, matterCode: z.string() }),
    z.strictObject({ rongque: z.boolean(), blacklisted: z.boolean(), reason: z.string().nullable(), dueDate: z.iso.date(), dueProvisional: z.boolean() }),
    'Before intake: whether 容缺 is open to this applicant for this matter (and why not), and the promised date.',
  ),
  caseIntake: method(
    IntakeInput,
    z.strictObject({ caseNo: CaseNo, dueDate: z.iso.date(), dueProvisional: z.boolean(), state: CaseState, created: z.boolean() }),
    'Takes a case in: checks form, materials, 容缺 and blacklist, then writes it in one transaction.',
  ),
  caseList: method(
    z.strictObject({ session: Session, view: DeskViewSchema, page: z.int().min(0).default(0) }),
    z.array(CaseSummary),
    "The clerk's desk: today's cases, due soon, overdue (in working days), 容缺 owed, due dates moved by a new calendar, recent.",
  ),
  caseFind: method(z.strictObject({ session: Session, query: z.string().min(1).max(60) }), z.array(CaseSummary), 'Cases by ID number, full name or case number.'),
  caseGet: method(z.strictObject({ session: Session, caseNo: CaseNo }), CaseDetail, 'Everything about one case, with its full history.'),
  caseTransition: method(
    z.strictObject({
      session: Session,
      caseNo: CaseNo,
      action: z.enum(CASE_ACTIONS),
      detail: z.record(z.string(), z.string().max(200)).default({}),
    }),
    CaseSummary,
    'Moves a case on; the state machine refuses what cannot happen.',
  ),
  caseSupply: method(
    z.strictObject({ session: Session, caseNo: CaseNo, materialId: z.string(), pages: z.array(Sha256).max(50) }),
    CaseSummary,
    'A 容缺 material handed in after intake.',
  ),
  caseProgress: method(
    z.strictObject({ idNumber: IdNumber }),
    z.array(z.strictObject({ caseNo: CaseNo, matterName: z.string(), state: CaseState, dueDate: z.iso.date(), dueProvisional: z.boolean() })),
    "查进度: a villager's own cases by the card on the reader.",
  ),
  docPrint: method(
    z.strictObject({ session: Session.optional(), caseNo: CaseNo, document: z.enum(['receipt', 'rongque', 'mandate']) }),
    PrintResult,
    'Prints a case document: the 受理单 (代办受理单), the 容缺受理单 or the 委托书.',
  ),
  noticePrint: method(
    z.strictObject({ session: Session.optional(), matterCode: z.string(), applicantName: z.string().min(1).max(60), missing: z.array(z.string()).min(1) }),
    PrintResult,
    'Prints the 一次性告知单: every missing material, once.',
  ),
  workingDays: method(
    z.strictObject({ from: z.iso.date(), counts: z.array(z.int().min(0).max(60)).min(1).max(10) }),
    z.array(CountedDay.nullable()),
    'The N-th working day after a date, for each N (预计 where no official schedule covers it; null past the horizon): for 容缺 due dates.',
  ),
  calendarStatus: method(Empty, CalendarStatus, 'How far the official holiday calendar reaches, and whether next year’s is due.'),
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
  ),
  syncNow: method(Empty, z.strictObject({}), 'Starts a sync round now (it runs by itself as well).'),
} satisfies Record<string, MethodSpec>;

export type Api = typeof api;
export type MethodName = keyof Api;
/** What a caller passes (defaults not yet applied). */
export type MethodInput<M extends MethodName> = z.input<Api[M]['input']>;
/** What a handler receives (validated, defaults applied). */
export type HandlerInput<M extends MethodName> = z.output<Api[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Api[M]['output']>;

export const methodNames = Object.keys(api) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(api, name);
}
