import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { HolidayCalendar } from '../../../electron/contract/calendar.ts';

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

// Two years in the upstream shape; 2023.json carries a day of 2022, 2024.json one of 2023 (as notices do for 元旦).
const twoYears = {
  2023: {
    papers: ['http://www.gov.cn/zhengce/zhengceku/2022-12/08/content_5730844.htm'],
    days: [
      { name: '元旦', date: '2022-12-31', isOffDay: true },
      { name: '元旦', date: '2023-01-02', isOffDay: true },
      { name: '春节', date: '2023-01-28', isOffDay: false },
    ],
  },
  2024: {
    papers: ['https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm'],
    days: [
      { name: '元旦', date: '2023-12-30', isOffDay: false }, // a Saturday
      { name: '元旦', date: '2024-01-01', isOffDay: true },
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
    expect(calendar.days.map((d) => d.date)).toEqual(['2023-01-02', '2023-01-28', '2023-12-30', '2024-01-01']);
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

  it('stops when the upstream licence is no longer MIT', () => {
    const run = runImport(upstream(twoYears, 'All rights reserved\n'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no longer MIT');
  });
});
