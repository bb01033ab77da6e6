import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SyncCaseEvent } from '../../contract/api/sync.ts';
import { MAX_PENDING_EVENTS_PER_STATION } from '../../township/sync/push.ts';
import { BACKENDS, useTownship } from './helpers/township.ts';
import { TestStation, sha256 } from './helpers/test-station.ts';

const CATALOG = join(import.meta.dirname, '..', '..', 'assets', 'catalog', 'catalog.json');
const MEDICAL_AID = '430000-YB-0009'; // 医疗救助申请: the village takes it in and forwards it
const BIRTH_REGISTRATION = '430000-WJ-0002'; // 生育登记: decided in the village

describe.each(BACKENDS)('who decides, as the township sees a push ($backend)', ({ backend }) => {
  const township = useTownship(backend);

  /** A case of `matter` taken in at the station, then the station's own `steps`, in one push. */
  const casePush = (s: TestStation, matter: string, steps: [SyncCaseEvent['type'], SyncCaseEvent['state']][]) => {
    const caseNo = s.newCaseNo();
    return [
      s.event(caseNo, 1, { detail: { matterCode: matter, channel: 'window', proxy: true } }),
      ...steps.map(([type, state], i) => s.event(caseNo, i + 2, { type, state })),
    ];
  };

  it("refuses a station's approve and result-ready on a matter decided at the township, and keeps the case where it was", async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const events = casePush(s, MEDICAL_AID, [['approve', 'approved'], ['resultReady', 'result_ready']]);
    const answer = await s.push(t, events);
    expect(answer.accepted).toEqual([events[0]!.id]);
    expect(answer.conflicts.map((c) => c.reason)).toEqual(['sync.conflict-not-station-step', 'sync.conflict-not-station-step']);
    expect(answer.conflicts[0]!.message).toMatch(/kept for a person/);
    expect((await t.admin('GET', `/v1/admin/cases/${events[0]!.caseNo}`)).json).toMatchObject({ state: 'received' });
    // Forwarding it is the station's step.
    const forward = s.event(events[0]!.caseNo, 4, { type: 'forward', state: 'forwarded' });
    expect((await s.push(t, [forward])).accepted).toEqual([forward.id]);
  });

  it('takes the decisions of a village matter from the station', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const events = casePush(s, BIRTH_REGISTRATION, [['approve', 'approved'], ['resultReady', 'result_ready']]);
    expect((await s.push(t, events)).accepted).toEqual(events.map((e) => e.id));
    expect((await t.admin('GET', `/v1/admin/cases/${events[0]!.caseNo}`)).json).toMatchObject({ state: 'result_ready' });
  });

  it('goes by the catalogue the township publishes, and takes an unknown matter as decided above the station', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const unknown = casePush(s, '430000-XX-9999', [['approve', 'approved']]);
    expect((await s.push(t, unknown)).conflicts.map((c) => c.reason)).toEqual(['sync.conflict-not-station-step']);
    const catalog = JSON.parse(readFileSync(CATALOG, 'utf8')) as { version: string; matters: { code: string; level: string }[] };
    catalog.version = '2999.1.1';
    catalog.matters.find((m) => m.code === MEDICAL_AID)!.level = 'village';
    expect((await t.admin('POST', '/v1/admin/catalog', catalog)).status).toBe(200);
    const now = casePush(s, MEDICAL_AID, [['approve', 'approved']]);
    expect((await s.push(t, now)).accepted).toEqual(now.map((e) => e.id));
  });

  it('checks a step behind an intake still waiting for its scans against that intake', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const page = Buffer.from('a scanned page');
    const caseNo = s.newCaseNo();
    const intake = s.event(caseNo, 1, { detail: { matterCode: MEDICAL_AID, channel: 'window', proxy: false }, attachments: [sha256(page)] });
    expect((await s.push(t, [intake])).waitingForAttachments).toHaveLength(1);
    const approve = s.event(caseNo, 2, { type: 'approve', state: 'approved' });
    expect((await s.push(t, [approve])).conflicts.map((c) => c.reason)).toEqual(['sync.conflict-not-station-step']);
  });
});

describe('a station cannot fill the township with waiting events', () => {
  const township = useTownship('sqlite');

  it(`keeps at most ${MAX_PENDING_EVENTS_PER_STATION} waiting; the rest are answered as waiting, not stored, and arrive later whole`, async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const page = Buffer.from('one page every case waits for');
    const events = Array.from({ length: MAX_PENDING_EVENTS_PER_STATION + 3 }, () => s.event(s.newCaseNo(), 1, { attachments: [sha256(page)] }));
    const answers = [];
    for (let i = 0; i < events.length; i += 500) answers.push(await s.push(t, events.slice(i, i + 500)));
    const waiting = answers.flatMap((a) => a.waitingForAttachments);
    expect(waiting.map((w) => w.id)).toEqual(events.map((e) => e.id));
    expect(waiting.every((w) => w.missing.includes(sha256(page)))).toBe(true);
    expect(await t.store.transaction((tx) => tx.pendingEvents.countOfStation(s.id))).toBe(MAX_PENDING_EVENTS_PER_STATION);
    // Once the page is in, the stored ones apply and the three left out are taken on the next push.
    await s.putChunk(t, sha256(page), 0, page.length, page);
    const again = await s.push(t, events.slice(-3));
    expect(again.accepted).toEqual(events.slice(-3).map((e) => e.id));
    expect(await t.store.transaction((tx) => tx.pendingEvents.countOfStation(s.id))).toBe(0);
  });
});
