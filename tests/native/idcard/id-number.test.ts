import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  check731Digit,
  checkForeignPermanentNumber2017,
  checkForeignPermanentNumber2023,
  checkIdNumber,
  gb11643CheckChar,
} from '../../../contract/domain/id-number.ts';

describe('GB 11643-1999', () => {
  it('accepts the standard example 11010519491231002X', () => {
    expect(checkIdNumber('11010519491231002X')).toEqual({
      valid: true,
      problems: [],
      birthDate: '1949-12-31',
      genderCode: '2',
    });
  });

  it('names each problem', () => {
    expect(checkIdNumber('110105194912310021').problems).toEqual(['check-digit']);
    expect(checkIdNumber('990105194912310024').problems).toContain('region');
    expect(checkIdNumber('11010519490230002X').problems).toContain('birth-date');
    expect(checkIdNumber('11010519491231002x').problems).toEqual(['shape']);
    expect(checkIdNumber('1101051949123100').problems).toEqual(['shape']);
  });

  it('knows leap years', () => {
    const id = (date: string) => `110105${date}001` + gb11643CheckChar(`110105${date}001`);
    expect(checkIdNumber(id('20000229')).valid).toBe(true);
    expect(checkIdNumber(id('19000229')).problems).toEqual(['birth-date']);
    expect(checkIdNumber(id('20240229')).valid).toBe(true);
  });

  it('detects every single-digit substitution (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{17}$/),
        fc.nat(16),
        fc.integer({ min: 1, max: 9 }),
        (first17, position, delta) => {
          const id = first17 + gb11643CheckChar(first17);
          const digit = (Number(id[position]) + delta) % 10;
          const mutated = id.slice(0, position) + digit + id.slice(position + 1);
          expect(checkIdNumber(mutated).problems).toContain('check-digit');
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('foreigner permanent residence numbers', () => {
  it('2017: 7-3-1 check digit and the birth date inside the number', () => {
    expect(check731Digit('CAN11008001151')).toBe('3');
    expect(checkForeignPermanentNumber2017('CAN110080011513', '1980-01-15').valid).toBe(true);
    expect(checkForeignPermanentNumber2017('CAN110080011514', '1980-01-15').problems).toEqual(['check-digit']);
    expect(checkForeignPermanentNumber2017('CAN110080011513', '1980-01-16').problems).toEqual(['birth-date']);
    expect(checkForeignPermanentNumber2017('CA1110080011513', '1980-01-15').problems).toEqual(['shape']);
  });

  it('2023: 18 digits starting with 9, GB 11643 check character', () => {
    expect(checkForeignPermanentNumber2023('911724199206300021')).toMatchObject({ valid: true, birthDate: '1992-06-30' });
    expect(checkForeignPermanentNumber2023('911724199206300022').problems).toEqual(['check-digit']);
    expect(checkForeignPermanentNumber2023('811724199206300021').problems).toEqual(['shape']);
  });
});
