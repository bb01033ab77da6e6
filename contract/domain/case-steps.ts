import type { CaseAction } from './case-states.ts';
import type { HandlingLevel } from './catalog.ts';
import type { Role } from './roles.ts';

/**
 * Who decides a case (docs/architecture.md, "Cases"). A matter's handling level says where it is decided: a village
 * matter (村级办结) at the station; every other level (village takes in and forwards, township, county) at the
 * township, which records the county's decision too. The station then only takes it in, forwards it, hands in what
 * was owed, hands over the result and closes it. Shared by the station, which refuses a step that is not its own,
 * and the township, which refuses such a step arriving by sync.
 */
export const DECISION_STEPS = ['review', 'notice', 'requestSupplement', 'approve', 'reject', 'resultReady'] as const satisfies readonly CaseAction[];
export type DecisionStep = (typeof DECISION_STEPS)[number];

/** Whether a step (or any event type) decides the case: only these depend on where the matter is decided. */
export const isDecision = (action: string): action is DecisionStep => (DECISION_STEPS as readonly string[]).includes(action);

/** Steps a station takes on every case, whatever its level. */
const STATION_STEPS = ['forward', 'supplementProvided', 'deliver', 'close', 'withdraw'] as const satisfies readonly CaseAction[];

/** Whether a station may take `action` on a case of a matter handled at `level`. */
export function stationTakes(level: HandlingLevel, action: CaseAction): boolean {
  if (isDecision(action)) return level === 'village';
  // A village matter is decided here: there is no one to forward it to.
  if (action === 'forward') return level !== 'village';
  return (STATION_STEPS as readonly string[]).includes(action);
}

/** The station roles that decide: 代办员 take matters in on others' behalf and never decide; 运维人员 touch no case. */
const DECIDING_ROLES: readonly Role[] = ['clerk', 'admin'];
const WORKING_ROLES: readonly Role[] = ['clerk', 'agent', 'admin'];

/** Whether a station member in `role` may take `action` (the level is checked by `stationTakes`). */
export function roleTakes(role: Role, action: CaseAction): boolean {
  return (isDecision(action) ? DECIDING_ROLES : WORKING_ROLES).includes(role);
}

/** The steps a station member in `role` may take on a case of `level`, in the order of the state machine. */
export function stepsFor(level: HandlingLevel, role: Role, actions: readonly CaseAction[]): CaseAction[] {
  return actions.filter((a) => stationTakes(level, a) && roleTakes(role, a));
}
