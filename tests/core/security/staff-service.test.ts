import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { testClock } from '../../helpers/clock.ts';
import { StationData } from '../../../db/station-data.ts';
import { AuditLog } from '../../../electron/core/security/audit-log.ts';
import { hashPin } from '../../../electron/core/security/pin.ts';
import { requireRole, StaffService, type Session } from '../../../electron/core/security/staff-service.ts';
import { FakeClock, freshDatabase, stationKeys } from './helpers.ts';

const keys = stationKeys();
const MINUTE = 60_000;
/** Cheap hashes keep these tests quick; pin.test.ts covers the real cost. */
const pinCost = { logN: 11, r: 8, p: 1 };

interface Setup {
  db: Database;
  clock: FakeClock;
  audit: AuditLog;
  staff: StaffService;
  admin: Session;
}

/** A station with one admin (PIN 246810) signed in. */
async function station(): Promise<Setup> {
  const db = freshDatabase();
  const clock = new FakeClock();
  const data = new StationData(db);
  const audit = new AuditLog({ db: data, keys, clock: clock.now });
  const staff = new StaffService({ db: data, keys, audit, clock: clock.now, pinCost });
  const id = await staff.create({ displayName: '李站长', role: 'admin', pin: '246810' }, 'bootstrap');
  return { db, clock, audit, staff, admin: await staff.login(id, '246810') };
}

interface Entry {
  action: string;
  staffId: number | null;
  subjectRef: string;
  detail: string;
}
const auditActions = (db: Database) =>
  db.prepare('SELECT action, staff_id AS staffId, subject_ref AS subjectRef, detail FROM audit_log ORDER BY id').all() as Entry[];

describe('StaffService accounts', () => {
  it('bootstraps the first admin only while there is nobody', async () => {
    const { staff } = await station();
    const second = staff.create({ displayName: '王', role: 'technician', pin: '135790' }, 'bootstrap');
    await expect(second).rejects.toMatchObject({ code: 'staff.forbidden' });
  });

  it('does not bootstrap a clerk, who could add nobody after', async () => {
    const db = freshDatabase();
    const data = new StationData(db);
    const staff = new StaffService({ db: data, keys, audit: new AuditLog({ db: data, keys, clock: testClock }), clock: testClock, pinCost });
    await expect(staff.create({ displayName: '王', role: 'clerk', pin: '135790' }, 'bootstrap')).rejects.toMatchObject({
      code: 'staff.forbidden',
    });
  });

  it('stores the name sealed and lists it decrypted', async () => {
    const { db, staff, admin } = await station();
    const id = await staff.create({ displayName: ' 张小红 ', role: 'clerk', pin: '135790' }, admin);
    const stored = db.prepare('SELECT display_name, pin_hash FROM staff WHERE id = ?').get(id) as Record<string, string>;
    expect(JSON.stringify(stored)).not.toMatch(/张小红|135790/);
    expect(staff.list()).toEqual([
      { id: 1, displayName: '李站长', role: 'admin', active: true, lockedUntil: null },
      { id, displayName: '张小红', role: 'clerk', active: true, lockedUntil: null },
    ]);
    expect(auditActions(db).filter((e) => e.action === 'staff.create')).toEqual([
      { action: 'staff.create', staffId: null, subjectRef: '1', detail: '{"role":"admin"}' },
      { action: 'staff.create', staffId: 1, subjectRef: String(id), detail: '{"role":"clerk"}' },
    ]);
  });

  it('lets only admins and technicians add staff, and only technicians add technicians', async () => {
    const { staff, admin } = await station();
    const clerkId = await staff.create({ displayName: '张', role: 'clerk', pin: '135790' }, admin);
    const clerk = await staff.login(clerkId, '135790');
    await expect(staff.create({ displayName: '赵', role: 'agent', pin: '975310' }, clerk)).rejects.toMatchObject({
      code: 'staff.forbidden',
    });
    await expect(staff.create({ displayName: '赵', role: 'technician', pin: '975310' }, admin)).rejects.toMatchObject({
      code: 'staff.forbidden',
    });
    await expect(staff.create({ displayName: '赵', role: 'admin', pin: '975310' }, admin)).resolves.toBe(3);
  });

  it('refuses a weak PIN and a bad name as input errors', async () => {
    const { staff, admin } = await station();
    await expect(staff.create({ displayName: '张', role: 'clerk', pin: '111111' }, admin)).rejects.toMatchObject({
      code: 'security.weak-pin',
      kind: 'input',
    });
    await expect(staff.create({ displayName: '  ', role: 'clerk', pin: '135790' }, admin)).rejects.toMatchObject({
      code: 'error.validation',
    });
  });
});

