import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { InProcessTownship } from '../../../scripts/lib/township.ts';
import { REPO } from './station.ts';

const run = promisify(execFile);

/**
 * `station enroll` in a station's data directory before it serves, with a fresh code from `township`. Not
 * spawnSync: the township answers from this very process, so its event loop must keep running.
 */
export async function enrollStation(dataDir: string, township: InProcessTownship | undefined): Promise<void> {
  if (!township) throw new Error('the township did not start');
  const code = await township.code();
  await run(process.execPath, [join(REPO, 'scripts', 'station.mjs'), 'enroll', '--server', township.url, '--code', code, '--data-dir', dataDir], {
    cwd: REPO,
    timeout: 60_000,
  });
}
