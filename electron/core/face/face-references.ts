import type { StationData } from '../../../db/station-data.ts';
import type { Clock } from '../../../contract/domain/clock.ts';
import { StationError } from '../../../contract/domain/errors.ts';
import type { FaceReference } from '../../../contract/domain/face-check.ts';
import type { IdentityCard } from '../../../contract/domain/identity.ts';
import type { Logger } from '../log.ts';
import { fieldAad, type FieldCipher } from '../security/field-cipher.ts';
import { idNumberHash } from '../security/id-number-hash.ts';
import type { StationKeys } from '../security/station-keys.ts';
import type { FaceModelPort } from './face-model.ts';

export interface ReferenceFace {
  source: FaceReference;
  /** The reference's descriptor; null with source `none`. */
  descriptor: number[] | null;
}

export interface FaceReferencesDeps {
  db: StationData;
  keys: StationKeys;
  cipher: FieldCipher;
  model: FaceModelPort;
  logger: Logger;
  clock: Clock;
}

/**
 * The face a live one is compared with, best first: the card's own photo (when the vendor's WLT decoder gave one),
 * else this station's descriptor from the person's earlier passed check, else none. The township's reference photo
 * service is not there yet, so `township` is never the answer today.
 */
export class FaceReferences {
  constructor(private readonly deps: FaceReferencesDeps) {}

  async resolve(card: IdentityCard | null, idNumber: string, model: string): Promise<ReferenceFace> {
    const photo = card?.idNumber.toUpperCase() === idNumber.toUpperCase() ? card.photo.decoded : null;
    if (photo) {
      try {
        const face = await this.deps.model.faceDescribe(Buffer.from(photo.base64, 'base64'));
        return { source: 'card', descriptor: face.descriptor };
      } catch (error) {
        // A card photo with no usable face (worn print, a decoder's bad output): the next source may still serve.
        if (!(error instanceof StationError) || error.kind !== 'input') throw error;
        this.deps.logger.log('warn', 'face.card-photo-unusable', { code: error.code });
      }
    }
    const stored = this.deps.db.faceReferences.get(this.#hash(idNumber));
    if (stored && stored.model === model) {
      const descriptor = JSON.parse(this.deps.cipher.openText(stored.sealed, this.#aad(idNumber))) as number[];
      return { source: 'station', descriptor };
    }
    return { source: 'none', descriptor: null };
  }

  /** Keeps the live descriptor of a passed check as this person's reference for the next check here. */
  remember(idNumber: string, descriptor: number[], model: string): void {
    const sealed = this.deps.cipher.sealText(JSON.stringify(descriptor), this.#aad(idNumber));
    this.deps.db.faceReferences.put(this.#hash(idNumber), { sealed, model, verifiedAt: this.deps.clock().toISOString() });
  }

  /** Least data kept: a reference not renewed by a passed check within the retention period goes. */
  purge(retentionDays: number): number {
    return this.deps.db.faceReferences.purgeBefore(new Date(this.deps.clock().getTime() - retentionDays * 86_400_000).toISOString());
  }

  #hash(idNumber: string): string {
    return idNumberHash(this.deps.keys, idNumber);
  }

  // Bound to the person's hash, so a sealed descriptor copied to another person's row does not open.
  #aad(idNumber: string): string {
    return fieldAad('face_references', this.#hash(idNumber), 'sealed');
  }
}
