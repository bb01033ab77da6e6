import { describe, expect, it } from 'vitest';
import { IdentityCard } from '../../../contract/domain/identity.ts';
import { decodeReadResponse } from '../../../native/idcard/decode.ts';
import { encodeReadResponse } from '../../../native/idcard/simulator/card-encoder.ts';
import { loadProfiles } from '../../../native/idcard/simulator/profiles.ts';

describe('decoded cards cross the contract', () => {
  it('every simulator profile decodes to an IdentityCard the contract accepts, in both read forms', () => {
    const profiles = [...loadProfiles().values()];
    expect(profiles.length).toBeGreaterThanOrEqual(8);
    for (const profile of profiles) {
      for (const form of ['text-photo', 'text-photo-fingerprint'] as const) {
        const card = decodeReadResponse(encodeReadResponse(profile, form));
        expect(IdentityCard.safeParse(card).success, `${profile.id} ${form}`).toBe(true);
      }
    }
  });
});
