import type { EventRow } from '../rows.ts';
import type { SqlTx } from '../sql.ts';

/** An event to append: the history fields, whose station, what it was as pushed (content) and when it came. */
export interface NewEvent extends EventRow {
  case_no: string;
  station_id: string;
  content: string;
  received_at: string;
}

export const eventQueries = (sql: SqlTx) => ({
  /** The canonical content stored under this id, if any. */
  content: async (id: string) => (await sql.get<{ content: string }>('SELECT content FROM events WHERE id = ?', [id]))?.content,

  /** Of the case's events, applied or waiting: whether one has `seq`, and the highest seq. */
  seqs: async (caseNo: string, seq: number) => {
    const row = await sql.get<{ taken: number | null; highest: number | null }>(
      `SELECT sum(CASE WHEN seq = ? THEN 1 ELSE 0 END) AS taken, max(seq) AS highest
         FROM (SELECT seq FROM events WHERE case_no = ? AND seq IS NOT NULL
               UNION ALL SELECT seq FROM pending_events WHERE case_no = ?) s`,
      [seq, caseNo, caseNo],
    );
    return { taken: Number(row?.taken ?? 0) > 0, highest: row?.highest ?? null };
  },

  insert: async (e: NewEvent) => {
    await sql.run(
      `INSERT INTO events (id, case_no, station_id, origin, seq, type, at, state, actor, detail, attachments, content, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [e.id, e.case_no, e.station_id, e.origin, e.seq, e.type, e.at, e.state, e.actor, e.detail, e.attachments, e.content, e.received_at],
    );
  },

  /** The case's history in the order received. */
  ofCase: (caseNo: string) =>
    sql.all<EventRow>('SELECT id, origin, seq, type, at, state, actor, detail, attachments FROM events WHERE case_no = ? ORDER BY n', [caseNo]),
});

export type EventQueries = ReturnType<typeof eventQueries>;
