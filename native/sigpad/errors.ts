import { StationError } from '../../contract/domain/errors.ts';

/** Every code below has a message in assets/messages/<locale>/sigpad.json. */
export const SIGPAD_ERROR_CODES = [
  'sigpad.unavailable',
  'sigpad.absent',
  'sigpad.open-failed',
  'sigpad.detached',
  'sigpad.device-error',
  'sigpad.bad-report',
  'sigpad.bad-layout',
  'sigpad.empty-signature',
  'sigpad.not-capturing',
] as const;
export type SigpadErrorCode = (typeof SIGPAD_ERROR_CODES)[number];

export class SigpadError extends StationError {
  declare readonly code: SigpadErrorCode;
  constructor(
    code: SigpadErrorCode,
    message: string,
    options: { params?: Record<string, string | number>; kind?: 'input' | 'failure'; cause?: unknown } = {},
  ) {
    super(code, message, options);
  }
}

/** The HID library cannot load on this machine (e.g. libusb-1.0 missing): no pad can work until it is installed. */
export class SigpadUnavailableError extends SigpadError {
  constructor(reason: string, cause?: unknown) {
    super('sigpad.unavailable', `HID support unavailable: ${reason}`, { params: { reason }, cause });
  }
}

export class SigpadAbsentError extends SigpadError {
  constructor() {
    super('sigpad.absent', 'no signature pad connected');
  }
}

/** Found but not openable: on Linux usually a missing udev rule, or another program holds it. */
export class SigpadOpenFailedError extends SigpadError {
  constructor(device: string, reason: string, cause?: unknown) {
    super('sigpad.open-failed', `cannot open signature pad ${device}: ${reason}`, {
      params: { device, reason },
      cause,
    });
  }
}

export class SigpadDetachedError extends SigpadError {
  constructor(device: string) {
    super('sigpad.detached', `signature pad ${device} was unplugged`, { params: { device } });
  }
}

export class SigpadDeviceError extends SigpadError {
  constructor(device: string, reason: string, cause?: unknown) {
    super('sigpad.device-error', `signature pad ${device} failed: ${reason}`, { params: { device, reason }, cause });
  }
}

export class SigpadBadReportError extends SigpadError {
  constructor(reportId: number, length: number, reason: string) {
    super('sigpad.bad-report', `bad report 0x${reportId.toString(16).padStart(2, '0')} (${length} bytes): ${reason}`, {
      params: { reportId, length, reason },
    });
  }
}

/** A layout file in assets/sigpad/ is malformed: a packaging or editing mistake, not a user's. */
export class SigpadLayoutError extends SigpadError {
  constructor(source: string, reason: string) {
    super('sigpad.bad-layout', `bad signature pad layout ${source}: ${reason}`, { params: { source, reason } });
  }
}

export class SigpadEmptySignatureError extends SigpadError {
  constructor() {
    super('sigpad.empty-signature', 'nothing was signed', { kind: 'input' });
  }
}

export class SigpadNotCapturingError extends SigpadError {
  constructor(action: string, state: string) {
    super('sigpad.not-capturing', `cannot ${action}: the pad is ${state}, not capturing`, {
      params: { action, state },
      kind: 'input',
    });
  }
}
