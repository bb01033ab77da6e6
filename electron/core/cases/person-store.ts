import { createHmac } from 'node:crypto';
import type { Applicant } from '../../../contract/domain/cases.ts';
import type { StationData } from '../../../db/station-data.ts';
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
  readonly #db: StationData;
  readonly #keys: StationKeys;
  readonly #cipher: FieldCipher;

  constructor(deps: { db: StationData; keys: StationKeys; cipher: FieldCipher }) {
    this.#db = deps.db;
    this.#keys = deps.keys;
    this.#cipher = deps.cipher;
  }

  idHash(idNumber: string): string {
    return idNumberHash(this.#keys, idNumber);
  }

  /** Inserts or refreshes a person (the card read today is the latest truth) and returns the row id. */
  upsert(applicant: Applicant, now: Date): number {
    const idHash = this.idHash(applicant.idNumber);
    const names = nameHash(this.#keys, applicant.name);
    const id = this.#db.persons.byIdHash(idHash) ?? this.#db.persons.insert(idHash, names, now.toISOString());
    const sealed = this.#cipher.sealText(JSON.stringify({ ...applicant, idNumber: applicant.idNumber.toUpperCase() }), fieldAad('person', id, 'data'));
    this.#db.persons.update(id, names, sealed, now.toISOString());
    return id;
  }

  get(id: number): Applicant {
    return JSON.parse(this.#cipher.openText(this.#db.persons.sealed(id), fieldAad('person', id, 'data'))) as Applicant;
  }

  findByIdNumber(idNumber: string): number | null {
    return this.#db.persons.byIdHash(this.idHash(idNumber));
  }

  findByName(name: string): number[] {
    return this.#db.persons.byNameHash(nameHash(this.#keys, name));
  }
}
