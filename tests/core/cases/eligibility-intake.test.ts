import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../../contract/api/api.ts';
import { ageOn } from '../../../contract/domain/eligibility.ts';
import type { CallContext } from '../../../electron/core/dispatch.ts';
import { testClock, testToday } from '../../helpers/clock.ts';
import { intakeFor, validForm, VILLAGER } from '../../helpers/intake.ts';
import { openTestStation, type TestStation } from '../../helpers/station.ts';
import { tempDir } from '../../helpers/tmp.ts';

// The conditions a station decides by itself, at intake and in applicantCheck, on a station serving 津市市.
const ELDERLY = '430000-WJ-0015';
type Checked = MethodOutput<'applicantCheck'>;
let station: TestStation;
let operator: CallContext;

beforeEach(() => {
  const dataDir = tempDir();
  writeFileSync(join(dataDir, 'station.json'), JSON.stringify({ county: '津市市' }));
  station = openTestStation({ dataDir, mode: 'web', clock: testClock });
  operator = { transport: 'cli' };
});

afterEach(async () => {
  await station.close();
});

const young = { ...VILLAGER, name: '阿依古丽', idNumber: '650102200102281225', gender: '女' as const, birthDate: '2001-02-28', address: '新疆乌鲁木齐市天山区示例路88号' };

describe('老年优待证 (年满65周岁, 户籍在本县)', () => {
  it('takes in a 70-year-old of 津市市', () => {
    const matter = station.catalog.matter(ELDERLY);
    expect(station.cases.eligibility(matter, VILLAGER)).toEqual([]);
    expect(station.cases.intake(intakeFor(matter, station.attachments, validForm(matter, testToday())), null).created).toBe(true);
  });

  it('refuses a 25-year-old from elsewhere with a typed error, and writes nothing', () => {
    const matter = station.catalog.matter(ELDERLY);
    expect(station.cases.eligibility(matter, young).map((f) => f.code)).toEqual(['eligibility.too-young', 'eligibility.not-local']);
    const input = intakeFor(matter, station.attachments, validForm(matter, testToday()), { applicant: young });
    expect(() => station.cases.intake(input, null)).toThrow(expect.objectContaining({ code: 'eligibility.too-young', kind: 'input', params: expect.objectContaining({ years: 65, age: ageOn(young.birthDate, testToday()) }) }));
    expect((station.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(0);
  });

  it('answers applicantCheck with the failed conditions, the birth date read from the ID number', async () => {
    const reply = await station.call('applicantCheck', { idNumber: young.idNumber, matterCode: ELDERLY }, operator);
    expect(reply.ok && (reply.value as Checked).ineligible).toEqual([{ code: 'eligibility.too-young', params: { years: 65, age: ageOn(young.birthDate, testToday()) } }]);
    const elder = await station.call('applicantCheck', { idNumber: VILLAGER.idNumber, matterCode: ELDERLY }, operator);
    expect(elder.ok && (elder.value as Checked).ineligible).toEqual([]);
  });
});
