import { randomBytes } from 'node:crypto';
import type { PhotoDescription, PhotoMade } from '../../../contract/api/photo.ts';
import type { Clock } from '../../../contract/domain/clock.ts';
import { StationError } from '../../../contract/domain/errors.ts';

export class PhotoUnknownError extends StationError {
  constructor() {
    super('photo.gone', 'no such photo held for this screen', { kind: 'input' });
  }
}

interface Held {
  owner: string;
  made: PhotoDescription;
  jpeg: Uint8Array;
  expiresAt: number;
}

/**
 * Finished photos the core holds for a screen, in memory only: for the kiosk visit (or the kiosk before any card)
 * or the clerk's session that made them, until printed and done with, kept for a case, dropped, or the idle time
 * runs out. A restart forgets them all: nothing is kept after the visit unless it joins a case.
 */
export class HeldPhotos {
  readonly #held = new Map<string, Held>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  hold(owner: string, made: PhotoDescription, jpeg: Uint8Array): PhotoMade {
    this.#sweep();
    const photo = randomBytes(18).toString('base64url');
    this.#held.set(photo, { owner, made, jpeg, expiresAt: this.clock().getTime() + this.ttlMs });
    return { ...made, photo, jpeg: Buffer.from(jpeg).toString('base64') };
  }

  /** The photo, which must be this owner's and still held; its time starts again. */
  get(owner: string, photo: string): { made: Held['made']; jpeg: Uint8Array } {
    this.#sweep();
    const held = this.#held.get(photo);
    if (!held || held.owner !== owner) throw new PhotoUnknownError();
    held.expiresAt = this.clock().getTime() + this.ttlMs;
    return held;
  }

  drop(owner: string, photo: string): void {
    if (this.#held.get(photo)?.owner === owner) this.#held.delete(photo);
  }

  /** Everything an owner holds goes with it: a visit that ended, a clerk who signed out. */
  dropAll(owner: string): void {
    for (const [photo, held] of this.#held) if (held.owner === owner) this.#held.delete(photo);
  }

  #sweep(): void {
    const now = this.clock().getTime();
    for (const [photo, held] of this.#held) if (held.expiresAt <= now) this.#held.delete(photo);
  }
}
