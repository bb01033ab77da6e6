import type { CaseState } from '../../contract/cases.ts';
import { StationError } from '../../contract/errors.ts';

/** What can happen to a case after intake, and from which states (DESIGN.md §2; steps may run in parallel upstream). */
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

/** States in which the case is still being worked on: these have a deadline that can pass. */
export const OPEN_STATES: readonly CaseState[] = ['received', 'forwarded', 'in_review', 'public_notice', 'supplement_requested'];

export class TransitionError extends StationError {
  constructor(action: string, state: CaseState) {
    super('cases.bad-transition', `cannot ${action} a case that is ${state}`, { params: { action, state }, kind: 'input' });
  }
}

/** The state after `action`, or a typed error when the case is not in a state that allows it. */
export function nextState(state: CaseState, action: CaseAction): CaseState {
  const t = TRANSITIONS[action];
  if (!(t.from as readonly CaseState[]).includes(state)) throw new TransitionError(action, state);
  return t.to;
}
