#!/usr/bin/env node
// Converts NateScarlet/holiday-cn's per-year files (YYYY.json + LICENSE) into a Doorstep holiday calendar.
//   node scripts/import-holidays.mjs <holiday-cn folder> [--version YYYY.M.N] [--out assets/calendar]
//     rewrites the calendar the app ships: assets/calendar/holidays-cn.json, its JSON schema and the licence;
//   node scripts/import-holidays.mjs <YYYY.json | folder> --publish <file> [--version YYYY.M.N]
//     writes one calendar version for `township admin publish calendar <file>` (the yearly step, README).
// Either way the calendar is checked as a station checks it: the schema, then the statutory holidays.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const USAGE =
  'usage: node scripts/import-holidays.mjs <holiday-cn folder> [--version YYYY.M.N] [--out folder]\n' +
  '       node scripts/import-holidays.mjs <YYYY.json | folder> --publish <file> [--version YYYY.M.N]';
const SHIPPED_LICENSE = fileURLToPath(new URL('../assets/calendar/LICENSE-holiday-cn.txt', import.meta.url));

/**
 * Reads every YYYY.json in `source` (a folder, or one such file) and returns our calendar (not yet checked). The
 * known years are the files' years, which must be consecutive. A file may list days of a neighbouring year
 * (2023.json has 2022-12-31 for 元旦): such a day is kept when its own year is known and dropped, reported in
 * `skipped`, when it is not — one stray day does not make a year known. `version` defaults to the month of the
 * newest notice, e.g. 2025.11.1. The licence is the folder's LICENSE, or the one already shipped for a lone file.
 */
function convertHolidayCn(source, { version } = {}) {
  const single = !statSync(source).isDirectory();
  const dir = single ? dirname(source) : source;
  const files = single
    ? [basename(source)].filter((f) => /^\d{4}\.json$/.test(f))
    : readdirSync(dir)
        .filter((f) => /^\d{4}\.json$/.test(f))
        .sort();
  if (files.length === 0) throw new Error(single ? `${source} is not a holiday-cn YYYY.json file` : `no YYYY.json files in ${dir}`);

  const years = [];
  const papers = [];
  const byDate = new Map();
  for (const file of files) {
    const year = Number(file.slice(0, 4));
    const data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    if (data.year !== year) throw new Error(`${file} says it is for ${data.year}`);
    if (!Array.isArray(data.days)) throw new Error(`${file} has no days[]`);
    years.push(year);
    papers.push(...(data.papers ?? []));
    for (const { date, name, isOffDay } of data.days) {
      if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`${file}: bad date ${date}`);
      const seen = byDate.get(date);
      if (seen && seen.isOffDay !== isOffDay) {
        throw new Error(`${date}: ${seen.file} and ${file} disagree on whether it is a day off`);
      }
      // Listed by two notices: the name from the notice for the day's own year wins.
      if (!seen || date.startsWith(`${year}-`)) byDate.set(date, { name, isOffDay, file });
    }
  }
  years.forEach((year, i) => {
    if (i > 0 && year !== years[i - 1] + 1) throw new Error(`${year - 1}.json is missing: years must be consecutive`);
  });

  const known = new Set(years);
  const days = [];
  const skipped = [];
  for (const [date, { name, isOffDay, file }] of [...byDate].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (known.has(Number(date.slice(0, 4)))) days.push({ date, name, isOffDay });
    else skipped.push(`${date} ${name} (${file}): its year is not covered`);
  }

  const licenseText = readFileSync(existsSync(join(dir, 'LICENSE')) ? join(dir, 'LICENSE') : SHIPPED_LICENSE, 'utf8');
  // The licence line below is written for MIT; a changed licence must be read by a person, not converted.
  if (!/^MIT License\s/.test(licenseText)) throw new Error('upstream LICENSE is no longer MIT: review it by hand');
  const copyright = /^Copyright .*$/m.exec(licenseText)?.[0] ?? 'Copyright NateScarlet';

  return {
    calendar: {
      version: version ?? versionFromPapers(papers),
      source: `holiday-cn (https://github.com/NateScarlet/holiday-cn), from the State Council notices ${papers.join(' ')}`,
      license: `MIT, ${copyright}; see LICENSE-holiday-cn.txt`,
      years,
      days,
    },
    licenseText,
    skipped,
  };
}

// Notice addresses carry their month (…/zhengceku/2022-12/08/…, …/zhengceku/202511/…): the newest names the
// version, so rerunning on the same files gives the same file.
function versionFromPapers(papers) {
  const months = papers
    .map((url) => /\/(\d{4})-?(\d{2})\//.exec(url))
    .filter((match) => match !== null)
    .map(([, y, m]) => `${y}-${m}`)
    .sort();
  const newest = months.at(-1);
  if (newest === undefined) throw new Error('cannot tell the notices’ dates: pass --version YYYY.M.N');
  const [y, m] = newest.split('-');
  return `${y}.${Number(m)}.1`;
}

async function main() {
  const { values, positionals } = parseArgs({
    options: { version: { type: 'string' }, out: { type: 'string' }, publish: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length !== 1 || (values.publish !== undefined && values.out !== undefined)) {
    console.error(USAGE);
    process.exit(2);
  }
  const outDir = values.out ?? fileURLToPath(new URL('../assets/calendar/', import.meta.url));
  let converted;
  try {
    converted = convertHolidayCn(positionals[0], { version: values.version });
  } catch (error) {
    console.error(`import-holidays: ${error.message}`);
    process.exit(1);
  }
  const { calendar, licenseText, skipped } = converted;

  // Checked with the app's own rules, so no station is sent (or ships) a calendar it would refuse.
  const { tsImport } = await import('tsx/esm/api');
  const { HolidayCalendar } = await tsImport('../contract/domain/calendar/holiday-calendar.ts', import.meta.url);
  const { statutoryIssues } = await tsImport('../contract/domain/calendar/statutory-holidays.ts', import.meta.url);
  const { z } = await tsImport('zod', import.meta.url);
  const checked = HolidayCalendar.safeParse(calendar);
  if (!checked.success) {
    console.error(z.prettifyError(checked.error));
    process.exit(1);
  }
  const unlawful = statutoryIssues(checked.data);
  if (unlawful.length > 0) {
    for (const issue of unlawful) console.error(`${issue.path}: ${issue.message}`);
    process.exit(1);
  }

  const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
  if (values.publish !== undefined) {
    writeFileSync(values.publish, json(calendar));
    for (const line of skipped) console.log(`skipped ${line}`);
    console.log(`wrote calendar ${calendar.version} (${calendar.years.join(', ')}) to ${values.publish}: publish it with township admin publish calendar ${values.publish}`);
    return;
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'holidays-cn.json'), json(calendar));
  const schema = z.toJSONSchema(HolidayCalendar, { io: 'input', unrepresentable: 'any' }); // as scripts/gen-schemas.ts
  writeFileSync(join(outDir, 'holidays-cn.schema.json'), json(schema));
  writeFileSync(join(outDir, 'LICENSE-holiday-cn.txt'), licenseText);
  for (const line of skipped) console.log(`skipped ${line}`);
  console.log(`wrote calendar ${calendar.version}: ${calendar.years.join(', ')}, ${calendar.days.length} days`);
}

await main();
