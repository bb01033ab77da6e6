// `npm test`: everything a change must pass — build, type-check, lint, then every vitest suite (unit, device,
// printer, browser) — ending in one plain "N passed, N failed" line.
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

const report = join(mkdtempSync(join(tmpdir(), 'doorstep-test-')), 'vitest.json');
console.log('\n== tests');
const run = spawnSync(npx('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
let summary;
try {
  summary = JSON.parse(readFileSync(report, 'utf8'));
} catch {
  summary = undefined;
}
if (summary) {
  // A file that fails before its tests run (a hook, an import) fails no single test: count it as a failure too.
  const failedFiles = summary.testResults.filter(
    (f) => f.status === 'failed' && f.assertionResults.every((a) => a.status !== 'failed'),
  ).length;
  const failed = summary.numFailedTests + failedFiles;
  console.log(`\n${summary.numPassedTests} passed, ${failed} failed, ${summary.numPendingTests + summary.numTodoTests} skipped`);
}
process.exit(run.status ?? 1);