describe('StaffService sign-in', () => {
  it('signs in with the right PIN, resetting the count, and audits it', async () => {
    const { db, staff, clock } = await station();
    const wrong = { code: 'staff.wrong-pin', params: { attemptsLeft: 4 } };
    await expect(staff.login(1, '000001')).rejects.toMatchObject(wrong);
    const session = await staff.login(1, '246810');
    expect(session).toEqual({
      token: expect.stringMatching(/^[\w-]{43}$/),
      staffId: 1,
      role: 'admin',
      expiresAt: new Date(clock.now().getTime() + 15 * MINUTE).toISOString(),
    });
    await expect(staff.login(1, '000001')).rejects.toMatchObject({ params: { attemptsLeft: 4 } });
    expect(auditActions(db).map((e) => e.action)).toEqual([
      'staff.create',
      'staff.login',
      'staff.login-failed',
      'staff.login',
      'staff.login-failed',
    ]);
  });

  it('locks after five wrong PINs for five minutes, even against the right PIN, then opens again', async () => {
    const { db, staff, clock, audit } = await station();
    for (const left of [4, 3, 2, 1]) {
      const wrong = { code: 'staff.wrong-pin', params: { attemptsLeft: left } };
      await expect(staff.login(1, '999999')).rejects.toMatchObject(wrong);
      clock.advance(1000);
    }
    const until = new Date(clock.now().getTime() + 5 * MINUTE).toISOString();
    await expect(staff.login(1, '999999')).rejects.toMatchObject({ code: 'staff.locked', params: { until, minutes: 5 } });
    clock.advance(2 * MINUTE + 1000);
    await expect(staff.login(1, '246810')).rejects.toMatchObject({ code: 'staff.locked', params: { until, minutes: 3 } });
    expect(staff.list()[0]!.lockedUntil).toBe(until);
    clock.advance(3 * MINUTE);
    await expect(staff.login(1, '246810')).resolves.toMatchObject({ staffId: 1 });
    const failures = auditActions(db).filter((e) => e.action === 'staff.login-failed');
    expect(failures.map((e) => JSON.parse(e.detail).reason)).toEqual([
      'staff.wrong-pin',
      'staff.wrong-pin',
      'staff.wrong-pin',
      'staff.wrong-pin',
      'staff.wrong-pin',
      'staff.locked',
    ]);
    expect(JSON.parse(failures[4]!.detail)).toEqual({ reason: 'staff.wrong-pin', until, minutes: 5 });
    expect(failures.every((e) => e.staffId === 1 && e.subjectRef === '1')).toBe(true);
    expect(audit.verify()).toMatchObject({ ok: true });
  });

  it('lifts a lockout when an admin resets the PIN', async () => {
    const { staff, admin } = await station();
    const id = await staff.create({ displayName: '张', role: 'clerk', pin: '135790' }, admin);
    for (let i = 0; i < 5; i++) await staff.login(id, '999999').catch(() => undefined);
    await expect(staff.login(id, '135790')).rejects.toMatchObject({ code: 'staff.locked' });
    await staff.resetPin(id, '975310', admin);
    await expect(staff.login(id, '975310')).resolves.toMatchObject({ staffId: id, role: 'clerk' });
  });

  it('refuses unknown and deactivated staff, and audits both', async () => {
    const { db, staff, admin } = await station();
    const id = await staff.create({ displayName: '张', role: 'clerk', pin: '135790' }, admin);
    const session = await staff.login(id, '135790');
    staff.deactivate(id, admin);
    expect(() => staff.resolve(session.token)).toThrow(expect.objectContaining({ code: 'staff.session-expired' }));
    await expect(staff.login(id, '135790')).rejects.toMatchObject({ code: 'staff.inactive' });
    await expect(staff.login(42, '135790')).rejects.toMatchObject({ code: 'staff.unknown', params: { staffId: 42 } });
    expect(auditActions(db).slice(-3)).toEqual([
      { action: 'staff.deactivate', staffId: 1, subjectRef: String(id), detail: '{}' },
      { action: 'staff.login-failed', staffId: id, subjectRef: `${id}`, detail: `{"reason":"staff.inactive","staffId":${id}}` },
      { action: 'staff.login-failed', staffId: null, subjectRef: '42', detail: `{"reason":"staff.unknown","staffId":42}` },
    ]);
  });

  it('rehashes a PIN made with a lower cost at the next good sign-in', async () => {
    const { db, staff } = await station();
    db.prepare('UPDATE staff SET pin_hash = ? WHERE id = 1').run(await hashPin(keys, '246810', { logN: 10, r: 8, p: 1 }));
    await staff.login(1, '246810');
    expect(db.prepare('SELECT pin_hash FROM staff WHERE id = 1').pluck().get()).toMatch(/\$ln=11,r=8,p=1\$/);
    await expect(staff.login(1, '246810')).resolves.toMatchObject({ staffId: 1 });
  });
});

describe('StaffService sessions', () => {
  it('end after 15 idle minutes, each use restarting the count', async () => {
    const { staff, admin, clock } = await station();
    clock.advance(14 * MINUTE);
    expect(staff.resolve(admin.token).expiresAt).toBe(new Date(clock.now().getTime() + 15 * MINUTE).toISOString());
    clock.advance(14 * MINUTE);
    expect(staff.resolve(admin.token).staffId).toBe(1);
    clock.advance(15 * MINUTE);
    expect(() => staff.resolve(admin.token)).toThrow(expect.objectContaining({ code: 'staff.session-expired' }));
  });

  it('cannot be made up or used after logout', async () => {
    const { db, staff, admin } = await station();
    const forged: Session = { ...admin, token: 'made-up' };
    await expect(staff.create({ displayName: '赵', role: 'clerk', pin: '975310' }, forged)).rejects.toMatchObject({
      code: 'staff.session-expired',
    });
    staff.logout(admin.token);
    expect(() => staff.resolve(admin.token)).toThrow(expect.objectContaining({ code: 'staff.session-expired' }));
    expect(auditActions(db).at(-1)).toMatchObject({ action: 'staff.logout', staffId: 1 });
  });
});

describe('requireRole', () => {
  const session: Session = { token: 't', staffId: 1, role: 'clerk', expiresAt: '' };
  it('passes a listed role and refuses any other with staff.forbidden', () => {
    expect(() => requireRole(session, 'clerk', 'agent')).not.toThrow();
    expect(() => requireRole(session, 'admin')).toThrow(
      expect.objectContaining({ code: 'staff.forbidden', params: { role: 'clerk' } }),
    );
  });
});
