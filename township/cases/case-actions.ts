import type { CaseState } from '../../contract/domain/cases.ts';
import { TownshipError } from '../http/errors.ts';
import { canonicalJson } from '../canonical-json.ts';
import { uuid7 } from '../../contract/domain/uuid7.ts';
import type { EventRow } from '../store/rows.ts';
import type { Store } from '../store/store.ts';
import { nextState, TOWNSHIP_ACTIONS, type TownshipAction } from './state-machine.ts';

export interface TownshipActionInput {
  action: TownshipAction;
  trackingNo?: string | undefined;
  note?: string | undefined;
  /** Who at the township did it, for the case history. */
  actor?: string | undefined;
}

/** An event of the case history, its JSON read. */
export interface CaseEventView extends Omit<EventRow, 'detail' | 'attachments'> {
  detail: Record<string, unknown>;
  attachments: string[];
}

export interface CaseView {
  caseNo: string;
  stationId: string;
  state: CaseState;
  createdAt: string;
  updatedAt: string;
  events: CaseEventView[];
  /** Station events received but waiting for attachments. */
  waiting: string[];
}

/**
 * A township step on a case (review, 公示, approve …): checked against the state machine from the township's
 * state, recorded as an event, and put in the case's station's feed, all in one transaction.
 */
export async function applyTownshipAction(
  store: Store,
  caseNo: string,
  input: TownshipActionInput,
  now: Date,
): Promise<{ caseNo: string; state: CaseState; eventId: string; feedSeq: number }> {
  if (input.action === 'post' && !input.trackingNo) {
    throw new TownshipError(400, 'admin.tracking-no-required', 'a posted result needs its tracking number (--tracking-no)');
  }
  if (!Object.hasOwn(TOWNSHIP_ACTIONS, input.action)) {
    throw new TownshipError(400, 'admin.not-township-action', `${input.action} is not something the township does to a case`);
  }
  return store.transaction(async (tx) => {
    const owner = await tx.cases.owner(caseNo);
    if (owner === undefined) throw new TownshipError(404, 'admin.unknown-case', `no case ${caseNo} has reached the township`);
    // The same lock a push of that station takes: a station event and a township step never interleave.
    await tx.lock(`station:${owner}`);
    const state = (await tx.cases.state(caseNo))!;
    const next = nextState(state, TOWNSHIP_ACTIONS[input.action]);
    if (next === null) throw new TownshipError(409, 'admin.bad-transition', `cannot ${input.action} a case that is ${state}`);
    const at = now.toISOString();
    const id = uuid7(now);
    const detail: Record<string, string> = {};
    if (input.trackingNo) detail.trackingNo = input.trackingNo;
    if (input.note) detail.note = input.note;
    const actor = input.actor ?? 'township';
    const event = { caseNo, eventId: id, type: input.action, state: next, at, actor, detail };
    await tx.events.insert({
      id, case_no: caseNo, station_id: owner, origin: 'township', seq: null, type: input.action, at, state: next, actor,
      detail: canonicalJson(detail), attachments: '[]', content: canonicalJson(event), received_at: at,
    });
    await tx.cases.setState(caseNo, next, at);
    const feedSeq = await tx.feed.append('case-state', owner, event, at);
    return { caseNo, state: next, eventId: id, feedSeq };
  });
}

export async function getCase(store: Store, caseNo: string): Promise<CaseView> {
  return store.transaction(async (tx) => {
    const row = await tx.cases.get(caseNo);
    const waiting = await tx.pendingEvents.idsOfCase(caseNo);
    if (!row) {
      throw new TownshipError(404, 'admin.unknown-case', waiting.length > 0 ? `case ${caseNo} has only events waiting for attachments` : `no case ${caseNo} has reached the township`);
    }
    const events = await tx.events.ofCase(caseNo);
    return {
      caseNo: row.case_no,
      stationId: row.station_id,
      state: row.state,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      events: events.map((e) => ({
        ...e,
        detail: JSON.parse(e.detail) as Record<string, unknown>,
        attachments: JSON.parse(e.attachments) as string[],
      })),
      waiting,
    };
  });
}
