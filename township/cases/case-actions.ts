import type { CaseState } from '../../contract/domain/cases.ts';
import { TownshipError } from '../http/errors.ts';
import { canonicalJson } from '../canonical-json.ts';
import { uuid7 } from '../../contract/domain/uuid7.ts';
import type { Store } from '../store/store.ts';
import { appendFeed } from '../sync/feed.ts';
import { nextState, TOWNSHIP_ACTIONS, type TownshipAction } from './state-machine.ts';

export interface TownshipActionInput {
  action: TownshipAction;
  trackingNo?: string | undefined;
  note?: string | undefined;
  /** Who at the township did it, for the case history. */
  actor?: string | undefined;
}

export interface CaseEventView {
  id: string;
  origin: 'station' | 'township';
  seq: number | null;
  type: string;
  at: string;
  state: CaseState;
  actor: string | null;
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
    const owner = await tx.get<{ station_id: string }>('SELECT station_id FROM cases WHERE case_no = ?', [caseNo]);
    if (!owner) throw new TownshipError(404, 'admin.unknown-case', `no case ${caseNo} has reached the township`);
    // The same lock a push of that station takes: a station event and a township step never interleave.
    await tx.lock(`station:${owner.station_id}`);
    const { state } = (await tx.get<{ state: CaseState }>('SELECT state FROM cases WHERE case_no = ?', [caseNo]))!;
    const next = nextState(state, TOWNSHIP_ACTIONS[input.action]);
    if (next === null) throw new TownshipError(409, 'admin.bad-transition', `cannot ${input.action} a case that is ${state}`);
    const at = now.toISOString();
    const id = uuid7(now);
    const detail: Record<string, string> = {};
    if (input.trackingNo) detail.trackingNo = input.trackingNo;
    if (input.note) detail.note = input.note;
    const actor = input.actor ?? 'township';
    const event = { caseNo, eventId: id, type: input.action, state: next, at, actor, detail };
    await tx.run(
      `INSERT INTO events (id, case_no, station_id, origin, seq, type, at, state, actor, detail, attachments, content, received_at)
       VALUES (?, ?, ?, 'township', NULL, ?, ?, ?, ?, ?, '[]', ?, ?)`,
      [id, caseNo, owner.station_id, input.action, at, next, actor, canonicalJson(detail), canonicalJson(event), at],
    );
    await tx.run('UPDATE cases SET state = ?, updated_at = ? WHERE case_no = ?', [next, at, caseNo]);
    const feedSeq = await appendFeed(tx, 'case-state', owner.station_id, event, now);
    return { caseNo, state: next, eventId: id, feedSeq };
  });
}

export async function getCase(store: Store, caseNo: string): Promise<CaseView> {
  return store.transaction(async (tx) => {
    const row = await tx.get<{ case_no: string; station_id: string; state: CaseState; created_at: string; updated_at: string }>(
      'SELECT * FROM cases WHERE case_no = ?',
      [caseNo],
    );
    const waiting = (await tx.all<{ id: string }>('SELECT id FROM pending_events WHERE case_no = ? ORDER BY n', [caseNo])).map((r) => r.id);
    if (!row) {
      throw new TownshipError(404, 'admin.unknown-case', waiting.length > 0 ? `case ${caseNo} has only events waiting for attachments` : `no case ${caseNo} has reached the township`);
    }
    const events = await tx.all<{
      id: string; origin: 'station' | 'township'; seq: number | null; type: string; at: string; state: CaseState;
      actor: string | null; detail: string; attachments: string;
    }>('SELECT id, origin, seq, type, at, state, actor, detail, attachments FROM events WHERE case_no = ? ORDER BY n', [caseNo]);
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
