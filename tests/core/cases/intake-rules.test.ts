import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseMaterialInput } from '../../../contract/domain/cases.ts';
import { openTestStation, type TestStation } from '../../helpers/station.ts';
import { fakeScan, intakeFor, validForm } from '../../helpers/intake.ts';
import { tempDir } from '../../helpers/tmp.ts';

// The rules the screens follow, enforced by the core itself: a direct call that breaks one is refused with a typed
// error and writes nothing. Mon 2025-03-03, 10:00 in China.
let station: TestStation;
const clerk = { staffId: 1, role: 'clerk' as const };

beforeEach(async () => {
  station = openTestStation({ dataDir: tempDir(), mode: 'web', clock: () => new Date('2025-03-03T02:00:00Z') });
  await station.staff.create({ displayName: '李文', role: 'admin', pin: '246813' }, 'bootstrap');
});
afterEach(async () => {
  await station.close();
});

const matter = (code: string) => station.catalog.matter(code);
const cases = () => (station.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;

/** Every material handed in, except `id` promised for `dueDate` under 容缺. */
function promising(code: string, id: string, dueDate: string) {
  const m = matter(code);
  const input = intakeFor(m, station.attachments, validForm(m, '2025-03-03'));
  const promise: CaseMaterialInput = { materialId: id, status: 'promised', dueDate, promiseSignature: fakeScan(station.attachments, 'promise', 'signature') };
  return { ...input, materials: input.materials.map((x) => (x.materialId === id ? promise : x)) };
}

const DISABILITY = '430000-CL-0022'; // 残疾人证新办: 容缺 allowed; photos required, medical records secondary
const VETERAN = '430000-TY-0027'; // 退役军人优待证: self-service, 容缺 allowed for the secondary service proof
const RESIDENCE = '430000-GA-0504'; // 居住证申领: no 代办

describe('intake rules in the core', () => {
  it('refuses 容缺 on a required material', () => {
    expect(() => station.cases.intake(promising(DISABILITY, 'photos', '2025-03-07'), clerk)).toThrow(
      expect.objectContaining({ code: 'cases.rongque-required-material', kind: 'input', params: { material: expect.stringContaining('照片') } }),
    );
    expect(cases()).toBe(0);
    // The same promise on the secondary material is taken.
    expect(station.cases.intake(promising(DISABILITY, 'medical-records', '2025-03-07'), clerk).created).toBe(true);
  });

  it('refuses 容缺 from the kiosk, even for a self-service matter that allows it at the window', () => {
    const kiosk = { ...promising(VETERAN, 'service-proof', '2025-03-07'), channel: 'kiosk' as const };
    expect(() => station.cases.intake(kiosk, null)).toThrow(expect.objectContaining({ code: 'cases.rongque-at-kiosk' }));
    expect(cases()).toBe(0);
    expect(station.cases.intake({ ...kiosk, channel: 'window' }, clerk).created).toBe(true);
  });

  it('refuses a 代办 intake for a matter that must be applied for in person', () => {
    const m = matter(RESIDENCE);
    expect(m.proxyAllowed).toBe(false);
    const proxied = intakeFor(m, station.attachments, validForm(m, '2025-03-03'), {
      proxy: { mandateSignature: fakeScan(station.attachments, 'mandate', 'signature'), advancedFees: [] },
    });
    expect(() => station.cases.intake(proxied, clerk)).toThrow(expect.objectContaining({ code: 'cases.proxy-not-allowed', params: { matter: m.name } }));
    expect(cases()).toBe(0);
  });

  it('bounds a 容缺 due date: not before today, not past 20 working days', () => {
    // Mon 2025-03-03 + 20 working days: 3/4–3/7 (4), 3/10–14 (9), 3/17–21 (14), 3/24–28 (19), Mon 3/31 (20).
    const tooLate = () => station.cases.intake(promising(DISABILITY, 'medical-records', '2025-04-01'), clerk);
    expect(tooLate).toThrow(expect.objectContaining({ code: 'cases.bad-due-date', params: expect.objectContaining({ latest: '2025-03-31', days: 20 }) }));
    expect(() => station.cases.intake(promising(DISABILITY, 'medical-records', '2025-03-02'), clerk)).toThrow(expect.objectContaining({ code: 'cases.bad-due-date' }));
    expect(cases()).toBe(0);
    expect(station.cases.intake(promising(DISABILITY, 'medical-records', '2025-03-31'), clerk).created).toBe(true);
  });
});
