import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Creates `path` holding `data` unless it already exists; true if this call created it. The bytes go to a
 * uniquely named temp file that is fsynced and then hard-linked into place, so a crash leaves either no file or
 * the whole file, and a stale temp from an earlier crash is simply ignored. A link (unlike rename) never replaces
 * an existing file: when two processes race to create a key, the loser adopts the winner's key instead of
 * clobbering it and stranding whatever the winner already sealed with it.
 */
export function createFileOnce(path: string, data: Buffer, mode: number): boolean {
  const temp = `${path}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', mode);
  try {
    writeFileSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  let created = true;
  try {
    linkSync(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    created = false;
  } finally {
    unlinkSync(temp);
  }
  syncDirectory(dirname(path));
  return created;
}

/** Makes the new directory entry durable; Windows cannot open a directory for this and journals it anyway. */
function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
