/**
 * The read response (`30 01` text + photo, or `30 10` with fingerprint) → IdentityCard.
 * Data after SW1 SW2 SW3: text length (u16 BE), photo length (u16 BE), [fingerprint length (u16 BE)], text, photo,
 * [fingerprint].
 */
import { BadFrameError, type DataOrigin } from './errors.ts';
import type { IdentityCard, PhotoInfo } from './identity.ts';
import { PHOTO_BYTES, TEXT_BYTES } from './layouts.ts';
import { undecodedPhoto } from './photo.ts';
import { decodeFrames, parseResponse } from './sam-frame.ts';
import { SW3, errorForStatus } from './sam-status.ts';
import { parseTextBlock } from './text-block.ts';

/** Two fingerprint templates of 512 bytes each at most. */
export const MAX_FINGERPRINT_BYTES = 1024;

export type ReadForm = 'text-photo' | 'text-photo-fingerprint';

export interface ReadData {
  text: Uint8Array;
  wlt: Uint8Array;
  /** Null for a `30 01` read; empty for a `30 10` read of a card without fingerprints. */
  fingerprint: Uint8Array | null;
}

const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;

/**
 * Splits the data of a successful read response. The form is told by the lengths adding up exactly, which also
 * rejects a frame whose length field was corrupted into a shorter one that happened to pass the checksum.
 */
export function splitReadData(data: Uint8Array, origin: DataOrigin = 'device', expected?: ReadForm): ReadData {
  if (data.length < 4) throw new BadFrameError(`read data of ${data.length} bytes`, origin);
  const textBytes = u16(data, 0);
  const photoBytes = u16(data, 2);
  if (textBytes !== TEXT_BYTES || photoBytes !== PHOTO_BYTES) {
    throw new BadFrameError(`text/photo lengths ${textBytes}/${photoBytes}, expected ${TEXT_BYTES}/${PHOTO_BYTES}`, origin);
  }
  let form: ReadForm;
  let header: number;
  let fingerprintBytes = 0;
  if (expected !== 'text-photo-fingerprint' && data.length === 4 + textBytes + photoBytes) {
    form = 'text-photo';
    header = 4;
  } else if (expected !== 'text-photo' && data.length >= 6) {
    fingerprintBytes = u16(data, 4);
    if (fingerprintBytes > MAX_FINGERPRINT_BYTES || data.length !== 6 + textBytes + photoBytes + fingerprintBytes) {
      throw new BadFrameError(`read data of ${data.length} bytes does not match its length fields`, origin);
    }
    form = 'text-photo-fingerprint';
    header = 6;
  } else {
    throw new BadFrameError(`read data of ${data.length} bytes does not match its length fields`, origin);
  }
  const text = data.subarray(header, header + textBytes);
  const wlt = data.subarray(header + textBytes, header + textBytes + photoBytes);
  const fingerprint = form === 'text-photo' ? null : data.subarray(header + textBytes + photoBytes);
  return { text, wlt, fingerprint };
}

/** Assembles the identity from the parts of a read; the photo is described by the caller (decoded or not). */
export function identityFrom(read: ReadData, photo: PhotoInfo, origin: DataOrigin = 'device'): IdentityCard {
  const card: IdentityCard = { ...parseTextBlock(read.text, origin), photo };
  if (read.fingerprint !== null && read.fingerprint.length > 0) card.fingerprint = { bytes: read.fingerprint.length };
  return card;
}

/**
 * Decodes captured bytes (e.g. `station idcard decode <file>`): the read response frame, possibly among other
 * frames or garbage of a capture. Errors are typed; their kind is 'input' unless `origin` says the bytes came
 * from the device.
 */
export function decodeReadResponse(bytes: Uint8Array, options: { origin?: DataOrigin } = {}): IdentityCard {
  const origin = options.origin ?? 'input';
  const { frames, errors } = decodeFrames(bytes, origin);
  if (frames.length === 0) throw errors[0] ?? new BadFrameError('no complete SAM frame in the input', origin);
  const responses = frames.flatMap((payload) => {
    try {
      return [parseResponse(payload, origin)];
    } catch {
      return [];
    }
  });
  const read = responses.find((r) => r.sw3 === SW3.ok && r.data.length >= 4 + TEXT_BYTES + PHOTO_BYTES);
  if (read) {
    const parts = splitReadData(read.data, origin);
    return identityFrom(parts, undecodedPhoto(parts.wlt), origin);
  }
  const only = responses.length === 1 && frames.length === 1 ? responses[0] : undefined;
  if (only && only.sw3 !== SW3.ok && only.sw3 !== SW3.findOk) throw errorForStatus(only.sw3);
  throw new BadFrameError(`no read response among ${frames.length} frame(s)`, origin);
}
