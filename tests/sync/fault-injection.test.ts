// Fault injection (the issue's acceptance test): the real township server as a child process and five real stations
// on loopback, with a fault proxy between them. Each fault is a phase, and the stations keep taking cases in
// throughout: the township killed with SIGKILL mid-push; acknowledgements lost after the commit; duplicated and
// reordered requests; a station killed mid-apply of a pull; clock skew; a full disk at the township. 10,000 cases
// and 1,000 scanned pages (plus shared pages and signatures) from five stations. Then the faults stop, sync settles,
// and both sides' books are compared: the test prints `lost=N duplicated=N mismatched=N` and fails unless all are 0.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '../../contract/domain/cases.ts';
import { formatContentRange, SYNC_HEADERS, SYNC_PATHS } from '../../contract/api/sync.ts';
import type { RefusedError } from '../../electron/core/sync/township-client.ts';
import { codeOf, FleetStation, formatErrors, newTally, settle, SyncLoops, takeInGradually, CASES_PER_STATION } from './helpers/fleet.ts';
import { describeAnswer, FaultProxy, type FaultAction, type FaultRecord, type ProxiedRequest, type RequestKind } from './helpers/fault-proxy.ts';
import { badBlobs, reconcile } from './helpers/reconcile.ts';
import { BlobDisk } from '../helpers/blob-disk.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { TownshipProcess } from '../../scripts/lib/township.ts';

const STATIONS = 5;
const MiB = 1 << 20;
const BIG_DISK = 64 * MiB;
const ROOT = join(import.meta.dirname, '..', '..');
const CHILD = join(import.meta.dirname, 'helpers', 'sync-child.ts');
/** On the blacklist from the township mid-run: every station must end up with it. */
const BLACKLISTED = [{ idNumber: '110101199003074518', reason: '冒领补贴' }];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for `done`; meanwhile the stations go on taking a few cases in, so there is always something to sync. */
async function until(what: string, done: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let i = 1; !done(); i++) {
    if (Date.now() > deadline) throw new Error(`gave up waiting ${timeoutMs / 1000} s for ${what}`);
    await sleep(25);
    if (i % 20 === 0) for (const s of h.stations) if (s.isOpen) s.takeIn(3);
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`gave up waiting ${ms / 1000} s for ${what}`)), ms))),
  ]);
}

/** RAM-backed when there is one: the test kills processes, it does not pull power, and fsync on disk is slow. */
function scratchRoot(): string {
  for (const base of ['/dev/shm', tmpdir()]) {
    try {
      accessSync(base, constants.W_OK);
      return mkdtempSync(join(base, 'doorstep-faults-'));
    } catch {
      // next
    }
  }
  throw new Error('no writable temp directory');
}

/** What each phase did and saw, in the test output. */
const note = (line: string) => console.log(`[fault-injection] ${line}`);

const eventIdsOf = (r: ProxiedRequest): string[] => (JSON.parse(r.body.toString('utf8')) as { events: { id: string }[] }).events.map((e) => e.id);

/** The harness: everything the phases share, and everything afterAll must clean up. */
const h = {
  root: '',
  dataDir: '',
  dbFile: '',
  township: null as TownshipProcess | null,
  proxy: null as FaultProxy | null,
  disk: null as BlobDisk | { reason: string } | null,
  stations: [] as FleetStation[],
  loops: null as SyncLoops | null,
  child: null as ChildProcess | null,
  /** The township's state of every case it made a decision on. */
  decided: new Map<string, CaseState>(),
  adminRefusals: [] as string[],
  startedAt: 0,
};

const township = () => h.township!;
const proxy = () => h.proxy!;

