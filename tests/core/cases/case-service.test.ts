import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../contract/domain/errors.ts';
import { BlacklistedError, MaterialError, MaterialsMissingError, UnknownCaseError } from '../../../electron/core/cases/case-errors.ts';
import { CaseService } from '../../../electron/core/cases/case-service.ts';
import { chinaDay } from '../../../contract/domain/clock.ts';
import { TransitionError } from '../../../electron/core/cases/state-machine.ts';
import { StepNotRoleError, StepNotStationError } from '../../../electron/core/cases/case-errors.ts';
import { AuditLog } from '../../../electron/core/security/audit-log.ts';
import { FieldCipher } from '../../../electron/core/security/field-cipher.ts';
import { openTestStation, type TestStation } from '../../helpers/station.ts';
import { fakeScan, intakeFor, validForm, VILLAGER } from '../../helpers/intake.ts';
import { calendar2027 } from '../../helpers/calendar-2027.ts';
import { tempDir } from '../../helpers/tmp.ts';

let station: TestStation;
let clock: Date;
let cases: CaseService;
let clerk: { staffId: number; role: 'admin' };

beforeEach(async () => {
  station = openTestStation({ dataDir: tempDir(), mode: 'web' });
  clock = new Date('2025-01-20T02:00:00Z'); // Mon 2025-01-20, 10:00 in China
  const now = () => clock;
  const audit = new AuditLog({ db: station.data, keys: station.keys, clock: now });
  cases = new CaseService({ db: station.data, keys: station.keys, cipher: new FieldCipher(station.keys), catalog: station.catalog, calendar: station.calendar, attachments: station.attachments, audit, clock: now, county: null });
  clerk = { staffId: await station.staff.create({ displayName: '李文', role: 'admin', pin: '246813' }, 'bootstrap'), role: 'admin' };
});

afterEach(async () => {
  await station.close();
});

