import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const REPO = join(import.meta.dirname, '..', '..');
const READY = /station ready: (\S+)/;
const START_TIMEOUT_MS = 60_000;

export interface ServeProcess {
  /** The one-time URL with the token; opening it sets the session cookie. */
  url: string;
  origin: string;
  child: ChildProcess;
  /** When the process was spawned and when it printed "station ready", by performance.now(). */
  spawnedAt: number;
  readyAt: number;
  stop(): Promise<void>;
}

/** A real `station serve` child process on a free port, resolved once it prints its address. */
export async function startServe(dataDir: string, options: { env?: Record<string, string>; args?: string[] } = {}): Promise<ServeProcess> {
  const spawnedAt = performance.now();
  const child = spawn(
    process.execPath,
    [join(REPO, 'scripts', 'station.mjs'), 'serve', '--port', '0', '--data-dir', dataDir, ...(options.args ?? [])],
    { cwd: REPO, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    }
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`station serve did not start in ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
      child.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const m = READY.exec(stdout);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`station serve exited (${code}) before it was ready:\n${stderr || stdout}`));
      });
    });
    return { url, origin: new URL(url).origin, child, spawnedAt, readyAt: performance.now(), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
