import type { Clock } from '../../../contract/domain/clock.ts';
import { createHash } from 'node:crypto';
import type { StationData } from '../../../db/station-data.ts';
import type { Attachment } from '../../../contract/api/devices.ts';
import { StationError } from '../../../contract/domain/errors.ts';
import { fieldAad, type FieldCipher } from '../security/field-cipher.ts';

export class UnknownAttachmentError extends StationError {
  constructor(sha256: string) {
    super('attachments.unknown', `no attachment ${sha256}`, { params: { sha256: sha256.slice(0, 12) }, kind: 'input' });
  }
}

export interface NewAttachment {
  kind: Attachment['kind'];
  mime: string;
  bytes: Uint8Array;
  width: number | null;
  height: number | null;
}

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Scanned pages and signatures, content-addressed and encrypted at rest. */
export class AttachmentStore {
  readonly #db: StationData;
  readonly #cipher: FieldCipher;
  readonly #now: Clock;

  constructor(deps: { db: StationData; cipher: FieldCipher; clock: Clock }) {
    this.#db = deps.db;
    this.#cipher = deps.cipher;
    this.#now = deps.clock;
  }

  /** Stores the bytes (once per content) and describes them. */
  put(file: NewAttachment): Attachment {
    const sha256 = sha256Of(file.bytes);
    const sealed = this.#cipher.sealBytes(Buffer.from(file.bytes), fieldAad('attachment', sha256, 'bytes'));
    const attachment = { sha256, kind: file.kind, mime: file.mime, size: file.bytes.length, width: file.width, height: file.height };
    this.#db.attachments.insert({ ...attachment, sealed }, this.#now().toISOString());
    return attachment;
  }

  /** The bytes, decrypted and checked against their address. */
  get(sha256: string): { attachment: Attachment; bytes: Buffer } {
    const row = this.#db.attachments.get(sha256);
    if (!row) throw new UnknownAttachmentError(sha256);
    const bytes = this.#cipher.openBytes(row.sealed, fieldAad('attachment', sha256, 'bytes'));
    if (sha256Of(bytes) !== sha256) throw new UnknownAttachmentError(sha256);
    const { sealed: _sealed, ...attachment } = row;
    return { attachment, bytes };
  }

  /** What kind of file each stored address holds (scan, signature, photo, document); unknown addresses are left out. */
  kinds(shas: string[]): Map<string, Attachment['kind']> {
    const kinds = new Map<string, Attachment['kind']>();
    for (const sha of shas) {
      const row = this.#db.attachments.get(sha);
      if (row) kinds.set(sha, row.kind);
    }
    return kinds;
  }

  /** Every page and signature a case points at must already be stored: a case never refers to nothing. */
  assertStored(shas: string[]): void {
    const missing = shas.find((sha) => !this.#db.attachments.has(sha));
    if (missing) throw new UnknownAttachmentError(missing);
  }
}
