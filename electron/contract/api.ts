import { z } from 'zod';
import { HandlingLevel, LifeEventId, Matter, MatterCode, MatterTag, TimeLimit } from './catalog.ts';
import { Attachment, DeviceStatus } from './devices.ts';
import { IdentityCard } from './identity.ts';
import { method, type MethodSpec } from './method.ts';
import { SignatureSchema } from './signature.ts';

export const AppInfo = z.strictObject({
  name: z.string(),
  version: z.string(),
  mode: z.enum(['electron', 'web']),
  catalogVersion: z.string(),
  /** Seconds without a touch before the kiosk returns to the attract screen. */
  idleTimeoutSec: z.int().positive(),
  defaultLocale: z.enum(['zh-CN', 'en']),
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

export const PrinterRole = z.enum(['receipt', 'a4', 'photo']);

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
