import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { HolidayCalendar } from '../../../contract/domain/calendar/holiday-calendar.ts';

const SCRIPT = fileURLToPath(new URL('../../../scripts/import-holidays.mjs', import.meta.url));
const MIT = 'MIT License\n\nCopyright (c) 2019 NateScarlet\n\nPermission is hereby granted…\n';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

type UpstreamDay = { name: string; date: string; isOffDay: boolean };
/** A folder in holiday-cn's layout: one YYYY.json per year plus LICENSE. */
function upstream(years: Record<number, { papers: string[]; days: UpstreamDay[] }>, license = MIT): string {
  const dir = mkdtempSync(join(tmpdir(), 'holiday-cn-'));
  dirs.push(dir);
  for (const [year, file] of Object.entries(years)) {
    writeFileSync(join(dir, `${year}.json`), JSON.stringify({ year: Number(year), ...file }));
  }
  writeFileSync(join(dir, 'LICENSE'), license);
  return dir;
}

function runImport(dir: string, ...args: string[]) {
  const out = mkdtempSync(join(tmpdir(), 'calendar-out-'));
  dirs.push(out);
  const run = spawnSync(process.execPath, [SCRIPT, dir, '--out', out, ...args], { encoding: 'utf8' });
  const read = (name: string): string => readFileSync(join(out, name), 'utf8');
  return { ...run, out, read };
}

// The statutory holidays on weekdays of 2023 and 2024 (2013 rules: 春节 from 初一, 劳动节 one day), by hand: a
// calendar without them is refused, as a station would refuse it.
const STATUTORY: Record<number, UpstreamDay[]> = {
  2023: ['01-23', '01-24', '04-05', '05-01', '06-22', '09-29', '10-02', '10-03'].map((d) => ({ name: '节日', date: `2023-${d}`, isOffDay: true })),
  2024: ['01-01', '02-12', '04-04', '05-01', '06-10', '09-17', '10-01', '10-02', '10-03'].map((d) => ({ name: '节日', date: `2024-${d}`, isOffDay: true })),
};
const statutoryDates = (...years: number[]) => years.flatMap((y) => STATUTORY[y]!.map((d) => d.date));

// Two years in the upstream shape; 2023.json carries a day of 2022, 2024.json one of 2023 (as notices do for 元旦).
const twoYears = {
  2023: {
    papers: ['http://www.gov.cn/zhengce/zhengceku/2022-12/08/content_5730844.htm'],
    days: [
      { name: '元旦', date: '2022-12-31', isOffDay: true },
      { name: '元旦', date: '2023-01-02', isOffDay: true },
      { name: '春节', date: '2023-01-28', isOffDay: false },
      ...STATUTORY[2023]!,
    ],
  },
  2024: {
    papers: ['https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm'],
    days: [
      { name: '元旦', date: '2023-12-30', isOffDay: false }, // a Saturday
      ...STATUTORY[2024]!,
    ],
  },
};

describe('scripts/import-holidays.mjs', () => {
  it('merges the years, keeps neighbour days of known years, drops the rest, and versions by the newest notice', () => {
    const run = runImport(upstream(twoYears));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('skipped 2022-12-31');
    const calendar = HolidayCalendar.parse(JSON.parse(run.read('holidays-cn.json')));
    expect(calendar.version).toBe('2023.10.1');
    expect(calendar.years).toEqual([2023, 2024]);
    expect(calendar.days.map((d) => d.date)).toEqual(['2023-01-02', '2023-01-28', '2023-12-30', ...statutoryDates(2023, 2024)].sort());
    expect(calendar.source).toContain('content_6911528.htm');
    expect(calendar.license).toBe('MIT, Copyright (c) 2019 NateScarlet; see LICENSE-holiday-cn.txt');
    expect(run.read('LICENSE-holiday-cn.txt')).toBe(MIT);
    expect(JSON.parse(run.read('holidays-cn.schema.json'))).toMatchObject({ title: 'Doorstep holiday calendar' });
  });

  it('takes --version', () => {
    const run = runImport(upstream(twoYears), '--version', '2024.1.2');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.read('holidays-cn.json'))).toMatchObject({ version: '2024.1.2' });
  });

  it('refuses a gap between years', () => {
    const run = runImport(upstream({ 2023: twoYears[2023], 2025: { papers: [], days: [] } }));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('2024.json is missing');
  });

  it('refuses two notices that disagree about a day', () => {
    const conflicting = structuredClone(twoYears);
    conflicting[2023].days.push({ name: '元旦', date: '2023-12-30', isOffDay: true });
    const run = runImport(upstream(conflicting));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('2023-12-30: 2023.json and 2024.json disagree');
  });

  it('refuses data the app would refuse (a make-up working day on a weekday)', () => {
    const bad = structuredClone(twoYears);
    bad[2024].days.push({ name: '春节', date: '2024-02-14', isOffDay: false }); // a Wednesday
    const run = runImport(upstream(bad));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('make-up working day must be a Saturday or Sunday');
  });

  it('refuses a calendar that makes a statutory holiday a working day', () => {
    const bad = structuredClone(twoYears);
    bad[2024].days = bad[2024].days.filter((d) => d.date !== '2024-10-01');
    const run = runImport(upstream(bad));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('2024-10-01 (国庆节) is a statutory holiday but is not listed as a day off');
  });

  it('turns one new year’s file into a calendar version to publish, with the shipped licence', () => {
    const dir = upstream(twoYears);
    const out = join(mkdtempSync(join(tmpdir(), 'calendar-publish-')), 'calendar-2024.json');
    dirs.push(dirname(out));
    rmSync(join(dir, 'LICENSE'));
    const run = spawnSync(process.execPath, [SCRIPT, join(dir, '2024.json'), '--publish', out], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`township admin publish calendar ${out}`);
    const calendar = HolidayCalendar.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(calendar).toMatchObject({ version: '2023.10.1', years: [2024] });
    // 2023-12-30, a day of 2023 in 2024.json, is not in a calendar of 2024 alone.
    expect(calendar.days.map((d) => d.date)).toEqual(statutoryDates(2024));
    expect(calendar.license).toContain('NateScarlet');
  });

  it('stops when the upstream licence is no longer MIT', () => {
    const run = runImport(upstream(twoYears, 'All rights reserved\n'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no longer MIT');
  });
});
