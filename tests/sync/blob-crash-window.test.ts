// Found by the fault-injection harness (tests/sync/fault-injection.test.ts), pinned here deterministically: the
// township renames a verified upload into blobs/ and only then notes it in the database. A crash (or a failed
// database write) between the two leaves the file whole on disk but unknown to the database. HEAD used to answer
// "complete" from the file alone, so the station never uploaded it again, while push kept answering "waiting for
// that attachment": the case's events waited forever.
import { testToday } from '../helpers/clock.ts';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestStation } from '../helpers/station.ts';
import { intakeFor, validForm } from '../helpers/intake.ts';
import { tempDir } from '../helpers/tmp.ts';
import { startTownship } from '../../scripts/lib/township.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('an attachment whole on the township disk but not in its database (crash between rename and record)', () => {
  it('is recorded when the station asks about it, and the events waiting for it apply', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'township-'));
    const township = await startTownship({ dataDir });
    cleanups.push(() => township.stop());
    const station = openTestStation({ dataDir: tempDir(), mode: 'web' });
    cleanups.push(() => station.close());
    await station.sync.enroll(township.url, await township.code());

    const aid = station.catalog.current().matters.find((m) => m.name === '医疗救助申请')!;
    const page = Buffer.from('a scanned page the township stored just before it was killed');
    const input = intakeFor(aid, station.attachments, validForm(aid, testToday()));
    const sha = station.attachments.put({ kind: 'scan', mime: 'image/jpeg', bytes: page, width: 10, height: 10 }).sha256;
    input.materials = input.materials.map((m) => (m.status === 'provided' ? { ...m, pages: [...m.pages, sha] } : m));
    const { caseNo } = station.cases.intake(input, null);
    // What the township's disk holds after the crash: the verified blob in place, nothing in the attachments table.
    mkdirSync(join(dataDir, 'blobs', sha.slice(0, 2)), { recursive: true });
    writeFileSync(join(dataDir, 'blobs', sha.slice(0, 2), sha), page);

    // Before the fix every sync ended with the case still pending, however often it ran.
    expect(await station.sync.syncOnce()).toMatchObject({ pending: 0, conflicts: 0 });
    expect((await township.admin('GET', `/v1/admin/cases/${caseNo}`)).status).toBe(200);
  });
});
