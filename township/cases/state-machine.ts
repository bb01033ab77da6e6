import type { CaseState } from '../../contract/domain/cases.ts';
import { allows, TRANSITIONS, type CaseAction } from '../../contract/domain/case-states.ts';

/**
 * What the township does to a case, each as one transition. `post` is delivery of the result by post (free, with a
 * tracking number), the township's way of doing `deliver`.
 */
export const TOWNSHIP_ACTIONS = {
  review: 'review',
  notice: 'notice',
  requestSupplement: 'requestSupplement',
  approve: 'approve',
  reject: 'reject',
  resultReady: 'resultReady',
  post: 'deliver',
} as const satisfies Record<string, CaseAction>;

export type TownshipAction = keyof typeof TOWNSHIP_ACTIONS;
export const townshipActionNames = Object.keys(TOWNSHIP_ACTIONS) as [TownshipAction, ...TownshipAction[]];

const isAction = (type: string): type is CaseAction => Object.hasOwn(TRANSITIONS, type);

/** The state after `action`, or null when the case is not in a state that allows it. */
export function nextState(state: CaseState, action: CaseAction): CaseState | null {
  return allows(state, action) ? TRANSITIONS[action].to : null;
}

/**
 * The township's state of a case after a station event. The first event sets it; after that a station's action
 * moves it only where the machine allows from the township's state, so an offline station's older step (a forward
 * arriving after the township began review) never winds back what the township has done. Other event types
 * (intake, a supplied material) leave it as it is. The event itself is always kept as sent.
 */
export function stateAfterStationEvent(current: CaseState | undefined, type: string, reported: CaseState): CaseState {
  if (current === undefined) return reported;
  return (isAction(type) && nextState(current, type)) || current;
}
