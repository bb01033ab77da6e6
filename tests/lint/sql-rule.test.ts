import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { lintWith, repoRoot } from '../helpers/lint.ts';
import { sqlRule } from '../../scripts/lint/sql-rule.mjs';

const lint = lintWith('sql', sqlRule);

describe('SQL only in the data layers', () => {
  it('refuses a query written in a service, as text or as a call', () => {
    const messages = lint('electron/core/cases/x.ts', "db.prepare('SELECT id FROM cases WHERE id = ?').get(id);");
    expect(messages).toHaveLength(2);
    expect(messages.join('\n')).toMatch(/SQL belongs to db\/ and township\/store\//);
    expect(lint('township/sync/push.ts', 'const q = `INSERT INTO events (id) VALUES ($1)`;')[0]).toMatch(/SQL belongs/);
    expect(lint('scripts/bench/x.ts', "db.exec('DELETE FROM cases');").join('\n')).toMatch(/'\.exec\(…\)' runs SQL/);
    expect(lint('electron/core/x.ts', "db.pragma('journal_mode')")[0]).toMatch(/'\.pragma\(…\)' runs SQL/);
    expect(lint('township/x.ts', 'await pool.query(`UPDATE stations SET seen = $1`, [t]);')).toHaveLength(2);
  });

  it('lets the data layers hold SQL, and tests read a database directly', () => {
    expect(lint('db/cases/case-rows.ts', "db.prepare('SELECT id FROM cases').all();")).toEqual([]);
    expect(lint('township/store/pg-store.ts', 'await pool.query(`DELETE FROM nonces WHERE at < $1`, [t]);')).toEqual([]);
    expect(lint('tests/core/x.test.ts', "db.prepare('SELECT name FROM persons').all();")).toEqual([]);
  });

  it('leaves words, regular expressions and other calls alone', () => {
    expect(lint('electron/core/x.ts', "const m = /select (\\w+)/.exec(text); const s = 'Select a printer from the list';")).toEqual([]);
    expect(lint('renderer/src/x.tsx', "const label = '请选择打印机'; list.query(filter);")).toEqual([]);
  });

  it('is on in the project lint: a planted query outside db/ fails `npm run lint`, as a wrong-layer import does', async () => {
    const eslint = new ESLint({ cwd: repoRoot });
    const [sql] = await eslint.lintText("export const q = 'SELECT id FROM cases';\n", { filePath: `${repoRoot}/electron/core/planted.ts` });
    expect(sql!.messages.map((m) => m.ruleId)).toContain('doorstep/sql');
    const [layer] = await eslint.lintText("export { openDatabase } from '../db/open.ts';\n", { filePath: `${repoRoot}/renderer/planted.ts` });
    expect(layer!.messages.map((m) => m.ruleId)).toContain('doorstep/layers');
  });
});
