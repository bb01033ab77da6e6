import type { PendingEventRow } from '../rows.ts';
import type { SqlTx } from '../sql.ts';

export const pendingEventQueries = (sql: SqlTx) => ({
  /** The canonical content waiting under this id, if any. */
  content: async (id: string) => (await sql.get<{ content: string }>('SELECT content FROM pending_events WHERE id = ?', [id]))?.content,

  anyOfCase: async (caseNo: string) => (await sql.get('SELECT 1 AS x FROM pending_events WHERE case_no = ?', [caseNo])) !== undefined,

  idsOfCase: async (caseNo: string) =>
    (await sql.all<{ id: string }>('SELECT id FROM pending_events WHERE case_no = ? ORDER BY n', [caseNo])).map((r) => r.id),

  /** The first waiting event of a case (its intake, when the case has not reached the township yet). */
  firstOfCase: async (caseNo: string) =>
    (await sql.get<{ content: string }>('SELECT content FROM pending_events WHERE case_no = ? ORDER BY n LIMIT 1', [caseNo]))?.content,

  countOfStation: async (stationId: string) =>
    Number((await sql.get<{ n: number | string }>('SELECT count(*) AS n FROM pending_events WHERE station_id = ?', [stationId]))?.n ?? 0),

  /** The station's waiting events in arrival order. */
  ofStation: (stationId: string) =>
    sql.all<PendingEventRow>('SELECT id, case_no, attachments, content FROM pending_events WHERE station_id = ? ORDER BY n', [stationId]),

  insert: async (e: PendingEventRow & { station_id: string; seq: number; received_at: string }) => {
    await sql.run('INSERT INTO pending_events (id, station_id, case_no, seq, attachments, content, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      e.id, e.station_id, e.case_no, e.seq, e.attachments, e.content, e.received_at,
    ]);
  },

  remove: async (id: string) => {
    await sql.run('DELETE FROM pending_events WHERE id = ?', [id]);
  },
});

export type PendingEventQueries = ReturnType<typeof pendingEventQueries>;
