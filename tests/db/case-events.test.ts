import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { StationData } from '../../db/station-data.ts';
import { chinaDay } from '../../contract/domain/clock.ts';
import { uuid7 } from '../../contract/domain/uuid7.ts';
import { migrationsDir } from '../../electron/core/paths.ts';
import { DATABASE_FILE } from '../../electron/core/station.ts';
import { openTestStation, type TestStation } from '../helpers/station.ts';
import { testClock } from '../helpers/clock.ts';
import { intakeFor, validForm } from '../helpers/intake.ts';
import { tempDir } from '../helpers/tmp.ts';

let dir: string;
let station: TestStation;

beforeEach(() => {
  dir = tempDir();
  station = openTestStation({ dataDir: dir, mode: 'web', clock: testClock });
});

afterEach(async () => {
  await station.close();
});

/** A case taken in through the service, as at the window. */
function takeIn(): string {
  const matter = station.catalog.current().matters.find((m) => m.shortName === '老年优待证')!;
  const form = validForm(matter, chinaDay(testClock()));
  return station.cases.intake(intakeFor(matter, station.attachments, form), null).caseNo;
}

const seqs = (caseNo: string): number[] =>
  station.db
    .prepare('SELECT seq FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.case_no = ? ORDER BY e.rowid')
    .pluck()
    .all(caseNo) as number[];

describe('the case event sequence', () => {
  it('numbers the events of intake, the clerk and the township one after another, from two connections', () => {
    const caseNo = takeIn();
    // Sync's apply, as another process would write it: its own handle on the same file.
    const other = openDatabase(join(dir, DATABASE_FILE), { migrationsDir: migrationsDir() });
    const township = new StationData(other);
    const caseId = township.cases.byNumber(caseNo)!.id;
    const steps = ['review', 'notice', 'approve', 'resultReady', 'deliver'] as const;
    try {
      for (const [i, step] of steps.entries()) {
        station.cases.transition(caseNo, step, null);
        township.transaction(() => {
          const at = testClock().toISOString();
          township.events.append({
            id: uuid7(testClock()), caseId, type: 'review', at, station: 'township', actor: null, state: 'in_review',
            detail: { round: i }, attachments: [], pushedAt: at,
          });
        }, 'immediate');
      }
    } finally {
      other.close();
    }
    expect(seqs(caseNo)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('starts each case at 1 and returns the number it gave', () => {
    const first = takeIn();
    const second = takeIn();
    expect(seqs(first)).toEqual([1]);
    expect(seqs(second)).toEqual([1]);
    const caseId = station.data.cases.byNumber(first)!.id;
    const at = testClock().toISOString();
    const seq = station.data.events.append({
      id: uuid7(testClock()), caseId, type: 'note', at, station: 'township', actor: null, state: 'received', detail: {},
      attachments: [], pushedAt: at,
    });
    expect(seq).toBe(2);
    expect(seqs(second)).toEqual([1]);
  });
});
