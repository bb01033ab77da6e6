import { createHmac } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Applicant } from '../../../contract/domain/cases.ts';
import { fieldAad, type FieldCipher } from '../security/field-cipher.ts';
import { idNumberHash } from '../security/id-number-hash.ts';
import type { StationKeys } from '../security/station-keys.ts';

/** A keyed hash of a full name, for finding a person's cases by name without storing the name in clear. */
export function nameHash(keys: StationKeys, name: string): string {
  const { keyId, lookup } = keys.current;
  const normal = name.normalize('NFKC').replace(/\s+/g, '');
  return `${keyId}:${createHmac('sha256', lookup).update(`name:${normal}`).digest('base64url')}`;
}

/** The people cases are about, sealed at rest and found by keyed hashes. */
export class PersonStore {
  constructor(
    private readonly db: Database,
    private readonly keys: StationKeys,
    private readonly cipher: FieldCipher,
  ) {}

  idHash(idNumber: string): string {
    return idNumberHash(this.keys, idNumber);
  }

  /** Inserts or refreshes a person (the card read today is the latest truth) and returns the row id. */
  upsert(applicant: Applicant, now: Date): number {
    const idHash = this.idHash(applicant.idNumber);
    const existing = this.db.prepare('SELECT id FROM persons WHERE id_hash = ?').get(idHash) as { id: number } | undefined;
    const id =
      existing?.id ??
      Number(
        this.db
          .prepare("INSERT INTO persons (id_hash, name_hash, sealed, updated_at) VALUES (?, ?, '', ?)")
          .run(idHash, nameHash(this.keys, applicant.name), now.toISOString()).lastInsertRowid,
      );
    const sealed = this.cipher.sealText(JSON.stringify({ ...applicant, idNumber: applicant.idNumber.toUpperCase() }), fieldAad('person', id, 'data'));
    this.db
      .prepare('UPDATE persons SET name_hash = ?, sealed = ?, updated_at = ? WHERE id = ?')
      .run(nameHash(this.keys, applicant.name), sealed, now.toISOString(), id);
    return id;
  }

  get(id: number): Applicant {
    const row = this.db.prepare('SELECT sealed FROM persons WHERE id = ?').get(id) as { sealed: string };
    return JSON.parse(this.cipher.openText(row.sealed, fieldAad('person', id, 'data'))) as Applicant;
  }

  findByIdNumber(idNumber: string): number | null {
    const row = this.db.prepare('SELECT id FROM persons WHERE id_hash = ?').get(this.idHash(idNumber)) as { id: number } | undefined;
    return row?.id ?? null;
  }

  findByName(name: string): number[] {
    return (this.db.prepare('SELECT id FROM persons WHERE name_hash = ?').all(nameHash(this.keys, name)) as { id: number }[]).map((r) => r.id);
  }
}
