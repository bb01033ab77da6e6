import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MAX_ATTACHMENT_BYTES } from '../../contract/api/sync.ts';
import { TownshipError } from '../http/errors.ts';

export interface ChunkResult {
  received: number;
  complete: boolean;
}

const sizeOf = async (path: string): Promise<number | null> => {
  try {
    return (await stat(path)).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
};

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function fsyncDir(dir: string): Promise<void> {
  const fd = await open(dir, 'r');
  try {
    await fd.sync();
  } finally {
    await fd.close();
  }
}

/**
 * Attachments on disk, named by their sha256: `blobs/ab/<sha256>` once whole and verified. An upload grows a
 * partial file per station (`uploads/<station>/<sha256>.part`) chunk by chunk, so a cut line resumes where it
 * stopped; the last chunk triggers the hash check and an atomic rename, and a file that does not match its name is
 * deleted, never stored.
 */
export class BlobStore {
  /** One writer per partial file at a time in this process. */
  readonly #busy = new Map<string, Promise<unknown>>();

  constructor(private readonly dir: string) {}

  blobPath(sha256: string): string {
    return join(this.dir, 'blobs', sha256.slice(0, 2), sha256);
  }

  #partPath(stationId: string, sha256: string): string {
    return join(this.dir, 'uploads', stationId, `${sha256}.part`);
  }

  /**
   * How far this station's upload got: the whole size once it holds the attachment (`held`, from the database).
   * Bytes another station uploaded count for nothing here: a station learns only about its own uploads.
   */
  async status(stationId: string, sha256: string, held: boolean): Promise<ChunkResult> {
    const whole = held ? await sizeOf(this.blobPath(sha256)) : null;
    if (whole !== null) return { received: whole, complete: true };
    return { received: (await sizeOf(this.#partPath(stationId, sha256))) ?? 0, complete: false };
  }

  /** Appends one chunk at `offset` (which must be where the partial file ends) of a file of `total` bytes. */
  writeChunk(stationId: string, sha256: string, offset: number, total: number, bytes: Buffer): Promise<ChunkResult> {
    const key = `${stationId}/${sha256}`;
    const run = async () => this.#writeChunk(stationId, sha256, offset, total, bytes);
    const result = (this.#busy.get(key) ?? Promise.resolve()).then(run, run);
    const settled = result.catch(() => undefined);
    this.#busy.set(key, settled);
    void settled.then(() => {
      if (this.#busy.get(key) === settled) this.#busy.delete(key);
    });
    return result;
  }

  async #writeChunk(stationId: string, sha256: string, offset: number, total: number, bytes: Buffer): Promise<ChunkResult> {
    if (total > MAX_ATTACHMENT_BYTES) {
      throw new TownshipError(413, 'sync.attachment-too-large', `an attachment may have at most ${MAX_ATTACHMENT_BYTES} bytes, not ${total}`);
    }
    if (bytes.length === 0) throw new TownshipError(400, 'sync.invalid', 'an empty chunk');
    if (offset + bytes.length > total) throw new TownshipError(400, 'sync.invalid', `the chunk ends at ${offset + bytes.length}, after the file's ${total} bytes`);
    const part = this.#partPath(stationId, sha256);
    const have = (await sizeOf(part)) ?? 0;
    if (offset !== have) {
      throw new TownshipError(409, 'sync.bad-offset', `the server has ${have} bytes of this attachment; send from there`, { received: have });
    }
    await mkdir(dirname(part), { recursive: true, mode: 0o700 });
    const fd = await open(part, 'a', 0o600);
    try {
      // A nearly full disk writes part of a chunk and says so only in bytesWritten; the next write fails (ENOSPC).
      // On any failure the partial file goes back to where it was, so the refusal means "nothing of it kept".
      for (let written = 0; written < bytes.length; ) {
        const { bytesWritten } = await fd.write(bytes, written);
        if (bytesWritten === 0) throw new Error(`no progress writing ${part}`);
        written += bytesWritten;
      }
    } catch (err) {
      await fd.truncate(have).catch(() => undefined);
      throw err;
    } finally {
      await fd.close();
    }
    const received = offset + bytes.length;
    if (received < total) return { received, complete: false };
    return this.#complete(part, sha256, received);
  }

  async #complete(part: string, sha256: string, size: number): Promise<ChunkResult> {
    if ((await sha256Of(part)) !== sha256) {
      await rm(part, { force: true });
      throw new TownshipError(422, 'sync.attachment-hash', "the uploaded bytes do not hash to the attachment's sha256; nothing was kept, upload it again from the start");
    }
    const fd = await open(part, 'r+');
    try {
      await fd.sync();
    } finally {
      await fd.close();
    }
    const target = this.blobPath(sha256);
    // Another station sent the same bytes first (they hash the same): kept once.
    if ((await sizeOf(target)) !== null) {
      await rm(part, { force: true });
      return { received: size, complete: true };
    }
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    await rename(part, target);
    await fsyncDir(dirname(target));
    return { received: size, complete: true };
  }
}
