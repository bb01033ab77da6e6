import { describe, expect, it } from 'vitest';
import * as errors from '../../../native/idcard/errors.ts';
import { SW3, errorForStatus, isSuccess, isTransient } from '../../../native/idcard/sam-status.ts';

describe('SW3 → typed errors', () => {
  const expected: [number, unknown, string][] = [
    [0x80, errors.NoCardError, 'idcard.no-card'],
    [0x81, errors.SelectFailedError, 'idcard.select-failed'],
    [0x41, errors.ReadFailedError, 'idcard.read-failed'],
    [0x3f, errors.ReadFailedError, 'idcard.read-failed'],
    [0x47, errors.ReadFailedError, 'idcard.read-failed'],
    [0x10, errors.ChecksumError, 'idcard.checksum'],
    [0x11, errors.ProtocolError, 'idcard.protocol'],
    [0x21, errors.ProtocolError, 'idcard.protocol'],
    [0x23, errors.SamNotAuthorisedError, 'idcard.sam-not-authorised'],
    [0x66, errors.SamNotAuthorisedError, 'idcard.sam-not-authorised'],
    [0x24, errors.SamError, 'idcard.sam-error'],
    [0x31, errors.AuthenticationFailedError, 'idcard.authentication-failed'],
    [0x32, errors.AuthenticationFailedError, 'idcard.authentication-failed'],
    [0x33, errors.AuthenticationFailedError, 'idcard.authentication-failed'],
    [0x37, errors.FingerprintError, 'idcard.fingerprint-failed'],
    [0x40, errors.UnknownCardError, 'idcard.unknown-card'],
    [0x60, errors.SamFaultError, 'idcard.sam-fault'],
    [0x91, errors.NoSuchItemError, 'idcard.no-such-item'],
    [0x55, errors.SamError, 'idcard.sam-error'],
  ];

  it.each(expected)('SW3 %s', (sw3, type, code) => {
    const error = errorForStatus(sw3);
    expect(error).toBeInstanceOf(type as typeof errors.IdCardError);
    expect(error).toBeInstanceOf(errors.IdCardError);
    expect(error.code).toBe(code);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ code, kind: 'failure' });
  });

  it('covers every status GA 467 lists', () => {
    for (const sw3 of Object.values(SW3)) {
      if (isSuccess(sw3)) continue;
      expect(expected.map(([s]) => s)).toContain(sw3);
    }
  });

  it('marks only garbled-request statuses as worth repeating', () => {
    expect(Object.values(SW3).filter(isTransient).sort()).toEqual([0x10, 0x11, 0x21]);
  });

  it('shows the status in hex in params', () => {
    expect(errorForStatus(0x3f).params).toEqual({ sw3: '3F' });
  });
});
