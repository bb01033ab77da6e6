import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, methodNames, type MethodName } from '../../../contract/api/api.ts';
import { ROLES, type Role } from '../../../contract/domain/roles.ts';
import { openTestStation, type TestStation } from '../../helpers/station.ts';
import { testClock } from '../../helpers/clock.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Who may call what, written out by hand: changing a method's declaration means changing this table too, on
// purpose. "kiosk" is anyone at the kiosk (no sign-in) and every staff member; "none" is anyone at all.
const EXPECTED: Record<MethodName, 'none' | 'kiosk' | 'operator' | readonly Role[]> = {
  appInfo: 'none',
  catalogLifeEvents: 'none',
  catalogList: 'none',
  catalogSearch: 'none',
  catalogGuide: 'none',
  catalogImport: 'operator',
  catalogExport: 'operator',
  guidePrint: 'kiosk',
  guideDocument: 'none',
  devicesList: ROLES,
  idcardRead: 'kiosk',
  kioskVisitEnd: 'kiosk',
  sigpadStart: ROLES,
  sigpadClear: ROLES,
  sigpadConfirm: ROLES,
  sigpadCancel: ROLES,
  signatureSave: 'kiosk',
  cameraSavePage: 'kiosk',
  attachmentPreview: 'kiosk',
  faceCheckStart: 'kiosk',
  faceCheckFrame: 'kiosk',
  faceCheckEnd: 'kiosk',
  faceCheckConfirm: ['clerk', 'admin'],
  faceModel: ['technician', 'admin'],
  faceTest: ['technician'],
  simulatedCardPlace: ['technician'],
  photoMake: 'kiosk',
  photoFromCard: 'kiosk',
  photoPrint: 'kiosk',
  photoKeep: 'kiosk',
  photoDrop: 'kiosk',
  printerTestPage: ['technician'],
  staffList: 'none',
  staffAdd: 'operator',
  staffLogin: 'none',
  staffLogout: ROLES,
  applicantCheck: 'kiosk',
  caseIntake: 'kiosk',
  caseList: ['clerk', 'agent', 'admin'],
  caseFind: ['clerk', 'agent', 'admin'],
  caseGet: ['clerk', 'agent', 'admin'],
  caseTransition: ['clerk', 'agent', 'admin'],
  caseSupply: ['clerk', 'agent', 'admin'],
  caseProgress: 'kiosk',
  docPrint: 'kiosk',
  docRender: ['clerk', 'agent', 'admin'],
  noticePrint: 'kiosk',
  workingDays: 'none',
  deadline: 'none',
  storageStatus: ['admin', 'technician'],
  calendarStatus: 'none',
  syncStatus: ROLES,
  syncNow: ROLES,
  syncRun: ['admin', 'technician'],
  syncEnroll: ['admin', 'technician'],
};

const AUTH_CODES = ['auth.sign-in-needed', 'auth.role-needed', 'auth.operator-only'];

let station: TestStation;
const dataDir = mkdtempSync(join(tmpdir(), 'doorstep-auth-'));
const sessions = new Map<Role, string>();
let ended = '';

beforeAll(async () => {
  station = openTestStation({ dataDir, mode: 'web', clock: testClock });
  const pins: Record<Role, string> = { admin: '246813', technician: '135792', clerk: '975318', agent: '864208' };
  // Only a technician adds a technician: the first account is the technician's, who adds the others.
  const technician = await station.staff.create({ displayName: '运维', role: 'technician', pin: pins.technician }, 'bootstrap');
  const boss = await station.staff.login(technician, pins.technician);
  const ids: Record<Role, number> = {
    admin: await station.staff.create({ displayName: '站长', role: 'admin', pin: pins.admin }, boss),
    technician,
    clerk: await station.staff.create({ displayName: '窗口', role: 'clerk', pin: pins.clerk }, boss),
    agent: await station.staff.create({ displayName: '代办', role: 'agent', pin: pins.agent }, boss),
  };
  for (const role of ROLES) sessions.set(role, (await station.staff.login(ids[role], pins[role])).token);
  const gone = await station.staff.login(ids.clerk, pins.clerk);
  station.staff.logout(gone.token);
  ended = gone.token;
}, 60_000);

afterAll(async () => {
  await station?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The error code of a call with an empty input, or null when it got past auth (it may still fail on its input). */
async function refusal(name: MethodName, session: string | null, transport: 'http' | 'ipc' = 'http'): Promise<string | null> {
  // staffLogout would end the session the other cases use: it is checked with a session of its own below.
  const reply = await station.call(name, {}, { transport, session });
  if (reply.ok) return null;
  return AUTH_CODES.includes(reply.error.code) || reply.error.code === 'staff.session-expired' ? reply.error.code : null;
}

describe('the method table', () => {
  it('declares who may call every method, as the table above says', () => {
    for (const name of methodNames) {
      const auth = api[name].auth;
      const declared = auth.kind === 'staff' ? [...auth.roles].sort() : auth.kind;
      const expected = EXPECTED[name];
      expect(declared, name).toEqual(typeof expected === 'string' ? expected : [...expected].sort());
    }
  });

  it.each(methodNames.filter((n) => n !== 'staffLogout'))('%s refuses every caller it does not allow, and lets the others through', async (name) => {
    const expected = EXPECTED[name];
    // Nobody signed in, over both transports the screens use.
    for (const transport of ['http', 'ipc'] as const) {
      const anonymous = await refusal(name, null, transport);
      if (expected === 'none' || expected === 'kiosk') expect(anonymous, `${name} without a session`).toBeNull();
      else if (expected === 'operator') expect(anonymous).toBe('auth.operator-only');
      else expect(anonymous).toBe('auth.sign-in-needed');
    }
    for (const role of ROLES) {
      const answer = await refusal(name, sessions.get(role)!);
      if (expected === 'operator') expect(answer, `${name} as ${role}`).toBe('auth.operator-only');
      else if (typeof expected === 'string' || expected.includes(role)) expect(answer, `${name} as ${role}`).toBeNull();
      else expect(answer, `${name} as ${role}`).toBe('auth.role-needed');
    }
    // A session that has ended is said to have ended, even where none is needed.
    expect(await refusal(name, ended), `${name} with an ended session`).toBe(expected === 'operator' ? 'auth.operator-only' : 'staff.session-expired');
    // The station's own shell may call everything.
    expect(await station.call(name, {}, { transport: 'cli' }).then((r) => (r.ok ? 'ok' : r.error.code)), `${name} as the operator`).not.toMatch(/^auth\./);
  });

  it('staffLogout ends the session it carries, and only a session may be ended', async () => {
    const clerk = sessions.get('clerk')!;
    expect(await refusal('staffLogout', null)).toBe('auth.sign-in-needed');
    expect((await station.call('staffLogout', {}, { transport: 'http', session: clerk })).ok).toBe(true);
    expect(await refusal('caseList', clerk)).toBe('staff.session-expired');
  });

  it('audits every call the operator makes', async () => {
    const before = (station.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'operator.call'").get() as { n: number }).n;
    await station.call('calendarStatus', {}, { transport: 'cli' });
    const rows = station.db.prepare("SELECT detail FROM audit_log WHERE action = 'operator.call' ORDER BY id DESC LIMIT 1").all() as { detail: string }[];
    expect((station.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'operator.call'").get() as { n: number }).n).toBe(before + 1);
    expect(JSON.parse(rows[0]!.detail)).toEqual({ method: 'calendarStatus' });
  });
});
