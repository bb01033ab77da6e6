import { join } from 'node:path';
import sharp from 'sharp';
import { appRoot } from '../../app-paths.ts';
import { PHOTO_BYTES } from '../layouts.ts';
import type { WltDecoder } from '../photo.ts';
import { syntheticBytes } from './card-encoder.ts';
import type { CardProfile } from './profiles.ts';

/** What a vendor's decoder gives: a 102 × 126 colour picture. */
export const CARD_PHOTO_SIZE = { width: 102, height: 126 };

const DEMO_DIR = join(appRoot(), 'node_modules', '@vladmandic', 'face-api', 'demo');

/**
 * The simulator's own WLT decoder, behind the interface a vendor's library implements: it knows the WLT bytes its
 * simulated cards carry and answers each with the face its profile names. Any other bytes (a real card, a profile
 * without a photo) fail as a vendor's decoder fails on data it cannot read.
 */
export class SimulatedWltDecoder implements WltDecoder {
  private readonly photos = new Map<string, NonNullable<CardProfile['photo']>>();

  constructor(profiles: Iterable<CardProfile>) {
    for (const profile of profiles) {
      if (profile.photo) this.photos.set(Buffer.from(syntheticBytes(`${profile.id}/photo`, PHOTO_BYTES)).toString('hex'), profile.photo);
    }
  }

  async decode(wlt: Uint8Array): Promise<{ mime: string; bytes: Uint8Array }> {
    const photo = this.photos.get(Buffer.from(wlt).toString('hex'));
    if (!photo) throw new Error('not a WLT photo of a simulated card');
    const png = await sharp(join(DEMO_DIR, photo.demo))
      .extract(photo.crop)
      .resize(CARD_PHOTO_SIZE.width, CARD_PHOTO_SIZE.height)
      .png()
      .toBuffer();
    return { mime: 'image/png', bytes: new Uint8Array(png) };
  }
}
