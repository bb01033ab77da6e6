import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AttachmentStatus, ErrorBody, MAX_ATTACHMENT_BYTES, SYNC_HEADERS, SYNC_PATHS } from '../../contract/api/sync.ts';
import { BACKENDS, useTownship, type TestTownship } from './helpers/township.ts';
import { sha256, TestStation } from './helpers/test-station.ts';

const blobPath = (t: TestTownship, sha: string) => join(t.dataDir, 'blobs', sha.slice(0, 2), sha);

describe.each(BACKENDS)('attachments ($backend)', ({ backend }) => {
  const township = useTownship(backend);

  const status = async (t: TestTownship, s: TestStation, sha: string) => {
    const res = await s.request(t, 'GET', SYNC_PATHS.attachment(sha));
    expect(res.statusCode).toBe(200);
    return AttachmentStatus.parse(res.json());
  };

  it.each(['range', 'query'] as const)('stores a file uploaded in chunks (placed by %s) once it verifies', async (by) => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const file = randomBytes(250_000);
    const sha = sha256(file);
    for (let offset = 0; offset < file.length; offset += 100_000) {
      const chunk = file.subarray(offset, offset + 100_000);
      const res = await s.putChunk(t, sha, offset, file.length, chunk, by);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ sha256: sha, received: offset + chunk.length, complete: offset + chunk.length === file.length });
    }
    expect(readFileSync(blobPath(t, sha)).equals(file)).toBe(true);
    expect(await status(t, s, sha)).toEqual({ sha256: sha, received: file.length, complete: true });
    const head = await s.request(t, 'HEAD', SYNC_PATHS.attachment(sha));
    expect([head.headers[SYNC_HEADERS.received], head.headers[SYNC_HEADERS.complete], head.body]).toEqual([String(file.length), 'true', '']);
    // Sending it again is harmless: nothing to do.
    expect((await s.putChunk(t, sha, 0, file.length, file.subarray(0, 10))).json()).toMatchObject({ complete: true });
  });

  it('resumes after a cut from what the server says it has', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const file = randomBytes(90_000);
    const sha = sha256(file);
    expect((await s.putChunk(t, sha, 0, file.length, file.subarray(0, 30_000))).statusCode).toBe(200);
    // The line dropped during the second chunk; the station lost track and tries from the wrong place.
    const wrong = await s.putChunk(t, sha, 60_000, file.length, file.subarray(60_000));
    expect(wrong.statusCode).toBe(409);
    expect(ErrorBody.parse(wrong.json()).error).toMatchObject({ code: 'sync.bad-offset', received: 30_000 });
    const head = await s.request(t, 'HEAD', SYNC_PATHS.attachment(sha));
    const from = Number(head.headers[SYNC_HEADERS.received]);
    expect(from).toBe(30_000);
    expect((await s.putChunk(t, sha, from, file.length, file.subarray(from))).json()).toMatchObject({ complete: true });
    expect(readFileSync(blobPath(t, sha)).equals(file)).toBe(true);
  });

  it('keeps each station’s partial upload apart', async () => {
    const t = township();
    const a = await TestStation.enrolled(t);
    const b = await TestStation.enrolled(t);
    const file = randomBytes(20_000);
    const sha = sha256(file);
    await a.putChunk(t, sha, 0, file.length, file.subarray(0, 5_000));
    expect((await status(t, b, sha)).received).toBe(0);
    expect((await b.putChunk(t, sha, 0, file.length, file)).json()).toMatchObject({ complete: true });
    // b's upload tells a nothing: a resumes its own and finishes it; the bytes are kept once.
    expect(await status(t, a, sha)).toMatchObject({ received: 5_000, complete: false });
    expect((await a.putChunk(t, sha, 5_000, file.length, file.subarray(5_000))).json()).toMatchObject({ received: file.length, complete: true });
    expect(await status(t, a, sha)).toMatchObject({ received: file.length, complete: true });
  });

  it('rejects bytes that do not hash to the name and stores nothing', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const claimed = sha256('the real page');
    const bytes = Buffer.from('something else entirely');
    const first = await s.putChunk(t, claimed, 0, bytes.length, bytes.subarray(0, 10));
    expect(first.statusCode).toBe(200);
    const last = await s.putChunk(t, claimed, 10, bytes.length, bytes.subarray(10));
    expect(last.statusCode).toBe(422);
    expect(ErrorBody.parse(last.json()).error.code).toBe('sync.attachment-hash');
    expect(await status(t, s, claimed)).toEqual({ sha256: claimed, received: 0, complete: false });
    expect(existsSync(blobPath(t, claimed))).toBe(false);
    expect(readdirSync(join(t.dataDir, 'uploads', s.id))).toEqual([]);
  });

  it('refuses chunks without a place, with two places, too big, or of the wrong kind', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const sha = sha256('x');
    const code = async (p: Promise<{ statusCode: number; json(): unknown }>) => {
      const res = await p;
      return [res.statusCode, ErrorBody.parse(res.json()).error.code];
    };
    expect(await code(s.request(t, 'PUT', SYNC_PATHS.attachment(sha), Buffer.from('x')))).toEqual([400, 'sync.range-required']);
    expect(await code(s.request(t, 'PUT', `${SYNC_PATHS.attachment(sha)}?offset=0&size=1`, Buffer.from('x'), { headers: { 'content-range': 'bytes 0-0/1' } }))).toEqual([400, 'sync.range-required']);
    expect(await code(s.request(t, 'PUT', SYNC_PATHS.attachment(sha), Buffer.from('x'), { headers: { 'content-range': 'bytes 0-5/9' } }))).toEqual([400, 'sync.invalid']);
    expect(await code(s.request(t, 'PUT', `${SYNC_PATHS.attachment(sha)}?offset=0&size=${MAX_ATTACHMENT_BYTES + 1}`, Buffer.from('x')))).toEqual([413, 'sync.attachment-too-large']);
    expect(await code(s.request(t, 'PUT', `${SYNC_PATHS.attachment(sha)}?offset=0&size=1`, { not: 'bytes' }))).toEqual([415, 'sync.unsupported-media-type']);
    expect(await code(s.request(t, 'PUT', `${SYNC_PATHS.attachment('ABC')}?offset=0&size=1`, Buffer.from('x')))).toEqual([400, 'sync.invalid']);
    expect(await code(s.request(t, 'PUT', `${SYNC_PATHS.attachment(sha)}?offset=0&size=1&extra=1`, Buffer.from('x')))).toEqual([400, 'sync.invalid']);
  });

  it('holds an event until its attachments are whole, then applies it (and the case’s later events) in order', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const page = randomBytes(40_000);
    const signature = randomBytes(3_000);
    const [pageSha, sigSha] = [sha256(page), sha256(signature)];
    await s.putChunk(t, sigSha, 0, signature.length, signature);
    const caseNo = s.newCaseNo();
    const other = s.newCaseNo();
    const intake = s.event(caseNo, 1, { attachments: [pageSha, sigSha] });
    const forward = s.event(caseNo, 2);
    const unrelated = s.event(other, 1);
    const first = await s.push(t, [intake, forward, unrelated]);
    expect(first).toEqual({
      accepted: [unrelated.id],
      duplicates: [],
      conflicts: [],
      waitingForAttachments: [
        { id: intake.id, missing: [pageSha] },
        { id: forward.id, missing: [pageSha] },
      ],
    });
    expect((await t.admin('GET', `/v1/admin/cases/${caseNo}`)).status).toBe(404);
    // Pushing again before the bytes arrive changes nothing.
    expect((await s.push(t, [intake, forward])).waitingForAttachments.map((w) => w.id)).toEqual([intake.id, forward.id]);
    // Half the page: still waiting.
    await s.putChunk(t, pageSha, 0, page.length, page.subarray(0, 20_000));
    expect((await t.admin('GET', `/v1/admin/cases/${caseNo}`)).status).toBe(404);
    await s.putChunk(t, pageSha, 20_000, page.length, page.subarray(20_000));
    const view = await t.admin('GET', `/v1/admin/cases/${caseNo}`);
    expect(view.json).toMatchObject({ state: 'forwarded', waiting: [] });
    expect(view.json.events.map((e: { id: string }) => e.id)).toEqual([intake.id, forward.id]);
    expect(view.json.events[0].attachments).toEqual([pageSha, sigSha]);
    expect(await s.push(t, [intake, forward])).toMatchObject({ accepted: [], duplicates: [intake.id, forward.id] });
  });

  it("never rests a station's event on another station's upload, and applies it once its own is in", async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const other = await TestStation.enrolled(t);
    const page = randomBytes(1_000);
    const ev = s.event(s.newCaseNo(), 1, { attachments: [sha256(page)] });
    expect((await s.push(t, [ev])).waitingForAttachments).toHaveLength(1);
    expect((await other.putChunk(t, sha256(page), 0, page.length, page)).json()).toMatchObject({ complete: true });
    expect(await s.push(t, [ev])).toMatchObject({ accepted: [], waitingForAttachments: [{ id: ev.id, missing: [sha256(page)] }] });
    expect(await status(t, s, sha256(page))).toMatchObject({ received: 0, complete: false });
    await s.putChunk(t, sha256(page), 0, page.length, page);
    expect(await s.push(t, [ev])).toMatchObject({ duplicates: [ev.id], waitingForAttachments: [] });
    const changed = { ...ev, detail: { changed: true } };
    expect((await s.push(t, [changed])).conflicts.map((c) => c.reason)).toEqual(['sync.conflict-content']);
  });
});
