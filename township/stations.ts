import { createHash, randomInt, verify } from 'node:crypto';
import { enrolmentProofString, normaliseEnrolmentCode, type EnrollRequest, type EnrollResponse } from '../contract/api/sync.ts';
import { ed25519PublicKey, type StationKey } from './auth/signature.ts';
import { TownshipError } from './http/errors.ts';
import type { StationRow } from './store/rows.ts';
import type { Store, StoreTx } from './store/store.ts';

export interface StationRecord {
  id: string;
  village: string;
  grid: string;
  enrolledAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  /** The last day the station's official holiday calendar covers, as it said when it last pulled. */
  calendarThrough: string | null;
  /** Within 60 days of that day (or past it): the station still lacks next year's calendar. */
  calendarWarning: boolean;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Long enough that guessing one of a few open codes is hopeless (60 bits), short enough to read out on the phone. */
const CODE_CHARS = 12;
export const CODE_LIFETIME_MS = 7 * 24 * 3600 * 1000;

const codeHash = (code: string) => createHash('sha256').update(normaliseEnrolmentCode(code)).digest('hex');

/** As at the station: warn from this many days before the last official day. */
const CALENDAR_WARN_DAYS = 60;

const calendarWarning = (through: string | null, now: Date): boolean =>
  through !== null && now.getTime() + CALENDAR_WARN_DAYS * 86_400_000 >= Date.parse(`${through}T23:59:59+08:00`);

const record = (r: StationRow, now: Date): StationRecord => ({
  id: r.id,
  village: r.village,
  grid: r.grid,
  enrolledAt: r.enrolled_at,
  revokedAt: r.revoked_at,
  lastSeenAt: r.last_seen_at,
  calendarThrough: r.calendar_through,
  calendarWarning: calendarWarning(r.calendar_through, now),
});

export async function findStationKey(store: Store, id: string): Promise<StationKey | undefined> {
  const row = await store.transaction((tx) => tx.stations.key(id));
  return row && { id: row.id, publicKey: row.public_key, revokedAt: row.revoked_at };
}

export async function listStations(store: Store, now: Date): Promise<StationRecord[]> {
  const rows = await store.transaction((tx) => tx.stations.list());
  return rows.map((r) => record(r, now));
}

export async function revokeStation(store: Store, id: string, now: Date): Promise<StationRecord> {
  return store.transaction(async (tx) => {
    await tx.stations.revoke(id, now.toISOString());
    const row = await tx.stations.get(id);
    if (!row) throw new TownshipError(404, 'admin.unknown-station', `no station ${id}`);
    return record(row, now);
  });
}

/** A one-time enrolment code for a village and grid; with `stationId`, it re-keys that (reinstalled) station. */
export async function createEnrolmentCode(
  store: Store,
  args: { village: string; grid: string; stationId?: string | undefined },
  now: Date,
): Promise<{ code: string; village: string; grid: string; stationId: string | null; expiresAt: string }> {
  const raw = Array.from({ length: CODE_CHARS }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  const code = raw.match(/.{4}/g)!.join('-');
  const expiresAt = new Date(now.getTime() + CODE_LIFETIME_MS).toISOString();
  await store.transaction(async (tx) => {
    if (args.stationId !== undefined && !(await tx.stations.exists(args.stationId))) {
      throw new TownshipError(404, 'admin.unknown-station', `no station ${args.stationId} to re-key`);
    }
    await tx.enrolmentCodes.insert({
      code_hash: codeHash(code), village: args.village, grid: args.grid, station_id: args.stationId ?? null, created_at: now.toISOString(),
      expires_at: expiresAt,
    });
  });
  return { code, village: args.village, grid: args.grid, stationId: args.stationId ?? null, expiresAt };
}

async function claimCode(tx: StoreTx, req: EnrollRequest, now: Date) {
  const code = await tx.enrolmentCodes.find(codeHash(req.code));
  if (!code) throw new TownshipError(403, 'sync.enroll-code-unknown', 'no such enrolment code: check it, or ask the township for a new one');
  if (code.used_at !== null) throw new TownshipError(403, 'sync.enroll-code-used', `this enrolment code was already used at ${code.used_at}; ask the township for a new one`);
  if (code.expires_at <= now.toISOString()) throw new TownshipError(403, 'sync.enroll-code-expired', `this enrolment code expired at ${code.expires_at}`);
  if (code.station_id !== null && code.station_id !== req.stationId) {
    throw new TownshipError(403, 'sync.enroll-code-unknown', `this code re-keys station ${code.station_id}, not ${req.stationId}`);
  }
  if (!(await tx.enrolmentCodes.claim(codeHash(req.code), req.stationId, now.toISOString()))) throw new TownshipError(403, 'sync.enroll-code-used', 'this enrolment code was already used');
  return code;
}

/** Binds the station's public key to the code's village and grid, spending the code; all or nothing. */
export async function enrol(store: Store, req: EnrollRequest, now: Date): Promise<EnrollResponse> {
  if (!verify(null, Buffer.from(enrolmentProofString(req)), ed25519PublicKey(req.publicKey), Buffer.from(req.proof, 'base64url'))) {
    throw new TownshipError(400, 'sync.invalid', 'proof does not verify with publicKey: sign enrolmentProofString with the new key', {
      issues: [{ path: 'proof', message: 'does not verify with publicKey' }],
    });
  }
  return store.transaction(async (tx) => {
    const code = await claimCode(tx, req, now);
    const at = now.toISOString();
    const station = { id: req.stationId, public_key: req.publicKey, village: code.village, grid: code.grid, enrolled_at: at };
    if (code.station_id !== null) {
      await tx.stations.rekey(station);
    } else if (!(await tx.stations.insert(station))) {
      throw new TownshipError(409, 'sync.enroll-station-taken', `a station ${req.stationId} is already enrolled; a reinstalled station needs a re-key code for its id`);
    }
    return { stationId: req.stationId, village: code.village, grid: code.grid, enrolledAt: at, serverTime: at };
  });
}
