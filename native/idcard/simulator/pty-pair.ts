/**
 * A socat pty pair standing in for a USB-serial cable: the station opens `hostPath`, the simulator `devicePath`.
 * Stopping socat removes both links, which is what a pulled USB adapter looks like to the station; starting it
 * again with the same links is plugging it back in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface PtyPairOptions {
  dir: string;
  socat?: string;
  /** How long to wait for socat to set up the pair. */
  startTimeoutMs?: number;
}

export class PtyPair {
  readonly hostPath: string;
  readonly devicePath: string;
  private readonly socat: string;
  private readonly startTimeoutMs: number;
  private child: ChildProcess | null = null;

  constructor(options: PtyPairOptions) {
    this.hostPath = join(options.dir, 'reader-host');
    this.devicePath = join(options.dir, 'reader-device');
    this.socat = options.socat ?? '/usr/bin/socat';
    this.startTimeoutMs = options.startTimeoutMs ?? 5000;
  }

  static async start(options: PtyPairOptions): Promise<PtyPair> {
    const pair = new PtyPair(options);
    await pair.plug();
    return pair;
  }

  async plug(): Promise<void> {
    if (this.child) return;
    const child = spawn(
      this.socat,
      ['-d', '-d', `pty,raw,echo=0,link=${this.hostPath}`, `pty,raw,echo=0,link=${this.devicePath}`],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    this.child = child;
    // socat would outlive a test run that ends abruptly; take it down with us on any normal exit.
    const killOnExit = () => child.kill('SIGTERM');
    process.once('exit', killOnExit);
    child.once('exit', () => process.off('exit', killOnExit));
    await new Promise<void>((resolve, reject) => {
      let log = '';
      let started = false;
      const timer = setTimeout(() => fail(new Error(`socat did not start in ${this.startTimeoutMs} ms: ${log}`)), this.startTimeoutMs);
      const fail = (error: Error) => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        this.child = null;
        reject(error);
      };
      child.once('error', fail);
      child.once('exit', (code) => fail(new Error(`socat exited (${code}): ${log}`)));
      child.stderr?.on('data', (chunk: Buffer) => {
        if (started) return;
        log += chunk.toString();
        // socat creates both links before it starts moving data.
        if (log.includes('starting data transfer loop')) {
          started = true;
          clearTimeout(timer);
          child.removeAllListeners('exit');
          child.removeAllListeners('error');
          child.once('exit', () => {
            if (this.child === child) this.child = null;
          });
          resolve();
        }
      });
    });
  }

  async unplug(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}
