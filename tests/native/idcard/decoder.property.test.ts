/**
 * Property tests over the frame decoder, the read-response decoder and the text parser: about 100,000 frames
 * and text blocks in all. Data may be split or joined anyhow and garbled anyhow; the only acceptable outcomes
 * are the right answer or a typed error, and a garbled frame is never accepted as a different answer.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { decodeReadResponse } from '../../../native/idcard/decode.ts';
import { IdCardError } from '../../../native/idcard/errors.ts';
import type { ResidentCard } from '../../../native/idcard/identity.ts';
import { nationCodes, nationName } from '../../../native/idcard/nations.ts';
import { FrameDecoder, PREAMBLE, encodeFrame, encodeResponse } from '../../../native/idcard/sam-frame.ts';
import { parseTextBlock } from '../../../native/idcard/text-block.ts';
import { gb11643CheckChar } from '../../../contract/domain/id-number.ts';
import { encodeTextBlock, readResponseData, syntheticBytes } from '../../../native/idcard/simulator/card-encoder.ts';
import { loadProfiles } from '../../../native/idcard/simulator/profiles.ts';

/** Splits bytes at arbitrary points (cut values are taken modulo the length). */
function chunks(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let last = 0;
  for (const p of [...points, bytes.length]) {
    if (p > last) out.push(bytes.subarray(last, p));
    last = Math.max(last, p);
  }
  return out;
}

function feed(bytes: Uint8Array, cuts: number[]) {
  const frames: Buffer[] = [];
  const errors: unknown[] = [];
  const decoder = new FrameDecoder({
    onFrame: (payload) => frames.push(Buffer.from(payload)),
    onError: (error) => errors.push(error),
  });
  for (const chunk of chunks(bytes, cuts)) decoder.push(chunk);
  return { frames, errors };
}

const containsPreamble = (bytes: Uint8Array) => Buffer.from(bytes).indexOf(PREAMBLE) !== -1;

/** Garbage that is rich in preamble fragments but never holds a whole preamble. */
const garbage = fc
  .array(fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0xaa, 0x96, 0x69)), { maxLength: 24 })
  .map((bytes) => Uint8Array.from(bytes))
  .filter((bytes) => !containsPreamble(bytes));

/** Small payloads byte by byte; read-response-sized ones from a seed, as generating 1284 bytes each run is slow. */
const payload = fc
  .oneof(
    fc.uint8Array({ minLength: 2, maxLength: 64 }),
    fc.integer().map((seed) => {
      const p = new Uint8Array(3 + 1284);
      p[2] = 0x90;
      p.set(syntheticBytes(`payload/${seed}`, 1284), 3);
      return p;
    }),
  )
  .filter((bytes) => !containsPreamble(bytes));

const cuts = fc.array(fc.nat(), { maxLength: 12 });

/** Idle-line bytes after a frame, enough to complete whatever length its (maybe garbled) header claims. */
function idleAfter(frame: Buffer, following: number): Uint8Array {
  const claimed = frame.length >= 7 ? 7 + frame.readUInt16BE(5) : 0;
  return new Uint8Array(Math.max(0, claimed - frame.length - following));
}

const profiles = [...loadProfiles().values()];

describe('frame decoder properties', () => {
  it('decodes every frame exactly, whatever garbage sits between them and however the stream is split', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(garbage, payload), { minLength: 1, maxLength: 6 }), garbage, cuts, (items, tail, cut) => {
        const stream = Buffer.concat([...items.flatMap(([junk, p]) => [junk, encodeFrame(p)]), tail]);
        const { frames, errors } = feed(stream, cut);
        return errors.length === 0 && frames.length === items.length && frames.every((f, i) => f.equals(items[i]![1]));
      }),
      { numRuns: 6000 },
    );
  });

  it('never accepts a frame with one corrupted byte as its original size, and resynchronises', () => {
    const sentinel = encodeFrame(Uint8Array.of(0, 0, 0x9f, 1, 2, 3, 4));
    const good = sentinel.subarray(7, -1);
    fc.assert(
      fc.property(payload, fc.nat(), fc.integer({ min: 1, max: 255 }), cuts, (p, at, flip, cut) => {
        const frame = encodeFrame(p);
        const index = at % frame.length;
        frame[index]! ^= flip;
        const { frames, errors } = feed(Buffer.concat([frame, sentinel, idleAfter(frame, sentinel.length)]), cut);
        if (!errors.every((error) => error instanceof IdCardError)) return false;
        if (index === 5 || index === 6) {
          // A corrupted length can frame a different span whose XOR happens to match (about 1 in 256). That span
          // never has the original size, so a consumer that checks the size it expects (splitReadData does)
          // rejects it; and it may swallow what follows, which a request/response exchange recovers from by
          // asking again.
          return frames.every((f) => f.length !== p.length || f.equals(p) || f.equals(good));
        }
        return frames.length === 1 && frames[0]!.equals(good);
      }),
      { numRuns: 30_000 },
    );
  });
});

