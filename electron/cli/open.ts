import { resolveDataDir } from '../core/data-dir.ts';
import { openStation, type Station } from '../core/station.ts';

/** Runs `fn` with the station in the given (or default) data directory open, and closes it afterwards. */
export async function withStation<T>(dataDir: string | undefined, fn: (station: Station) => Promise<T> | T): Promise<T> {
  const station = openStation({ dataDir: resolveDataDir(dataDir), mode: 'web' });
  try {
    return await fn(station);
  } finally {
    await station.close();
  }
}
