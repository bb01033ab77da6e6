import { z } from 'zod';
import { HandlingLevel, LifeEventId, Matter, MatterCode, MatterTag, TimeLimit } from './catalog.ts';
import { method, type MethodSpec } from './method.ts';

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
