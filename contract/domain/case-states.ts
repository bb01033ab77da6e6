import type { CaseState } from './cases.ts';

/**
 * What can happen to a case after intake, and from which states (docs/architecture.md, "Cases"). Shared by the station and the
 * township so both mean the same thing by every step.
 */
export const TRANSITIONS = {
  forward: { from: ['received'], to: 'forwarded' },
  review: { from: ['received', 'forwarded'], to: 'in_review' },
  notice: { from: ['in_review'], to: 'public_notice' },
  requestSupplement: { from: ['received', 'forwarded', 'in_review', 'public_notice'], to: 'supplement_requested' },
  supplementProvided: { from: ['supplement_requested'], to: 'in_review' },
  approve: { from: ['received', 'forwarded', 'in_review', 'public_notice'], to: 'approved' },
  reject: { from: ['received', 'forwarded', 'in_review', 'public_notice', 'supplement_requested'], to: 'rejected' },
  resultReady: { from: ['approved'], to: 'result_ready' },
  deliver: { from: ['result_ready'], to: 'delivered' },
  close: { from: ['delivered', 'rejected', 'withdrawn'], to: 'closed' },
  withdraw: { from: ['received', 'forwarded', 'in_review', 'public_notice', 'supplement_requested'], to: 'withdrawn' },
} as const satisfies Record<string, { from: readonly CaseState[]; to: CaseState }>;

export type CaseAction = keyof typeof TRANSITIONS;
export const CASE_ACTIONS = Object.keys(TRANSITIONS) as [CaseAction, ...CaseAction[]];

/** States in which the case is still being worked on: these have a deadline that can pass. */
export const OPEN_STATES: readonly CaseState[] = ['received', 'forwarded', 'in_review', 'public_notice', 'supplement_requested'];

/** Whether `action` may happen to a case in `state`. */
export function allows(state: CaseState, action: CaseAction): boolean {
  return (TRANSITIONS[action].from as readonly CaseState[]).includes(state);
}
