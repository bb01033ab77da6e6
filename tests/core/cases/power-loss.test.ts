import { spawn } from 'node:child_process';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openTestStation } from '../../helpers/station.ts';
import { tempDir } from '../../helpers/tmp.ts';

const BURST = join(import.meta.dirname, '..', '..', 'helpers', 'intake-burst.ts');
const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Runs the intake burst until it has acknowledged `minAcks` cases, then waits `extraMs` and pulls the plug. */
function burstAndKill(dataDir: string, minAcks: number, extraMs: number): Promise<{ requestId: string; caseNo: string; materials: number }[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', BURST, dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: { requestId: string; caseNo: string; materials: number }[] = [];
    let buffer = '';
    let stderr = '';
    let armed = false;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const [word, requestId, caseNo, materials] = line.split(' ');
        if (word === 'ack') acks.push({ requestId: requestId!, caseNo: caseNo!, materials: Number(materials) });
      }
      if (!armed && acks.length >= minAcks) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    child.once('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acks);
      else reject(new Error(`intake burst exited by itself (${code}): ${stderr}`));
    });
  });
}

describe('power loss during intake bursts', () => {
  it('after 50 kill -9 at random moments: integrity_check passes, every acknowledged case is whole, no half case', async () => {
    const dataDir = tempDir();
    const acknowledged: { requestId: string; caseNo: string; materials: number }[] = [];
    for (let round = 0; round < 50; round++) {
      // Mostly mid-burst; now and then while the station is still opening (the 0-ack rounds).
      const minAcks = round % 10 === 0 ? 0 : 1 + Math.floor(Math.random() * 20);
      acknowledged.push(...(await burstAndKill(dataDir, minAcks, Math.floor(Math.random() * 40))));

      const db = new BetterSqlite3(join(dataDir, 'station.db'));
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const half = db
          .prepare(
            `SELECT count(*) AS n FROM cases c
             WHERE NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id)
                OR NOT EXISTS (SELECT 1 FROM persons p WHERE p.id = c.person_id)
                OR c.sealed = ''`,
          )
          .get() as { n: number };
        expect(half.n).toBe(0);
        const byRequest = db.prepare(
          'SELECT c.case_no AS caseNo, (SELECT count(*) FROM case_materials m WHERE m.case_id = c.id) AS materials FROM cases c WHERE request_id = ?',
        );
        for (const ack of acknowledged) expect(byRequest.get(ack.requestId)).toEqual({ caseNo: ack.caseNo, materials: ack.materials });
      } finally {
        db.close();
      }
    }
    expect(acknowledged.length).toBeGreaterThan(100);
    // And the station still opens and reads every case after all that.
    const station = openTestStation({ dataDir, mode: 'web' });
    try {
      expect((station.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await station.close();
    }
  }, 600_000);
});
