/** SAM status byte SW3 (GA 467-2013) → meaning and typed error. */
import {
  AuthenticationFailedError,
  ChecksumError,
  FingerprintError,
  NoCardError,
  NoSuchItemError,
  ProtocolError,
  ReadFailedError,
  SamError,
  SamFaultError,
  SamNotAuthorisedError,
  SelectFailedError,
  UnknownCardError,
  type IdCardError,
} from './errors.ts';

export const SW3 = {
  ok: 0x90,
  noSuchItem: 0x91,
  findOk: 0x9f,
  checksum: 0x10,
  length: 0x11,
  command: 0x21,
  unauthorised: 0x23,
  unknown: 0x24,
  cardAuthSam: 0x31,
  samAuthCard: 0x32,
  verification: 0x33,
  fingerprint: 0x37,
  infoLength: 0x3f,
  unknownCardType: 0x40,
  readFailed: 0x41,
  randomNumber: 0x47,
  selfTest: 0x60,
  samNotAuthorised: 0x66,
  findFailed: 0x80,
  selectFailed: 0x81,
} as const;

/** True for the status codes that mean success. */
export function isSuccess(sw3: number): boolean {
  return sw3 === SW3.ok || sw3 === SW3.findOk;
}

/**
 * Statuses caused by a garbled request on the wire: sending the same request again can succeed. Everything else
 * describes the card or the SAM and repeating the request gives the same answer.
 */
export function isTransient(sw3: number): boolean {
  return sw3 === SW3.checksum || sw3 === SW3.length || sw3 === SW3.command;
}

/** The typed error for a failure status; callers check `isSuccess` first. */
export function errorForStatus(sw3: number): IdCardError {
  switch (sw3) {
    case SW3.findFailed:
      return new NoCardError();
    case SW3.selectFailed:
      return new SelectFailedError();
    case SW3.readFailed:
    case SW3.infoLength:
    case SW3.randomNumber:
      return new ReadFailedError(sw3);
    case SW3.checksum:
      return new ChecksumError('request');
    case SW3.length:
    case SW3.command:
      return new ProtocolError(sw3);
    case SW3.cardAuthSam:
    case SW3.samAuthCard:
    case SW3.verification:
      return new AuthenticationFailedError(sw3);
    case SW3.unauthorised:
    case SW3.samNotAuthorised:
      return new SamNotAuthorisedError(sw3);
    case SW3.selfTest:
      return new SamFaultError();
    case SW3.unknownCardType:
      return new UnknownCardError();
    case SW3.fingerprint:
      return new FingerprintError();
    case SW3.noSuchItem:
      return new NoSuchItemError();
    default:
      return new SamError(sw3);
  }
}
