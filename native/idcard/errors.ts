/**
 * Every way reading a resident ID card can fail, one class per failure a person or technician would handle
 * differently. Each `code` is also the key of its message in assets/messages/<locale>/idcard.json.
 */
import { StationError } from '../../contract/domain/errors.ts';

/** A protocol step, named for messages and logs. */
export type IdCardStep = 'find' | 'select' | 'read' | 'sam-id' | 'sam-status';

/**
 * Where decoded bytes came from: the device (a fault is a hardware failure) or a caller such as
 * `station idcard decode <file>` (a fault means the caller's input is wrong, CLI exit code 2).
 */
export type DataOrigin = 'device' | 'input';

interface ErrorOptions {
  cause?: unknown;
}

function kindFor(origin: DataOrigin): 'input' | 'failure' {
  return origin === 'input' ? 'input' : 'failure';
}

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0').toUpperCase();
}

export abstract class IdCardError extends StationError {}

export class NoCardError extends IdCardError {
  constructor() {
    super('idcard.no-card', 'no ID card on the reader');
  }
}

/** SW3 0x81: the card answered the find but could not be selected — usually moved or lifted away. */
export class SelectFailedError extends IdCardError {
  constructor() {
    super('idcard.select-failed', 'the ID card could not be selected (moved or removed?)');
  }
}

/** SW3 0x41 / 0x3F / 0x47: the card stopped answering or gave inconsistent data while being read. */
export class ReadFailedError extends IdCardError {
  constructor(sw3: number) {
    super('idcard.read-failed', `reading the ID card failed (SW3 ${hex(sw3)})`, { params: { sw3: hex(sw3) } });
  }
}

/** An XOR checksum mismatch: ours on a response, or the SAM's on our request (SW3 0x10). */
export class ChecksumError extends IdCardError {
  constructor(side: 'response' | 'request', origin: DataOrigin = 'device') {
    super('idcard.checksum', `checksum error in the ${side} frame`, { params: { side }, kind: kindFor(origin) });
  }
}

/** Bytes that cannot be a SAM frame, or a response whose layout does not match what was asked. */
export class BadFrameError extends IdCardError {
  constructor(reason: string, origin: DataOrigin = 'device') {
    super('idcard.bad-frame', `malformed SAM frame: ${reason}`, { params: { reason }, kind: kindFor(origin) });
  }
}

/** A text field that is not what GA 467 allows (e.g. gender "7", birth date 2023-02-30). */
export class BadTextError extends IdCardError {
  constructor(field: string, reason: string, origin: DataOrigin = 'device') {
    super('idcard.bad-text', `bad ${field} in the card text: ${reason}`, {
      params: { field, reason },
      kind: kindFor(origin),
    });
  }
}

export class IdCardTimeoutError extends IdCardError {
  constructor(step: IdCardStep, timeoutMs: number) {
    super('idcard.timeout', `the ID card reader did not answer the ${step} request within ${timeoutMs} ms`, {
      params: { step, timeoutMs },
    });
  }
}

/** The reader's serial port is gone or cannot be opened. */
export class UnpluggedError extends IdCardError {
  constructor(path: string, options: ErrorOptions = {}) {
    super('idcard.unplugged', `the ID card reader at ${path} is not connected`, { params: { path }, ...options });
  }
}

/** SW3 0x40: the SAM does not recognise the card at all (a bank card, a bus card …). */
export class UnknownCardError extends IdCardError {
  constructor() {
    super('idcard.unknown-card', 'the card on the reader is not an identity card');
  }
}

/** The card-type flag at text offset 248 names a layout we do not know. */
export class UnsupportedCardTypeError extends IdCardError {
  constructor(flag: string, origin: DataOrigin = 'device') {
    super('idcard.unsupported-card-type', `unsupported card type flag ${JSON.stringify(flag)}`, {
      params: { flag },
      kind: kindFor(origin),
    });
  }
}

/** A readable identity document of a kind the caller did not accept (e.g. a foreigner's card). */
export class NotResidentCardError extends IdCardError {
  constructor(cardType: string) {
    super('idcard.not-resident-card', `a ${cardType} card was presented where a resident ID card is required`, {
      params: { cardType },
      kind: 'input',
    });
  }
}

export class CardExpiredError extends IdCardError {
  constructor(validTo: string) {
    super('idcard.expired', `the ID card expired on ${validTo}`, { params: { validTo }, kind: 'input' });
  }
}

/** SW3 0x31 / 0x32 / 0x33: card and SAM did not authenticate each other — possibly a forged card. */
export class AuthenticationFailedError extends IdCardError {
  constructor(sw3: number) {
    super('idcard.authentication-failed', `card and SAM failed to authenticate each other (SW3 ${hex(sw3)})`, {
      params: { sw3: hex(sw3) },
    });
  }
}

/** SW3 0x23 / 0x66: the SAM module is not authorised — the reader needs service from its vendor. */
export class SamNotAuthorisedError extends IdCardError {
  constructor(sw3: number) {
    super('idcard.sam-not-authorised', `the reader's SAM is not authorised (SW3 ${hex(sw3)})`, {
      params: { sw3: hex(sw3) },
    });
  }
}

/** SW3 0x60: the SAM failed its self-test. */
export class SamFaultError extends IdCardError {
  constructor() {
    super('idcard.sam-fault', "the reader's SAM failed its self-test");
  }
}

/** SW3 0x11 / 0x21: the SAM could not make sense of our request (garbled on the wire). */
export class ProtocolError extends IdCardError {
  constructor(sw3: number) {
    super('idcard.protocol', `the SAM rejected the request (SW3 ${hex(sw3)})`, { params: { sw3: hex(sw3) } });
  }
}

/** SW3 0x37: fingerprint data could not be read. */
export class FingerprintError extends IdCardError {
  constructor() {
    super('idcard.fingerprint-failed', 'the fingerprint data on the card could not be read');
  }
}

/** SW3 0x91: the card holds no such item (e.g. no appended address). */
export class NoSuchItemError extends IdCardError {
  constructor() {
    super('idcard.no-such-item', 'the card holds no such item');
  }
}

/** SW3 0x24 and any status code GA 467 does not list. */
export class SamError extends IdCardError {
  constructor(sw3: number) {
    super('idcard.sam-error', `the reader's SAM reported error ${hex(sw3)}`, { params: { sw3: hex(sw3) } });
  }
}

/** A simulator card profile that cannot be written onto a card. */
export class BadProfileError extends IdCardError {
  constructor(profile: string, reason: string) {
    super('idcard.bad-profile', `card profile ${profile}: ${reason}`, { params: { profile, reason }, kind: 'input' });
  }
}

/** The reader vendor's WLT photo library cannot be used: not found, not loadable, lacking its function, or closed. */
export class WltLibraryUnusableError extends IdCardError {
  constructor(reason: string, options: ErrorOptions = {}) {
    super('idcard.wlt-library-unusable', `the WLT photo decoder library is unusable: ${reason}`, {
      params: { reason },
      ...options,
    });
  }
}

/** The WLT photo could not be turned into a picture: the vendor's function refused it or gave no usable image. */
export class PhotoDecodeFailedError extends IdCardError {
  constructor(reason: string, origin: DataOrigin = 'device') {
    super('idcard.photo-decode-failed', `the card photo could not be decoded: ${reason}`, {
      params: { reason },
      kind: kindFor(origin),
    });
  }
}
