import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_PATHS } from '../../contract/api/sync.ts';
import { SigningStation } from '../../scripts/lib/signing-station.ts';
import { resolveAdminToken } from '../../township/auth/admin-token.ts';
import { prepareDataDir } from '../../township/config.ts';
import { ENROL_FAILURE_WINDOW_MS, ENROL_FAILURES_ALLOWED } from '../../township/routes/enroll.ts';
import { buildServer } from '../../township/server.ts';
import { openStore } from '../../township/store/open-store.ts';
import type { Store } from '../../township/store/store.ts';
import { testClock } from '../helpers/clock.ts';
import { station as cli } from '../helpers/station-cli.ts';
import { tempDir } from '../helpers/tmp.ts';

// Finding 4 and part of 12 of the review, replayed against a real township server listening on loopback, as a
// guesser, a careless operator or a misconfigured station would meet it.
const ADMIN = 'trust-test-admin-token-0123456789abcdef';
let dir: string;
let store: Store;
let app: FastifyInstance;
let origin: string;
const clock = { offsetMs: 0 };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'township-trust-'));
  store = await openStore(join(dir, 'township.sqlite'));
  app = await buildServer({ store, dataDir: dir, adminToken: ADMIN, now: () => new Date(testClock().getTime() + clock.offsetMs) });
  origin = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const admin = (path: string, body: unknown) =>
  fetch(`${origin}${path}`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const enrol = (s: SigningStation, code: string) =>
  fetch(`${origin}${SYNC_PATHS.enroll}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(s.enrolBody(code)) });
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

describe('the township trusts no one it need not', () => {
  it('refuses an admin-token file shorter than a real token, as it refuses a short TOWNSHIP_ADMIN_TOKEN', () => {
    const data = tempDir('admin-token-');
    writeFileSync(join(data, 'admin-token'), '1\n');
    chmodSync(join(data, 'admin-token'), 0o600);
    expect(() => resolveAdminToken(data, {})).toThrow(/at least 32 characters/);
    writeFileSync(join(data, 'admin-token'), `${'k'.repeat(32)}\n`);
    expect(resolveAdminToken(data, {}).token).toBe('k'.repeat(32));
  });

  it('slows a guesser of enrolment codes to a handful per ten minutes, and lets the real code in after the wait', async () => {
    const issued = await admin('/v1/admin/enrolment-codes', { village: '三里村', grid: '第二网格' });
    const { code } = (await issued.json()) as { code: string };
    const guesser = new SigningStation();
    for (let i = 0; i < ENROL_FAILURES_ALLOWED; i++) {
      const res = await enrol(guesser, `AAAA-BBBB-CCCC-${String(i).padStart(4, '0')}`);
      expect(res.status).toBe(403);
    }
    // Even the right code waits now: the address has used up its tries.
    const refused = await enrol(guesser, code);
    expect(refused.status).toBe(429);
    expect(await errorCode(refused)).toBe('sync.rate-limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    clock.offsetMs += ENROL_FAILURE_WINDOW_MS + 1000;
    const later = await enrol(guesser, code);
    expect(later.status, await later.clone().text()).toBe(200);
    clock.offsetMs = 0; // the signing stations below keep the test clock's time
  });

  it('takes an ID number off the blacklist from the body: the ID number is in no URL a log keeps', async () => {
    const id = '11010519491231002X';
    expect((await admin('/v1/admin/blacklist', { idNumber: id, reason: '骗取低保' })).status).toBe(200);
    const old = await fetch(`${origin}/v1/admin/blacklist/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${ADMIN}` } });
    expect(old.status).toBe(404);
    const removed = await admin('/v1/admin/blacklist/remove', { idNumber: id });
    expect(await removed.json()).toEqual({ idNumber: id, changed: true });
    const document = (await (await fetch(`${origin}${SYNC_PATHS.openapi}`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths).filter((p) => /idNumber/i.test(p))).toEqual([]);
  });

  it('answers a correctly signed text/plain push with 415, not a body-hash error', async () => {
    const s = new SigningStation();
    const issued = (await (await admin('/v1/admin/enrolment-codes', { village: '三里村', grid: '第一网格' })).json()) as { code: string };
    expect((await enrol(s, issued.code)).status).toBe(200);
    const body = Buffer.from(JSON.stringify({ stationId: s.id, events: [] }));
    const res = await fetch(`${origin}${SYNC_PATHS.push}`, {
      method: 'POST',
      headers: { ...s.headers('POST', SYNC_PATHS.push, body), 'content-type': 'text/plain' },
      body,
    });
    expect(res.status, await res.clone().text()).toBe(415);
    expect(await errorCode(res)).toBe('sync.unsupported-media-type');
  });
});

describe('what the township keeps is its owner\'s alone', () => {
  const mode = (path: string) => statSync(path).mode & 0o777;

  it('makes the data directory 0700, the database 0600, and every stored scan 0600 in 0700 folders', async () => {
    const data = join(tempDir('township-modes-'), 'data');
    mkdirSync(data, { mode: 0o755 });
    chmodSync(data, 0o755);
    prepareDataDir(data);
    expect(mode(data)).toBe(0o700);
    const own = await openStore(join(data, 'township.sqlite'));
    await own.close();
    for (const f of readdirSync(data).filter((f) => f.startsWith('township.sqlite'))) expect(mode(join(data, f)), f).toBe(0o600);

    const s = new SigningStation();
    const issued = (await (await admin('/v1/admin/enrolment-codes', { village: '三里村', grid: '第三网格' })).json()) as { code: string };
    expect((await enrol(s, issued.code)).status).toBe(200);
    const page = Buffer.from('a scanned page of a 户口簿');
    const sha = createHash('sha256').update(page).digest('hex');
    const url = SYNC_PATHS.attachment(sha);
    const half = page.subarray(0, 10);
    const put = (bytes: Buffer, range: string) =>
      fetch(`${origin}${url}`, {
        method: 'PUT',
        headers: { ...s.headers('PUT', url, bytes), 'content-type': 'application/octet-stream', 'content-range': range },
        body: new Uint8Array(bytes),
      });
    expect((await put(half, `bytes 0-9/${page.length}`)).status).toBe(200);
    const part = join(dir, 'uploads', s.id, `${sha}.part`);
    expect([mode(join(dir, 'uploads')), mode(dirname(part)), mode(part)]).toEqual([0o700, 0o700, 0o600]);
    expect((await put(page.subarray(10), `bytes 10-${page.length - 1}/${page.length}`)).status).toBe(200);
    const blob = join(dir, 'blobs', sha.slice(0, 2), sha);
    expect([mode(join(dir, 'blobs')), mode(dirname(blob)), mode(blob)]).toEqual([0o700, 0o700, 0o600]);
  });
});

describe('the station sends its cases only where no one can read them on the way', () => {
  it('refuses to enrol with a plain-http township on another machine, and accepts one on loopback', () => {
    const data = tempDir('station-enrol-');
    const off = cli(['enroll', '--server', 'http://192.0.2.10:8480', '--code', 'AAAA-BBBB-CCCC-DDDD', '--data-dir', data]);
    expect(off.status).toBe(2);
    expect(off.stderr).toMatch(/https:\/\//);
    // On loopback the address is fine; the (closed) port is what fails, after validation.
    const loop = cli(['enroll', '--server', 'http://127.0.0.1:9', '--code', 'AAAA-BBBB-CCCC-DDDD', '--data-dir', data]);
    expect(loop.stderr).not.toMatch(/https:\/\//);
  });
});
