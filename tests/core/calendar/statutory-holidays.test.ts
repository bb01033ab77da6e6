import { describe, expect, it } from 'vitest';
import { STATUTORY_RULES, StatutoryRules, statutoryDays } from '../../../contract/domain/calendar/statutory-holidays.ts';
import { calendarFile } from './helpers.ts';

// Expected days come from the regulation and published almanacs (春节, 端午, 中秋 as lunar dates; 清明 as the solar
// term), written out by hand, not computed by the code under test.
const dates = (year: number) => statutoryDays(year).map((d) => `${d.date.slice(5)} ${d.name}`);

describe('statutory holidays (《全国年节及纪念日放假办法》)', () => {
  it('the shipped rules pass their schema and reach at least 2035', () => {
    const rules = StatutoryRules.parse(JSON.parse(calendarFile('statutory-holidays.json')));
    expect(rules.provisionalThrough).toBeGreaterThanOrEqual(2035);
    expect(rules.editions.map((e) => e.from)).toEqual([2014, 2025]);
  });

  it('2024, under the 2013 amendment: 11 days, 春节 from 初一, 劳动节 one day', () => {
    expect(dates(2024)).toEqual([
      '01-01 元旦', '02-10 春节', '02-11 春节', '02-12 春节', '04-04 清明节', '05-01 劳动节', '06-10 端午节',
      '09-17 中秋节', '10-01 国庆节', '10-02 国庆节', '10-03 国庆节',
    ]);
  });

  it('2025 on, under the 2024 amendment: 13 days, 春节 from 除夕, 劳动节 two days', () => {
    expect(dates(2027)).toEqual([
      '01-01 元旦', '02-05 春节', '02-06 春节', '02-07 春节', '02-08 春节', '04-05 清明节', '05-01 劳动节',
      '05-02 劳动节', '06-09 端午节', '09-15 中秋节', '10-01 国庆节', '10-02 国庆节', '10-03 国庆节',
    ]);
    for (let year = 2025; year <= STATUTORY_RULES.provisionalThrough; year++) expect(statutoryDays(year), String(year)).toHaveLength(13);
  });

  it.each([
    // year, 除夕, 端午, 中秋, 清明
    [2028, '01-25', '05-28', '10-03', '04-04'],
    [2029, '02-12', '06-16', '09-22', '04-04'],
    [2030, '02-02', '06-05', '09-12', '04-05'],
    [2035, '02-07', '06-10', '09-16', '04-05'],
  ])('%i: 除夕 %s, 端午 %s, 中秋 %s, 清明 %s', (year, eve, dragon, moon, qingming) => {
    const days = dates(year);
    expect(days.filter((d) => d.endsWith('春节'))[0]).toBe(`${eve} 春节`);
    expect(days).toContain(`${dragon} 端午节`);
    expect(days).toContain(`${moon} 中秋节`);
    expect(days).toContain(`${qingming} 清明节`);
  });

  it('a year before the first edition has no statutory days to check against', () => {
    expect(statutoryDays(2010)).toEqual([]);
  });
});
