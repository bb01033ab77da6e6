import type { CaseState } from '../../../contract/domain/cases.ts';
import { STATE_KEYS } from '../desk/case-words.ts';

/**
 * A case's state as the villager reads it at 查进度. Once the township has approved a case, it is 已办结 for the
 * villager, with what is left to them in brackets (collect, or it has been handed over or posted); the other states
 * read as at the window.
 */
export const PROGRESS_STATE_KEYS: Record<CaseState, string> = {
  ...STATE_KEYS,
  approved: 'ui.progress.state.approved',
  result_ready: 'ui.progress.state.result_ready',
  delivered: 'ui.progress.state.delivered',
  closed: 'ui.progress.state.closed',
};
