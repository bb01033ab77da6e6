import type { CaseState } from '../../../contract/domain/cases.ts';
import { allows, TRANSITIONS, type CaseAction } from '../../../contract/domain/case-states.ts';
import { StationError } from '../../../contract/domain/errors.ts';

export class TransitionError extends StationError {
  constructor(action: string, state: CaseState) {
    super('cases.bad-transition', `cannot ${action} a case that is ${state}`, { params: { action, state }, kind: 'input' });
  }
}

/** The state after `action`, or a typed error when the case is not in a state that allows it. */
export function nextState(state: CaseState, action: CaseAction): CaseState {
  if (!allows(state, action)) throw new TransitionError(action, state);
  return TRANSITIONS[action].to;
}
