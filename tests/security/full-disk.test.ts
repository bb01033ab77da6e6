import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallReply } from '../../contract/api/wire.ts';
import { chinaDay } from '../../contract/domain/clock.ts';
import type { Matter } from '../../contract/domain/catalog.ts';
import { MIN_FREE_BYTES } from '../../electron/core/storage-guard.ts';
import { validForm } from '../../scripts/lib/form-answers.ts';
import { startServe, type ServeProcess } from '../../scripts/lib/serve-process.ts';
import { addStaff, CLERK } from '../e2e/harness/staff.ts';
import { BlobDisk } from '../helpers/blob-disk.ts';
import { testClock } from '../helpers/clock.ts';
import { VILLAGER } from '../helpers/intake.ts';

// Finding 8 of the review, replayed against a real `station serve --simulate` whose data directory is a small tmpfs
// of its own: filled to below the floor and then to the last byte, the station keeps serving what it can, refuses
// new work with a clear message, tells the technician and the station admin what takes the room, and takes work again once room is made.
const MiB = 1 << 20;
let dir = '';
let disk: BlobDisk | undefined;
let serve: ServeProcess | undefined;
const token = randomBytes(18).toString('base64url');
const filler = () => join(dir, 'filler');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'station-full-disk-'));
  const mounted = BlobDisk.mount(dir, 32 * MiB);
  if (!(mounted instanceof BlobDisk)) throw new Error(`this test needs its own tmpfs: ${mounted.reason}`);
  disk = mounted;
  writeFileSync(join(dir, 'station.json'), JSON.stringify({ idleTimeoutSec: 3600 }));
  addStaff(dir);
  serve = await startServe(dir, { env: { STATION_TOKEN: token }, args: ['--simulate'] });
}, 120_000);
afterAll(async () => {
  await serve?.stop();
  disk?.unmount();
  rmSync(dir, { recursive: true, force: true });
});

async function call(method: string, input: unknown, session?: string): Promise<{ status: number; reply: CallReply }> {
  const res = await fetch(`${serve!.origin}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'x-station-call': '1', 'content-type': 'application/json', ...(session && { 'x-station-session': session }) },
    body: JSON.stringify(input),
  });
  return { status: res.status, reply: (await res.json()) as CallReply };
}
const code = (r: { reply: CallReply }) => (r.reply.ok ? 'ok' : r.reply.error.code);
const value = <T>(r: { reply: CallReply }) => {
  if (!r.reply.ok) throw new Error(`${r.reply.error.code}: ${r.reply.error.message}`);
  return r.reply.value as T;
};
const signIn = async (staffId: number, pin: string) => value<{ session: string }>(await call('staffLogin', { staffId, pin })).session;

/** A schema-valid window intake whose scans were never stored: with room it gets past the guard and no further. */
async function intake(session: string): Promise<{ status: number; reply: CallReply }> {
  const matter = value<{ matter: Matter }>(await call('catalogGuide', { code: '430000-WJ-0015' })).matter;
  const page = randomBytes(32).toString('hex');
  return call(
    'caseIntake',
    {
      requestId: randomUUID(),
      channel: 'window',
      matterCode: matter.code,
      applicant: VILLAGER,
      form: validForm(matter, chinaDay(testClock())),
      materials: matter.materials.map((m) => ({ materialId: m.id, status: 'provided', pages: [page] })),
      applicantSignature: page,
    },
    session,
  );
}

/** Fills the disk until `leave` bytes are free. */
function fillTo(leave: number): void {
  const free = disk!.freeBytes();
  writeFileSync(filler(), Buffer.alloc(Math.max(0, free - leave)), { flag: 'a' });
}

describe('a full disk at the station', () => {
  it('stops new work with a clear refusal, keeps serving guides and search, and takes work again once there is room', async () => {
    const clerk = await signIn(1, CLERK.pin);
    const roomy = await intake(clerk);
    expect(code(roomy)).not.toBe('storage.full');
    expect(value<{ storageFull: boolean }>(await call('appInfo', {})).storageFull).toBe(false);

    fillTo(MIN_FREE_BYTES / 2);
    expect(value<{ storageFull: boolean }>(await call('appInfo', {})).storageFull).toBe(true);
    const refused = await intake(clerk);
    expect([refused.status, code(refused)]).toEqual([409, 'storage.full']);
    expect(value<unknown[]>(await call('catalogSearch', { query: '老年' })).length).toBeGreaterThan(0);
    // What the technician page shows (the station admin sees it too): what is full and what takes the room.
    const status = value<{ full: boolean; freeBytes: number; databaseBytes: number }>(await call('storageStatus', {}, clerk));
    expect(status.full).toBe(true);
    expect(status.freeBytes).toBeLessThan(MIN_FREE_BYTES);
    expect(status.databaseBytes).toBeGreaterThan(0);

    // To the last byte: log lines and SQLite's writes fail with ENOSPC, and the station still answers.
    fillTo(0);
    for (let i = 0; i < 5; i++) expect(code(await intake(clerk))).toBe('storage.full');
    expect(value<unknown[]>(await call('catalogSearch', { query: '低保' })).length).toBeGreaterThan(0);
    expect(serve!.child.exitCode).toBeNull();

    unlinkSync(filler());
    expect(value<{ storageFull: boolean }>(await call('appInfo', {})).storageFull).toBe(false);
    expect(code(await intake(clerk))).toBe(code(roomy));
  }, 120_000);
});
