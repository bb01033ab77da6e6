import type { Clock } from '../../../contract/domain/clock.ts';
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
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
  constructor(
    private readonly db: Database,
    private readonly cipher: FieldCipher,
    private readonly now: Clock,
  ) {}

  /** Stores the bytes (once per content) and describes them. */
  put(file: NewAttachment): Attachment {
    const sha256 = sha256Of(file.bytes);
    const sealed = this.cipher.sealBytes(Buffer.from(file.bytes), fieldAad('attachment', sha256, 'bytes'));
    this.db
      .prepare(
        `INSERT INTO attachments (sha256, kind, mime, size, width, height, sealed, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`,
      )
      .run(sha256, file.kind, file.mime, file.bytes.length, file.width, file.height, sealed, this.now().toISOString());
    return { sha256, kind: file.kind, mime: file.mime, size: file.bytes.length, width: file.width, height: file.height };
  }

  /** The bytes, decrypted and checked against their address. */
  get(sha256: string): { attachment: Attachment; bytes: Buffer } {
    const row = this.db.prepare('SELECT * FROM attachments WHERE sha256 = ?').get(sha256) as
      | { sha256: string; kind: Attachment['kind']; mime: string; size: number; width: number | null; height: number | null; sealed: Buffer }
      | undefined;
    if (!row) throw new UnknownAttachmentError(sha256);
    const bytes = this.cipher.openBytes(row.sealed, fieldAad('attachment', sha256, 'bytes'));
    if (sha256Of(bytes) !== sha256) throw new UnknownAttachmentError(sha256);
    const { sealed: _sealed, ...attachment } = row;
    return { attachment, bytes };
  }
}
