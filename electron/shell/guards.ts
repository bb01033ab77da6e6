// The shell's security decisions as plain functions of what Electron reports, so they are tested without Electron.
import { APP_HOST, APP_SCHEME } from './app-origin.ts';

/**
 * Whether `url` is one of our pages. Compared by scheme and host: Node's URL gives `"null"` as the origin of any
 * `app:` URL, so comparing origins would refuse every page we serve.
 */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** What the shell knows about an IPC message's sender. */
export interface SenderFacts {
  /** The URL of the frame that sent it, or null when the frame is gone. */
  frameUrl: string | null;
  /** The frame is the top frame of its page, not an iframe. */
  isMainFrame: boolean;
  /** The page is our own window's. */
  isOurWindow: boolean;
}

/** Only our own page, in the top frame of our own window, may call the core. */
export function trustedSender(sender: SenderFacts): boolean {
  return sender.frameUrl !== null && sender.isMainFrame && sender.isOurWindow && isAppUrl(sender.frameUrl);
}

/** A page may move only within our own pages; anything else (a link, a redirect, a typed URL) is refused. */
export function navigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/** What a permission request says: which permission, which media for `media`, and which page asks. */
export interface PermissionAsk {
  permission: string;
  /** For `media`: 'video' and/or 'audio'. */
  mediaTypes?: readonly string[];
  requestingUrl: string;
}

/**
 * The one permission the station needs: the camera (the document camera, the face check), for our own page. No
 * microphone, no screen capture, nothing else, and never for another origin.
 */
export function permissionAllowed(ask: PermissionAsk): boolean {
  if (ask.permission !== 'media' || !isAppUrl(ask.requestingUrl)) return false;
  const types = ask.mediaTypes ?? [];
  return types.length > 0 && types.every((t) => t === 'video');
}

/**
 * A permission check (no prompt: whether the page may enumerate or use a device it was granted): the camera for our
 * own page. Electron gives the check's media type as 'video', 'audio' or 'unknown' (listing devices).
 */
export function permissionCheckAllowed(check: { permission: string; requestingUrl: string; mediaType?: string }): boolean {
  return check.permission === 'media' && isAppUrl(check.requestingUrl) && check.mediaType !== 'audio';
}
