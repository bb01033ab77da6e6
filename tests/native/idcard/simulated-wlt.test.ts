import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PHOTO_BYTES } from '../../../native/idcard/layouts.ts';
import { decodePhoto } from '../../../native/idcard/photo.ts';
import { syntheticBytes } from '../../../native/idcard/simulator/card-encoder.ts';
import { loadProfiles } from '../../../native/idcard/simulator/profiles.ts';
import { CARD_PHOTO_SIZE, SimulatedWltDecoder } from '../../../native/idcard/simulator/simulated-wlt.ts';
import { FaceEngine } from '../../../native/face/face-engine.ts';

const profiles = [...loadProfiles().values()];
const decoder = new SimulatedWltDecoder(profiles);
const wltOf = (id: string) => syntheticBytes(`${id}/photo`, PHOTO_BYTES);

describe("the simulator's WLT decoder", () => {
  it("answers a simulated card's WLT with its profile's face at a vendor decoder's size", async () => {
    const withPhoto = profiles.filter((p) => p.photo);
    expect(withPhoto.length).toBeGreaterThan(0);
    const engine = await FaceEngine.load();
    try {
      for (const profile of withPhoto) {
        const { mime, bytes } = await decoder.decode(wltOf(profile.id));
        expect(mime).toBe('image/png');
        const meta = await sharp(bytes).metadata();
        expect({ width: meta.width, height: meta.height }).toEqual(CARD_PHOTO_SIZE);
        expect((await engine.describe(bytes)).faces).toBe(1);
      }
    } finally {
      await engine.close();
    }
  });

  it('fails on WLT it does not know, as a vendor decoder fails on data it cannot read', async () => {
    const without = profiles.find((p) => !p.photo)!;
    await expect(decoder.decode(wltOf(without.id))).rejects.toThrow();
    await expect(decoder.decode(new Uint8Array(PHOTO_BYTES))).rejects.toThrow();
    // Through the reader's photo step a failure is reported, and the read itself stands.
    expect(await decodePhoto(wltOf(without.id), decoder)).toMatchObject({ decoded: null, unavailableReason: 'idcard.photo-decode-failed' });
  });
});
