import { describe, expect, it } from 'vitest';
import { ErrorBody, SYNC_PATHS } from '../../contract/api/sync.ts';
import { BACKENDS, useTownship } from './helpers/township.ts';
import { TestStation } from './helpers/test-station.ts';

describe.each(BACKENDS)('push ($backend)', ({ backend }) => {
  const township = useTownship(backend);

  it('applies a batch once; the same batch again is all duplicates', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const a = s.newCaseNo();
    const b = s.newCaseNo();
    const batch = [s.event(a, 1), s.event(b, 1), s.event(a, 2)];
    const ids = batch.map((e) => e.id);
    expect(await s.push(t, batch)).toEqual({ accepted: ids, duplicates: [], conflicts: [], waitingForAttachments: [] });
    expect(await s.push(t, batch)).toEqual({ accepted: [], duplicates: ids, conflicts: [], waitingForAttachments: [] });
    // Key order is not content: a client that serialises differently still gets duplicates.
    const reordered = batch.map((e) => Object.fromEntries(Object.entries(e).reverse())) as typeof batch;
    expect((await s.push(t, reordered)).duplicates).toEqual(ids);
    const view = await t.admin('GET', `/v1/admin/cases/${a}`);
    expect(view.json).toMatchObject({ caseNo: a, stationId: s.id, state: 'forwarded', waiting: [] });
    expect(view.json.events.map((e: { seq: number }) => e.seq)).toEqual([1, 2]);
  });

  it('reports the same id with other content as a conflict and keeps the original', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const caseNo = s.newCaseNo();
    const original = s.event(caseNo, 1, { detail: { matterCode: 'A-000001', note: '原件' } });
    await s.push(t, [original]);
    const changed = { ...original, detail: { matterCode: 'A-000001', note: '改过' } };
    const next = s.event(caseNo, 2);
    const res = await s.push(t, [changed, next]);
    expect(res.conflicts).toEqual([{ id: original.id, reason: 'sync.conflict-content', message: expect.any(String) }]);
    expect(res.accepted).toEqual([next.id]);
    const view = await t.admin('GET', `/v1/admin/cases/${caseNo}`);
    expect(view.json.events[0]).toMatchObject({ id: original.id, detail: { note: '原件' } });
  });

  it('refuses events for another station’s cases, a taken seq, and a seq out of order', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const other = await TestStation.enrolled(t);
    const mine = s.newCaseNo();
    await s.push(t, [s.event(mine, 1), s.event(mine, 3)]);
    const res = await other.push(t, [other.event(mine, 4)]);
    expect(res.conflicts.map((c) => c.reason)).toEqual(['sync.conflict-not-yours']);
    const again = await s.push(t, [s.event(mine, 3), s.event(mine, 2)]);
    expect(again.conflicts.map((c) => c.reason)).toEqual(['sync.conflict-seq', 'sync.conflict-order']);
    // Gaps are allowed: a station gives seqs to the township events it appends too.
    expect((await s.push(t, [s.event(mine, 5)])).accepted).toHaveLength(1);
  });

  it('refuses a push for another station id than the signer', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const res = await s.request(t, 'POST', SYNC_PATHS.push, { stationId: 'SOMEONE', events: [s.event(s.newCaseNo(), 1)] });
    expect(res.statusCode).toBe(403);
    expect(ErrorBody.parse(res.json()).error.code).toBe('sync.station-mismatch');
  });

  it('applies nothing of a batch with one malformed event', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const good = s.event(s.newCaseNo(), 1);
    const bad = { ...s.event(s.newCaseNo(), 1), state: 'teleported' };
    const res = await s.request(t, 'POST', SYNC_PATHS.push, { stationId: s.id, events: [good, bad] });
    expect(res.statusCode).toBe(400);
    expect(ErrorBody.parse(res.json()).error.issues).toEqual([expect.objectContaining({ path: 'events[1].state' })]);
    expect((await t.admin('GET', `/v1/admin/cases/${good.caseNo}`)).status).toBe(404);
    expect(await s.push(t, [good])).toMatchObject({ accepted: [good.id] });
  });

  it('keeps the township’s state when an older station step arrives after a township step', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const caseNo = s.newCaseNo();
    await s.push(t, [s.event(caseNo, 1)]);
    expect((await t.admin('POST', `/v1/admin/cases/${caseNo}/actions`, { action: 'review' })).json.state).toBe('in_review');
    // Made offline before the station heard of the review: kept in the history, but it does not wind the state back.
    const forward = s.event(caseNo, 2);
    expect((await s.push(t, [forward])).accepted).toEqual([forward.id]);
    const view = await t.admin('GET', `/v1/admin/cases/${caseNo}`);
    expect(view.json.state).toBe('in_review');
    expect(view.json.events.map((e: { type: string; origin: string }) => `${e.origin}:${e.type}`)).toEqual(['station:received', 'township:review', 'station:forward']);
    const withdraw = s.event(caseNo, 4, { type: 'withdraw', state: 'withdrawn' });
    await s.push(t, [withdraw]);
    expect((await t.admin('GET', `/v1/admin/cases/${caseNo}`)).json.state).toBe('withdrawn');
  });

  it('serialises concurrent pushes of one batch: each event is applied once', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const caseNo = s.newCaseNo();
    const batch = [s.event(caseNo, 1), s.event(caseNo, 2)];
    const results = await Promise.all([s.push(t, batch), s.push(t, batch), s.push(t, batch)]);
    expect(results.flatMap((r) => r.accepted).sort()).toEqual(batch.map((e) => e.id).sort());
    expect(results.flatMap((r) => r.duplicates)).toHaveLength(4);
  });
});
