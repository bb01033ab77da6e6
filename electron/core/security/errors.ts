import { StationError } from '../../../contract/domain/errors.ts';

export type SecurityErrorCode =
  | 'security.tampered'
  | 'security.unknown-key'
  | 'security.bad-id-number'
  | 'security.weak-pin'
  | 'security.key-permissions'
  | 'security.key-missing'
  | 'security.key-corrupt'
  | 'security.key-unreadable'
  | 'security.key-protector-mismatch';

const INPUT_CODES: ReadonlySet<SecurityErrorCode> = new Set(['security.bad-id-number', 'security.weak-pin']);

/** A key or protected value that cannot be used as it is, or input the security rules refuse. */
export class SecurityError extends StationError {
  declare readonly code: SecurityErrorCode;

  constructor(code: SecurityErrorCode, message: string, params: Record<string, string | number> = {}, cause?: unknown) {
    super(code, message, { params, kind: INPUT_CODES.has(code) ? 'input' : 'failure', cause });
  }
}

export type StaffErrorCode =
  | 'staff.unknown'
  | 'staff.wrong-pin'
  | 'staff.locked'
  | 'staff.inactive'
  | 'staff.forbidden'
  | 'staff.session-expired';

/** Sign-in and permission failures at the staff window. */
export class StaffError extends StationError {
  declare readonly code: StaffErrorCode;

  constructor(code: StaffErrorCode, message: string, params: Record<string, string | number> = {}) {
    super(code, message, { params, kind: code === 'staff.wrong-pin' ? 'input' : 'failure' });
  }
}
