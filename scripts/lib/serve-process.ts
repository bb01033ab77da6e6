import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export interface ServeProcess {
  url: string;
  origin: string;
  child: ChildProcess;
  /** When the process was spawned and when it printed "station ready", by performance.now(). */
  spawnedAt: number;
  readyAt: number;
  stop(): Promise<void>;
}

/** A real `station serve` child process on a free port, resolved once it prints its address. */
export function startServe(dataDir: string, env: Record<string, string> = {}): Promise<ServeProcess> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [join(root, 'scripts', 'station.mjs'), 'serve', '--port', '0', '--data-dir', dataDir], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /station ready: (\S+)/.exec(out);
      if (m) {
        const url = m[1]!;
        resolve({ url, origin: new URL(url).origin, child, spawnedAt, readyAt: performance.now(), stop });
      }
    });
    child.once('exit', (code) => reject(new Error(`station serve exited with ${code}: ${stderr.trim()}`)));
  });
}
