// The fault-injection test is only as good as its books: this checks that reconcile() does see a lost event, a lost
// decision, a damaged or missing blob and a case nobody made, on a small real sync.
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.ts';
import { startTownship } from '../../scripts/lib/township.ts';
import { FleetStation, settle } from './helpers/fleet.ts';
import { reconcile } from './helpers/reconcile.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('reconcile (the books of the fault-injection test)', () => {
  it('balances after a clean sync, and counts every kind of damage', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'township-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const township = await startTownship({ dataDir });
    cleanups.push(() => township.stop());
    const dbFile = join(dataDir, 'township.sqlite');
    const [a, b] = [new FleetStation(0, tempDir()), new FleetStation(1, tempDir())];
    for (const s of [a, b]) {
      s.open();
      cleanups.push(() => s.close());
      await s.station.sync.enroll(township.url, await township.code());
      s.takeIn(25);
      s.forward(5);
    }
    expect(await settle([a, b])).toBeGreaterThan(0);
    const [decided] = a.station.db.prepare('SELECT case_no FROM cases ORDER BY id LIMIT 1').all() as { case_no: string }[];
    expect((await township.admin('POST', `/v1/admin/cases/${decided!.case_no}/actions`, { action: 'review' })).status).toBe(200);
    expect(await settle([a, b])).toBeGreaterThan(0);
    const books = () => {
      const l = reconcile([a, b], dbFile, dataDir, []);
      return { lost: l.lost, duplicated: l.duplicated, mismatched: l.mismatched };
    };
    expect(books()).toEqual({ lost: 0, duplicated: 0, mismatched: 0 });

    // A scanned page of its own (every 10th case has one): damaged, then gone.
    const received = (a.station.db.prepare('SELECT attachments FROM case_events WHERE seq = 1 ORDER BY rowid').all() as { attachments: string }[])
      .map((r) => JSON.parse(r.attachments) as string[]);
    const page = received[9]!.find((sha) => !received[0]!.includes(sha))!;
    const blob = join(dataDir, 'blobs', page.slice(0, 2), page);
    const bytes = readFileSync(blob);
    writeFileSync(blob, Buffer.concat([bytes.subarray(0, 10), Buffer.from([bytes[10]! ^ 1]), bytes.subarray(11)]));
    expect(books()).toEqual({ lost: 0, duplicated: 0, mismatched: 1 });
    rmSync(blob);
    expect(books()).toEqual({ lost: 1, duplicated: 0, mismatched: 0 });
    writeFileSync(blob, bytes);
    expect(books()).toEqual({ lost: 0, duplicated: 0, mismatched: 0 });

    const server = new BetterSqlite3(dbFile);
    cleanups.push(() => {
      server.close();
    });
    // A station event the township lost (b's counts then differ too).
    server.prepare("DELETE FROM events WHERE n = (SELECT max(n) FROM events WHERE station_id = ? AND origin = 'station')").run(b.code);
    expect(books()).toEqual({ lost: 1, duplicated: 0, mismatched: 1 });
    // A township decision that never reached its station.
    a.station.db.prepare("DELETE FROM case_events WHERE station = 'township'").run();
    expect(books()).toEqual({ lost: 2, duplicated: 0, mismatched: 2 });
    // A case at the township that no station made.
    server.prepare("INSERT INTO cases (case_no, station_id, state, created_at, updated_at) VALUES (?, ?, 'received', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')").run(`${a.code}-20250101-9999`, a.code);
    expect(books()).toEqual({ lost: 2, duplicated: 1, mismatched: 2 });
  });
});
