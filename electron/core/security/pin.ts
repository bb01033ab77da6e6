import { createHmac, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { tampered } from './aead.ts';
import { SecurityError } from './errors.ts';
import type { StationKeys } from './station-keys.ts';

/** scrypt cost as stored in each hash, so it can be raised later and old hashes still verify. */
export interface ScryptCost {
  /** log2 of N. */
  logN: number;
  r: number;
  p: number;
}

/** About 120–150 ms and 32 MiB per hash on a two-core x86 VM; N=2^15 is the floor, not a target. */
export const PIN_COST: ScryptCost = { logN: 15, r: 8, p: 1 };

const SALT_BYTES = 16;
const HASH_BYTES = 32;
/** A doctored hash must not make a login allocate gigabytes. */
const MAX_MEMORY = 512 * 1024 * 1024;
const PIN_HASH = /^\$scrypt\$k=([\w-]{8})\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d)\$([\w-]{22})\$([\w-]{43})$/;

/** Six digits, not all the same, not a run like 123456, 654321 or 890123: the first PINs anyone tries. */
export function checkPinStrength(pin: string): void {
  if (!/^\d{6}$/.test(pin)) throw weakPin('a PIN is exactly 6 digits');
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => (d - digits[i]! + 10) % 10));
  if (steps.size === 1 && [0, 1, 9].includes([...steps][0]!)) throw weakPin('a PIN may not be one digit or a run');
}

/** `$scrypt$k=<keyId>$ln=15,r=8,p=1$<salt>$<hash>` of a PIN that passes checkPinStrength. */
export async function hashPin(keys: StationKeys, pin: string, cost: ScryptCost = PIN_COST): Promise<string> {
  checkPinStrength(pin);
  const { keyId, pin: pepper } = keys.current;
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(pepper, pin, salt, cost);
  const params = `ln=${cost.logN},r=${cost.r},p=${cost.p}`;
  return `$scrypt$k=${keyId}$${params}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

/** Whether `pin` matches `stored`; compared in constant time. A malformed hash is 'security.tampered'. */
export async function verifyPin(keys: StationKeys, pin: string, stored: string): Promise<boolean> {
  const parsed = parsePinHash(stored);
  const actual = await derive(keys.byId(parsed.keyId).pin, pin, parsed.salt, parsed.cost);
  return timingSafeEqual(actual, parsed.hash);
}

/** True when `stored` was made with an older key or a lower cost than `cost`: rehash it at the next good login. */
export function pinNeedsRehash(keys: StationKeys, stored: string, cost: ScryptCost = PIN_COST): boolean {
  const { keyId, cost: was } = parsePinHash(stored);
  return keyId !== keys.current.keyId || was.logN < cost.logN || was.r < cost.r || was.p < cost.p;
}

function parsePinHash(stored: string) {
  const m = PIN_HASH.exec(stored);
  if (!m) throw tampered('not a PIN hash');
  const cost = { logN: Number(m[2]), r: Number(m[3]), p: Number(m[4]) };
  if (cost.logN < 10 || cost.r < 1 || cost.p < 1 || memory(cost) > MAX_MEMORY) {
    throw tampered('PIN hash cost out of range');
  }
  const salt = Buffer.from(m[5]!, 'base64url');
  const hash = Buffer.from(m[6]!, 'base64url');
  if (salt.length !== SALT_BYTES || hash.length !== HASH_BYTES) throw tampered('PIN hash has the wrong size');
  return { keyId: m[1]!, cost, salt, hash };
}

const memory = (cost: ScryptCost): number => 128 * 2 ** cost.logN * cost.r;

/** The PIN is first keyed with the station's pepper, so the hash is worthless without the station key. */
function derive(pepper: Buffer, pin: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const keyed = createHmac('sha256', pepper).update(pin, 'utf8').digest();
  const options: ScryptOptions = { N: 2 ** cost.logN, r: cost.r, p: cost.p, maxmem: 2 * memory(cost) };
  return new Promise((resolve, reject) =>
    scrypt(keyed, salt, HASH_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

function weakPin(why: string): SecurityError {
  return new SecurityError('security.weak-pin', why);
}
