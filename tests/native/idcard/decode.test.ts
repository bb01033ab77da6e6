import { describe, expect, it } from 'vitest';
import { decodeReadResponse, splitReadData } from '../../../native/idcard/decode.ts';
import {
  BadFrameError,
  ChecksumError,
  ReadFailedError,
  UnsupportedCardTypeError,
} from '../../../native/idcard/errors.ts';
import { parseHexOrBinary } from '../../../native/idcard/hex-input.ts';
import { encodeResponse } from '../../../native/idcard/sam-frame.ts';
import { encodeReadResponse, readResponseData } from '../../../native/idcard/simulator/card-encoder.ts';
import { loadProfiles, type CardProfile } from '../../../native/idcard/simulator/profiles.ts';

const profiles = [...loadProfiles().values()];
const photo = { format: 'wlt', bytes: 1024, decoded: null, unavailableReason: 'idcard.photo-no-decoder' };

/** A text block built from the offsets in docs/architecture.md ("Device reference"), independently of native/idcard/layouts.ts. */
function residentTextByHand(): Buffer {
  const text = Buffer.alloc(256);
  for (let i = 0; i < 256; i += 2) text.writeUInt16LE(0x20, i);
  const put = (offset: number, value: string) => text.write(value, offset, 'utf16le');
  put(0, '张示例');
  put(30, '2');
  put(32, '03');
  put(36, '19491231');
  put(52, '北京市示例区测试街道1号');
  put(122, '11010519491231002X');
  put(158, '示例市公安局');
  put(188, '20100101');
  put(204, '长期');
  return text;
}

describe('decodeReadResponse', () => {
  it('decodes a hand-built resident card (known answer)', () => {
    const data = Buffer.concat([Buffer.from([0x01, 0x00, 0x04, 0x00]), residentTextByHand(), Buffer.alloc(1024, 7)]);
    const card = decodeReadResponse(encodeResponse(0x90, data));
    expect(card).toEqual({
      cardType: 'resident',
      name: '张示例',
      gender: '女',
      genderCode: '2',
      nation: '回',
      nationCode: '03',
      birthDate: '1949-12-31',
      address: '北京市示例区测试街道1号',
      idNumber: '11010519491231002X',
      idNumberValid: true,
      authority: '示例市公安局',
      validFrom: '2010-01-01',
      validTo: '长期',
      photo,
    });
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
  });

  it('reads the fingerprint form (30 10) with its shifted offsets', () => {
    const fingerprint = Buffer.alloc(1024, 0x5a);
    const data = Buffer.concat([
      Buffer.from([0x01, 0x00, 0x04, 0x00, 0x04, 0x00]),
      residentTextByHand(),
      Buffer.alloc(1024, 7),
      fingerprint,
    ]);
    const frame = encodeResponse(0x90, data);
    expect(frame.length).toBe(2321);
    expect(frame.readUInt16BE(5)).toBe(0x090a);
    const card = decodeReadResponse(frame);
    expect(card.name).toBe('张示例');
    expect(card.fingerprint).toEqual({ bytes: 1024 });
    const parts = splitReadData(data, 'input', 'text-photo-fingerprint');
    expect(Buffer.from(parts.fingerprint!).equals(fingerprint)).toBe(true);
    expect(parts.wlt.every((b) => b === 7)).toBe(true);
  });

  it.each(profiles.map((p) => [p.id, p] as const))('round-trips profile %s', (_id, profile: CardProfile) => {
    expect(decodeReadResponse(encodeReadResponse(profile, 'text-photo'))).toEqual({ ...profile.card, photo });
    const withFingerprint = decodeReadResponse(encodeReadResponse(profile, 'text-photo-fingerprint'));
    expect(withFingerprint).toEqual({
      ...profile.card,
      photo,
      ...(profile.fingerprint ? { fingerprint: { bytes: 1024 } } : {}),
    });
  });

  it('finds the read response among the other frames of a capture, behind garbage', () => {
    const profile = profiles[0]!;
    const capture = Buffer.concat([
      Buffer.from('0102aaaa', 'hex'),
      encodeResponse(0x9f, new Uint8Array(4)),
      encodeResponse(0x90, new Uint8Array(8)),
      encodeReadResponse(profile),
    ]);
    expect(decodeReadResponse(capture).name).toBe(profile.card.name);
  });

  it('turns a captured failure status into its typed error', () => {
    expect(() => decodeReadResponse(encodeResponse(0x41))).toThrow(ReadFailedError);
  });

  it('reports bad input as typed input errors', () => {
    expect(() => decodeReadResponse(Buffer.from('not a frame'))).toThrow(BadFrameError);
    const frame = encodeReadResponse(profiles[0]!);
    frame[100]! ^= 0x10;
    try {
      decodeReadResponse(frame);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ChecksumError);
      expect((error as ChecksumError).kind).toBe('input');
    }
    expect(() => decodeReadResponse(frame, { origin: 'device' })).toThrow(
      expect.objectContaining({ code: 'idcard.checksum', kind: 'failure' }),
    );
  });

  it('rejects read data whose lengths do not add up', () => {
    const data = readResponseData(profiles[0]!, 'text-photo');
    expect(() => splitReadData(data.subarray(0, data.length - 1))).toThrow(BadFrameError);
    expect(() => splitReadData(data, 'device', 'text-photo-fingerprint')).toThrow(BadFrameError);
    const wrongText = Buffer.from(data);
    wrongText.writeUInt16BE(0x00ff, 0);
    expect(() => splitReadData(wrongText)).toThrow(BadFrameError);
  });

  it('refuses an unknown card type flag', () => {
    const data = Buffer.from(readResponseData(profiles[0]!, 'text-photo'));
    data.write('Q', 4 + 248, 'utf16le');
    expect(() => decodeReadResponse(encodeResponse(0x90, data))).toThrow(UnsupportedCardTypeError);
  });
});

describe('parseHexOrBinary', () => {
  const frame = encodeReadResponse(profiles[0]!);

  it('reads hex text with any whitespace', () => {
    const text = frame
      .toString('hex')
      .replace(/(..)/g, '$1 ')
      .replace(/((?:.. ){16})/g, '$1\n');
    expect(parseHexOrBinary(Buffer.from(`\n${text.toUpperCase()}\r\n`)).equals(frame)).toBe(true);
  });

  it('passes raw binary through', () => {
    expect(parseHexOrBinary(frame).equals(frame)).toBe(true);
  });

  it('rejects an odd number of hex digits', () => {
    expect(() => parseHexOrBinary(Buffer.from('AAA'))).toThrow(BadFrameError);
  });

  it('feeds decodeReadResponse', () => {
    expect(decodeReadResponse(parseHexOrBinary(Buffer.from(frame.toString('hex')))).idNumber).toBe(
      profiles[0]!.card.idNumber,
    );
  });
});
