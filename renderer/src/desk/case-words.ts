import { CASE_ACTIONS, type CaseAction } from '../../../contract/domain/case-states.ts';
import type { CaseState } from '../../../contract/domain/cases.ts';
import type { DeskView } from '../../../contract/domain/desk-views.ts';

export type { CaseAction };

/** A case's state as a villager says it: 已受理, 审核中, 可领取结果 … */
export const STATE_KEYS: Record<CaseState, string> = {
  received: 'ui.case.state.received',
  forwarded: 'ui.case.state.forwarded',
  in_review: 'ui.case.state.in_review',
  public_notice: 'ui.case.state.public_notice',
  supplement_requested: 'ui.case.state.supplement_requested',
  approved: 'ui.case.state.approved',
  rejected: 'ui.case.state.rejected',
  result_ready: 'ui.case.state.result_ready',
  delivered: 'ui.case.state.delivered',
  closed: 'ui.case.state.closed',
  withdrawn: 'ui.case.state.withdrawn',
};

export const VIEW_KEYS: Record<DeskView, string> = {
  today: 'ui.desk.view.today',
  'due-soon': 'ui.desk.view.due-soon',
  overdue: 'ui.desk.view.overdue',
  owed: 'ui.desk.view.owed',
  moved: 'ui.desk.view.moved',
  recent: 'ui.desk.view.recent',
};

/**
 * The steps the core says the clerk may take now (the state, where the matter is decided and the role), in the
 * state machine's order, with the two that end a case against the applicant's hopes (不予批准, 撤回) last.
 */
export function orderSteps(steps: readonly CaseAction[]): CaseAction[] {
  const known = CASE_ACTIONS.filter((a) => steps.includes(a));
  return [...known.filter((a) => !CONFIRM_ACTIONS.has(a)), ...known.filter((a) => CONFIRM_ACTIONS.has(a))];
}

/** The button of each step. */
export const ACTION_KEYS: Record<CaseAction, string> = {
  forward: 'ui.case.action.forward',
  review: 'ui.case.action.review',
  notice: 'ui.case.action.notice',
  requestSupplement: 'ui.case.action.requestSupplement',
  supplementProvided: 'ui.case.action.supplementProvided',
  approve: 'ui.case.action.approve',
  reject: 'ui.case.action.reject',
  resultReady: 'ui.case.action.resultReady',
  deliver: 'ui.case.action.deliver',
  close: 'ui.case.action.close',
  withdraw: 'ui.case.action.withdraw',
};

/** Steps that end a case against the applicant's hopes: asked twice. */
export const CONFIRM_ACTIONS: ReadonlySet<CaseAction> = new Set<CaseAction>(['reject', 'withdraw']);

/** What happened, for the history: the event types the core writes. */
export const EVENT_KEYS: Record<string, string> = {
  received: 'ui.case.event.received',
  forward: 'ui.case.event.forward',
  review: 'ui.case.event.review',
  notice: 'ui.case.event.notice',
  requestSupplement: 'ui.case.event.requestSupplement',
  supplementProvided: 'ui.case.event.supplementProvided',
  approve: 'ui.case.event.approve',
  reject: 'ui.case.event.reject',
  resultReady: 'ui.case.event.resultReady',
  deliver: 'ui.case.event.deliver',
  close: 'ui.case.event.close',
  withdraw: 'ui.case.event.withdraw',
  materialSupplied: 'ui.case.event.materialSupplied',
  dueDateChanged: 'ui.case.event.dueDateChanged',
  faceChecked: 'ui.case.event.faceChecked',
};
