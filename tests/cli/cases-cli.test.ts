import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestStation } from '../helpers/station.ts';
import { testToday } from '../helpers/clock.ts';
import { intakeFor, validForm, VILLAGER } from '../helpers/intake.ts';
import { station } from '../helpers/station-cli.ts';
import { tempDir } from '../helpers/tmp.ts';

describe('station staff, case and doc commands', () => {
  it('adds the first admin, lists and shows a case, and writes its receipt with number, name and due date', async () => {
    const dir = tempDir();
    const added = station(['staff', 'add', '--name', '李文', '--role', 'admin', '--data-dir', dir], {});
    // The PIN comes on standard input; spawnSync in the helper gives none, so this first call must fail cleanly.
    expect(added.status).toBe(2);
    const admin = execFileSync(process.execPath, [join(import.meta.dirname, '..', '..', 'scripts', 'station.mjs'), 'staff', 'add', '--name', '李文', '--role', 'admin', '--data-dir', dir], {
      input: '246813\n',
      encoding: 'utf8',
    });
    expect(admin).toMatch(/staff 1 李文 \(admin\)/);

    const core = openTestStation({ dataDir: dir, mode: 'web' });
    const aid = core.catalog.current().matters.find((m) => m.name === '医疗救助申请')!;
    const { caseNo, dueDate } = core.cases.intake(intakeFor(aid, core.attachments, validForm(aid, testToday())), { staffId: 1, role: 'clerk' });
    await core.close();

    const list = JSON.parse(station(['case', 'list', '--json', '--data-dir', dir]).stdout) as { caseNo: string; applicantName: string }[];
    expect(list.map((c) => [c.caseNo, c.applicantName])).toEqual([[caseNo, VILLAGER.name]]);
    const shown = JSON.parse(station(['case', 'show', caseNo, '--json', '--data-dir', dir]).stdout);
    expect(shown.summary.dueDate).toBe(dueDate);
    expect(station(['case', 'show', 'NOPE0-20250101-0001', '--data-dir', dir]).status).toBe(2);

    const pdf = join(dir, 'receipt.pdf');
    const r = station(['doc', 'receipt', caseNo, '-o', pdf, '--data-dir', dir]);
    expect(r.status, r.stderr).toBe(0);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    const [y, m, d] = dueDate.split('-').map(Number);
    expect(text).toContain(caseNo);
    expect(text).toContain(VILLAGER.name);
    expect(text).toContain(`${y}年${m}月${d}日`);
    expect(text).not.toContain(VILLAGER.idNumber);
  });
});
