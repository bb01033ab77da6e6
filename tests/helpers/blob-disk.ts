// The tmpfs the fault-injection test fills up, so a full disk at the township is a real ENOSPC.
import { execFileSync } from 'node:child_process';
import { statfsSync } from 'node:fs';

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
