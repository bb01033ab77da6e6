import { describe, expect, it } from 'vitest';
import { cardTypeOf } from '../../../native/idcard/card-type.ts';
import { BadTextError, UnsupportedCardTypeError } from '../../../native/idcard/errors.ts';
import { parseTextBlock } from '../../../native/idcard/text-block.ts';
import { encodeTextBlock } from '../../../native/idcard/simulator/card-encoder.ts';
import { loadProfiles } from '../../../native/idcard/simulator/profiles.ts';

const profiles = loadProfiles();
const profile = (id: string) => profiles.get(id)!;

/** Overwrites a field at a byte offset, space padded to `bytes`. */
function patch(text: Uint8Array, offset: number, bytes: number, value: string): Uint8Array {
  const copy = Buffer.from(text);
  for (let i = offset; i < offset + bytes; i += 2) copy.writeUInt16LE(0x20, i);
  copy.write(value, offset, 'utf16le');
  return copy;
}

describe('card type flag at offset 248', () => {
  it.each([
    [' ', 'resident'],
    ['\0', 'resident'],
    ['J', 'hmt-residence'],
    ['I', 'foreign-permanent-2017'],
    ['Y', 'foreign-permanent-2023'],
  ])('%j → %s', (flag, type) => {
    const text = Buffer.alloc(256);
    text.write(flag, 248, 'utf16le');
    expect(cardTypeOf(text, 'device')).toBe(type);
  });

  it('refuses any other flag', () => {
    const text = Buffer.alloc(256);
    text.write('X', 248, 'utf16le');
    expect(() => cardTypeOf(text, 'device')).toThrow(UnsupportedCardTypeError);
  });
});

describe('layouts, checked against offsets written by hand', () => {
  it('2017 foreigner card (I): English name 0/120, gender 120, number 122/30, nationality 152/6, Chinese name 158/30, birth 220', () => {
    const text = encodeTextBlock(profile('john-example-2017').card);
    const at = (offset: number, bytes: number) => Buffer.from(text.subarray(offset, offset + bytes)).toString('utf16le').trimEnd();
    expect(at(0, 120)).toBe('EXAMPLE, JOHN TESTER');
    expect(at(120, 2)).toBe('1');
    expect(at(122, 30)).toBe('CAN110080011513');
    expect(at(152, 6)).toBe('CAN');
    expect(at(158, 30)).toBe('约翰测试');
    expect(at(220, 16)).toBe('19800115');
    expect(at(248, 2)).toBe('I');
  });

  it('2023 foreigner card (Y): Chinese name 0, English name 52/70 + 220/22, number 122/36, nationality 242/6', () => {
    const text = encodeTextBlock(profile('maria-example-2023').card);
    const at = (offset: number, bytes: number) => Buffer.from(text.subarray(offset, offset + bytes)).toString('utf16le');
    expect(at(0, 30).trimEnd()).toBe('玛丽亚示例');
    expect(at(52, 70)).toBe('SAMPLEFAMILY EXAMPLEHOUSE, MARIANA ');
    expect(at(220, 22).trimEnd()).toBe('ALEJANDRA');
    expect(at(122, 36)).toBe('911724199206300021');
    expect(at(242, 6)).toBe('ESP');
    expect(at(248, 2)).toBe('Y');
    // The run-on name keeps the space at the end of its first part.
    expect(parseTextBlock(text)).toMatchObject({ englishName: 'SAMPLEFAMILY EXAMPLEHOUSE, MARIANA ALEJANDRA' });
  });

  it('HK/Macau/Taiwan permit (J): pass number 220/18, issue count 238/4', () => {
    const text = encodeTextBlock(profile('huang-gangce').card);
    const at = (offset: number, bytes: number) => Buffer.from(text.subarray(offset, offset + bytes)).toString('utf16le').trimEnd();
    expect(at(220, 18)).toBe('H12345678');
    expect(at(238, 4)).toBe('01');
    expect(at(32, 4)).toBe('');
    expect(at(248, 2)).toBe('J');
  });
});

describe('parseTextBlock rejects bad fields with typed errors', () => {
  const resident = encodeTextBlock(profile('li-yangben').card);
  const cases: [string, number, number, string][] = [
    ['gender', 30, 2, '3'],
    ['nation', 32, 4, '57'],
    ['birthDate', 36, 16, '19900230'],
    ['birthDate', 36, 16, '1990115'],
    ['validFrom', 188, 16, ''],
    ['validTo', 204, 16, '永久'],
    ['name', 0, 30, ''],
    ['address', 52, 70, 'a\u0001b'],
  ];
  it.each(cases)('%s = %j', (field, offset, bytes, value) => {
    expect(() => parseTextBlock(patch(resident, offset, bytes, value))).toThrow(
      expect.objectContaining({ code: 'idcard.bad-text', params: expect.objectContaining({ field }) }),
    );
  });

  it('rejects an unpaired surrogate', () => {
    const text = Buffer.from(resident);
    text.writeUInt16LE(0xd800, 0);
    expect(() => parseTextBlock(text)).toThrow(BadTextError);
  });

  it('keeps private-use characters (rare name characters are stored there)', () => {
    const card = parseTextBlock(patch(resident, 0, 30, '李\ue000'));
    expect(card.name).toBe('李\ue000');
  });

  it('flags an ID number that disagrees with the card instead of failing the read', () => {
    const wrongCheck = parseTextBlock(patch(resident, 122, 36, '430524199011050021'));
    expect(wrongCheck.idNumberValid).toBe(false);
    // Valid check digit, but the number says male while the card says female.
    const male = parseTextBlock(patch(resident, 122, 36, '430524199011050038'));
    expect(male.idNumberValid).toBe(false);
  });

  it('rejects a block of the wrong size', () => {
    expect(() => parseTextBlock(new Uint8Array(255))).toThrow(BadTextError);
  });
});
