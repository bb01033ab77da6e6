import type { HandlingLevel } from '../../../contract/domain/catalog.ts';
import type { SqlTx } from '../sql.ts';

export const matterLevelQueries = (sql: SqlTx) => ({
  get: async (code: string) => (await sql.get<{ level: HandlingLevel }>('SELECT level FROM matter_levels WHERE code = ?', [code]))?.level,

  /** The levels of a newly published catalogue replace the old ones. */
  replace: async (levels: readonly { code: string; level: HandlingLevel }[]) => {
    await sql.run('DELETE FROM matter_levels', []);
    for (const { code, level } of levels) await sql.run('INSERT INTO matter_levels (code, level) VALUES (?, ?)', [code, level]);
  },
});

export type MatterLevelQueries = ReturnType<typeof matterLevelQueries>;
