import type { ConflictReason, PushResponse, SyncCaseEvent } from '../../contract/api/sync.ts';
import { isDecision, stationTakes } from '../../contract/domain/case-steps.ts';
import { matterLevel } from '../cases/matter-levels.ts';
import { stateAfterStationEvent } from '../cases/state-machine.ts';
import { canonicalJson } from '../canonical-json.ts';
import type { Store, StoreTx } from '../store/store.ts';

type Conflict = PushResponse['conflicts'][number];

const CONFLICT_MESSAGES: Record<ConflictReason, string> = {
  'sync.conflict-content': 'an event with this id is already stored with other content; the stored one is kept',
  'sync.conflict-seq': 'another event of this case already has this seq',
  'sync.conflict-order': 'an event of this case with a higher seq was applied before this one',
  'sync.conflict-not-yours': 'this case number belongs to another station',
  'sync.conflict-not-station-step': "this step is the township's (or the county's) to take for this matter, not a station's; kept for a person to look at",
};

/**
 * Events a station may leave waiting for their attachments. Past it the station keeps the rest in its outbox and
 * sends them again once it has uploaded what the waiting ones need: nothing is lost, the township's table stays
 * bounded.
 */
export const MAX_PENDING_EVENTS_PER_STATION = 5_000;

const conflict = (id: string, reason: ConflictReason): Conflict => ({ id, reason, message: CONFLICT_MESSAGES[reason] });

/** Hashes of `shas` not yet stored whole. */
async function missingAttachments(tx: StoreTx, stationId: string, shas: readonly string[]): Promise<string[]> {
  const stored = await tx.attachments.heldAmong(stationId, shas);
  return shas.filter((s) => !stored.has(s));
}

/** Why this new event cannot take its place in its case, or null. */
async function orderConflict(tx: StoreTx, stationId: string, ev: SyncCaseEvent): Promise<ConflictReason | null> {
  if (!ev.caseNo.startsWith(`${stationId}-`)) return 'sync.conflict-not-yours';
  const owner = await tx.cases.owner(ev.caseNo);
  if (owner !== undefined && owner !== stationId) return 'sync.conflict-not-yours';
  const seqs = await tx.events.seqs(ev.caseNo, ev.seq);
  if (seqs.taken) return 'sync.conflict-seq';
  if (seqs.highest !== null && ev.seq < seqs.highest) return 'sync.conflict-order';
  // Only a decision depends on the matter's level: the lookups are not made for the other steps of every push.
  if (isDecision(ev.type) && !stationTakes((await matterLevel(tx, await caseMatter(tx, ev))) ?? 'county', ev.type)) return 'sync.conflict-not-station-step';
  return null;
}

const intakeMatter = (ev: Pick<SyncCaseEvent, 'type' | 'detail'>): string | undefined =>
  ev.type === 'received' && typeof ev.detail.matterCode === 'string' ? ev.detail.matterCode : undefined;

/** The case's matter: recorded with the case, or in its intake event still waiting for attachments. */
async function caseMatter(tx: StoreTx, ev: SyncCaseEvent): Promise<string | undefined> {
  const recorded = await tx.cases.matterCode(ev.caseNo);
  if (recorded !== undefined) return recorded;
  const first = await tx.pendingEvents.firstOfCase(ev.caseNo);
  return first === undefined ? undefined : intakeMatter(JSON.parse(first) as SyncCaseEvent);
}

async function apply(tx: StoreTx, stationId: string, ev: SyncCaseEvent, content: string, now: Date): Promise<void> {
  const at = now.toISOString();
  const current = await tx.cases.state(ev.caseNo);
  const state = stateAfterStationEvent(current, ev.type, ev.state);
  if (current !== undefined) await tx.cases.setState(ev.caseNo, state, at);
  else await tx.cases.insert(ev.caseNo, stationId, state, intakeMatter(ev) ?? null, at);
  await tx.events.insert({
    id: ev.id, case_no: ev.caseNo, station_id: stationId, origin: 'station', seq: ev.seq, type: ev.type, at: ev.at, state: ev.state,
    actor: ev.actor, detail: canonicalJson(ev.detail), attachments: JSON.stringify(ev.attachments), content, received_at: at,
  });
}

/**
 * Applies, in arrival order, the station's waiting events whose attachments are all stored now. Says for each event
 * still waiting what must arrive first: its own missing attachments and those of its case's earlier waiting events.
 */
