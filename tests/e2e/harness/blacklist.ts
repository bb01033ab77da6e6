import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { idNumberHash } from '../../../electron/core/security/id-number-hash.ts';
import { openTestStation } from '../../helpers/station.ts';
import { REPO } from './station.ts';

/** The card the simulated reader holds: the first profile by file name (what `--simulate` places). */
export function simulatedCard(): { name: string; idNumber: string; birthDate: string } {
  const dir = join(REPO, 'assets', 'idcard', 'profiles');
  const [file] = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  return (JSON.parse(readFileSync(join(dir, file!), 'utf8')) as { card: { name: string; idNumber: string; birthDate: string } }).card;
}

/**
 * Puts a person on the integrity blacklist (诚信黑名单) of a station that is not serving yet, as the township's
 * list would arrive: by the keyed hash of the ID number, with the reason the clerk is shown.
 */
export async function blacklist(dataDir: string, idNumber: string, reason: string): Promise<void> {
  const station = openTestStation({ dataDir, mode: 'web' });
  try {
    station.db
      .prepare("INSERT INTO blacklist (id_hash, reason, listed_at, source) VALUES (?, ?, '2024-06-01', 'township')")
      .run(idNumberHash(station.keys, idNumber), reason);
  } finally {
    await station.close();
  }
}
