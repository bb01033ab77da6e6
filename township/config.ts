import { chmodSync, mkdirSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';

export const DEFAULT_PORT = 8480;
export const DEFAULT_HOST = '127.0.0.1';

/** --data-dir, else TOWNSHIP_DATA_DIR, else ./township-data: attachments, the admin token, the SQLite file. */
export function resolveDataDir(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(explicit ?? env.TOWNSHIP_DATA_DIR ?? 'township-data');
}

/** --db, else DATABASE_URL (PostgreSQL for a county), else SQLite in the data directory. */
export function resolveDbUrl(explicit: string | undefined, dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return explicit ?? env.DATABASE_URL ?? join(dataDir, 'township.sqlite');
}

/** Plain HTTP is for this machine only: signed requests would be safe, but blacklist ID numbers travel in clear. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

/** A URL safe to print: the password of a database URL is left out. */
export function redactDbUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/, '$1:***@');
}

/** The data directory, made or tightened to the owner alone (0700): scans, signatures and the admin token live here. */
export function prepareDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
}
