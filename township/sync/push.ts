import type { CaseState } from '../../contract/domain/cases.ts';
import type { ConflictReason, PushResponse, SyncCaseEvent } from '../../contract/api/sync.ts';
import { stateAfterStationEvent } from '../cases/state-machine.ts';
import { canonicalJson } from '../canonical-json.ts';
import type { Store, Tx } from '../store/store.ts';

type Conflict = PushResponse['conflicts'][number];

const CONFLICT_MESSAGES: Record<ConflictReason, string> = {
  'sync.conflict-content': 'an event with this id is already stored with other content; the stored one is kept',
  'sync.conflict-seq': 'another event of this case already has this seq',
  'sync.conflict-order': 'an event of this case with a higher seq was applied before this one',
  'sync.conflict-not-yours': 'this case number belongs to another station',
};

const conflict = (id: string, reason: ConflictReason): Conflict => ({ id, reason, message: CONFLICT_MESSAGES[reason] });

/** Hashes of `shas` not yet stored whole. */
async function missingAttachments(tx: Tx, shas: readonly string[]): Promise<string[]> {
  if (shas.length === 0) return [];
  const have = await tx.all<{ sha256: string }>(
    `SELECT sha256 FROM attachments WHERE sha256 IN (${shas.map(() => '?').join(', ')})`,
    shas,
  );
  const stored = new Set(have.map((r) => r.sha256));
  return shas.filter((s) => !stored.has(s));
}

/** Why this new event cannot take its place in its case, or null. */
async function orderConflict(tx: Tx, stationId: string, ev: SyncCaseEvent): Promise<ConflictReason | null> {
  if (!ev.caseNo.startsWith(`${stationId}-`)) return 'sync.conflict-not-yours';
  const owner = await tx.get<{ station_id: string }>('SELECT station_id FROM cases WHERE case_no = ?', [ev.caseNo]);
  if (owner && owner.station_id !== stationId) return 'sync.conflict-not-yours';
  const seqs = await tx.get<{ taken: number; highest: number | null }>(
    `SELECT sum(CASE WHEN seq = ? THEN 1 ELSE 0 END) AS taken, max(seq) AS highest
       FROM (SELECT seq FROM events WHERE case_no = ? AND seq IS NOT NULL
             UNION ALL SELECT seq FROM pending_events WHERE case_no = ?) s`,
    [ev.seq, ev.caseNo, ev.caseNo],
  );
  if (seqs && Number(seqs.taken) > 0) return 'sync.conflict-seq';
  if (seqs?.highest != null && ev.seq < seqs.highest) return 'sync.conflict-order';
  return null;
}

async function apply(tx: Tx, stationId: string, ev: SyncCaseEvent, content: string, now: Date): Promise<void> {
  const at = now.toISOString();
  const current = await tx.get<{ state: CaseState }>('SELECT state FROM cases WHERE case_no = ?', [ev.caseNo]);
  const state = stateAfterStationEvent(current?.state, ev.type, ev.state);
  if (current) {
    await tx.run('UPDATE cases SET state = ?, updated_at = ? WHERE case_no = ?', [state, at, ev.caseNo]);
  } else {
    await tx.run('INSERT INTO cases (case_no, station_id, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [ev.caseNo, stationId, state, at, at]);
  }
  await tx.run(
    `INSERT INTO events (id, case_no, station_id, origin, seq, type, at, state, actor, detail, attachments, content, received_at)
     VALUES (?, ?, ?, 'station', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [ev.id, ev.caseNo, stationId, ev.seq, ev.type, ev.at, ev.state, ev.actor, canonicalJson(ev.detail), JSON.stringify(ev.attachments), content, at],
  );
}

interface PendingRow {
  id: string;
  case_no: string;
  attachments: string;
  content: string;
}

const pendingRows = (tx: Tx, stationId: string) =>
  tx.all<PendingRow>('SELECT id, case_no, attachments, content FROM pending_events WHERE station_id = ? ORDER BY n', [stationId]);

/**
 * Applies, in arrival order, the station's waiting events whose attachments are all stored now. Says for each event
 * still waiting what must arrive first: its own missing attachments and those of its case's earlier waiting events.
 */
async function releaseWaiting(tx: Tx, stationId: string, now: Date): Promise<{ released: Set<string>; waiting: Map<string, string[]> }> {
  const released = new Set<string>();
  const waiting = new Map<string, string[]>();
  const blocked = new Map<string, Set<string>>();
  for (const row of await pendingRows(tx, stationId)) {
    const missing = await missingAttachments(tx, JSON.parse(row.attachments) as string[]);
    const before = blocked.get(row.case_no);
    if (before || missing.length > 0) {
      const needed = new Set([...(before ?? []), ...missing]);
      blocked.set(row.case_no, needed);
      waiting.set(row.id, [...needed]);
      continue;
    }
    const { stationId: _station, ...ev } = JSON.parse(row.content) as SyncCaseEvent & { stationId: string };
    await tx.run('DELETE FROM pending_events WHERE id = ?', [row.id]);
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
    for (const ev of events) {
      const content = canonicalJson({ stationId, ...ev });
      const known =
        (await tx.get<{ content: string }>('SELECT content FROM events WHERE id = ?', [ev.id])) ??
        (await tx.get<{ content: string; pending: number }>('SELECT content, 1 AS pending FROM pending_events WHERE id = ?', [ev.id]));
      if (known) {
        if (known.content !== content) result.conflicts.push(conflict(ev.id, 'sync.conflict-content'));
        else if ('pending' in known) queued.push(ev.id);
        else result.duplicates.push(ev.id);
        continue;
      }
      const reason = await orderConflict(tx, stationId, ev);
      if (reason) {
        result.conflicts.push(conflict(ev.id, reason));
        continue;
      }
      const behindWaiting = await tx.get('SELECT 1 AS x FROM pending_events WHERE case_no = ?', [ev.caseNo]);
      if (behindWaiting || (await missingAttachments(tx, ev.attachments)).length > 0) {
        await tx.run(
          'INSERT INTO pending_events (id, station_id, case_no, seq, attachments, content, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          [ev.id, stationId, ev.caseNo, ev.seq, JSON.stringify(ev.attachments), content, now.toISOString()],
        );
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
