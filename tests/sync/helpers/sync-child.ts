// One station syncing in a process of its own, so the fault-injection test can kill it with SIGKILL mid-pull.
//   node --import tsx tests/sync/helpers/sync-child.ts <dataDir> [stopAfterItems]
// With stopAfterItems N > 0 it freezes right after applying the N-th township decision, inside the pull's
// transaction (before the cursor is written and committed), and says "mid-apply N <cursor>": the parent kills it
// there, exactly mid-apply. Otherwise it syncs until nothing is left, printing a line per round.
import { writeSync } from 'node:fs';
import type { Statement } from 'better-sqlite3';
import { openTestStation } from '../../helpers/station.ts';

const say = (line: string) => writeSync(1, `${line}\n`);

const dataDir = process.argv[2]!;
const stopAfter = Number(process.argv[3] ?? 0);
const station = openTestStation({ dataDir, mode: 'web' });

if (stopAfter > 0) {
  const db = station.db;
  const prepare = db.prepare.bind(db);
  let applied = 0;
  // The township's decision joining the case history is the row SyncService.apply inserts with station 'township'.
  db.prepare = ((sql: string) => {
    const statement = prepare(sql) as Statement<unknown[]>;
    if (!sql.includes('INSERT INTO case_events') || !sql.includes("'township'")) return statement;
    const run = statement.run.bind(statement);
    statement.run = (...params: unknown[]) => {
      const result = run(...params);
      if (++applied === stopAfter) {
        const cursor = (prepare('SELECT pull_cursor FROM sync_link WHERE id = 1').get() as { pull_cursor: string }).pull_cursor;
        say(`mid-apply ${applied} ${cursor}`);
        // Frozen inside the open transaction until the parent's SIGKILL arrives.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
        say('not killed');
        process.exit(3);
      }
      return result;
    };
    return statement;
  }) as typeof db.prepare;
}

say('ready');
for (let round = 0; round < 200; round++) {
  try {
    const r = await station.sync.syncOnce();
    say(`synced pulled=${r.pulled} pending=${r.pending}`);
    if (r.pulled === 0 && r.pending === 0) break;
  } catch (error) {
    say(`error ${(error as { code?: string }).code ?? (error as Error).message}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
await station.close();
say('done');
