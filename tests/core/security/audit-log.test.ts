import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { testClock } from '../../helpers/clock.ts';
import { StationData } from '../../../db/station-data.ts';
import { AuditLog, verifyAuditChain } from '../../../electron/core/security/audit-log.ts';
import { StationKeys } from '../../../electron/core/security/station-keys.ts';
import { FakeClock, freshDatabase, masterKey, stationKeys } from './helpers.ts';

const keys = stationKeys();

/** Five entries, one a minute, with and without a staff member, subject and detail. */
function logWithEntries(db: Database): AuditLog {
  const clock = new FakeClock();
  const log = new AuditLog({ db: new StationData(db), keys, clock: clock.now });
  db.prepare("INSERT INTO staff (id, display_name, role, pin_hash, created_at) VALUES (1, 'x', 'clerk', 'h', 't')").run();
  for (let i = 1; i <= 5; i++) {
    const viewed = { subjectKind: 'person', subjectRef: `p${i}`, detail: { screen: 'case', n: i } };
    log.record(i % 2 ? { staffId: 1, action: 'person.view', ...viewed } : { staffId: null, action: 'kiosk.lookup' });
    clock.advance(60_000);
  }
  return log;
}

/** What someone with the database file can do: the triggers only stop the program's own mistakes. */
function tamper(db: Database, sql: string): void {
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  db.exec(sql);
}

describe('AuditLog', () => {
  it('records entries that chain and verify', () => {
    const db = freshDatabase();
    const log = logWithEntries(db);
    expect(log.verify()).toEqual({ ok: true, entries: 5 });
    const first = db.prepare('SELECT * FROM audit_log WHERE id = 1').get();
    expect(first).toMatchObject({
      at: '2025-03-01T08:00:00.000Z',
      staff_id: 1,
      action: 'person.view',
      subject_kind: 'person',
      subject_ref: 'p1',
      detail: '{"screen":"case","n":1}',
    });
    expect((first as { hash: string }).hash).toMatch(new RegExp(`^${keys.current.keyId}:[\\w-]{43}$`));
    expect(db.prepare('SELECT detail FROM audit_log WHERE id = 2').pluck().get()).toBe('{}');
  });

  it('verifies an empty log', () => {
    expect(new AuditLog({ db: new StationData(freshDatabase()), keys, clock: testClock }).verify()).toEqual({ ok: true, entries: 0 });
  });

  it.each([
    ['the action', "UPDATE audit_log SET action = 'person.print' WHERE id = 3"],
    ['the time', "UPDATE audit_log SET at = '2025-03-01T09:00:00.000Z' WHERE id = 3"],
    ['the staff member', 'UPDATE audit_log SET staff_id = NULL WHERE id = 3'],
    ['the subject', "UPDATE audit_log SET subject_ref = 'p9' WHERE id = 3"],
    ['the detail', `UPDATE audit_log SET detail = '{"screen":"case","n":4}' WHERE id = 3`],
  ])('detects an edit of %s in the middle', (_what, sql) => {
    const db = freshDatabase();
    const log = logWithEntries(db);
    tamper(db, sql);
    expect(log.verify()).toEqual({ ok: false, entries: 2, brokenAt: 3, reason: 'hash-mismatch' });
  });

  it('detects a deleted entry in the middle or at the start', () => {
    const db = freshDatabase();
    const log = logWithEntries(db);
    tamper(db, 'DELETE FROM audit_log WHERE id = 3');
    expect(log.verify()).toEqual({ ok: false, entries: 2, brokenAt: 4, reason: 'hash-mismatch' });
    tamper(db, 'DELETE FROM audit_log WHERE id = 1');
    expect(verifyAuditChain(new StationData(db), keys)).toEqual({ ok: false, entries: 0, brokenAt: 2, reason: 'hash-mismatch' });
  });

  it('detects entries renumbered to close the gap a deletion left', () => {
    const db = freshDatabase();
    const log = logWithEntries(db);
    tamper(db, 'DELETE FROM audit_log WHERE id = 3; UPDATE audit_log SET id = id - 1 WHERE id > 3');
    expect(log.verify()).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('detects an entry written without the station key', () => {
    const db = freshDatabase();
    const log = logWithEntries(db);
    new AuditLog({ db: new StationData(db), keys: stationKeys('station B'), clock: testClock }).record({ staffId: null, action: 'forged' });
    expect(log.verify()).toEqual({ ok: false, entries: 5, brokenAt: 6, reason: 'unknown-key' });
  });

  it('keeps verifying across a key rotation', () => {
    const db = freshDatabase();
    logWithEntries(db);
    const rotated = new StationKeys(masterKey('next'), [masterKey('station A')]);
    new AuditLog({ db: new StationData(db), keys: rotated, clock: testClock }).record({ staffId: null, action: 'after-rotation' });
    expect(verifyAuditChain(new StationData(db), rotated)).toEqual({ ok: true, entries: 6 });
  });

  it('commits and rolls back with the caller’s transaction', () => {
    const db = freshDatabase();
    const log = logWithEntries(db);
    expect(() =>
      db.transaction(() => {
        log.record({ staffId: null, action: 'person.view', subjectRef: 'p7' });
        throw new Error('the change being audited failed');
      })(),
    ).toThrow(/failed/);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(5);
    db.transaction(() => log.record({ staffId: null, action: 'person.view', subjectRef: 'p8' }))();
    expect(log.verify()).toEqual({ ok: true, entries: 6 });
  });
});
