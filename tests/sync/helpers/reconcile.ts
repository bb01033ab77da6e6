// Both sides' books, compared: every station's cases, events and attachments against the township's database and
// blob files, and every township decision against the stations' case histories.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { canonicalJson } from '../../../township/canonical-json.ts';
import type { FleetStation } from './fleet.ts';

export interface Ledger {
  lost: number;
  duplicated: number;
  mismatched: number;
  /** What was wrong, first few of each kind. */
  problems: string[];
  /** Per station: the counts on both sides. */
  counts: string[];
  totals: { cases: number; stationEvents: number; townshipEvents: number; attachments: number; blobBytes: number };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface StationEventRow {
  id: string;
  case_no: string;
  seq: number;
  type: string;
  at: string;
  state: string;
  actor: number | null;
  detail: string;
  attachments: string;
  station: string;
  pushed_at: string | null;
}

/** Every file under blobs/, as sha256 → path. */
function blobFiles(dataDir: string): Map<string, string> {
  const files = new Map<string, string>();
  const root = join(dataDir, 'blobs');
  if (!existsSync(root)) return files;
  for (const prefix of readdirSync(root)) for (const name of readdirSync(join(root, prefix))) files.set(name, join(root, prefix, name));
  return files;
}

/** Files under blobs/ that do not hash to their name: a partial or damaged blob, which must never exist. */
export function badBlobs(dataDir: string): string[] {
  return [...blobFiles(dataDir)].filter(([name, path]) => sha256(readFileSync(path)) !== name).map(([name]) => name);
}

export function reconcile(stations: FleetStation[], townshipDb: string, dataDir: string, blacklisted: { idNumber: string; reason: string }[]): Ledger {
  const ledger: Ledger = { lost: 0, duplicated: 0, mismatched: 0, problems: [], counts: [], totals: { cases: 0, stationEvents: 0, townshipEvents: 0, attachments: 0, blobBytes: 0 } };
  const shown = new Map<string, number>();
  const problem = (kind: 'lost' | 'duplicated' | 'mismatched', what: string, detail: string) => {
    ledger[kind]++;
    const n = (shown.get(what) ?? 0) + 1;
    shown.set(what, n);
    if (n <= 3) ledger.problems.push(`${kind}: ${what}: ${detail}`);
  };

  const server = new BetterSqlite3(townshipDb, { readonly: true, fileMustExist: true });
  try {
    const serverCases = new Map(
      (server.prepare('SELECT case_no, station_id, state FROM cases').all() as { case_no: string; station_id: string; state: string }[]).map((c) => [c.case_no, c]),
    );
    const serverEvents = server.prepare('SELECT id, case_no, station_id, origin, seq, type, state, detail, content FROM events').all() as {
      id: string; case_no: string; station_id: string; origin: 'station' | 'township'; seq: number | null; type: string; state: string; detail: string; content: string;
    }[];
    const eventCopies = new Map<string, number>();
    for (const e of serverEvents) eventCopies.set(e.id, (eventCopies.get(e.id) ?? 0) + 1);
    for (const [id, n] of eventCopies) if (n > 1) problem('duplicated', 'event stored more than once at the township', `${id} ×${n}`);
    const serverById = new Map(serverEvents.map((e) => [e.id, e]));
    const serverAttachments = new Map(
      (server.prepare('SELECT sha256, size FROM attachments').all() as { sha256: string; size: number }[]).map((a) => [a.sha256, a.size]),
    );
    const waiting = (server.prepare('SELECT count(*) AS n FROM pending_events').get() as { n: number }).n;
    if (waiting > 0) ledger.problems.push(`note: ${waiting} station events still wait for attachments at the township`);

    const knownStationEvents = new Set<string>();
    const knownTownshipEvents = new Set<string>();
    const knownCases = new Set<string>();
    const wantedBlobs = new Map<string, { station: FleetStation }>();

    for (const fs of stations) {
      const s = fs.station;
      const code = fs.code;
      const cases = s.db.prepare('SELECT case_no, state FROM cases').all() as { case_no: string; state: string }[];
      const events = s.db
        .prepare(
          `SELECT e.id, c.case_no, e.seq, e.type, e.at, e.state, e.actor, e.detail, e.attachments, e.station, e.pushed_at
           FROM case_events e JOIN cases c ON c.id = e.case_id`,
        )
        .all() as StationEventRow[];
      const conflicts = (s.db.prepare('SELECT count(*) AS n FROM sync_conflicts').get() as { n: number }).n;
      if (conflicts > 0) problem('mismatched', `station ${code} holds events the township refused (sync_conflicts)`, `${conflicts}`);

      for (const c of cases) {
        knownCases.add(c.case_no);
        const there = serverCases.get(c.case_no);
        if (!there) problem('lost', 'case not at the township', c.case_no);
        else if (there.station_id !== code) problem('mismatched', 'case filed under another station', `${c.case_no}: ${there.station_id}`);
        else if (there.state !== c.state) problem('mismatched', 'case state differs', `${c.case_no}: station ${c.state}, township ${there.state}`);
      }

      let stationEvents = 0;
      let townshipEvents = 0;
      for (const e of events) {
        if (e.station === 'township') {
          townshipEvents++;
          knownTownshipEvents.add(e.id);
          const there = serverById.get(e.id);
          if (!there || there.origin !== 'township') problem('duplicated', 'township decision at a station that the township never made', `${e.case_no} ${e.id}`);
          else if (there.case_no !== e.case_no || there.type !== e.type || there.state !== e.state) {
            problem('mismatched', 'township decision differs at the station', `${e.id}: ${e.case_no} ${e.type}→${e.state} vs ${there.case_no} ${there.type}→${there.state}`);
          }
          continue;
        }
        stationEvents++;
        knownStationEvents.add(e.id);
        const attachments = JSON.parse(e.attachments) as string[];
        for (const sha of attachments) if (!wantedBlobs.has(sha)) wantedBlobs.set(sha, { station: fs });
        const there = serverById.get(e.id);
        if (!there) {
          problem('lost', 'station event not at the township', `${e.case_no} seq ${e.seq} ${e.type} (${e.pushed_at ? 'acknowledged!' : 'still pending'})`);
          continue;
        }
        const pushed = {
          id: e.id, caseNo: e.case_no, seq: e.seq, type: e.type, at: e.at, state: e.state,
          actor: e.actor === null ? null : `staff:${e.actor}`, detail: JSON.parse(e.detail) as unknown, attachments,
        };
        if (there.origin !== 'station' || there.station_id !== code || there.content !== canonicalJson({ stationId: code, ...pushed })) {
          problem('mismatched', 'station event differs at the township', `${e.case_no} seq ${e.seq} ${e.id}`);
        }
        if (e.pushed_at === null) problem('mismatched', 'event at the township but still unacknowledged at the station', `${e.case_no} seq ${e.seq}`);
      }

      const serverCaseCount = [...serverCases.values()].filter((c) => c.station_id === code).length;
      const serverStationEvents = serverEvents.filter((e) => e.station_id === code && e.origin === 'station').length;
      const serverTownshipEvents = serverEvents.filter((e) => e.station_id === code && e.origin === 'township');
      for (const t of serverTownshipEvents) if (!knownTownshipEvents.has(t.id)) problem('lost', 'township decision not back on its station', `${t.case_no} ${t.type} ${t.id}`);
      ledger.counts.push(
        `${code}: cases ${cases.length}/${serverCaseCount}, station events ${stationEvents}/${serverStationEvents}, township decisions ${townshipEvents}/${serverTownshipEvents.length} (station/township)`,
      );
      if (cases.length !== serverCaseCount || stationEvents !== serverStationEvents || townshipEvents !== serverTownshipEvents.length) {
        problem('mismatched', 'counts differ', ledger.counts.at(-1)!);
      }
      ledger.totals.cases += cases.length;
      ledger.totals.stationEvents += stationEvents;
      ledger.totals.townshipEvents += townshipEvents;

      for (const b of blacklisted) {
        if (s.cases.blacklistReason(b.idNumber) !== b.reason) problem('lost', 'blacklist entry not on the station', `${code} ${b.idNumber.slice(0, 6)}…`);
      }
    }

    for (const c of serverCases.keys()) if (!knownCases.has(c)) problem('duplicated', 'case at the township that no station has', c);
    for (const e of serverEvents) {
      if (e.origin === 'station' && !knownStationEvents.has(e.id)) problem('duplicated', 'station event at the township that no station has', `${e.case_no} ${e.id}`);
    }

    // Attachments: stored once (one row, one file named by its hash), whole, and the very bytes the station has.
    const files = blobFiles(dataDir);
    for (const [sha, { station }] of wantedBlobs) {
      const size = serverAttachments.get(sha);
      const path = files.get(sha);
      if (size === undefined || path === undefined) {
        problem('lost', 'attachment not stored at the township', `${sha.slice(0, 12)} (row ${size !== undefined}, file ${path !== undefined})`);
        continue;
      }
      const stored = readFileSync(path);
      ledger.totals.blobBytes += stored.length;
      if (sha256(stored) !== sha) problem('mismatched', 'stored blob does not hash to its name', sha.slice(0, 12));
      else if (!stored.equals(station.station.attachments.get(sha).bytes)) problem('mismatched', 'stored blob differs from the station bytes', sha.slice(0, 12));
      else if (size !== stored.length) problem('mismatched', 'attachment row size differs from the file', sha.slice(0, 12));
    }
    ledger.totals.attachments = wantedBlobs.size;
    for (const sha of serverAttachments.keys()) if (!wantedBlobs.has(sha)) problem('duplicated', 'attachment at the township that no station event refers to', sha.slice(0, 12));
    for (const sha of files.keys()) if (!serverAttachments.has(sha)) problem('duplicated', 'blob file not in the attachments table', sha.slice(0, 12));
  } finally {
    server.close();
  }
  return ledger;
}