async function releaseWaiting(tx: StoreTx, stationId: string, now: Date): Promise<{ released: Set<string>; waiting: Map<string, string[]> }> {
  const released = new Set<string>();
  const waiting = new Map<string, string[]>();
  const blocked = new Map<string, Set<string>>();
  for (const row of await tx.pendingEvents.ofStation(stationId)) {
    const missing = await missingAttachments(tx, stationId, JSON.parse(row.attachments) as string[]);
    const before = blocked.get(row.case_no);
    if (before || missing.length > 0) {
      const needed = new Set([...(before ?? []), ...missing]);
      blocked.set(row.case_no, needed);
      waiting.set(row.id, [...needed]);
      continue;
    }
    const { stationId: _station, ...ev } = JSON.parse(row.content) as SyncCaseEvent & { stationId: string };
    await tx.pendingEvents.remove(row.id);
    await apply(tx, stationId, ev, row.content, now);
    released.add(row.id);
  }
  return { released, waiting };
}

/**
 * One push, in one transaction: each event is a duplicate (same id, same content), a conflict (reported, nothing
 * overwritten), applied, or kept waiting for its attachments. A case's events apply in the order pushed.
 */
export function push(store: Store, stationId: string, events: readonly SyncCaseEvent[], now: Date): Promise<PushResponse> {
  return store.transaction(async (tx) => {
    // Two pushes of one station (a retry while the first is still running) must not both decide "new".
    await tx.lock(`station:${stationId}`);
    const result: PushResponse = { accepted: [], duplicates: [], conflicts: [], waitingForAttachments: [] };
    const queued: string[] = [];
    // Not stored for want of room: answered as waiting, so the station sends them again after its uploads.
    const overflow: { ev: SyncCaseEvent; missing: string[] }[] = [];
    // Counted only once something is to wait: most pushes have nothing waiting and pay no query for it.
    let pending: number | undefined;
    for (const ev of events) {
      const content = canonicalJson({ stationId, ...ev });
      const applied = await tx.events.content(ev.id);
      const waiting = applied === undefined ? await tx.pendingEvents.content(ev.id) : undefined;
      const known = applied ?? waiting;
      if (known !== undefined) {
        if (known !== content) result.conflicts.push(conflict(ev.id, 'sync.conflict-content'));
        else if (waiting !== undefined) queued.push(ev.id);
        else result.duplicates.push(ev.id);
        continue;
      }
      const reason = await orderConflict(tx, stationId, ev);
      if (reason) {
        result.conflicts.push(conflict(ev.id, reason));
        continue;
      }
      const missing = await missingAttachments(tx, stationId, ev.attachments);
      if ((await tx.pendingEvents.anyOfCase(ev.caseNo)) || missing.length > 0 || overflow.some((o) => o.ev.caseNo === ev.caseNo)) {
        pending ??= await tx.pendingEvents.countOfStation(stationId);
        if (pending >= MAX_PENDING_EVENTS_PER_STATION) {
          overflow.push({ ev, missing });
          continue;
        }
        pending++;
        await tx.pendingEvents.insert({
          id: ev.id, station_id: stationId, case_no: ev.caseNo, seq: ev.seq, attachments: JSON.stringify(ev.attachments), content,
          received_at: now.toISOString(),
        });
        queued.push(ev.id);
      } else {
        await apply(tx, stationId, ev, content, now);
        result.accepted.push(ev.id);
      }
    }
    const { released, waiting } = await releaseWaiting(tx, stationId, now);
    for (const id of queued) {
      if (released.has(id)) result.accepted.push(id);
      else result.waitingForAttachments.push({ id, missing: waiting.get(id)! });
    }
    for (const { ev, missing } of overflow) {
      const before = (await tx.pendingEvents.idsOfCase(ev.caseNo)).flatMap((id) => waiting.get(id) ?? []);
      result.waitingForAttachments.push({ id: ev.id, missing: [...new Set([...before, ...missing])] });
    }
    return result;
  });
}

/** After an attachment is stored whole: apply what was waiting for it. */
export function releaseWaitingEvents(store: Store, stationId: string, now: Date): Promise<string[]> {
  return store.transaction(async (tx) => {
    await tx.lock(`station:${stationId}`);
    return [...(await releaseWaiting(tx, stationId, now)).released];
  });
}
