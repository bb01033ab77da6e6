import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where a station keeps its database, keys, config and logs: an explicit directory, else STATION_DATA_DIR, else the
 * platform's per-user data folder. (The Electron shell passes the app's userData folder explicitly.)
 */
export function resolveDataDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return explicit;
  if (env.STATION_DATA_DIR) return env.STATION_DATA_DIR;
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'Doorstep');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'doorstep');
}
