import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HolidayCalendar } from '../../contract/domain/calendar/holiday-calendar.ts';
import type { PullItem } from '../../contract/api/sync.ts';
import { SYNC_PATHS } from '../../contract/api/sync.ts';
import { calendar2027 } from '../helpers/calendar-2027.ts';
import { testCatalog, testMatter } from '../helpers/catalog.ts';
import { testClock } from '../helpers/clock.ts';
import { BACKENDS, useTownship, type TestTownship } from './helpers/township.ts';
import { TestStation } from './helpers/test-station.ts';

const calendar = JSON.parse(readFileSync(join(import.meta.dirname, '../../assets/calendar/holidays-cn.json'), 'utf8')) as HolidayCalendar;
const idNumber = (n: number) => `43012419900101${String(n).padStart(4, '0')}`;

describe.each(BACKENDS)('pull ($backend)', ({ backend }) => {
  const township = useTownship(backend);

  /** Every item after `cursor`, page by page, checking the cursor moves and `more` tells the truth. */
  const pullAll = async (t: TestTownship, s: TestStation, limit: number, cursor = '0') => {
    const items: PullItem[] = [];
    for (;;) {
      const page = await s.pull(t, cursor, limit);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      items.push(...page.items);
      if (page.items.length > 0) expect(page.cursor).toBe(String(page.items.at(-1)!.seq));
      else expect(page.cursor).toBe(cursor);
      cursor = page.cursor;
      if (!page.more) return { items, cursor };
    }
  };

  it('pages through the feed by cursor', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    for (let i = 1; i <= 5; i++) expect((await t.admin('POST', '/v1/admin/blacklist', { idNumber: idNumber(i), reason: '骗取低保' })).status).toBe(200);
    const first = await s.pull(t, '0', 2);
    expect(first.items.map((i) => i.kind === 'blacklist' && i.idNumber)).toEqual([idNumber(1), idNumber(2)]);
    expect(first.more).toBe(true);
    const { items, cursor } = await pullAll(t, s, 2, first.cursor);
    expect(items.map((i) => i.kind === 'blacklist' && i.idNumber)).toEqual([3, 4, 5].map(idNumber));
    expect(await s.pull(t, cursor, 2)).toEqual({ items: [], cursor, more: false });
    await t.admin('POST', '/v1/admin/blacklist/remove', { idNumber: idNumber(2) });
    expect((await s.pull(t, cursor)).items).toEqual([expect.objectContaining({ kind: 'blacklist', op: 'remove', idNumber: idNumber(2), reason: null })]);
  });

  it('sends a case approved at the township to its station once, and to no other station', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const other = await TestStation.enrolled(t);
    const caseNo = s.newCaseNo();
    await s.push(t, [s.event(caseNo, 1)]);
    const approved = await t.admin('POST', `/v1/admin/cases/${caseNo}/actions`, { action: 'approve', actor: '王审核' });
    expect(approved.status).toBe(200);
    const page = await s.pull(t);
    expect(page.items).toEqual([
      {
        seq: approved.json.feedSeq,
        kind: 'case-state',
        caseNo,
        eventId: approved.json.eventId,
        type: 'approve',
        state: 'approved',
        at: expect.any(String),
        actor: '王审核',
        detail: {},
      },
    ]);
    expect((await s.pull(t, page.cursor)).items).toEqual([]);
    expect((await other.pull(t)).items).toEqual([]);
  });

  it('follows the state machine for township steps; a posted result carries its tracking number', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const caseNo = s.newCaseNo();
    await s.push(t, [s.event(caseNo, 1)]);
    const act = (body: object) => t.admin('POST', `/v1/admin/cases/${caseNo}/actions`, body);
    expect((await act({ action: 'resultReady' })).json.error.code).toBe('admin.bad-transition');
    for (const action of ['review', 'notice', 'approve', 'resultReady']) expect((await act({ action })).status).toBe(200);
    expect((await act({ action: 'post' })).json.error.code).toBe('admin.tracking-no-required');
    expect((await act({ action: 'deliver' })).status).toBe(400);
    expect((await act({ action: 'post', trackingNo: 'EMS1234567890CN' })).json.state).toBe('delivered');
    const items = (await s.pull(t)).items;
    expect(items.map((i) => i.kind === 'case-state' && i.state)).toEqual(['in_review', 'public_notice', 'approved', 'result_ready', 'delivered']);
    expect(items.at(-1)).toMatchObject({ type: 'post', detail: { trackingNo: 'EMS1234567890CN' } });
    expect((await t.admin('POST', '/v1/admin/cases/NOPE1-20250101-0001/actions', { action: 'review' })).status).toBe(404);
  });

  it('sends catalogue, calendar and blacklist changes to every station, in order', async () => {
    const t = township();
    const a = await TestStation.enrolled(t);
    const b = await TestStation.enrolled(t);
    const catalog = testCatalog('2026.12.1', [testMatter('TEST-000001', '办理老年优待证', '老年优待证')]);
    const published = await t.admin('POST', '/v1/admin/catalog', catalog);
    expect(published.json).toMatchObject({ kind: 'catalog', version: '2026.12.1', unchanged: false });
    expect((await t.admin('POST', '/v1/admin/calendar', calendar)).status).toBe(200);
    await t.admin('POST', '/v1/admin/blacklist', { idNumber: `${idNumber(7).slice(0, 17)}x`, reason: '虚假材料' });
    for (const s of [a, b]) {
      const { items } = await pullAll(t, s, 1);
      expect(items.map((i) => i.kind)).toEqual(['catalog', 'calendar', 'blacklist']);
      expect(items[0]).toEqual({ seq: published.json.feedSeq, kind: 'catalog', version: '2026.12.1', catalog });
      expect(items[1]).toMatchObject({ kind: 'calendar', version: calendar.version, calendar });
      expect(items[2]).toMatchObject({ kind: 'blacklist', op: 'add', idNumber: `${idNumber(7).slice(0, 17)}X`, reason: '虚假材料' });
    }
  });

  it('publishes a version once: the same again changes nothing, older or altered is refused', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const v2 = testCatalog('2026.12.2', [testMatter('TEST-000001', '办理老年优待证', '老年优待证')]);
    expect((await t.admin('POST', '/v1/admin/catalog', v2)).json.unchanged).toBe(false);
    expect((await t.admin('POST', '/v1/admin/catalog', v2)).json.unchanged).toBe(true);
    const altered = await t.admin('POST', '/v1/admin/catalog', { ...v2, publisher: '别的中心' });
    expect([altered.status, altered.json.error.code]).toEqual([409, 'admin.version-changed']);
    const older = await t.admin('POST', '/v1/admin/catalog', { ...v2, version: '2026.9.30' });
    expect([older.status, older.json.error.code]).toEqual([409, 'admin.stale-version']);
    const invalid = await t.admin('POST', '/v1/admin/catalog', { ...v2, version: '2027.1.1', matters: [] });
    expect([invalid.status, invalid.json.error.issues[0].path]).toEqual([400, 'matters']);
    expect((await s.pull(t)).items).toHaveLength(1);
  });

  it('refuses a calendar that breaks the statutory holidays, listing every such day', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const unlawful = calendar2027();
    unlawful.days = unlawful.days.filter((d) => d.date !== '2027-10-01' && d.date !== '2027-02-08');
    const refused = await t.admin('POST', '/v1/admin/calendar', unlawful);
    expect(refused.status).toBe(400);
    expect(refused.json.error.issues).toEqual([
      { path: 'years[0]', message: '2027-02-08 (春节) is a statutory holiday but is not listed as a day off' },
      { path: 'years[0]', message: '2027-10-01 (国庆节) is a statutory holiday but is not listed as a day off' },
    ]);
    expect((await s.pull(t)).items).toEqual([]);
    expect((await t.admin('POST', '/v1/admin/calendar', calendar2027())).status).toBe(200);
  });

  it('shows the admin how far the official calendar of each station reaches, and who lacks next year', async () => {
    const t = township();
    const late = await TestStation.enrolled(t);
    const ready = await TestStation.enrolled(t);
    const silent = await TestStation.enrolled(t);
    for (const [s, calendarThrough] of [[late, '2026-12-31'], [ready, '2027-12-31']] as const) {
      const res = await s.request(t, 'POST', SYNC_PATHS.pull, { cursor: '0', limit: 10, calendarThrough });
      expect(res.statusCode, res.body).toBe(200);
    }
    t.clock.offsetMs = Date.parse('2026-12-02T02:00:00Z') - testClock().getTime();
    const stations = (await t.admin('GET', '/v1/admin/stations')).json as { id: string; calendarThrough: string | null; calendarWarning: boolean }[];
    const view = (s: TestStation) => stations.find((x) => x.id === s.id);
    expect(view(late)).toMatchObject({ calendarThrough: '2026-12-31', calendarWarning: true });
    expect(view(ready)).toMatchObject({ calendarThrough: '2027-12-31', calendarWarning: false });
    expect(view(silent)).toMatchObject({ calendarThrough: null, calendarWarning: false });
  });

  it('never lets a cursor skip an item written concurrently', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const writes = Array.from({ length: 24 }, (_, i) => t.admin('POST', '/v1/admin/blacklist', { idNumber: idNumber(100 + i), reason: '测试' }));
    const seen: PullItem[] = [];
    let cursor = '0';
    // Pull while the writes are landing, then drain.
    for (let i = 0; i < 6; i++) {
      const page = await s.pull(t, cursor, 3);
      seen.push(...page.items);
      cursor = page.cursor;
    }
    await Promise.all(writes);
    seen.push(...(await pullAll(t, s, 5, cursor)).items);
    expect(seen.map((i) => i.seq)).toEqual([...seen.map((i) => i.seq)].sort((x, y) => x - y));
    expect(new Set(seen.map((i) => i.kind === 'blacklist' && i.idNumber)).size).toBe(24);
  });
});
