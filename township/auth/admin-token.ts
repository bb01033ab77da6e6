import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TownshipError } from '../http/errors.ts';

export const MIN_ADMIN_TOKEN_CHARS = 32;

/**
 * The admin bearer token: TOWNSHIP_ADMIN_TOKEN, else `<data-dir>/admin-token`, made on first start with mode 600
 * (the server prints where it is, never the token).
 */
export function resolveAdminToken(dataDir: string, env: NodeJS.ProcessEnv = process.env): { token: string; source: string } {
  const fromEnv = env.TOWNSHIP_ADMIN_TOKEN;
  if (fromEnv !== undefined) {
    if (fromEnv.length < MIN_ADMIN_TOKEN_CHARS) throw new Error(`TOWNSHIP_ADMIN_TOKEN must have at least ${MIN_ADMIN_TOKEN_CHARS} characters`);
    return { token: fromEnv, source: 'TOWNSHIP_ADMIN_TOKEN' };
  }
  const file = join(dataDir, 'admin-token');
  try {
    if ((statSync(file).mode & 0o077) !== 0) throw new Error(`${file} can be read by others: chmod 600 it`);
    const token = readFileSync(file, 'utf8').trim();
    if (token.length < MIN_ADMIN_TOKEN_CHARS) throw new Error(`${file} must hold a token of at least ${MIN_ADMIN_TOKEN_CHARS} characters`);
    return { token, source: file };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dataDir, { recursive: true });
  const token = randomBytes(32).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  return { token, source: file };
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** `Authorization: Bearer <token>`, compared in constant time. */
export function checkAdminToken(authorization: string | undefined, token: string): void {
  const given = authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
  if (given === undefined || !timingSafeEqual(digest(given), digest(token))) {
    throw new TownshipError(401, 'admin.unauthorised', 'admin routes need Authorization: Bearer <admin token>');
  }
}