/** Reads the township's database while it runs (WAL: a reader never blocks it). */
function townshipDb<T>(fn: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(h.dbFile, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** How many of these event ids the township holds (applied, or waiting for attachments). */
function presentAt(ids: string[]): number {
  return townshipDb((db) => {
    const has = db.prepare('SELECT (SELECT count(*) FROM events WHERE id = ?) + (SELECT count(*) FROM pending_events WHERE id = ?) AS n');
    return ids.filter((id) => (has.get(id, id) as { n: number }).n > 0).length;
  });
}

/** Partial uploads under uploads/: resumable, never served, never counted as stored. */
function partFiles(): number {
  const dir = join(h.dataDir, 'uploads');
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.part')).length : 0;
}

async function startLoops(stations: FleetStation[]): Promise<SyncLoops> {
  await h.loops?.stop();
  h.loops = new SyncLoops(stations);
  return h.loops;
}

async function stopLoops() {
  const loops = h.loops;
  h.loops = null;
  return (await loops?.stop()) ?? newTally();
}

type Step = 'review' | 'approve' | 'reject' | 'resultReady' | 'post';

async function act(caseNo: string, step: Step): Promise<void> {
  const body = { action: step, actor: '乡镇审批员', ...(step === 'post' && { trackingNo: `SF${caseNo.replace(/\D/g, '').slice(-10)}` }) };
  const res = await township().admin('POST', `/v1/admin/cases/${caseNo}/actions`, body);
  if (res.status === 200) h.decided.set(caseNo, res.json.state as CaseState);
  else h.adminRefusals.push(`${caseNo} ${step}: ${res.status} ${res.json?.error?.code}`);
}

/** Runs `fn` over `items`, `width` at a time. */
async function inParallel<T>(items: T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

/** Township decisions on `n` cases of the station that reached the township and have none yet. */
async function decideFresh(s: FleetStation, n: number, steps: Step[]): Promise<string[]> {
  const acked = (s.station.db
    .prepare('SELECT c.case_no FROM cases c JOIN case_events e ON e.case_id = c.id AND e.seq = 1 WHERE e.pushed_at IS NOT NULL ORDER BY c.id')
    .all() as { case_no: string }[]).map((r) => r.case_no).filter((c) => !h.decided.has(c)).slice(0, n);
  await inParallel(acked, 6, async (caseNo) => {
    for (const step of steps) await act(caseNo, step);
  });
  return acked;
}

/** Moves on `n` of the station's cases that the township has in `from`. */
async function advance(s: FleetStation, from: CaseState, step: Step, n: number): Promise<void> {
  const cases = [...h.decided].filter(([c, state]) => c.startsWith(`${s.code}-`) && state === from).slice(0, n).map(([c]) => c);
  await inParallel(cases, 6, (c) => act(c, step));
}

function faultSummary(records: FaultRecord[]): string {
  const by = new Map<string, string[]>();
  for (const r of records) {
    const key = `${r.action} ${r.kind}`;
    const answer = r.action.startsWith('reorder') ? `late→${describeAnswer(r.extra)}` : r.action.startsWith('duplicate') ? `${describeAnswer(r.upstream)} + copy→${describeAnswer(r.extra)}` : describeAnswer(r.upstream);
    by.set(key, [...(by.get(key) ?? []), answer]);
  }
  return [...by].map(([k, answers]) => {
    const counts = new Map<string, number>();
    for (const a of answers) counts.set(a, (counts.get(a) ?? 0) + 1);
    return `${k} ×${answers.length} [${[...counts].map(([a, n]) => `${a}${n > 1 ? ` ×${n}` : ''}`).join('; ')}]`;
  }).join('\n    ');
}

describe.sequential('fault injection: 5 stations, 10,000 cases, 1,000 attachments, one township on loopback', () => {
  beforeAll(async () => {
    h.startedAt = Date.now();
    h.root = scratchRoot();
    h.dataDir = join(h.root, 'township-data');
    h.dbFile = join(h.root, 'township-db', 'township.sqlite');
    mkdirSync(h.dataDir, { recursive: true });
    h.disk = BlobDisk.mount(h.dataDir, BIG_DISK);
    note(h.disk instanceof BlobDisk ? `township data dir on its own ${BIG_DISK / MiB} MiB tmpfs (${h.dataDir})` : `NO tmpfs for the township data dir: ${h.disk.reason}`);
    h.township = new TownshipProcess({ mode: 'child', port: await freePort(), db: h.dbFile, dataDir: h.dataDir, logFile: join(h.root, 'township.log') });
    await township().start();
    h.proxy = await FaultProxy.start(township().port);
    for (let i = 0; i < STATIONS; i++) {
      const s = new FleetStation(i, mkdtempSync(join(h.root, `station-${i}-`)));
      h.stations.push(s);
      s.open();
      const code = await township().admin('POST', '/v1/admin/enrolment-codes', { village: `第${i + 1}村`, grid: '第一网格' });
      expect(code.status).toBe(200);
      // Enrolled through the proxy: every later request of the station goes through it.
      await s.station.sync.enroll(proxy().url, code.json.code as string);
    }
    // A first stock of cases, taken in before the township was ever reached.
    for (const s of h.stations) s.takeIn(300);
    note(`setup: township pid ${township().pid} on :${township().port}, proxy on :${proxy().port}, 5 stations enrolled, 1,500 cases taken in (${Date.now() - h.startedAt} ms)`);
  }, 180_000);

  afterAll(async () => {
    await stopLoops().catch(() => undefined);
    h.child?.kill('SIGKILL');
    await h.proxy?.close().catch(() => undefined);
    for (const s of h.stations) await s.close().catch(() => undefined);
    await h.township?.stop().catch(() => undefined);
    if (h.disk instanceof BlobDisk) {
      try {
        h.disk.unmount();
      } catch (error) {
        console.error(`[fault-injection] could not unmount ${h.disk.dir}: ${(error as Error).message}`);
      }
    }
    if (h.root) rmSync(h.root, { recursive: true, force: true });
    note(`total ${((Date.now() - h.startedAt) / 1000).toFixed(1)} s`);
  }, 120_000);

  it('the township killed with SIGKILL in the middle of push batches, restarted on the same port and data', async () => {
    const loops = await startLoops(h.stations);
    const intake = takeInGradually(h.stations, 150);
    const kills: string[] = [];
    let inFlight = 0;
    // Kills at different moments into a batch (0, 5, 25 ms after it went up), one the moment the township has
    // committed and answered (the answer dies with it); more (up to eight) until one lands before any answer.
    const moments: (number | 'answered')[] = [0, 5, 25, 'answered'];
    for (let k = 0; k < 8 && (k < moments.length || inFlight === 0); k++) {
      const moment = moments[k] ?? [0, 5, 25][k % 3]!;
      const delayMs = moment === 'answered' ? 0 : moment;
      const name = moment === 'answered' ? `kill the township as it answers a push (#${k + 1})` : `kill the township ${delayMs} ms into a push (#${k + 1})`;
      let batch: { r: ProxiedRequest; ids: string[]; before: number } | null = null;
      const fired = new Promise<void>((resolve) =>
        proxy().addRule({
          name,
          // When killed as it answers, the answer is not passed on either: the station never hears of the commit.
          action: moment === 'answered' ? 'ack-lost' : 'pass',
          times: 1,
          // A real batch: a push of at least 50 events.
          match: (r) => r.kind === 'push' && eventIdsOf(r).length >= 50,
          onForwarded: (r) => {
            const ids = eventIdsOf(r);
            // Which of its events the township already had (from earlier pushes), read just before the kill.
            batch = { r, ids, before: presentAt(ids) };
            if (moment === 'answered') return;
            const kill = () => void township().kill().then(resolve);
            if (delayMs === 0) kill();
            else setTimeout(kill, delayMs);
          },
          onUpstreamAnswer: () => {
            if (moment === 'answered') void township().kill().then(resolve);
          },
        }),
      );
      await withTimeout(fired, 120_000, 'a push batch to kill the township in');
      // Down: the stations keep taking cases in, their syncs fail as offline.
      await takeInGradually(h.stations, 20);
      await sleep(300);
      // Restarted on the same port and data; the stations are kept off until it has been looked at.
      proxy().down = true;
      await township().start();
      const { ids, before, r } = batch!;
      const after = presentAt(ids);
      const integrity = townshipDb((db) => db.pragma('quick_check', { simple: true }));
      proxy().down = false;
      const record = proxy().records.find((x) => x.rule === name)!;
      const answered = typeof record.upstream !== 'string';
      if (!answered) inFlight++;
      if (moment === 'answered') expect(answered, 'the township answered before it was killed').toBe(true);
      kills.push(`${moment === 'answered' ? 'as it answered' : `+${delayMs} ms`}: push of ${ids.length} events from ${r.station}, ${answered ? `answered first (${describeAnswer(record.upstream)})` : `killed in flight (${describeAnswer(record.upstream)})`}; its events at the township before/after: ${before}/${after} of ${ids.length} (${after === before ? 'rolled back whole' : 'committed whole'}); quick_check ${integrity}`);
      expect(integrity).toBe('ok');
      // The batch is one transaction: after the crash the township has all of it or none of what was new in it.
      expect([before, ids.length], `${name}: ${after} of ${ids.length} events present after the restart`).toContain(after);
      // Killed after its answer was written: committed, and the station will find its events to be duplicates.
      if (moment === 'answered') expect(after).toBe(ids.length);
    }
    await intake;
    // Back up for good: a few more rounds before the next fault.
    await sleep(1500);
    const tally = await stopLoops();
    note(`phase 1 (township SIGKILL mid-push, ${township().starts - 1} restarts on the same port and data):\n    ${kills.join('\n    ')}\n    sync rounds ${tally.rounds}: ok ${tally.ok}, pushed ${tally.pushed}, duplicates ${tally.duplicates}, uploaded ${tally.uploaded}; failures: ${formatErrors(tally)}`);
    expect(loops.tally.errors.get('sync.offline') ?? 0).toBeGreaterThan(0);
    // At least one kill landed while the township was still working on the batch.
    expect(inFlight).toBeGreaterThan(0);
  }, 180_000);

  it('acknowledgements lost after the township committed: pushes, uploads, pulls and status checks', async () => {
    // Decisions for stations 1–4, so their pulls have something to lose on the way.
    for (const s of h.stations.slice(1)) await decideFresh(s, 40, ['review']);
    const plan: [RequestKind, number][] = [['push', 8], ['attachment-put', 8], ['pull', 6], ['attachment-head', 4]];
    for (const [kind, times] of plan) proxy().addRule({ name: `ack lost: ${kind}`, action: 'ack-lost', times, match: (r) => r.kind === kind && r.station !== null });
    const from = proxy().records.length;
    await startLoops(h.stations);
    const intake = takeInGradually(h.stations, 150);
    for (const s of h.stations) s.forward(15);
    await until('every ack-lost rule to fire', () => proxy().activeRules.length === 0);
    await intake;
    await sleep(1000);
    const tally = await stopLoops();
    const records = proxy().records.slice(from);
    note(`phase 2 (ack lost after commit): township answers that never reached the station:\n    ${faultSummary(records)}\n    sync rounds ${tally.rounds}: ok ${tally.ok}, pushed ${tally.pushed}, duplicates ${tally.duplicates} (re-sent after a lost ack), uploaded ${tally.uploaded}, pulled ${tally.pulled}; failures: ${formatErrors(tally)}`);
    expect(records.filter((r) => r.action === 'ack-lost')).toHaveLength(plan.reduce((n, [, t]) => n + t, 0));
    // The township did answer (it committed); the station never heard it.
    for (const r of records) expect(typeof r.upstream, `${r.rule}: ${describeAnswer(r.upstream)}`).not.toBe('string');
    expect(records.every((r) => !r.delivered)).toBe(true);
    // A push whose ack was lost comes back as duplicates, never as new events.
    const lostAccepted = records.filter((r) => r.kind === 'push' && typeof r.upstream !== 'string' && JSON.parse(r.upstream!.body.toString()).accepted.length > 0);
    if (lostAccepted.length > 0) expect(tally.duplicates).toBeGreaterThan(0);
  }, 180_000);

  it('duplicated and reordered requests: a replay is refused as sync.replayed and does no harm; late requests change nothing', async () => {
    for (const s of h.stations.slice(1)) {
      await advance(s, 'in_review', 'approve', 20);
      await advance(s, 'in_review', 'reject', 5);
    }
    const plan: [FaultAction, RequestKind, number][] = [
      ['duplicate', 'push', 4], ['duplicate', 'attachment-put', 4], ['duplicate', 'pull', 3], ['duplicate', 'attachment-head', 2],
      ['duplicate-race', 'push', 3], ['duplicate-race', 'attachment-put', 3], ['duplicate-race', 'pull', 2],
      ['reorder', 'push', 3], ['reorder', 'attachment-put', 2], ['reorder', 'pull', 2],
      ['reorder-race', 'push', 2], ['reorder-race', 'attachment-put', 1], ['reorder-race', 'pull', 1],
    ];
    for (const [action, kind, times] of plan) proxy().addRule({ name: `${action}: ${kind}`, action, times, match: (r) => r.kind === kind && r.station !== null });
    const from = proxy().records.length;
    await startLoops(h.stations);
    const intake = takeInGradually(h.stations, 150);
    for (const s of h.stations) s.forward(15);
    await until('every duplicate and reorder rule to fire', () => proxy().activeRules.length === 0);
    await intake;
    await sleep(1000);
    const tally = await stopLoops();
    await proxy().flushHeld();
    await proxy().settled();
    const records = proxy().records.slice(from);
    note(`phase 3 (duplicates and reorders):\n    ${faultSummary(records)}\n    sync rounds ${tally.rounds}: ok ${tally.ok}, pushed ${tally.pushed}, duplicates ${tally.duplicates}, conflicts ${tally.conflicts}, uploaded ${tally.uploaded}, pulled ${tally.pulled}; failures: ${formatErrors(tally)}`);
    // A HEAD answer has no body, so a refused HEAD shows only its status (401); every other answer names its code.
    const replayed = (kind: RequestKind, a: FaultRecord['upstream']) =>
      typeof a !== 'string' && a !== null && a.status === 401 && (kind === 'attachment-head' || a.code === 'sync.replayed');
    // A copy sent after the original was answered: refused as a replay, always.
    for (const r of records.filter((x) => x.action === 'duplicate')) expect(replayed(r.kind, r.extra), `${r.rule}: copy ${describeAnswer(r.extra)}`).toBe(true);
    // Two copies at once: exactly one of them gets through, the other is a replay.
    for (const r of records.filter((x) => x.action === 'duplicate-race')) {
      expect([r.upstream, r.extra].filter((a) => replayed(r.kind, a)), `${r.rule}: ${describeAnswer(r.upstream)} / ${describeAnswer(r.extra)}`).toHaveLength(1);
    }
    // A late request reached the township (its nonce was never used) and was answered.
    for (const r of records.filter((x) => x.action.startsWith('reorder'))) expect(typeof r.extra, `${r.rule}: ${describeAnswer(r.extra)}`).not.toBe('string');
    expect(records.filter((r) => r.action === 'duplicate' || r.action === 'duplicate-race').length).toBe(plan.filter(([a]) => a.startsWith('duplicate')).reduce((n, [, , t]) => n + t, 0));
    // No event of any station was refused by the township on the way.
    for (const s of h.stations) expect(s.station.sync.status(0).conflicts, s.code).toBe(0);
  }, 180_000);

  it('a station killed with SIGKILL mid-apply of a pull: every decision lands exactly once, the pull cursor never skips', async () => {
    const s0 = h.stations[0]!;
    const others = h.stations.slice(1);
    expect(await settle([s0]), 'station 0 settles before the decisions').toBeGreaterThan(0);
    await startLoops(others);
    const intake = takeInGradually(others, 100);
    // 1,000 decisions for station 0's cases (pages of 200 in the pull), and a blacklist entry for every station.
    const reviewed = await decideFresh(s0, 400, ['review', 'approve']);
    expect(reviewed).toHaveLength(400);
    await advance(s0, 'approved', 'resultReady', 100);
    await advance(s0, 'result_ready', 'post', 100);
    for (const b of BLACKLISTED) expect((await township().admin('POST', '/v1/admin/blacklist', b)).status).toBe(200);
    const feed = townshipDb((db) =>
      (db.prepare("SELECT seq, payload FROM feed WHERE kind = 'case-state' AND station_id = ? ORDER BY seq").all(s0.code) as { seq: number; payload: string }[])
        .map((r) => ({ seq: r.seq, eventId: (JSON.parse(r.payload) as { eventId: string }).eventId })),
    );
    expect(feed.length).toBeGreaterThanOrEqual(1000);
    await s0.close();

    /** What station 0's database says now: the cursor, and whether the applied decisions are exactly those up to it. */
    const inspect = () => {
      const db = new BetterSqlite3(join(s0.dataDir, 'station.db'));
      try {
        const integrity = db.pragma('integrity_check', { simple: true }) as string;
        const cursor = Number((db.prepare('SELECT pull_cursor FROM sync_link').get() as { pull_cursor: string }).pull_cursor);
        const applied = new Set((db.prepare("SELECT id FROM case_events WHERE station = 'township'").all() as { id: string }[]).map((r) => r.id));
        const covered = feed.filter((f) => f.seq <= cursor).map((f) => f.eventId);
        const skipped = covered.filter((id) => !applied.has(id));
        const beyond = [...applied].filter((id) => !covered.includes(id));
        return { integrity, cursor, applied: applied.size, covered: covered.length, skipped, beyond };
      } finally {
        db.close();
      }
    };

    const runChild = (stopAfter: number, killOnPull: boolean) =>
      new Promise<{ how: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', CHILD, s0.dataDir, String(stopAfter)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
        h.child = child;
        let how = 'finished by itself';
        let out = '';
        let err = '';
        child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
        child.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /mid-apply (\d+) (\d+)/.exec(out);
          if (m && how === 'finished by itself') {
            how = `SIGKILL while frozen mid-apply, inside the pull transaction after its ${m[1]}th decision (committed cursor ${m[2]})`;
            child.kill('SIGKILL');
          }
        });
        if (killOnPull) {
          proxy().addRule({
            name: 'kill station 0 as its pull is answered',
            action: 'pass',
            times: 1,
            match: (r) => r.kind === 'pull' && r.station === s0.code,
            onAnswered: () => {
              const delay = Math.floor(Math.random() * 8);
              setTimeout(() => {
                how = `SIGKILL ${delay} ms after its first pull page arrived`;
                child.kill('SIGKILL');
              }, delay);
            },
          });
        }
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`sync child still running after 120 s:\n${out}\n${err}`));
        }, 120_000);
        child.once('exit', (code, signal) => {
          clearTimeout(timer);
          h.child = null;
          proxy().clearRules();
          if (signal === 'SIGKILL' || (code === 0 && how === 'finished by itself')) resolve({ how });
          else reject(new Error(`sync child exited ${code ?? signal}:\n${out}\n${err}`));
        });
      });

    const rounds: string[] = [];
    let lastCursor = 0;
    for (const [stopAfter, killOnPull] of [[150, false], [330, false], [0, true]] as const) {
      const { how } = await runChild(stopAfter, killOnPull);
      const state = inspect();
      rounds.push(`${how}: integrity ${state.integrity}, cursor ${lastCursor}→${state.cursor}, ${state.applied} decisions applied = ${state.covered} up to the cursor`);
      expect(state.integrity).toBe('ok');
      expect(state.skipped, 'decisions at or before the cursor that were never applied').toEqual([]);
      expect(state.beyond, 'decisions applied beyond the committed cursor').toEqual([]);
      expect(state.cursor).toBeGreaterThanOrEqual(lastCursor);
      lastCursor = state.cursor;
    }
    s0.open();
    expect(await settle([s0])).toBeGreaterThan(0);
    const after = inspect();
    const history = s0.station.db.prepare("SELECT id, count(*) AS n FROM case_events WHERE station = 'township' GROUP BY id HAVING n > 1").all();
    expect(history).toEqual([]);
    expect(after.applied).toBe(feed.length);
    expect(after.skipped).toEqual([]);
    await intake;
    const tally = await stopLoops();
    note(`phase 4 (station killed mid-apply of a pull; ${feed.length} decisions for ${s0.code}):\n    ${rounds.join('\n    ')}\n    reopened and synced: ${after.applied}/${feed.length} decisions in the case histories, each once; cursor ${after.cursor}\n    other stations meanwhile: ${tally.ok} ok rounds, failures: ${formatErrors(tally)}`);
  }, 180_000);

  it('clock skew: a station 10 minutes ahead and one 10 minutes behind are refused with sync.clock-skew, lose nothing, and catch up once their clocks are right', async () => {
    const skewed = [h.stations[2]!, h.stations[3]!];
    await startLoops([h.stations[0]!, h.stations[1]!, h.stations[4]!]);
    const intake = takeInGradually([h.stations[0]!, h.stations[1]!, h.stations[4]!], 100);
    const seen: string[] = [];
    const newest: string[] = [];
    for (const [s, offset] of [[skewed[0]!, 10 * 60_000], [skewed[1]!, -10 * 60_000]] as const) {
      s.clockOffsetMs = offset;
      const before = s.pending();
      const taken = s.takeIn(60);
      newest.push(taken.at(-1)!);
      for (let i = 0; i < 3; i++) {
        const error = await s.sync.syncOnce().then(() => null, (e: unknown) => e);
        expect(codeOf(error)).toBe('sync.clock-skew');
        expect((error as RefusedError).status).toBe(401);
      }
      const status = s.station.sync.status(0);
      expect(status).toMatchObject({ lastError: 'sync.clock-skew', pending: before + 60, conflicts: 0 });
      expect((await township().admin('GET', `/v1/admin/cases/${taken.at(-1)}`)).status).toBe(404);
      seen.push(`${s.code} ${offset > 0 ? '+' : ''}${offset / 60_000} min: 3 syncs refused (401 sync.clock-skew), ${status.pending} events kept pending, none refused or dropped`);
    }
    for (const s of skewed) s.clockOffsetMs = 0;
    expect(await settle(skewed)).toBeGreaterThan(0);
    for (const s of skewed) expect(s.pending()).toBe(0);
    for (const caseNo of newest) expect((await township().admin('GET', `/v1/admin/cases/${caseNo}`)).status).toBe(200);
    await intake;
    const tally = await stopLoops();
    note(`phase 5 (clock skew):\n    ${seen.join('\n    ')}\n    clocks fixed: both caught up (pending 0, newest cases at the township); others meanwhile ${tally.ok} ok rounds`);
  }, 180_000);

  it('a full disk at the township: uploads meet a real ENOSPC on a tmpfs, nothing partial is kept, stations retry and converge once there is room', async () => {
    const disk = h.disk;
    if (!(disk instanceof BlobDisk)) {
      throw new Error(`cannot produce a real ENOSPC in this environment, so the full-disk fault was NOT tested (and not faked): ${disk?.reason ?? 'no disk'}`);
    }
    const victims = [h.stations[3]!, h.stations[4]!];
    const bystanders = h.stations.slice(0, 3);
    expect(await settle(victims)).toBeGreaterThan(0);

    // First a chunk that cannot fit, alone on the disk: one page of room, three pages of chunk. The disk takes part of
    // it without an error (a short write); the township must still refuse the chunk and keep nothing of it.
    disk.resize(disk.usedBytes() + 4096);
    const client = victims[0]!.signedClient();
    const probe = randomBytes(3 * 4096 + 512);
    const probePath = SYNC_PATHS.attachment(createHash('sha256').update(probe).digest('hex'));
    const probeAnswer = await client
      .request('PUT', probePath, probe.subarray(0, 3 * 4096), { 'content-type': 'application/octet-stream', 'content-range': formatContentRange(0, 3 * 4096, probe.length) })
      .then(async (res) => ({ status: res.status, said: await res.text() }), (e: unknown) => ({ status: (e as RefusedError).status, said: codeOf(e) }));
    const probeHeld = Number((await client.request('HEAD', probePath, null)).headers.get(SYNC_HEADERS.received));
    expect(probeAnswer.status, `a chunk that did not fit was answered ${probeAnswer.status} ${probeAnswer.said}`).toBeGreaterThanOrEqual(500);
    expect(probeHeld, 'bytes of the refused chunk the township says it holds').toBe(0);
    await startLoops(bystanders);
    const bystanderOk = h.loops!.tally;
    const answersBefore = new Map(proxy().answers);
    disk.resize(disk.usedBytes() + 16 * 1024);
    const free = disk.freeBytes();
    const intake = takeInGradually(bystanders, 60);
    for (const s of victims) s.takeIn(100);
    const tally = newTally();
    for (let round = 0; round < 4; round++) {
      await Promise.all(victims.map((s) => s.sync.syncOnce().then(() => tally.ok++, (e: unknown) => tally.errors.set(codeOf(e), (tally.errors.get(codeOf(e)) ?? 0) + 1))));
    }
    await intake;
    const putAnswers = [...proxy().answers]
      .filter(([k]) => k.startsWith('attachment-put'))
      .map(([k, n]) => [k, n - (answersBefore.get(k) ?? 0)] as const)
      .filter(([, n]) => n > 0);
    const failedPuts = putAnswers.filter(([k]) => !/ 200$/.test(k));
    const partials = partFiles();
    const damaged = badBlobs(h.dataDir);
    const unrecorded = townshipDb((db) => {
      const has = db.prepare('SELECT 1 FROM attachments WHERE sha256 = ?');
      const root = join(h.dataDir, 'blobs');
      return readdirSync(root).flatMap((p) => readdirSync(join(root, p))).filter((sha) => !has.get(sha));
    });
    const pendingWhileFull = victims.map((s) => s.pending());
    // Nothing the township acknowledged is missing from it.
    const ackedButMissing = townshipDb((db) => {
      const has = db.prepare('SELECT 1 FROM events WHERE id = ?');
      return victims.flatMap((s) =>
        (s.station.db.prepare('SELECT id FROM case_events WHERE pushed_at IS NOT NULL AND station != ?').all('township') as { id: string }[]).filter((e) => !has.get(e.id)),
      ).length;
    });
    disk.resize(BIG_DISK);
    expect(await settle(victims)).toBeGreaterThan(0);
    for (const s of victims) expect(s.pending()).toBe(0);
    const bystanders2 = await stopLoops();
    note(`phase 6 (full disk: tmpfs shrunk to ${free} bytes free):\n    probe: a 3-page chunk with 1 page of room → ${probeAnswer.status} ${probeAnswer.said}, township then holds ${probeHeld} bytes of it\n    uploads while full: ${putAnswers.map(([k, n]) => `${k} ×${n}`).join(', ')}\n    victims' syncs: ${tally.ok} ok, failures ${formatErrors(tally)}; pending while full ${pendingWhileFull.join(', ')}\n    blobs/ damaged ${damaged.length}, unrecorded ${unrecorded.length}; .part files left in uploads/ ${partials}; acknowledged but missing ${ackedButMissing}\n    disk grown again: both caught up; bystanders ${bystanders2.ok} ok rounds (of ${bystanderOk.rounds}), failures ${formatErrors(bystanders2)}`);
    expect(failedPuts.length, 'uploads refused while the disk was full').toBeGreaterThan(0);
    for (const [k] of failedPuts) expect(k).toMatch(/ (5\d\d|4\d\d) /);
    expect(damaged).toEqual([]);
    expect(unrecorded).toEqual([]);
    expect(ackedButMissing).toBe(0);
    expect(pendingWhileFull.some((n) => n > 0)).toBe(true);
  }, 180_000);

  it('after the faults stop and sync settles: every case, event and attachment exactly once and identical on both sides — lost=0 duplicated=0 mismatched=0', async () => {
    await stopLoops();
    proxy().clearRules();
    await proxy().flushHeld();
    await proxy().settled();
    proxy().down = false;
    if (!township().running) await township().start();
    if (h.disk instanceof BlobDisk && h.disk.sizeBytes !== BIG_DISK) h.disk.resize(BIG_DISK);
    for (const s of h.stations) {
      s.clockOffsetMs = 0;
      s.open();
    }
    // The rest of the 10,000, while the last round syncs.
    const loops = await startLoops(h.stations);
    await takeInGradually(h.stations, CASES_PER_STATION);
    for (const s of h.stations) s.forward(20);
    await stopLoops();
    const tally = newTally();
    const first = await settle(h.stations, tally, 60);
    expect(first, 'sync settles after the faults').toBeGreaterThan(0);
    // The township moves more cases on; those changes too must come back.
    for (const s of h.stations) {
      await advance(s, 'approved', 'resultReady', 20);
      await advance(s, 'in_review', 'approve', 10);
      await decideFresh(s, 10, ['reject']);
    }
    const second = await settle(h.stations, tally, 60);
    expect(second).toBeGreaterThan(0);
    const ledger = reconcile(h.stations, h.dbFile, h.dataDir, BLACKLISTED);
    const scans = h.stations.reduce((n, s) => n + s.uniquePages, 0);
    const large = h.stations.reduce((n, s) => n + s.largePages, 0);
    note(`settle: ${first} + ${second} rounds (${tally.ok} ok syncs, failures ${formatErrors(tally)}; earlier loop ${loops.tally.ok} ok)\n    ${ledger.counts.join('\n    ')}\n    totals: ${ledger.totals.cases} cases, ${ledger.totals.stationEvents} station events, ${ledger.totals.townshipEvents} township decisions, ${ledger.totals.attachments} distinct attachments (${scans} scanned pages of their own, ${large} of them ~1 MB in chunks; the rest shared pages and signatures), ${(ledger.totals.blobBytes / MiB).toFixed(1)} MiB of blobs\n    admin refusals: ${h.adminRefusals.length === 0 ? 'none' : h.adminRefusals.slice(0, 5).join('; ')}; partial uploads left in uploads/: ${partFiles()}\n    ${ledger.problems.join('\n    ') || 'no problems'}`);
    console.log(`lost=${ledger.lost} duplicated=${ledger.duplicated} mismatched=${ledger.mismatched}`);
    expect(ledger.totals.cases).toBe(STATIONS * CASES_PER_STATION);
    expect(scans).toBe(1000);
    expect(ledger.totals.attachments).toBeGreaterThanOrEqual(1000);
    expect(h.adminRefusals).toEqual([]);
    expect({ lost: ledger.lost, duplicated: ledger.duplicated, mismatched: ledger.mismatched }).toEqual({ lost: 0, duplicated: 0, mismatched: 0 });
  }, 240_000);
});
