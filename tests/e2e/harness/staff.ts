import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from './station.ts';

/** The first staff account of every window test: an admin, who may take cases in. */
export const CLERK = { name: '李文', role: 'admin', pin: '258036' } as const;

/** The technician of the device-page tests: the first account of their stations (only a technician adds one). */
export const TECHNICIAN = { name: '赵工', role: 'technician', pin: '147036' } as const;

/**
 * `station staff add` in a station's data directory before it serves, as the station head does on the command
 * line: the PIN goes on standard input, never in the arguments. The first account needs nobody's approval; any
 * further one is added by the first (staff 1, CLERK), whose PIN follows on the next line.
 */
export function addStaff(dataDir: string, staff: { name: string; role: string; pin: string } = CLERK, first = staff === CLERK): void {
  const args = ['staff', 'add', '--name', staff.name, '--role', staff.role, '--data-dir', dataDir, ...(first ? [] : ['--as', '1'])];
  const r = spawnSync(process.execPath, [join(REPO, 'scripts', 'station.mjs'), ...args], {
    cwd: REPO,
    input: first ? `${staff.pin}\n` : `${staff.pin}\n${CLERK.pin}\n`,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`station staff add failed (${r.status}):\n${r.stderr}${r.stdout}`);
}
