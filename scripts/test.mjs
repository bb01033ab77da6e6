// `npm test`: everything a change must pass — build, type-check, lint, then every vitest suite (unit, device,
// printer, browser), then the date-sensitive suites again on three other days — ending in one "N passed, N failed"
// line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const step = (name, cmd, args) => {
  console.log(`\n== ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.log(`\n${name} failed`);
    process.exit(r.status ?? 1);
  }
};

const npx = (bin) => join('node_modules', '.bin', bin);

step('build', process.execPath, ['scripts/build.mjs']);
step('typecheck', npx('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
step('typecheck renderer', npx('tsc'), ['-p', 'renderer/tsconfig.json', '--noEmit']);
step('lint', npx('eslint'), ['.']);

/**
 * The suites that care what day it is, run again on other days with every process's clock pinned by
 * DOORSTEP_CLOCK (contract/domain/clock.ts): a day in December with the official calendar about to end, a day in
 * a year without an official schedule, and one years ahead. With files named on the command line, none of this.
 */
const OTHER_DAYS = ['2026-12-20T10:00:00+08:00', '2027-06-15T10:00:00+08:00', '2030-02-01T10:00:00+08:00'];
const DATED_SUITES = [
  'tests/core/cases',
  'tests/core/documents',
  'tests/core/sync',
  'tests/sync',
  'tests/cli',
  'tests/township',
  'tests/e2e/window-intake.test.ts',
  'tests/e2e/window-receipt.test.ts',
  'tests/e2e/kiosk-apply.test.ts',
  'tests/e2e/sync-loop.test.ts',
  'tests/e2e/provisional-deadline.test.ts',
  'tests/e2e/kiosk-eligibility.test.ts',
];

/** One vitest run; returns its exit status and its counts. */
function vitest(label, args, env = {}) {
  const report = join(mkdtempSync(join(tmpdir(), 'doorstep-test-')), 'vitest.json');
  console.log(`\n== ${label}`);
  const run = spawnSync(npx('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  let summary;
  try {
    summary = JSON.parse(readFileSync(report, 'utf8'));
  } catch {
    return { status: run.status ?? 1, passed: 0, failed: 1, skipped: 0 };
  }
  // A file that fails before its tests run (a hook, an import) fails no single test: count it as a failure too.
  const failedFiles = summary.testResults.filter(
    (f) => f.status === 'failed' && f.assertionResults.every((a) => a.status !== 'failed'),
  ).length;
  return {
    status: run.status ?? 1,
    passed: summary.numPassedTests,
    failed: summary.numFailedTests + failedFiles,
    skipped: summary.numPendingTests + summary.numTodoTests,
  };
}

const named = process.argv.slice(2);
const runs = [vitest('tests', named)];
if (named.length === 0) {
  for (const day of OTHER_DAYS) {
    // The `@now` form keeps every process this run starts (stations, townships, device processes) on one timeline.
    runs.push(vitest(`tests again on ${day.slice(0, 10)} (DOORSTEP_CLOCK)`, DATED_SUITES, { DOORSTEP_CLOCK: `${day}@${Date.now()}` }));
  }
}
const total = (k) => runs.reduce((sum, r) => sum + r[k], 0);
console.log(`\n${total('passed')} passed, ${total('failed')} failed, ${total('skipped')} skipped`);
process.exit(runs.every((r) => r.status === 0) ? 0 : 1);
