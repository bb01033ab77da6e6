import { afterEach, describe, expect, it } from 'vitest';
import { openTestStation, type TestStation } from '../../helpers/station.ts';
import { OfflineError } from '../../../electron/core/sync/township-client.ts';
import { intakeFor, validForm, VILLAGER } from '../../helpers/intake.ts';
import { calendar2027 } from '../../helpers/calendar-2027.ts';
import { testClock, testToday } from '../../helpers/clock.ts';
import { tempDir } from '../../helpers/tmp.ts';
import { startTownship, type InProcessTownship } from '../../../scripts/lib/township.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(): Promise<{ township: InProcessTownship; station: TestStation }> {
  const township = await startTownship();
  cleanups.push(() => township.stop());
  const station = openTestStation({ dataDir: tempDir(), mode: 'web' });
  cleanups.push(() => station.close());
  await station.sync.enroll(township.url, await township.code());
  return { township, station };
}

function takeIn(station: TestStation, n: number): string[] {
  const aid = station.catalog.current().matters.find((m) => m.name === '医疗救助申请')!;
  return Array.from({ length: n }, () => station.cases.intake(intakeFor(aid, station.attachments, validForm(aid, testToday())), null).caseNo);
}

describe('station ⇄ township sync on loopback', () => {
  it('pushes cases with their attachments once, and brings township decisions back into the case history', async () => {
    const { township, station } = await setup();
    const caseNos = takeIn(station, 3);
    const first = await station.sync.syncOnce();
    expect(first).toMatchObject({ pushed: 3, conflicts: 0, pending: 0 });
    const distinct = station.db.prepare('SELECT count(DISTINCT j.value) AS n FROM case_events e, json_each(e.attachments) j').get() as { n: number };
    expect(first.uploaded).toBe(distinct.n);
    for (const caseNo of caseNos) expect((await township.admin('GET', `/v1/admin/cases/${caseNo}`)).status).toBe(200);

    expect((await township.admin('POST', `/v1/admin/cases/${caseNos[0]}/actions`, { action: 'review' })).status).toBe(200);
    expect((await township.admin('POST', `/v1/admin/cases/${caseNos[0]}/actions`, { action: 'approve' })).status).toBe(200);
    const second = await station.sync.syncOnce();
    expect(second).toMatchObject({ pushed: 0, pending: 0 });
    expect(second.pulled).toBeGreaterThanOrEqual(2);
    const detail = station.cases.get(caseNos[0]!, null);
    expect(detail.summary.state).toBe('approved');
    expect(detail.history.map((e) => [e.type, e.state, e.station])).toEqual([
      ['received', 'received', station.cases.station],
      ['review', 'in_review', 'township'],
      ['approve', 'approved', 'township'],
    ]);
    // Applied once: pulling again changes nothing.
    await station.sync.syncOnce();
    expect(station.cases.get(caseNos[0]!, null).history).toHaveLength(3);
  });

  it('treats a lost acknowledgement as a duplicate, never a second case', async () => {
    const { township, station } = await setup();
    const [caseNo] = takeIn(station, 1);
    await station.sync.syncOnce();
    // The township committed but the answer never arrived: the station still thinks the events are unsent.
    station.db.prepare('UPDATE case_events SET pushed_at = NULL').run();
    const again = await station.sync.syncOnce();
    expect(again).toMatchObject({ pushed: 0, duplicates: 1, conflicts: 0, pending: 0 });
    const onServer = await township.admin('GET', `/v1/admin/cases/${caseNo}`);
    expect(onServer.json.events.map((e: { type: string; origin: string }) => [e.type, e.origin])).toEqual([['received', 'station']]);
  });

  it('takes the blacklist from the township: no 容缺 for that person afterwards', async () => {
    const { township, station } = await setup();
    expect(station.cases.blacklistReason(VILLAGER.idNumber)).toBeNull();
    expect((await township.admin('POST', '/v1/admin/blacklist', { idNumber: VILLAGER.idNumber, reason: '骗取补贴' })).status).toBe(200);
    await station.sync.syncOnce();
    expect(station.cases.blacklistReason(VILLAGER.idNumber)).toBe('骗取补贴');
    expect(station.db.prepare('SELECT id_hash FROM blacklist').all()).not.toContainEqual({ id_hash: VILLAGER.idNumber });
  });

  it('brings a township-published catalogue and calendar into the station; provisional due dates move with it', async () => {
    // The station and its township on Wed 2026-12-30, a day before the shipped calendar ends.
    const at = Date.parse('2026-12-30T02:00:00Z') - testClock().getTime();
    const clock = () => new Date(testClock().getTime() + at);
    const township = await startTownship({ clock });
    cleanups.push(() => township.stop());
    const station = openTestStation({ dataDir: tempDir(), mode: 'web', clock });
    cleanups.push(() => station.close());
    await station.sync.enroll(township.url, await township.code());
    const lowIncome = station.catalog.current().matters.find((m) => m.name === '最低生活保障审核确认')!;
    const kase = station.cases.intake(intakeFor(lowIncome, station.attachments, validForm(lowIncome, '2026-12-30')), null);
    expect(kase).toMatchObject({ dueDate: '2027-02-15', dueProvisional: true });
    await station.sync.syncOnce();

    const catalog = { ...station.catalog.current(), version: '2026.12.9' };
    expect((await township.admin('POST', '/v1/admin/catalog', catalog)).status).toBe(200);
    expect((await township.admin('POST', '/v1/admin/calendar', calendar2027())).status).toBe(200);
    const round = await station.sync.syncOnce();
    expect(round.pulled).toBe(2);
    expect(station.catalog.current().version).toBe('2026.12.9');
    expect(station.calendar.status()).toMatchObject({ version: '2026.11.2', officialThrough: '2027-12-31', warning: false });
    const moved = station.cases.get(kase.caseNo, null);
    expect(moved.summary).toMatchObject({ dueDate: '2027-02-17', dueProvisional: false, dueMovedFrom: '2027-02-15' });
    expect(moved.history.map((e) => e.type)).toEqual(['received', 'dueDateChanged']);
    // The move is an event like any other: it goes up on the next round and the township keeps it in the history.
    expect(round.pending).toBe(1);
    expect(await station.sync.syncOnce()).toMatchObject({ pushed: 1, pending: 0 });
    const onServer = await township.admin('GET', `/v1/admin/cases/${kase.caseNo}`);
    expect(onServer.json.events.map((e: { type: string; detail: Record<string, unknown> }) => [e.type, e.detail.to ?? null])).toEqual([
      ['received', null],
      ['dueDateChanged', '2027-02-17'],
    ]);
    // And the township now sees that this station has next year's calendar.
    const [row] = (await township.admin('GET', '/v1/admin/stations')).json;
    expect(row).toMatchObject({ calendarThrough: '2027-12-31', calendarWarning: false });
  });

  it('keeps working offline: intake goes on, sync says offline, and everything goes up when the township is back', async () => {
    const { township, station } = await setup();
    await township.app.close();
    const caseNos = takeIn(station, 2);
    await expect(station.sync.syncOnce()).rejects.toBeInstanceOf(OfflineError);
    const status = station.sync.status();
    expect(status).toMatchObject({ pending: 2, lastError: 'sync.offline' });
    expect(status.items.map((i) => [i.caseNo, i.reason])).toEqual(caseNos.map((c) => [c, 'sync.not-sent']));
  });
});
