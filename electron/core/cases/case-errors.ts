import type { EligibilityFailure } from '../../../contract/domain/eligibility.ts';
import { StationError } from '../../../contract/domain/errors.ts';

export class UnknownCaseError extends StationError {
  constructor(caseNo: string) {
    super('cases.unknown-case', `no case ${caseNo}`, { params: { caseNo: caseNo.slice(0, 40) }, kind: 'input' });
  }
}

/** Required materials are neither handed in, waived, nor promised: print the 一次性告知单 instead of a case. */
export class MaterialsMissingError extends StationError {
  constructor(readonly missing: { id: string; name: string }[]) {
    super('cases.materials-missing', `materials missing: ${missing.map((m) => m.id).join(', ')}`, {
      params: { count: missing.length, names: missing.map((m) => m.name).join('、') },
      kind: 'input',
    });
  }
}

export class MaterialError extends StationError {
  constructor(
    code:
      | 'cases.unknown-material'
      | 'cases.exemption-not-allowed'
      | 'cases.rongque-not-allowed'
      | 'cases.rongque-required-material'
      | 'cases.rongque-at-kiosk'
      | 'cases.bad-due-date',
    material: string,
    params: Record<string, string | number> = {},
  ) {
    super(code, `${code}: ${material}`, { params: { material, ...params }, kind: 'input' });
  }
}

/** A 代办 intake for a matter that must be applied for in person. */
export class ProxyNotAllowedError extends StationError {
  constructor(matter: string) {
    super('cases.proxy-not-allowed', `${matter} may not be handled by mandate`, { params: { matter }, kind: 'input' });
  }
}

/** A decision on a matter decided at the township or the county (contract/domain/case-steps.ts). */
export class StepNotStationError extends StationError {
  constructor(matter: string, step: string) {
    super('cases.step-not-station', `${step} on ${matter} is not the station's to take`, { params: { matter, step }, kind: 'input' });
  }
}

/** A decision asked of a station member whose role does not decide (代办员). */
export class StepNotRoleError extends StationError {
  constructor(role: string, step: string) {
    super('cases.step-not-role', `a ${role} may not ${step} a case`, { params: { role, step }, kind: 'input' });
  }
}

/** People on the integrity blacklist lose the 容缺 green channel; the clerk sees why. */
export class BlacklistedError extends StationError {
  constructor(reason: string) {
    super('cases.blacklisted', 'applicant is on the integrity blacklist: no 容缺', { params: { reason }, kind: 'input' });
  }
}

export class BadIdNumberError extends StationError {
  constructor() {
    super('cases.bad-id-number', 'the ID number fails its check digit or date', { kind: 'input' });
  }
}

/** Only a signed-in clerk or agent may do this. */
export class StaffOnlyError extends StationError {
  constructor() {
    super('cases.staff-only', 'a signed-in clerk or agent is needed for this');
  }
}

/** The applicant fails a condition the station decides by itself (age, household): the matter is not theirs to apply for here. */
export class NotEligibleError extends StationError {
  constructor(matter: string, failure: EligibilityFailure) {
    super(failure.code, `${matter}: ${failure.code} ${JSON.stringify(failure.params)}`, { params: { matter, ...failure.params }, kind: 'input' });
  }
}
