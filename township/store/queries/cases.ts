import type { CaseState } from '../../../contract/domain/cases.ts';
import type { CaseRow } from '../rows.ts';
import type { SqlTx } from '../sql.ts';

export const caseQueries = (sql: SqlTx) => ({
  get: (caseNo: string) => sql.get<CaseRow>('SELECT case_no, station_id, state, created_at, updated_at FROM cases WHERE case_no = ?', [caseNo]),

  owner: async (caseNo: string) => (await sql.get<Pick<CaseRow, 'station_id'>>('SELECT station_id FROM cases WHERE case_no = ?', [caseNo]))?.station_id,

  state: async (caseNo: string) => (await sql.get<Pick<CaseRow, 'state'>>('SELECT state FROM cases WHERE case_no = ?', [caseNo]))?.state,

  insert: async (caseNo: string, stationId: string, state: CaseState, matterCode: string | null, at: string) => {
    await sql.run('INSERT INTO cases (case_no, station_id, state, matter_code, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', [
      caseNo, stationId, state, matterCode, at, at,
    ]);
  },

  matterCode: async (caseNo: string) =>
    (await sql.get<{ matter_code: string | null }>('SELECT matter_code FROM cases WHERE case_no = ?', [caseNo]))?.matter_code ?? undefined,

  setState: async (caseNo: string, state: CaseState, at: string) => {
    await sql.run('UPDATE cases SET state = ?, updated_at = ? WHERE case_no = ?', [state, at, caseNo]);
  },
});

export type CaseQueries = ReturnType<typeof caseQueries>;
