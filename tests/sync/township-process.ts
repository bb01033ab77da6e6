// The real township as a child process (`node scripts/township.mjs serve`), on a fixed port so it can be killed with
// SIGKILL and started again on the same port and data; and the tmpfs its attachments live on, to fill it up.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { statfsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const ADMIN_TOKEN = 'fault-injection-admin-token-0123456789abcdef';

/** A port free right now on loopback (the township is then started on it, again and again). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface TownshipOptions {
  port: number;
  /** The SQLite file. */
  dbFile: string;
  /** --data-dir: blobs/ and uploads/ go here. */
  dataDir: string;
}

export class TownshipProcess {
  #child: ChildProcess | null = null;
  #exited: Promise<void> = Promise.resolve();
  /** The last few KB of its output, for a failure message. */
  #tail = '';
  starts = 0;

  constructor(readonly options: TownshipOptions) {}

  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  get running(): boolean {
    return this.#child !== null;
  }

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  get outputTail(): string {
    return this.#tail;
  }

  async start(): Promise<void> {
    if (this.#child) throw new Error('township already running');
    const { port, dbFile, dataDir } = this.options;
    const child = spawn(
      process.execPath,
      [join(ROOT, 'scripts', 'township.mjs'), 'serve', '--host', '127.0.0.1', '--port', String(port), '--db', dbFile, '--data-dir', dataDir],
      { cwd: ROOT, env: { ...process.env, TOWNSHIP_ADMIN_TOKEN: ADMIN_TOKEN }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.#child = child;
    this.starts++;
    this.#exited = new Promise((resolve) => child.once('exit', () => resolve()));
    void this.#exited.then(() => {
      if (this.#child === child) this.#child = null;
    });
    await new Promise<void>((resolve, reject) => {
      let started = false;
      let recent = '';
      const timer = setTimeout(() => reject(new Error(`township did not start in 60 s:\n${this.#tail}`)), 60_000);
      const onData = (d: Buffer) => {
        const text = d.toString();
        this.#tail = (this.#tail + text).slice(-8000);
        if (started) return;
        recent += text;
        if (recent.includes('township listening on')) {
          started = true;
          clearTimeout(timer);
          resolve();
        }
        recent = recent.slice(-200);
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (d: Buffer) => (this.#tail = (this.#tail + d.toString()).slice(-8000)));
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`township exited while starting (${code ?? signal}):\n${this.#tail}`));
      });
    });
  }

  /** kill -9: no shutdown, no flushing, whatever was in flight. */
  async kill(): Promise<void> {
    const child = this.#child;
    if (!child) return;
    child.kill('SIGKILL');
    await this.#exited;
  }

  /** A clean stop (SIGTERM), killed if it takes too long. */
  async stop(): Promise<void> {
    const child = this.#child;
    if (!child) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await this.#exited;
    clearTimeout(timer);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async admin(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; json: any }> {
    const res = await fetch(new URL(path, this.url), {
      method,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  }
}

const TMPFS_MAGIC = 0x01021994;

function mountCommand(args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  execFileSync(asRoot ? 'mount' : 'sudo', asRoot ? args : ['-n', 'mount', ...args], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 20_000 });
}

/**
 * A tmpfs of its own for the township's data directory, so a full disk is a real ENOSPC: it is shrunk to what it
 * holds (remount), and grown again. Needs root, or sudo without a password.
 */
export class BlobDisk {
  private constructor(
    readonly dir: string,
    public sizeBytes: number,
  ) {}

  /** The mounted disk, or why there can be none here. */
  static mount(dir: string, sizeBytes: number): BlobDisk | { reason: string } {
    try {
      mountCommand(['-t', 'tmpfs', '-o', `size=${sizeBytes},mode=0777`, 'tmpfs', dir]);
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
      return { reason: `mount -t tmpfs failed (${process.getuid?.() === 0 ? 'as root' : 'not root; tried sudo -n'}): ${stderr || (error as Error).message}` };
    }
    if (statfsSync(dir).type !== TMPFS_MAGIC) return { reason: `mount -t tmpfs reported success but ${dir} is not a tmpfs` };
    return new BlobDisk(dir, sizeBytes);
  }

  usedBytes(): number {
    const s = statfsSync(this.dir);
    return (s.blocks - s.bfree) * s.bsize;
  }

  freeBytes(): number {
    const s = statfsSync(this.dir);
    return s.bavail * s.bsize;
  }

  resize(sizeBytes: number): void {
    mountCommand(['-o', `remount,size=${sizeBytes}`, this.dir]);
    this.sizeBytes = sizeBytes;
  }

  unmount(): void {
    const asRoot = process.getuid?.() === 0;
    const umount = (args: string[]) =>
      execFileSync(asRoot ? 'umount' : 'sudo', asRoot ? args : ['-n', 'umount', ...args], { stdio: 'ignore', timeout: 20_000 });
    try {
      umount([this.dir]);
    } catch {
      umount(['-l', this.dir]);
    }
  }
}