describe('read response properties', () => {
  const responses = profiles.map((profile) => encodeResponse(0x90, readResponseData(profile, 'text-photo-fingerprint')));

  it('rejects every single-byte corruption of a read response with a typed error', () => {
    fc.assert(
      fc.property(fc.nat(responses.length - 1), fc.nat(), fc.integer({ min: 1, max: 255 }), (which, at, flip) => {
        const frame = Buffer.from(responses[which]!);
        frame[at % frame.length]! ^= flip;
        try {
          decodeReadResponse(frame);
          return false;
        } catch (error) {
          return error instanceof IdCardError;
        }
      }),
      { numRuns: 20_000 },
    );
  });

  it('answers arbitrary bytes only with an identity or a typed error', () => {
    const framed = fc.uint8Array({ minLength: 0, maxLength: 1400 }).map((data) => encodeResponse(0x90, data));
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 64 }), framed), (bytes) => {
        try {
          return isDeepStrictEqual(JSON.parse(JSON.stringify(decodeReadResponse(bytes))), decodeReadResponse(bytes));
        } catch (error) {
          return error instanceof IdCardError;
        }
      }),
      { numRuns: 8000 },
    );
  });
});

describe('text block properties', () => {
  it('parses random and mutated text blocks to a card or a typed error', () => {
    const texts = profiles.map((p) => encodeTextBlock(p.card));
    const mutated = fc
      .tuple(fc.nat(texts.length - 1), fc.array(fc.tuple(fc.nat(255), fc.nat(255)), { minLength: 1, maxLength: 8 }))
      .map(([which, edits]) => {
        const text = Uint8Array.from(texts[which]!);
        for (const [at, value] of edits) text[at] = value;
        return text;
      });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ minLength: 256, maxLength: 256 }), mutated), (text) => {
        try {
          const card = parseTextBlock(text);
          return isDeepStrictEqual(JSON.parse(JSON.stringify(card)), card);
        } catch (error) {
          return error instanceof IdCardError;
        }
      }),
      { numRuns: 20_000 },
    );
  });

  it('round-trips generated resident cards', () => {
    const hanzi = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
    const text = (min: number, max: number) => fc.array(hanzi, { minLength: min, maxLength: max }).map((a) => a.join(''));
    const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const card = fc
      .record({
        name: text(1, 15),
        genderCode: fc.constantFrom('1', '2'),
        nationCode: fc.constantFrom(...nationCodes()),
        birthDate: day,
        address: text(1, 35),
        region: fc.stringMatching(/^(11|32|43|65)\d{4}$/),
        sequence: fc.nat(99),
        authority: text(1, 15),
        validFrom: day,
        validTo: fc.oneof(day, fc.constant('长期')),
      })
      .map((r): Omit<ResidentCard, 'photo'> => {
        const first17 = `${r.region}${r.birthDate.replaceAll('-', '')}${String(r.sequence).padStart(2, '0')}${r.genderCode === '1' ? 1 : 2}`;
        return {
          cardType: 'resident',
          name: r.name,
          gender: r.genderCode === '1' ? '男' : '女',
          genderCode: r.genderCode as '1' | '2',
          nation: nationName(r.nationCode)!,
          nationCode: r.nationCode,
          birthDate: r.birthDate,
          address: r.address,
          idNumber: first17 + gb11643CheckChar(first17),
          idNumberValid: true,
          authority: r.authority,
          validFrom: r.validFrom,
          validTo: r.validTo,
        };
      });
    fc.assert(
      fc.property(card, (c) => isDeepStrictEqual(parseTextBlock(encodeTextBlock(c)), c)),
      { numRuns: 10_000 },
    );
  });
});
