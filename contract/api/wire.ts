import type { SerializedError } from '../domain/errors.ts';

/** What one call returns over any transport: JSON-safe either way. */
export type CallReply = { ok: true; value: unknown } | { ok: false; error: SerializedError };

/** HTTP transport facts, shared by `station serve` and the renderer's HTTP client. */
export const HTTP_API_PREFIX = '/api/';
export const HTTP_EVENTS_PATH = '/api-events';
/** A header a cross-site form cannot send, required on every call (together with the SameSite cookie). */
export const HTTP_CALL_HEADER = 'x-station-call';
export const HTTP_TOKEN_COOKIE = 'station_token';
/** The signed-in staff member's session, beside the input of every call while someone is signed in. */
export const HTTP_SESSION_HEADER = 'x-station-session';
/** The kiosk visit (the card the core read for this villager), beside the input of the kiosk's calls. */
export const HTTP_VISIT_HEADER = 'x-station-visit';

/** Names the preload exposes on `window`, for the IPC transport. */
export const IPC_BRIDGE_KEY = 'doorstep';
export const IPC_CALL_CHANNEL = 'station:call';
export const IPC_EVENT_CHANNEL = 'station:event';
