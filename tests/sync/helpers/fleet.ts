// The stations of the fault-injection test: each a real station (openStation) on its own data directory, taking
// cases in fast through CaseService.intake, with a sync loop per station that keeps going whatever fails.
import { testClock, testToday } from '../../helpers/clock.ts';
import { randomBytes, randomUUID } from 'node:crypto';
import type { IntakeInput } from '../../../contract/domain/cases.ts';
import type { Matter } from '../../../contract/domain/catalog.ts';
import { fieldAad, FieldCipher } from '../../../electron/core/security/field-cipher.ts';
import { openTestStation, type TestStation } from '../../helpers/station.ts';
import { privateKeyFromDer } from '../../../electron/core/sync/signer.ts';
import { SyncService, type SyncResult } from '../../../electron/core/sync/sync-service.ts';
import { TownshipClient } from '../../../electron/core/sync/township-client.ts';
import { completeMaterials, fakeScan, validForm, VILLAGER } from '../../helpers/intake.ts';

export const CASES_PER_STATION = 2000;
/** Every 10th case brings a scanned page of its own: 200 per station, 1,000 in all. */
export const UNIQUE_PAGE_EVERY = 10;
const MATTER = '医疗救助申请';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tick = () => new Promise((resolve) => setImmediate(resolve));

/** The stable error code of whatever a sync threw. */
export const codeOf = (error: unknown): string => (error as { code?: string }).code ?? (error as Error).message ?? String(error);

export class FleetStation {
  #station: TestStation | null = null;
  #code = '';
  #template: { matter: Matter; form: IntakeInput['form']; materials: IntakeInput['materials']; signature: string } | null = null;
  /** Added to the real clock for this station's sync (clock skew); 0 is the right time. */
  clockOffsetMs = 0;
  #skewed: { offset: number; service: SyncService } | null = null;
  taken = 0;
  uniquePages = 0;
  largePages = 0;

  constructor(
    readonly index: number,
    readonly dataDir: string,
  ) {}

