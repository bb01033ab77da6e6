import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe } from '../../../scripts/lib/serve-process.ts';

export const REPO = join(import.meta.dirname, '..', '..', '..');

export interface RunningStation {
  /** The one-time URL with the token; opening it sets the session cookie. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** The most recently changed file under `path`. */
function newest(path: string): { file: string; mtimeMs: number } {
  const stat = statSync(path);
  if (!stat.isDirectory()) return { file: path, mtimeMs: stat.mtimeMs };
  return readdirSync(path)
    .map((name) => newest(join(path, name)))
    .reduce((a, b) => (b.mtimeMs > a.mtimeMs ? b : a), { file: path, mtimeMs: 0 });
}

/**
 * `station serve` serves dist/renderer as built. Building here would race between test files running in
 * parallel, so a missing or stale build fails with the command that fixes it.
 */
export function assertRendererBuilt(): void {
  const index = join(REPO, 'dist', 'renderer', 'index.html');
  const fix = 'run: node scripts/build.mjs renderer';
  if (!existsSync(index)) throw new Error(`the kiosk screens are not built (${index} missing); ${fix}`);
  const built = statSync(index).mtimeMs;
  // What the bundle is made of: the screens, the contract they import, and the messages and prompts they embed.
  const changed = ['renderer', 'contract', 'assets/messages', 'assets/audio']
    .map((p) => newest(join(REPO, p)))
    .filter((n) => n.mtimeMs > built);
  if (changed.length > 0) {
    throw new Error(`the kiosk build is older than ${changed.map((n) => n.file).join(', ')}; ${fix}`);
  }
}

export interface StationOptions {
  /** Runs in the data directory before `station serve` starts, e.g. the CLI adding the first staff account. */
  setup?(dataDir: string): void | Promise<void>;
  /** More environment for `station serve` (a pinned DOORSTEP_CLOCK, say). */
  env?: Record<string, string>;
}

/**
 * Starts a real `station serve` on a free port with a fresh data directory (and `station.json` when given),
 * and resolves once it prints its URL.
 */
export async function startStation(
  config?: Record<string, unknown>,
  args: string[] = [],
  options: StationOptions = {},
): Promise<RunningStation> {
  assertRendererBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'doorstep-e2e-'));
  if (config) writeFileSync(join(dataDir, 'station.json'), JSON.stringify(config));
  const token = randomBytes(18).toString('base64url');
  try {
    await options.setup?.(dataDir);
    const serve = await startServe(dataDir, { env: { ...options.env, STATION_TOKEN: token }, args });
    return {
      url: serve.url,
      origin: serve.origin,
      token,
      dataDir,
      stop: async () => {
        await serve.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