const matter = (shortName: string) => station.catalog.current().matters.find((m) => m.shortName === shortName || m.name.includes(shortName))!;
const count = (table: string) => (station.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('intake', () => {
  it('takes a case in with a due date in working days, one event, and every material', () => {
    const aid = matter('医疗救助申请');
    const result = cases.intake(intakeFor(aid, station.attachments, validForm(aid, '2025-01-20')), clerk);
    // Mon 1-20 + 10 working days: 1-21..1-24 (4), Sun 1-26 make-up (5), Mon 1-27 (6), off 1-28..2-4, 2-5..2-7 (9), Sat 2-8 make-up (10).
    expect(result).toMatchObject({ dueDate: '2025-02-08', state: 'received', created: true });
    expect(result.caseNo).toMatch(new RegExp(`^${cases.station}-20250120-0001$`));
    const detail = cases.get(result.caseNo, clerk);
    expect(detail.applicant).toEqual(VILLAGER);
    expect(detail.materials.map((m) => m.materialId)).toEqual(aid.materials.map((m) => m.id));
    expect(detail.history.map((e) => [e.seq, e.type, e.state])).toEqual([[1, 'received', 'received']]);
    expect(detail.firstAskedBy).toBe(String(clerk.staffId));
  });

  it('makes one case of a double-tapped submit', () => {
    const elderly = matter('老年优待证');
    const input = intakeFor(elderly, station.attachments, validForm(elderly, '2025-01-20'));
    const first = cases.intake(input, null);
    const second = cases.intake(input, null);
    expect(second).toEqual({ ...first, created: false });
    expect(count('cases')).toBe(1);
    expect(count('case_events')).toBe(1);
    expect(first.dueDate).toBe('2025-01-20'); // 即办
  });

  it('refuses a case with required materials missing, naming them all, and writes nothing', () => {
    const aid = matter('医疗救助申请');
    const input = intakeFor(aid, station.attachments, validForm(aid, '2025-01-20'));
    const required = aid.materials.filter((m) => m.requirement === 'required');
    input.materials = input.materials.filter((m) => !required.some((r) => r.id === m.materialId));
    let error: unknown;
    try {
      cases.intake(input, null);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MaterialsMissingError);
    expect((error as MaterialsMissingError).missing.map((m) => m.id)).toEqual(required.map((m) => m.id));
    expect(count('cases') + count('persons') + count('case_events')).toBe(0);
  });

  it('takes 容缺 with a promise and a due date, lists it as owed, and clears it when supplied', () => {
    const m = station.catalog.current().matters.find((x) => x.rongque && x.materials.some((y) => y.requirement === 'secondary'))!;
    const input = intakeFor(m, station.attachments, validForm(m, '2025-01-20'));
    const secondary = m.materials.find((y) => y.requirement === 'secondary')!;
    input.materials = input.materials.map((x) =>
      x.materialId === secondary.id ? { materialId: x.materialId, status: 'promised' as const, dueDate: '2025-01-24', promiseSignature: fakeScan(station.attachments, 'promise', 'signature') } : x,
    );
    const { caseNo } = cases.intake(input, clerk);
    expect(cases.list('owed').map((c) => [c.caseNo, c.owed, c.owedDue])).toEqual([[caseNo, 1, '2025-01-24']]);
    const after = cases.supplyMaterial(caseNo, secondary.id, [fakeScan(station.attachments, 'late page')], clerk);
    expect(after.owed).toBe(0);
    expect(cases.list('owed')).toEqual([]);
    expect(cases.get(caseNo, null).history.map((e) => e.type)).toEqual(['received', 'materialSupplied']);
  });

  it('gives no 容缺 to a blacklisted person, and none for a matter that does not allow it', () => {
    const withRongque = station.catalog.current().matters.find((x) => x.rongque && x.materials.some((m) => m.requirement === 'secondary'))!;
    // 容缺 is for a secondary material: the first one (the matter without 容缺 may have none).
    const promised = (mm: typeof withRongque) => {
      const input = intakeFor(mm, station.attachments, validForm(mm, '2025-01-20'));
      const i = Math.max(0, mm.materials.findIndex((m) => m.requirement === 'secondary'));
      input.materials[i] = { materialId: mm.materials[i]!.id, status: 'promised', dueDate: '2025-01-24', promiseSignature: fakeScan(station.attachments, 'p', 'signature') };
      return input;
    };
    station.db.prepare("INSERT INTO blacklist (id_hash, reason, listed_at, source) VALUES (?, '提供虚假材料', '2024-06-01', 'township')").run(cases['persons'].idHash(VILLAGER.idNumber));
    expect(() => cases.intake(promised(withRongque), null)).toThrow(BlacklistedError);
    const without = station.catalog.current().matters.find((x) => !x.rongque && x.materials.length > 0)!;
    expect(() => cases.intake(promised(without), null)).toThrow(MaterialError);
    expect(count('cases')).toBe(0);
  });

  it('reports every form error at once', () => {
    const withForm = station.catalog.current().matters.find((x) => (x.form?.fields.filter((f) => f.required).length ?? 0) >= 2)!;
    let error: unknown;
    try {
      cases.intake(intakeFor(withForm, station.attachments, {}), null);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.length).toBe(withForm.form!.fields.filter((f) => f.required).length);
  });
});

describe('after intake', () => {
  it('moves through the states with one event each and refuses what cannot happen', () => {
    const card = matter('老年优待证办理'); // decided in the village
    const { caseNo } = cases.intake(intakeFor(card, station.attachments, validForm(card, '2025-01-20')), clerk);
    expect(() => cases.transition(caseNo, 'forward', clerk)).toThrow(StepNotStationError);
    for (const action of ['review', 'notice', 'approve', 'resultReady'] as const) cases.transition(caseNo, action, clerk);
    expect(() => cases.transition(caseNo, 'approve', clerk)).toThrow(TransitionError);
    cases.transition(caseNo, 'deliver', clerk, { method: 'post', trackingNo: 'SF1234567890' });
    const closed = cases.transition(caseNo, 'close', clerk);
    expect(closed.state).toBe('closed');
    const history = cases.get(caseNo, null).history;
    expect(history.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(history.find((e) => e.type === 'deliver')?.detail).toEqual({ method: 'post', trackingNo: 'SF1234567890' });
    expect(() => station.db.prepare("UPDATE case_events SET type = 'x'").run()).toThrow(/append-only/);
  });

  it('lets the station take only its own steps: the township decides 医疗救助, and an agent decides nothing', () => {
    const aid = matter('医疗救助申请'); // taken in here, forwarded, decided at the township
    const { caseNo } = cases.intake(intakeFor(aid, station.attachments, validForm(aid, '2025-01-20')), clerk);
    for (const step of ['review', 'approve', 'reject', 'requestSupplement'] as const) {
      expect(() => cases.transition(caseNo, step, clerk)).toThrow(expect.objectContaining({ code: 'cases.step-not-station', params: { matter: aid.name, step } }));
    }
    expect(cases.get(caseNo, clerk).steps).toEqual(['forward', 'withdraw']);
    expect(cases.transition(caseNo, 'forward', clerk).state).toBe('forwarded');

    const card = matter('老年优待证办理');
    const own = cases.intake(intakeFor(card, station.attachments, validForm(card, '2025-01-20')), clerk).caseNo;
    const agent = { staffId: clerk.staffId, role: 'agent' as const };
    expect(() => cases.transition(own, 'approve', agent)).toThrow(StepNotRoleError);
    expect(cases.get(own, agent).steps).toEqual(['withdraw']);
    expect(cases.get(own, clerk).steps).toEqual(['review', 'requestSupplement', 'approve', 'reject', 'withdraw']);
    expect(cases.get(own, null).history).toHaveLength(1);
  });

  it('lists overdue and due-soon cases by working days as the days pass', () => {
    const aid = matter('医疗救助申请');
    const { caseNo } = cases.intake(intakeFor(aid, station.attachments, validForm(aid, '2025-01-20')), null);
    expect(cases.list('today').map((c) => c.caseNo)).toEqual([caseNo]);
    expect(cases.list('overdue')).toEqual([]);
    clock = new Date('2025-02-06T02:00:00Z'); // Thu: due Sat 2-08 is within 3 working days
    expect(cases.list('due-soon').map((c) => c.caseNo)).toEqual([caseNo]);
    clock = new Date('2025-02-10T02:00:00Z');
    expect(cases.list('overdue').map((c) => c.caseNo)).toEqual([caseNo]);
    expect(cases.list('today')).toEqual([]);
  });

  it('finds cases by ID number, name and case number, auditing each look', () => {
    const elderly = matter('老年优待证');
    const { caseNo } = cases.intake(intakeFor(elderly, station.attachments, validForm(elderly, '2025-01-20')), null);
    const before = count('audit_log');
    expect(cases.find(VILLAGER.idNumber.toLowerCase(), clerk).map((c) => c.caseNo)).toEqual([caseNo]);
    expect(cases.find(VILLAGER.name, clerk).map((c) => c.caseNo)).toEqual([caseNo]);
    expect(cases.find(caseNo, clerk).map((c) => c.caseNo)).toEqual([caseNo]);
    expect(cases.find('李四', clerk)).toEqual([]);
    expect(count('audit_log')).toBe(before + 4);
    expect(cases.progress(VILLAGER.idNumber)).toEqual([{ caseNo, matterName: elderly.name, state: 'received', dueDate: '2025-01-20', dueProvisional: false }]);
    expect(() => cases.get('NOPE-20250101-0001', null)).toThrow(UnknownCaseError);
  });

  it('keeps names, ID numbers, addresses and answers encrypted at rest', () => {
    const aid = matter('医疗救助申请');
    cases.intake(intakeFor(aid, station.attachments, validForm(aid, '2025-01-20')), null);
    const raw = JSON.stringify([station.db.prepare('SELECT * FROM persons').all(), station.db.prepare('SELECT sealed FROM cases').all()]);
    for (const secret of [VILLAGER.name, VILLAGER.idNumber, VILLAGER.address, '13800000000']) expect(raw).not.toContain(secret);
  });
});

describe('china day', () => {
  it('is the calendar day in UTC+8 whatever the machine zone', () => {
    expect(chinaDay(new Date('2025-01-19T16:00:00Z'))).toBe('2025-01-20');
    expect(chinaDay(new Date('2025-01-19T15:59:59Z'))).toBe('2025-01-19');
  });
});

describe('least data kept', () => {
  it('removes closed cases the township has acknowledged after the retention period, with their person and files', () => {
    const elderly = matter('老年优待证');
    const { caseNo } = cases.intake(intakeFor(elderly, station.attachments, validForm(elderly, '2025-01-20')), null);
    const open = cases.intake(intakeFor(elderly, station.attachments, validForm(elderly, '2025-01-20'), { applicant: { ...VILLAGER, name: '李四', idNumber: '430702195501011298' } }), null).caseNo;
    for (const action of ['approve', 'resultReady', 'deliver', 'close'] as const) cases.transition(caseNo, action, null);
    const files = count('attachments');
    clock = new Date('2025-09-01T02:00:00Z');
    // Not yet acknowledged by the township: kept, however old.
    expect(cases.purge(180)).toBe(0);
    station.db.prepare('UPDATE case_events SET pushed_at = ?').run('2025-01-21T00:00:00Z');
    expect(cases.purge(365)).toBe(0);
    expect(cases.purge(180)).toBe(1);
    expect(() => cases.get(caseNo, null)).toThrow(UnknownCaseError);
    expect(cases.get(open, null).summary.state).toBe('received');
    expect(cases.find(VILLAGER.idNumber, null)).toEqual([]);
    expect(count('persons')).toBe(1);
    // Files the open case still refers to stay; only those of the purged case alone go.
    expect(count('attachments')).toBeLessThanOrEqual(files);
    for (const sha of cases.get(open, null).materials.flatMap((m) => m.pages)) expect(station.attachments.get(sha).bytes.length).toBeGreaterThan(0);
  });
});

describe('provisional due dates', () => {
  const lowIncome = () => matter('最低生活保障审核确认'); // 30 working days, at the window

  it('takes a case in past the official calendar with a provisional date, never refusing it', () => {
    clock = new Date('2026-12-02T02:00:00Z'); // Wed 2026-12-02
    const m = lowIncome();
    const result = cases.intake(intakeFor(m, station.attachments, validForm(m, '2026-12-02')), clerk);
    // Dec 3, 4 (2), 7–11 (7), 14–18 (12), 21–25 (17), 28–31 (21); 2027: 1/1 元旦, 1/4–1/8 (26), 1/11–1/14 (30).
    expect(result).toMatchObject({ dueDate: '2027-01-14', dueProvisional: true });
    const detail = cases.get(result.caseNo, clerk);
    expect(detail.summary).toMatchObject({ dueDate: '2027-01-14', dueProvisional: true, dueMovedFrom: null });
    expect(detail.history[0]!.detail).toMatchObject({ dueDate: '2027-01-14', dueProvisional: true });
    expect(cases.list('today', 0).map((c) => c.dueProvisional)).toEqual([true]);
  });

  it('moves each open provisional date when the township publishes the year, with an event and a place on the desk', () => {
    const m = lowIncome();
    clock = new Date('2026-12-02T02:00:00Z');
    const unmoved = cases.intake(intakeFor(m, station.attachments, validForm(m, '2026-12-02')), clerk).caseNo;
    clock = new Date('2026-12-30T02:00:00Z'); // Wed 2026-12-30
    const moving = cases.intake(intakeFor(m, station.attachments, validForm(m, '2026-12-30')), clerk);
    // Provisional: 12/31 (1), Jan (21 by 1/29), 2/1–2/4 (25), 除夕 2/5 and 初三 2/8 off, 2/9–2/12 (29), Mon 2/15 (30).
    expect(moving).toMatchObject({ dueDate: '2027-02-15', dueProvisional: true });
    const closed = cases.intake(intakeFor(m, station.attachments, validForm(m, '2026-12-30')), clerk).caseNo;
    cases.transition(closed, 'withdraw', clerk);
    const elderly = matter('老年优待证'); // 即办: the same day, exact
    const exact = cases.intake(intakeFor(elderly, station.attachments, validForm(elderly, '2026-12-30')), clerk).caseNo;
    const events = count('case_events');

    station.calendar.install(calendar2027(), 'township 2026.11.2');

    // Official: 12/31 (1), Jan (21), Sun 1/31 (22), 2/1–2/4 (26), off 2/5–2/11, 2/12 (27), 2/15–2/17 (30).
    const moved = cases.get(moving.caseNo, clerk);
    expect(moved.summary).toMatchObject({ dueDate: '2027-02-17', dueProvisional: false, dueMovedFrom: '2027-02-15' });
    expect(moved.history.at(-1)).toMatchObject({
      seq: 2,
      type: 'dueDateChanged',
      state: 'received',
      detail: { from: '2027-02-15', to: '2027-02-17', provisional: false, reason: 'calendar', calendarVersion: '2026.11.2' },
    });
    // The same day under the official schedule: no longer 预计, recorded, not listed as moved.
    expect(cases.get(unmoved, clerk).summary).toMatchObject({ dueDate: '2027-01-14', dueProvisional: false, dueMovedFrom: null });
    // A withdrawn case and an exact one are left alone.
    expect(cases.get(closed, clerk).summary).toMatchObject({ dueDate: '2027-02-15', dueProvisional: true });
    expect(cases.get(exact, clerk).history).toHaveLength(1);
    expect(count('case_events')).toBe(events + 2);
    expect(cases.list('moved').map((c) => c.caseNo)).toEqual([moving.caseNo]);
    // The new events wait in the outbox like any other.
    expect(station.sync.status().pending).toBe(count('case_events'));
  });
});