  open(): TestStation {
    if (this.#station) return this.#station;
    const station = openTestStation({ dataDir: this.dataDir, mode: 'web' });
    this.#station = station;
    this.#code = station.cases.station;
    const matter = station.catalog.current().matters.find((m) => m.name === MATTER)!;
    this.#template = {
      matter,
      form: validForm(matter, testToday()),
      // The same pages for every case of the matter, on every station: stored once at the township.
      materials: completeMaterials(matter, station.attachments),
      // A signature per station, shared by its cases.
      signature: fakeScan(station.attachments, `signature of ${this.#code}`, 'signature'),
    };
    this.taken = (station.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    return station;
  }

  async close(): Promise<void> {
    const s = this.#station;
    this.#station = null;
    this.#skewed = null;
    await s?.close();
  }

  get isOpen(): boolean {
    return this.#station !== null;
  }

  get station(): TestStation {
    if (!this.#station) throw new Error(`station ${this.index} is closed`);
    return this.#station;
  }

  /** The station's code: the prefix of its case numbers and its id at the township. */
  get code(): string {
    return this.#code;
  }

  /** The station's sync service; with a clock offset, one built the same way on a wrong clock. */
  get sync(): SyncService {
    const s = this.station;
    if (this.clockOffsetMs === 0) return s.sync;
    if (this.#skewed?.offset !== this.clockOffsetMs) {
      const offset = this.clockOffsetMs;
      const service = new SyncService({
        db: s.data, keys: s.keys, cipher: new FieldCipher(s.keys), stationCode: s.cases.station, attachments: s.attachments,
        catalog: s.catalog, calendar: s.calendar, logger: s.logger, clock: () => new Date(testClock().getTime() + offset),
      });
      this.#skewed = { offset, service };
    }
    return this.#skewed!.service;
  }

  /** Takes `n` cases in, one intake transaction each; every 10th with a scanned page of its own. */
  takeIn(n: number): string[] {
    const s = this.station;
    const t = this.#template!;
    const caseNos: string[] = [];
    for (let i = 0; i < n && this.taken < CASES_PER_STATION; i++) {
      let materials = t.materials;
      if ((this.taken + 1) % UNIQUE_PAGE_EVERY === 0) {
        const k = this.uniquePages++;
        // A few KB, and two per station of about a megabyte, sent in 512 KB chunks.
        const large = k % 100 === 50;
        if (large) this.largePages++;
        const bytes = randomBytes(large ? 900_000 + k * 1000 : 2048 + ((k * 997) % 4096));
        const sha = s.attachments.put({ kind: 'scan', mime: 'image/jpeg', bytes, width: 1240, height: 1754 }).sha256;
        materials = materials.map((m, j) => (j === 0 && m.status === 'provided' ? { ...m, pages: [...m.pages, sha] } : m));
      }
      const input: IntakeInput = {
        requestId: randomUUID(),
        channel: 'window',
        matterCode: t.matter.code,
        applicant: VILLAGER,
        form: t.form,
        materials,
        applicantSignature: t.signature,
      };
      caseNos.push(s.cases.intake(input, null).caseNo);
      this.taken++;
    }
    return caseNos;
  }

  /** The station forwards up to `n` of its cases still received (a second station event, seq 2). */
  forward(n: number): number {
    const s = this.station;
    const rows = s.db.prepare("SELECT case_no FROM cases WHERE state = 'received' AND id % 7 = 3 ORDER BY id LIMIT ?").all(n) as { case_no: string }[];
    for (const r of rows) s.cases.transition(r.case_no, 'forward', null);
    return rows.length;
  }

  /** A client signing with this station's enrolled key, for requests made by hand. */
  signedClient(): TownshipClient {
    const s = this.station;
    const link = s.db.prepare('SELECT server_url, station_id, private_key FROM sync_link WHERE id = 1').get() as { server_url: string; station_id: string; private_key: string };
    const der = Buffer.from(new FieldCipher(s.keys).openText(link.private_key, fieldAad('sync', 1, 'private_key')), 'base64');
    return new TownshipClient(link.server_url, { key: privateKeyFromDer(der), stationId: link.station_id }, s.clock);
  }

  /** Events the township has not acknowledged yet. */
  pending(): number {
    return this.station.sync.status(0).pending;
  }
}

/** Takes cases in on several stations a little at a time, letting sync and the proxy run in between. */
export async function takeInGradually(stations: FleetStation[], perStation: number, chunk = 20): Promise<void> {
  const left = new Map(stations.map((s) => [s, perStation]));
  while ([...left.values()].some((n) => n > 0)) {
    for (const [s, n] of left) {
      if (n <= 0 || !s.isOpen) {
        left.set(s, 0);
        continue;
      }
      const k = Math.min(chunk, n);
      s.takeIn(k);
      left.set(s, n - k);
    }
    await tick();
  }
}

export interface SyncTally {
  rounds: number;
  ok: number;
  pushed: number;
  duplicates: number;
  conflicts: number;
  uploaded: number;
  pulled: number;
  errors: Map<string, number>;
}

export const newTally = (): SyncTally => ({ rounds: 0, ok: 0, pushed: 0, duplicates: 0, conflicts: 0, uploaded: 0, pulled: 0, errors: new Map() });

export function addResult(t: SyncTally, r: SyncResult): void {
  t.ok++;
  t.pushed += r.pushed;
  t.duplicates += r.duplicates;
  t.conflicts += r.conflicts;
  t.uploaded += r.uploaded;
  t.pulled += r.pulled;
}

export const addError = (t: SyncTally, error: unknown): void => {
  const code = codeOf(error);
  t.errors.set(code, (t.errors.get(code) ?? 0) + 1);
};

export const formatErrors = (t: SyncTally): string =>
  [...t.errors].map(([code, n]) => `${code}×${n}`).join(', ') || 'none';

/** A sync loop per station, as the scheduler would run it (without its backoff): round after round until stopped. */
export class SyncLoops {
  readonly tally = newTally();
  #stopped = false;
  #runs: Promise<void>[] = [];

  constructor(readonly stations: FleetStation[], readonly pauseMs = 30) {
    for (const s of stations) this.#runs.push(this.#loop(s));
  }

  async #loop(s: FleetStation): Promise<void> {
    while (!this.#stopped && s.isOpen) {
      this.tally.rounds++;
      try {
        addResult(this.tally, await s.sync.syncOnce());
      } catch (error) {
        addError(this.tally, error);
      }
      await sleep(this.pauseMs);
    }
  }

  async stop(): Promise<SyncTally> {
    this.#stopped = true;
    await Promise.all(this.#runs);
    return this.tally;
  }
}

/**
 * Syncs the stations round after round until a whole round changes nothing anywhere: nothing pushed, uploaded or
 * pulled, nothing pending. Returns the rounds it took, or -1 if it never got there.
 */
export async function settle(stations: FleetStation[], tally = newTally(), maxRounds = 40): Promise<number> {
  for (let round = 1; round <= maxRounds; round++) {
    let quiet = true;
    await Promise.all(
      stations.map(async (s) => {
        tally.rounds++;
        try {
          const r = await s.sync.syncOnce();
          addResult(tally, r);
          if (r.pushed + r.duplicates + r.conflicts + r.uploaded + r.pulled + r.pending > 0) quiet = false;
        } catch (error) {
          addError(tally, error);
          quiet = false;
          await sleep(200);
        }
      }),
    );
    if (quiet) return round;
  }
  return -1;
}
