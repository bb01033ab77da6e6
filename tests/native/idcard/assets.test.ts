import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as errors from '../../../native/idcard/errors.ts';
import { nationCodes, nationName } from '../../../native/idcard/nations.ts';
import { errorForStatus } from '../../../native/idcard/sam-status.ts';

const read = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8'));

describe('assets/idcard/nations.json', () => {
  it('conforms to its JSON schema', () => {
    const schema = z.fromJSONSchema(read('assets/idcard/nations.schema.json') as z.core.JSONSchema.JSONSchema);
    expect(schema.safeParse(read('assets/idcard/nations.json')).success).toBe(true);
    // The schema really constrains the table: a 57th nation or an empty name is refused.
    const table = read('assets/idcard/nations.json') as { nations: Record<string, string> };
    expect(schema.safeParse({ nations: { ...table.nations, '57': '某' } }).success).toBe(false);
    expect(schema.safeParse({ nations: { ...table.nations, '01': '' } }).success).toBe(false);
  });

  it('has the 56 nations plus 97 and 98', () => {
    const codes = nationCodes();
    expect(codes).toHaveLength(58);
    expect(nationName('01')).toBe('汉');
    expect(nationName('56')).toBe('基诺');
    expect(nationName('97')).toBe('其他');
    expect(nationName('98')).toBe('外国血统中国籍人士');
    expect(nationName('57')).toBeUndefined();
    expect(nationName('toString')).toBeUndefined();
  });
});

describe('messages', () => {
  const zh = read('assets/messages/zh-CN/idcard.json') as Record<string, string>;
  const en = read('assets/messages/en/idcard.json') as Record<string, string>;

  /** One instance of every error class, to read its code and params. */
  const instances: errors.IdCardError[] = [
    new errors.NoCardError(),
    new errors.SelectFailedError(),
    new errors.ReadFailedError(0x41),
    new errors.ChecksumError('response'),
    new errors.BadFrameError('x'),
    new errors.BadTextError('name', 'x'),
    new errors.IdCardTimeoutError('find', 1),
    new errors.UnpluggedError('/dev/x'),
    new errors.UnknownCardError(),
    new errors.UnsupportedCardTypeError('Q'),
    new errors.NotResidentCardError('hmt-residence'),
    new errors.CardExpiredError('2020-01-01'),
    new errors.AuthenticationFailedError(0x31),
    new errors.SamNotAuthorisedError(0x66),
    new errors.SamFaultError(),
    new errors.ProtocolError(0x21),
    new errors.FingerprintError(),
    new errors.NoSuchItemError(),
    new errors.SamError(0x24),
    new errors.BadProfileError('p', 'x'),
    new errors.WltLibraryUnusableError('x'),
    new errors.PhotoDecodeFailedError('x'),
    ...Array.from({ length: 256 }, (_, sw3) => errorForStatus(sw3)),
  ];

  it('lists every error class exported by errors.ts', () => {
    const classes = Object.values(errors).filter(
      (v): v is typeof errors.IdCardError => typeof v === 'function' && v.prototype instanceof errors.IdCardError,
    );
    for (const cls of classes) expect(instances.some((e) => e instanceof cls)).toBe(true);
  });

  it('has a Chinese and an English message for every code, and nothing else', () => {
    const codes = new Set([...instances.map((e) => e.code), 'idcard.photo-no-decoder', 'idcard.photo-decode-failed']);
    expect(Object.keys(zh).sort()).toEqual([...codes].sort());
    expect(Object.keys(en).sort()).toEqual([...codes].sort());
  });

  it('uses only placeholders the error supplies', () => {
    for (const error of instances) {
      for (const table of [zh, en]) {
        for (const [, name] of table[error.code]!.matchAll(/\{(\w+)\}/g)) expect(error.params).toHaveProperty(name!);
      }
    }
  });
});
