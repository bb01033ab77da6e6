import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, eligibilityFailures } from '../../../contract/domain/eligibility.ts';

const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('age in whole years (周岁)', () => {
  it('turns on the birthday, not the day before', () => {
    expect(ageOn('1958-03-12', '2023-03-11')).toBe(64);
    expect(ageOn('1958-03-12', '2023-03-12')).toBe(65);
    expect(ageOn('2001-02-28', '2026-12-04')).toBe(25);
  });

  it('gives a 29 February birthday on 1 March in other years, on the day in leap years', () => {
    expect(ageOn('1960-02-29', '2025-02-28')).toBe(64);
    expect(ageOn('1960-02-29', '2025-03-01')).toBe(65);
    expect(ageOn('1960-02-29', '2024-02-29')).toBe(64);
  });

  it('is the number of birthdays passed, for any two days', () => {
    fc.assert(
      fc.property(day, day, (birth, today) => {
        fc.pre(birth <= today);
        const age = ageOn(birth, today);
        const [by] = birth.split('-').map(Number) as [number];
        // The birthday of year by+age has come (on or before today), that of by+age+1 has not.
        const birthday = (years: number) => {
          const [, m, d] = birth.split('-');
          const y = String(by + years).padStart(4, '0');
          const leap = (n: number) => (n % 4 === 0 && n % 100 !== 0) || n % 400 === 0;
          return m === '02' && d === '29' && !leap(by + years) ? `${y}-03-01` : `${y}-${m}-${d}`;
        };
        expect(age).toBeGreaterThanOrEqual(0);
        expect(birthday(age) <= today).toBe(true);
        expect(birthday(age + 1) > today).toBe(true);
      }),
    );
  });
});

describe('conditions the station decides', () => {
  const facts = { birthDate: '2001-02-28', address: '新疆乌鲁木齐市天山区示例路88号', today: '2026-12-04', county: '津市市' };

  it('stops a 25-year-old from 年满65周岁 and a card from elsewhere from 户籍在本县, each with what it needs', () => {
    expect(eligibilityFailures([{ kind: 'min-age', years: 65 }, { kind: 'household-in-county' }], facts)).toEqual([
      { code: 'eligibility.too-young', params: { years: 65, age: 25 } },
      { code: 'eligibility.not-local', params: { county: '津市市' } },
    ]);
  });

  it('lets a 1958 card of the county pass, and a child under 18 apply for what is for children', () => {
    const elder = { ...facts, birthDate: '1958-03-12', address: '湖南省常德市津市市示例镇测试村三组12号' };
    expect(eligibilityFailures([{ kind: 'min-age', years: 65 }, { kind: 'household-in-county' }], elder)).toEqual([]);
    expect(eligibilityFailures([{ kind: 'under-age', years: 18 }], { ...facts, birthDate: '2010-05-01' })).toEqual([]);
    expect(eligibilityFailures([{ kind: 'under-age', years: 18 }], elder)).toEqual([{ code: 'eligibility.too-old', params: { years: 18, age: 68 } }]);
  });

  it('leaves the household to a person when the station has no county set or no card was read', () => {
    expect(eligibilityFailures([{ kind: 'household-in-county' }], { ...facts, county: null })).toEqual([]);
    expect(eligibilityFailures([{ kind: 'household-in-county' }], { ...facts, address: null })).toEqual([]);
  });
});
