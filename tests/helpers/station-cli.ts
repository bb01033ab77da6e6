import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `station` command as a newcomer would (`npx station …` resolves to this script). */
export function station(args: string[], env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'station.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
