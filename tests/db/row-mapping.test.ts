import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseRowError, RowReader } from '../../db/rows.ts';
import { OPEN_STATES } from '../../contract/domain/case-states.ts';
import { CaseState } from '../../contract/domain/cases.ts';
import { openTestStation, type TestStation } from '../helpers/station.ts';
import { testClock } from '../helpers/clock.ts';
import { tempDir } from '../helpers/tmp.ts';

let station: TestStation;

beforeEach(() => {
  station = openTestStation({ dataDir: tempDir(), mode: 'web', clock: testClock });
});

afterEach(async () => {
  await station.close();
});

/** One case per state, all due long ago. */
function fill(states: readonly string[]): void {
  const { data } = station;
  data.transaction(() => {
    data.bulk.person({ id: 1, idHash: 'h', nameHash: 'n', sealed: 's', updatedAt: '2025-01-01T00:00:00Z' });
    states.forEach((state, i) =>
      data.bulk.case({
        id: i + 1, caseNo: `TEST-20250101-${i}`, requestId: `r${i}`, matterCode: 'm', matterName: 'matter', personId: 1, state,
        receivedAt: '2025-01-01T00:00:00Z', receivedDay: '2025-01-01', dueDate: '2025-01-02', sealed: 's', owed: 0, owedDue: null,
      }, `event-${i}`),
    );
  });
}

/** What a damaged file could hold: a change the schema's checks (and triggers) would refuse. */
function damage(sql: string): void {
  station.db.pragma('ignore_check_constraints = ON');
  station.db.exec(`DROP TRIGGER case_events_append_only; ${sql}`);
  station.db.pragma('ignore_check_constraints = OFF');
}

describe('case rows', () => {
  it('lists as open exactly the states OPEN_STATES names (the SQL spells them out for the partial index)', () => {
    fill(CaseState.options);
    const page = { limit: 100, offset: 0 };
    const states = (rows: { state: string }[]) => rows.map((r) => r.state).sort();
    expect(states(station.data.cases.overdue('2026-01-01', page))).toEqual([...OPEN_STATES].sort());
    expect(states(station.data.cases.dueBetween('2025-01-01', '2025-01-03', page))).toEqual([...OPEN_STATES].sort());
  });

  it('maps a stored case to its record, types and all', () => {
    fill(['received']);
    expect(station.data.cases.byNumber('TEST-20250101-0')).toMatchObject({
      id: 1, caseNo: 'TEST-20250101-0', proxy: false, state: 'received', dueProvisional: false, timeLimitDays: null, owedDue: null,
    });
  });

  it('refuses a damaged row with a typed error naming the table and column, not an undefined field', () => {
    fill(['received']);
    damage("UPDATE cases SET state = 'lost'");
    const read = () => station.data.cases.byNumber('TEST-20250101-0');
    expect(read).toThrow(DatabaseRowError);
    expect(read).toThrow(expect.objectContaining({ code: 'db.bad-row', params: { table: 'cases', column: 'state' } }));
  });

  it('refuses event detail that is not a JSON object', () => {
    fill(['received']);
    damage("UPDATE case_events SET detail = '[1]'");
    expect(() => station.data.events.history(1)).toThrow(expect.objectContaining({ params: { table: 'case_events', column: 'detail' } }));
  });
});

describe('RowReader', () => {
  it('checks each column as it is read', () => {
    const r = new RowReader('t', { n: 1.5, s: 7, f: 2, j: 'nope', list: '["a", 1]' });
    expect(() => r.int('n')).toThrow(/t\.n is not an integer/);
    expect(() => r.text('s')).toThrow(/t\.s is not text/);
    expect(() => r.flag('f')).toThrow(/t\.f is not 0 or 1/);
    expect(() => r.object('j')).toThrow(/t\.j is not JSON/);
    expect(() => r.strings('list')).toThrow(/t\.list is not a list of text/);
    expect(() => r.text('missing')).toThrow(DatabaseRowError);
  });

  it('refuses what is not a row at all, such as a query that found nothing', () => {
    expect(() => new RowReader('t', undefined)).toThrow(expect.objectContaining({ code: 'db.bad-row' }));
  });
});
