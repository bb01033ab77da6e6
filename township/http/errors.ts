import type { SyncErrorCode } from '../../contract/api/sync.ts';

/** Codes of the admin routes and CLI; the township operator reads their English messages. */
export type AdminErrorCode =
  | 'admin.unauthorised'
  | 'admin.unknown-case'
  | 'admin.unknown-station'
  | 'admin.bad-transition'
  | 'admin.tracking-no-required'
  | 'admin.not-township-action'
  | 'admin.stale-version'
  | 'admin.version-changed'
  | 'admin.not-blacklisted';

/** A refusal with its HTTP status and a stable code; `extra` goes into the error body (serverTime, received, issues). */
export class TownshipError extends Error {
  constructor(
    readonly status: number,
    readonly code: SyncErrorCode | AdminErrorCode,
    message: string,
    readonly extra: { issues?: { path: string; message: string }[]; serverTime?: string; received?: number } = {},
  ) {
    super(message);
    this.name = 'TownshipError';
  }

  /** 4xx: the caller can fix it (CLI exit code 2). */
  get isInput(): boolean {
    return this.status < 500;
  }
}
