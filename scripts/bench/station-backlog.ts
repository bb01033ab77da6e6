import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chinaDay } from '../../contract/domain/clock.ts';
import { openStationCore, type StationCore } from '../../electron/core/station.ts';
import { OfflineError } from '../../electron/core/sync/township-client.ts';
import { validForm } from '../lib/form-answers.ts';
import { freePort } from '../lib/free-port.ts';
import { startTownship, type TownshipProcess } from '../lib/township.ts';
import type { Figure } from './report.ts';

const CASES = 1000;
const ATTACHMENTS = 200;
const ATTACHMENT_BYTES = 100 * 1024;
const MATTER = '医疗救助申请';
/** Fictional; valid GB 11643 check character. */
const APPLICANT = { name: '王秀英', idNumber: '43070219550101128X', gender: '女', birthDate: '1955-01-01', address: '湖南省津市市毛里湖镇青苗村3组' } as const;
/** syncOnce rounds before giving up: the backlog should go up in a handful. */
const MAX_ROUNDS = 50;

/**
 * The backlog a station builds up offline: 1,000 cases whose scanned pages are 200 distinct ~100 KB files (each case
 * hands in two pages, each page shared by ten cases), plus one applicant signature they all share.
 */
function takeInBacklog(core: StationCore): void {
  const matter = core.services.catalog.current().matters.find((m) => m.name === MATTER)!;
  const form = validForm(matter, chinaDay(new Date()));
  const pages = Array.from({ length: ATTACHMENTS }, () =>
    core.services.attachments.put({ kind: 'scan', mime: 'image/jpeg', bytes: randomBytes(ATTACHMENT_BYTES), width: 1240, height: 1754 }).sha256,
  );
  const signature = core.services.attachments.put({ kind: 'signature', mime: 'image/png', bytes: Buffer.from('bench applicant signature'), width: 10, height: 10 }).sha256;
  for (let i = 0; i < CASES; i++) {
    let page = 0;
    const materials = matter.materials.map((m) =>
      m.exemptions[0]
        ? { materialId: m.id, status: 'exempt' as const, exemption: m.exemptions[0].kind, source: m.exemptions[0].source }
        : { materialId: m.id, status: 'provided' as const, pages: [pages[(2 * i + page++) % ATTACHMENTS]!] },
    );
    core.services.cases.intake({ requestId: randomUUID(), channel: 'window', matterCode: matter.code, applicant: APPLICANT, form, materials, applicantSignature: signature }, null);
  }
}

/** A station that took 1,000 cases in while the township was unreachable; the township comes up; until all is acknowledged. */
export async function benchStationBacklog(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'doorstep-bench-backlog-'));
  const townshipDir = join(dir, 'township');
  mkdirSync(townshipDir);
  const port = await freePort();
  const options = { mode: 'child' as const, port, db: join(townshipDir, 'township.sqlite'), dataDir: townshipDir, logFile: join(dir, 'township.log') };
  let township: TownshipProcess | undefined = await startTownship(options);
  let core: StationCore | undefined;
  try {
    core = openStationCore({ dataDir: join(dir, 'station'), mode: 'web' });
    await core.services.sync.enroll(township.url, await township.code());
    // Network down: nothing listens at the township's address any more.
    await township.stop();
    township = undefined;
    const takeInStart = performance.now();
    takeInBacklog(core);
    const takeInSeconds = (performance.now() - takeInStart) / 1000;
    const offline = await core.services.sync.syncOnce().then(() => null, (error: unknown) => error);
    if (!(offline instanceof OfflineError)) throw new Error(`expected the station to be offline, got ${String(offline)}`);
    const before = core.services.sync.status(0).pending;
    if (before !== CASES) throw new Error(`expected ${CASES} events waiting, found ${before}`);

    // Network up: the township listens again at the same address; the clock starts when it does.
    township = await startTownship(options);
    const up = township.readyAt;
    let rounds = 0;
    let uploaded = 0;
    let conflicts = 0;
    while (core.services.sync.status(0).pending > 0) {
      if (++rounds > MAX_ROUNDS) throw new Error(`backlog not acknowledged after ${MAX_ROUNDS} syncs: ${core.services.sync.status(0).pending} pending`);
      const r = await core.services.sync.syncOnce();
      uploaded += r.uploaded;
      conflicts += r.conflicts;
    }
    const seconds = (performance.now() - up) / 1000;
    if (conflicts > 0) throw new Error(`${conflicts} conflicts while syncing the backlog`);
    // The township has them: the first and the last case, as the admin API shows them.
    const caseNos = core.data.cases.numbers();
    for (const caseNo of [caseNos[0]!, caseNos.at(-1)!]) {
      const res = await township.admin('GET', `/v1/admin/cases/${caseNo}`);
      if (res.status !== 200) throw new Error(`case ${caseNo} not at the township: HTTP ${res.status}`);
    }
    return [
      { name: `station: taking ${CASES} cases in offline (context)`, value: takeInSeconds, unit: 's' },
      {
        name: `station: network up → backlog of 1,000 cases + 200 attachments acknowledged (${rounds} sync${rounds === 1 ? '' : 's'}, ${uploaded} uploads)`,
        value: seconds,
        unit: 's',
      },
    ];
  } finally {
    await core?.station.close();
    await township?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
